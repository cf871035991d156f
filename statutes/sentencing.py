"""Sentencing reference: what the Code provides for a part, and what follows from it (General Part).

Pure functions over the statute table. :func:`reference` gives, for one part and an optional offence date and
facts about the case, the available punishments with their ranges, the category and its consequences
(limitation, attempt cap, preparation, release options, rules for foreigners and minors); several offences are
combined by :func:`statutes.aggregate.aggregate`. Every figure carries the article it comes from;
where the Code leaves a point open the result carries the open question instead of an invented rule.

This is a reference for training, not legal advice: it states the law's limits, not a sentence.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Iterable

from i18n import Text, figure, number, quantity

from .messages import Note, capitalised, joined, years
from .schema import OpenQuestion, PartVersion
from .table import Bound, StatuteTable, load_table


@dataclass(frozen=True)
class Punishment:
    """A punishment the part provides, as it applies to this case."""

    kind: str
    title: Text
    role: str
    min: Bound | None  # None where only a maximum applies to this case (a minor's fine, Art. 85.2)
    max: Bound
    unit: str
    mandatory: bool
    available: bool = True
    notes: tuple[Note, ...] = ()

    @property
    def span(self) -> Text:
        """The range with its unit and the article of each end, in any language: "3 months (Art. 55.2) – 2 years
        (Art. 271.1)", "2,000 – 4,000 AZN (Art. 271.1)" when one article sets both ends, or "up to 600 AZN
        (Art. 85.2)" where only a maximum applies (a minor's fine)."""
        high = quantity(self.max.value, self.unit)
        if self.min is None:
            return Text("statutes.span_max", high=high, article=self.max.article)
        low = quantity(self.min.value, self.unit)
        if self.min.article == self.max.article:
            return Text("statutes.span", low=low, high=high, article=self.min.article)
        return Text("statutes.span_two", low=low, high=high, low_article=self.min.article, high_article=self.max.article)


@dataclass(frozen=True)
class ReleaseOption:
    id: str
    title: Text
    article: str
    available: bool
    note: Note


@dataclass(frozen=True)
class SentencingReference:
    """Everything the Code says about sentencing one part, each figure traced to its article, with the wording
    (:attr:`version`) it rests on, so that a page or card shows that text without asking the table again."""

    part: str
    article: str
    offence_date: dt.date | None
    version: PartVersion
    effective_from: dt.date
    text_status: str
    category: str
    category_title: Text
    category_article: str
    punishments: tuple[Punishment, ...]
    limitation_years: Bound
    attempt_cap_months: Bound | None
    mitigation_cap_months: Bound | None
    limitation_ends: dt.date | None  # with an offence date: when the limitation period ends (Art. 75.1)
    time_barred: bool | None  # with an offence date: whether it has ended by ``today`` (unless Art. 75.3)
    release: tuple[ReleaseOption, ...]
    notes: tuple[Note, ...]
    open_questions: tuple[OpenQuestion, ...] = field(default=())
    facts: tuple[str, ...] = ()  # the facts of the case that were true (attempt, minor, ...), as passed to reference()

    def punishment(self, kind: str) -> Punishment | None:
        return next((p for p in self.punishments if p.kind == kind), None)

    @property
    def max_imprisonment_months(self) -> float:
        p = self.punishment("imprisonment")
        return p.max.value if p else 0


def _limitation_end(on: dt.date, years: float) -> dt.date:
    """``on`` plus a limitation period in years (a halved one may be a half year: 3.5 years = 42 months)."""
    months = round(years * 12)
    y, m = divmod(on.month - 1 + months, 12)
    year, month = on.year + y, m + 1
    return dt.date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def _cap(fraction, top: float) -> float:
    return float(Fraction(fraction.numerator, fraction.denominator) * Fraction(str(top)))


