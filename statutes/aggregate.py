"""Several Chapter 30 offences sentenced together: an aggregate of crimes (Arts. 17, 66.2), a repeat (Art. 16.1),
or one act that meets two parts of one article (an open question).

Crimes under different articles are an aggregate (Art. 17.1; one act under several articles, Art. 17.2): a sentence
for each, then absorption (not above the heaviest) or addition within the limits of Art. 66.2 and the General Part.
Parts of one article are not an aggregate. Separate episodes under one article are a repeat (Art. 16.1), which
selects the article's aggravated part (its "repeatedly" qualifier). For one act, a part that includes another
(271.2 includes 271.1) is the special norm and alone applies (Art. 17.4); one act that meets two basic parts of one
article (273.1 and 273.2: ransomware that encrypts data and stops a service) is shown under both parts with the
open question the notes list (§7 item 14, Arts. 16.1 and 17.2), and no combined figure is given that would choose
a reading. Every figure cites Art. 66.2 (66.4 for additional punishments), and the General Part or minors' limit
where that limit binds.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from i18n import Text, figure

from .messages import Note
from .schema import OpenQuestion
from .sentencing import SentencingReference, reference
from .table import Bound, StatuteTable, load_table

OTHERS = (("fine", "main"), ("restriction_of_liberty", "main"), ("deprivation_of_right", "additional"))
"""Punishments other than imprisonment that add up in an aggregate, each capped by its General Part maximum."""


@dataclass(frozen=True)
class Repeat:
    """Separate episodes under one article (Art. 16.1): the part the repeat selects, or None when the notes do
    not say (episodes of which only some were against an infrastructure object)."""

    article: str
    parts: tuple[str, ...]
    reference: SentencingReference | None
    note: Note


@dataclass(frozen=True)
class OneAct:
    """One act under several parts of one article: the part that applies (Art. 17.4), or None with both parts'
    references when the notes leave it open."""

    article: str
    references: tuple[SentencingReference, ...]
    part: str | None
    note: Note


@dataclass(frozen=True)
class AggregateReference:
    """Combined limits for several offences sentenced together. :attr:`crimes` are the crimes that are
    aggregated (after repeats are merged and special norms chosen); the figures are None where no aggregate of
    crimes follows or a reading is left open."""

    references: tuple[SentencingReference, ...]
    separate_episodes: bool | None
    crimes: tuple[SentencingReference, ...]
    repeats: tuple[Repeat, ...]
    one_act: tuple[OneAct, ...]
    imprisonment_absorption_max_months: Bound | None
    imprisonment_addition_max_months: Bound | None
    other_addition_max: tuple[tuple[str, Bound], ...]
    notes: tuple[Note, ...]
    open_questions: tuple[OpenQuestion, ...] = ()


def aggregate(references: Iterable[SentencingReference], *, separate_episodes: bool | None = None,
              table: StatuteTable | None = None) -> AggregateReference:
    """Combined limits for several Chapter 30 offences, from their references (built with the same offence date
    and facts).

    Parameters
    ----------
    references : one per offence; with ``separate_episodes`` a part given twice is two episodes, otherwise once.
    separate_episodes : whether the offences are separate episodes (True: parts of one article are a repeat,
        Art. 16.1) or one act (False: the analysis of one incident). Needed only when two references share an
        article.

    Raises
    ------
    ValueError
        For fewer than two offences; for parts of one article when ``separate_episodes`` is None (the caller must
        say which it is); for references built with different offence dates or facts.
    """
    table = table or load_table()
    refs = list(references) if separate_episodes else list({r.part: r for r in references}.values())
    if len(refs) < 2:
        raise ValueError("an aggregate needs at least two offences (two different parts, or separate episodes)")
    if len({(r.offence_date, r.facts) for r in refs}) > 1:
        raise ValueError("the references of an aggregate must be built with the same offence date and facts")
    by_article: dict[str, list[SentencingReference]] = defaultdict(list)
    for r in refs:
        by_article[r.article].append(r)
    shared = [a for a, rs in by_article.items() if len(rs) > 1]
    if shared and separate_episodes is None:
        raise ValueError(f"parts of one article ({', '.join(shared)}) are not an aggregate of crimes: say whether they "
                         "are separate episodes (a repeat, Art. 16.1) or one act (separate_episodes=True or False)")
    crimes, repeats, one_act, open_group = [], [], [], False
    for article, rs in by_article.items():
        if len(rs) == 1:
            crimes.append(rs[0])
        elif separate_episodes:
            rep = _repeat(table, article, rs)
            repeats.append(rep)
            crimes.extend([rep.reference] if rep.reference else rs)
            open_group |= rep.reference is None
        else:
            act = _one_act(table, article, rs)
            one_act.append(act)
            crimes.extend(r for r in act.references if r.part == act.part)
            open_group |= act.part is None
    notes = [x.note for x in (*repeats, *one_act)]
    figures = (None, None, ())
    offences = len(crimes) + sum(a.part is None for a in one_act)  # an open one-act group is one offence
    if offences >= 2 and not open_group:
        figures = _figures(table, crimes, notes)
    elif offences >= 2:
        notes.append(Note("aggregate_open", table.general.aggregate.article))
    raised = {"repeat"} if repeats else set()
    raised |= {"one_act"} if any(a.part is None for a in one_act) else set()
    questions = [q for r in refs for q in table.open_questions_for(r.part, raised) if set(q.raised_by) & raised]
    if repeats:
        questions += table.open_questions_for("repeat", raised, part=False)
    questions = tuple({q.id: q for q in questions}.values())
    return AggregateReference(tuple(refs), separate_episodes, tuple(crimes), tuple(repeats), tuple(one_act),
                              *figures, tuple(notes), questions)


def _again(table: StatuteTable, part: str, ref: SentencingReference) -> SentencingReference:
    """The reference of ``part`` for the same offence date and facts as ``ref``."""
    return reference(part, offence_date=ref.offence_date, table=table, **{f: True for f in ref.facts})


def _repeat(table: StatuteTable, article: str, rs: list[SentencingReference]) -> Repeat:
    rp = table.general.repeat
    parts = tuple(r.part for r in rs)
    kinds = {table.part(p).kind for p in parts}
    listed = ", ".join(parts)
    if "infrastructure" in kinds and kinds != {"infrastructure"}:
        return Repeat(article, parts, None, Note("repeat_mixed", rp.article, parts=listed))
    infrastructure = kinds == {"infrastructure"}
    label = next(lb for lb, x in table.labels.items() if x.article == article)
    lp = table.label_parts(label)
    target = lp.infrastructure if infrastructure else lp.aggravated
    if target is None:  # an article without an aggravated part (273-2): repeat aggravates within its range
        return Repeat(article, parts, rs[0], Note("repeat_no_part", rp.aggravating_article, parts=listed, part=parts[0],
                                                  repeat=rp.article))
    qualifier = next(q.id for q in table.part(lp.aggravated).qualifiers if "repeat" in q.circumstances)
    if infrastructure:
        note = Note("repeat_infrastructure", rp.article, parts=listed, part=target)
    else:
        note = Note("repeat", rp.article, parts=listed, part=target, qualifier=qualifier)
    return Repeat(article, parts, _again(table, target, rs[0]), note)


def _one_act(table: StatuteTable, article: str, rs: list[SentencingReference]) -> OneAct:
    ag = table.general.aggregate
    parts = [r.part for r in rs]
    special = [p for p in parts if all(o == p or o in table.part(p).includes for o in parts)]
    if special:
        others = ", ".join(p for p in parts if p != special[0])
        return OneAct(article, tuple(rs), special[0],
                      Note("one_act_special", ag.special_norm_article, part=special[0], others=others))
    return OneAct(article, tuple(rs), None, Note("one_act_open", ag.ideal_article, parts=", ".join(parts),
                                                 repeat=table.general.repeat.article))


def _figures(table: StatuteTable, crimes: list[SentencingReference], notes: list[Note]):
    """Absorption and addition limits (Art. 66.2; additional punishments Art. 66.4) over ``crimes``."""
    ag, minors = table.general.aggregate, table.general.minors
    minor = all("minor" in r.facts for r in crimes)
    notes.append(Note("aggregate_rule", ag.article))
    imps = [p for r in crimes if (p := r.punishment("imprisonment")) and p.available]
    absorption = addition = None
    if imps:
        absorption = Bound(max(p.max.value for p in imps), ag.article)
        less_grave = any(r.category != "minor" for r in crimes)
        cap = next(c for c in ag.imprisonment_cap_months if c.category == ("less_grave" if less_grave else "minor"))
        limits = [(cap.value, cap.article)] + ([(minors.imprisonment_max_months.value,
                                                 minors.imprisonment_max_months.article)] if minor else [])
        total = sum(p.max.value for p in imps)
        addition = _capped(total, ag.article, limits)
        notes.append(Note("aggregate_cap", ag.article, cap=figure(addition.value), sum=figure(total),
                          category=table.categories[cap.category].title, limit=addition.article))
    others = []
    for kind, role in OTHERS:
        present = [p for r in crimes if (p := r.punishment(kind)) and p.available]
        if not present:
            continue
        ptype = table.punishments[kind]
        gmax = ptype.general_max_additional if role == "additional" else ptype.general_max
        value, dated = table.general_maximum(gmax, crimes[0].offence_date, ptype.unit)
        notes.extend([dated] if dated else [])
        limits = [(value, gmax.article)]
        if minor and kind == "fine":
            limits.append((minors.fine_max_azn.value, minors.fine_max_azn.article))
        if minor and kind == "restriction_of_liberty":
            limits.append((minors.restriction_of_liberty_max_months.value, minors.restriction_of_liberty_max_months.article))
        rule = ag.additional_article if role == "additional" else ag.article
        bound = _capped(sum(p.max.value for p in present), rule, limits)
        others.append((kind, bound))
        notes.append(Note("aggregate_other", rule, kind=table.kind_title(kind), max=figure(bound.value),
                          unit=Text(f"statutes.card.{present[0].unit}"), limit=bound.article))
    return absorption, addition, tuple(others)


def _capped(total: float, rule: str, limits: list[tuple[float, str]]) -> Bound:
    """The sum, or the lowest limit below it; the article is the rule, with the binding limit's article."""
    value, article = min([(total, None), *limits], key=lambda x: x[0])
    return Bound(value, rule if article in (None, rule) else f"{rule}, {article}")
