"""Scenario → part questions: which part applies, which fact makes it aggravated or infrastructure, and
which element is missing.

The correct part is always the statute table's own choice (:meth:`StatuteTable.select_part`), and its reason
(the qualifier or Note 3) is the correct option's feedback. Distractors are the basic, aggravated and
infrastructure parts of the same article, so each wrong option teaches the step of part selection it skips.
"""
from __future__ import annotations

import random

from .classification import scenario_articles
from .model import Option, Question
from .phrases import art, cap, circumstance_ref, ordinal_suffix, say
from .questions import Kind, Seed, draw, question
from .scenarios import Bank, Scenario

T = "quiz.parts"
"""This kind's words in the message catalogue (``i18n/catalogue.yaml``)."""
_QUALIFYING = ("repeat", "prior_conspiracy_group", "organised_group", "criminal_community", "official_position",
               "public_infrastructure")


def _single_part(bank: Bank, article: str) -> bool:
    """An article without numbered parts (273-2): no part to choose, and no part-like option."""
    return len(bank.table.articles[article].parts) == 1


def part_seeds(bank: Bank) -> list[Seed]:
    out = []
    for s in bank.scenarios:
        for label in s.labels:
            if _single_part(bank, bank.article_of_label(label)):
                continue
            choice = bank.choice(s, label)
            level = {"basic": "easy"}.get(choice.kind, "hard" if _qualifiers(s) > 1 else "medium")
            out.append(Seed("part", f"part/{s.id}/{label}", (bank.article_of_label(label),), level, (s.id, label), s.id))
    return out


def qualifier_seeds(bank: Bank) -> list[Seed]:
    out = []
    for s in bank.scenarios:
        for label in s.labels:
            choice = bank.choice(s, label)
            if choice.kind != "basic" and len(choice.circumstances) == 1:
                level = "hard" if _qualifiers(s) > 1 else "medium"
                out.append(Seed("qualifier", f"qualifier/{s.id}/{label}", (bank.article_of_label(label),), level,
                                (s.id, label), s.id))
    return out


def missing_seeds(bank: Bank) -> list[Seed]:
    return [Seed("missing_element", f"missing_element/{s.id}", scenario_articles(bank, s), "hard", (s.id,), s.id)
            for s in bank.scenarios if s.missing is not None]


def _qualifiers(s: Scenario) -> int:
    return sum(c in _QUALIFYING for c in s.circumstances)