def reference(part_id: str, *, offence_date: dt.date | None = None, attempt: bool = False,
              art60_conditions: bool = False, foreign_national: bool = False, minor: bool = False,
              today: dt.date | None = None, table: StatuteTable | None = None) -> SentencingReference:
    """The sentencing reference for one part of Chapter 30.

    Parameters
    ----------
    part_id : e.g. ``"271.2"``.
    offence_date : the wording in force then is used, with Art. 10's milder-law rule (None: current wording);
        parse text with :func:`~statutes.dates.parse_date`.
    attempt : the offence stopped at attempt (Art. 29; cap of Art. 63.3).
    art60_conditions : all conditions of one of Arts. 59.1.8, .10, .11, .12 or .13 and no aggravating
        circumstance (cap of Art. 60.1).
    foreign_national : foreigner or stateless person (Arts. 52-1.6, 52).
    minor : offender under 18 (Arts. 85, 91).
    today : the day the limitation period is compared with (default: the current date); only with an offence date.

    Raises
    ------
    UnknownPartError
        For a part Chapter 30 does not have.
    NotCoveredError
        For an offence date before the 2012 rewrite of Chapter 30.
    TypeError
        For an offence date that is not a ``datetime.date``.
    """
    table = table or load_table()
    gp = table.general
    w = table.wording(part_id, offence_date)
    cat = table.categories[w.category]
    notes: list[Note] = list(w.notes)
    raised = {f"category:{w.category}", f"wording:{w.version.amended_by}"}  # raises open questions (open_questions.yaml)
    if w.on is not None:
        raised |= {f"before:{a.id}" for a in table.amendments.values()
                   if a.adopted and (w.on < a.adopted or a.in_window(w.on))}

    punishments: list[Punishment] = []
    for s in w.sanctions:
        pnotes: list[Note] = []
        available, low, high = True, s.min, s.max
        ptype = table.punishments[s.kind]
        if s.kind == "restriction_of_liberty" and foreign_national and ptype.unavailable_to_foreign_nationals:
            available = False
            pnotes.append(Note("rl_foreign", ptype.unavailable_to_foreign_nationals.article))
        if minor and s.kind == "fine":
            cap = gp.minors.fine_max_azn
            low, high = None, Bound(min(cap.value, s.max.value), cap.article)
            pnotes.append(Note("minor_fine", cap.article, max=figure(high.value), min=figure(s.min.value),
                               high=figure(s.max.value)))
        if minor and s.kind == "restriction_of_liberty":
            m = gp.minors
            low = Bound(m.restriction_of_liberty_min_months.value, m.restriction_of_liberty_min_months.article)
            if m.restriction_of_liberty_max_months.value < high.value:
                high = Bound(m.restriction_of_liberty_max_months.value, m.restriction_of_liberty_max_months.article)
            pnotes.append(Note("minor_rl", m.restriction_of_liberty_min_months.article,
                               min=int(low.value), max=int(high.value)))
        if s.role == "additional" and s.mandatory:
            pnotes.append(Note("mandatory_additional", gp.exceptional_circumstances_article))
            raised.add("mandatory_additional")
        punishments.append(Punishment(s.kind, table.kind_title(s.kind), s.role, low, high, s.unit, s.mandatory,
                                      available, tuple(pnotes)))

    top_imp = max((s.max.value for s in w.sanctions if s.kind == "imprisonment"), default=0)
    notes.append(Note("category", cat.article,
                      title=cat.title, max_months=int(top_imp)))

    limitation = Bound(cat.limitation_years.value, cat.limitation_years.article)
    notes.append(Note("limitation", limitation.article, years=years(limitation.value)))
    if minor:
        div = gp.minors.limitation_divisor
        limitation = Bound(limitation.value / div.value, div.article)
        notes.append(Note("limitation_minor", div.article, years=years(limitation.value)))
        m = gp.minors
        notes.append(Note("minor_age", m.age_of_responsibility.article, age=int(m.age_of_responsibility.value)))
        if w.category in m.educational_measures_categories:
            cats = joined([table.categories[c].title for c in m.educational_measures_categories], " / ")
            notes.append(Note("minor_release", ", ".join(m.educational_measures_articles), categories=cats))
    ends = barred = None
    if w.on is not None:
        ends = _limitation_end(w.on, limitation.value)
        barred = (today or dt.date.today()) > ends
        if barred:
            notes.append(Note("limitation_passed", gp.limitation_suspension_article, years=years(limitation.value),
                              on=w.on.isoformat(), ends=ends.isoformat()))
        else:
            notes.append(Note("limitation_runs", limitation.article, ends=ends.isoformat()))
    if foreign_national and any(s.kind == "imprisonment" for s in w.sanctions):
        ex = gp.expulsion
        notes.append(Note("expulsion", ex.article, months=number(ex.rule_above_months.value),
                          exceptions=ex.exceptions_article))

    if w.category not in gp.preparation.punishable_categories:
        cats = [table.categories[c].title for c in gp.preparation.punishable_categories]
        notes.append(Note("preparation", gp.preparation.article, categories=joined(cats, ", ")))

    main = [p for p in punishments if p.role == "main" and p.available]
    severest = max(main, key=lambda p: table.punishments[p.kind].severity) if main else None
    attempt_cap = mitigation_cap = None
    if severest is not None and (attempt or art60_conditions):
        for flag, frac, key in ((attempt, gp.attempt.cap, "attempt_cap"), (art60_conditions, gp.mitigation_cap.cap, "mitigation_cap")):
            if not flag:
                continue
            value = _cap(frac, severest.max.value)
            bound = Bound(value, frac.article)
            notes.append(Note(key, frac.article, kind=table.kind_title(severest.kind), num=frac.numerator,
                              den=frac.denominator, max=number(severest.max.value), cap=number(value)))
            if severest.min is not None and value < severest.min.value:
                notes.append(Note("cap_below_min", gp.exceptional_circumstances_article, cap=number(value),
                                  min=number(severest.min.value), open_question=_raised_by(table, "sentence_cap")))
            if key == "attempt_cap":
                attempt_cap = bound
            else:
                mitigation_cap = bound
        raised.add("sentence_cap")

    release = []
    for r in gp.release:
        ok = w.category in r.categories
        if ok:
            note = Note("release_available", r.article, title=capitalised(r.title))
        else:
            cats = joined([table.categories[c].title for c in r.categories], " / ")
            note = Note("release_unavailable", r.article, title=capitalised(r.title), categories=cats)
        release.append(ReleaseOption(r.id, r.title, r.article, ok, note))
        raised.add(f"release:{r.id}")

    if table.entry_window(part_id, w.on) is not None:
        raised.add("entry_into_force_gap")
    return SentencingReference(
        part=part_id, article=table.article_of(part_id).article, offence_date=w.on, version=w.version,
        effective_from=w.version.effective_from, text_status=w.version.text_status,
        category=w.category, category_title=cat.title,
        category_article=cat.article,
        punishments=tuple(punishments), limitation_years=limitation, attempt_cap_months=attempt_cap,
        mitigation_cap_months=mitigation_cap, limitation_ends=ends, time_barred=barred,
        release=tuple(release), notes=tuple(notes),
        open_questions=table.open_questions_for(part_id, raised),
        facts=tuple(k for k, v in (("attempt", attempt), ("art60_conditions", art60_conditions),
                                   ("foreign_national", foreign_national), ("minor", minor)) if v))


def _raised_by(table: StatuteTable, trigger: str) -> str | None:
    return next((q.id for q in table.open_questions.values() if trigger in q.raised_by), None)