def build_part(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    table = bank.table
    s, label = bank.scenario(seed.data[0]), seed.data[1]
    choice = bank.choice(s, label)
    lp = table.label_parts(label)
    article = table.labels[label].article
    family = [p for p in (*lp.basic, lp.aggravated, lp.infrastructure) if p]
    family += [lb.basic_parts[0] for lb_id, lb in table.labels.items()
               if lb.article == article and lb_id != label and lb_id not in s.labels]
    taken = {table.labels[lb].article for lb in s.labels}
    # One offence: parts of other articles may be offered too. Several: the stem names the article (never its
    # title, which would answer a matching question), so only its own parts are offered.
    foreign = [p.id for p in table.parts() if table.article_of(p.id).article not in taken
               and p.kind == table.part(choice.part).kind and not _single_part(bank, table.article_of(p.id).article)]
    several = len(s.labels) > 1
    wrong = draw(rng, [p for p in family if p != choice.part], [] if several else foreign, 3)
    options = [Option(art(p, lang, inline=False), p == choice.part, _part_feedback(bank, s, label, p, lang))
               for p in [choice.part, *wrong]]
    stem = say(T, "stem_part_of" if several else "stem_part", lang, text=s.text(lang), article=article,
               sfx=ordinal_suffix(article))
    return question(seed, lang, "single", stem, options, s.answer.get(lang), rng)


def _part_feedback(bank: Bank, s: Scenario, label: str, pid: str, lang: str) -> str:
    table = bank.table
    choice = bank.choice(s, label)
    head = art(pid, lang, inline=False)
    if pid == choice.part:
        return say(T, "right", lang, reason=choice.reason.text(lang), fact=s.decisive_fact.get(lang))
    part = table.part(pid)
    if table.article_of(pid).article != table.labels[label].article:
        a = table.article_of(pid)
        return say(T, "foreign", lang, art=head, article=a.article, title=a.title.get(lang))
    lp = table.label_parts(label)
    if part.kind == "basic" and (pid not in lp.basic or choice.kind == "basic"):
        return say(T, "other_basic", lang, art=head, title=part.title.get(lang))
    if part.kind == "basic":
        circ = table.circumstances[choice.circumstances[0]].title.get(lang)
        return say(T, "basic_not", lang, art=head, circ=circ, correct=art(choice.part, lang))
    if part.kind == "infrastructure":
        return say(T, "infra_not", lang, art=head, note=circumstance_ref(table, part.qualifiers[0].circumstances[0], lang))
    if choice.kind == "infrastructure":
        return say(T, "agg_infra", lang, art=head, correct=art(choice.part, lang))
    qualifiers = "; ".join(q.text_az if lang == "az" else q.en for q in part.qualifiers)
    return say(T, "agg_not", lang, art=head, list=qualifiers)


def build_qualifier(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    table = bank.table
    s, label = bank.scenario(seed.data[0]), seed.data[1]
    choice = bank.choice(s, label)
    correct = choice.circumstances[0]
    equally = {c for q in table.part(choice.part).qualifiers for c in q.circumstances if c in s.circumstances}
    pool = [c.id for c in table.circumstances.values()
            if c.kind in ("qualifier", "element") and c.id != correct and c.id not in equally]
    wrong = draw(rng, [c for c in pool if c in s.circumstances], pool, 3)
    lp = table.label_parts(label)
    options = []
    for cid in [correct, *wrong]:
        circ, ref = table.circumstances[cid], circumstance_ref(table, cid, lang)
        if cid == correct:
            fb = say(T, "right", lang, reason=choice.reason.text(lang), fact=s.decisive_fact.get(lang))
        elif cid in s.circumstances and circ.kind == "qualifier" and choice.kind == "infrastructure" and lp.aggravated:
            fb = say(T, "present_infra", lang, agg=lp.aggravated, part=choice.part, ref=circumstance_ref(table, correct, lang))
        elif cid in s.circumstances and circ.kind == "qualifier":
            fb = say(T, "present_none", lang, article=table.labels[label].article, ref=ref)
        elif cid in s.circumstances:
            fb = say(T, "present_element", lang, ref=ref)
        else:
            fb = say(T, "absent", lang, ref=ref)
        options.append(Option(cap(circ.title.get(lang), lang), cid == correct, fb))
    stem = say(T, "stem_qualifier", lang, text=s.text(lang), part=art(choice.part, lang))
    return question(seed, lang, "single", stem, options, s.answer.get(lang), rng)


def build_missing(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    s = bank.scenario(seed.data[0])
    table = bank.table
    part = table.part(s.missing.part)
    missing = next(e for e in part.elements if e.id == s.missing.element)
    others = [e for e in part.elements if e.id != missing.id]
    wrong = [(e, part.id) for e in draw(rng, [], others, 3)]
    if not any(_longer(e, missing) for e, _ in wrong):  # the answer would be the longest option: add a longer,
        foreign = [(e, p.id) for p in table.parts() if p.id != part.id  # foreign element as a distractor
                   for e in p.elements if _longer(e, missing) and e.id not in {x.id for x in part.elements}]
        if foreign:
            wrong = [*wrong[:2], foreign[rng.randrange(len(foreign))]]
    here = art(part.id, lang)
    options = [Option(cap(getattr(missing, lang), lang), True, say(T, "missing_yes", lang, art=here, answer=s.answer.get(lang)))]
    for e, owner in wrong:
        if owner == part.id:
            fb = say(T, "missing_no", lang, art=here, missing=getattr(missing, lang))
        else:
            fb = say(T, "missing_foreign", lang, art=here, other=art(owner, lang), missing=getattr(missing, lang))
        options.append(Option(cap(getattr(e, lang), lang), False, cap(fb, lang)))
    stem = say(T, "stem_missing", lang, text=s.text(lang), art=here)
    return question(seed, lang, "single", stem, options, s.answer.get(lang), rng)


def _longer(e, than) -> bool:
    """Longer in both languages (the same draw gives the same quiz in each)."""
    return len(e.en) > len(than.en) and len(e.az) > len(than.az)


KINDS = (
    Kind("part", part_seeds, build_part),
    Kind("qualifier", qualifier_seeds, build_qualifier),
    Kind("missing_element", missing_seeds, build_missing),
)
