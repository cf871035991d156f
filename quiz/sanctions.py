"""Sanction questions: the range a part provides, which main punishments a court may choose, and the
maximum in figures (numerical answers).

Every figure comes from :func:`statutes.reference` (the part's wording in force, Art. 10 applied for a past
offence date, General Part minima filled in), so a question can never disagree with the statute table.
Distractors are the same punishment in the neighbouring parts of the article and in the other wording of the
same part (before or after the 31 May 2017 fine increase).
"""
from __future__ import annotations

import datetime as dt
import random

from statutes import SentencingReference, reference

from .model import Option, Question
from .phrases import amount, art, cap, date_text, plain, say, span, statute_quote
from .questions import Kind, Seed, draw, question
from .scenarios import Bank

T = "quiz.sanctions"
"""This kind's words in the message catalogue (``i18n/catalogue.yaml``)."""
MEASURES = ("imprisonment", "fine", "deprivation_of_right")
_DATED_NOTES = ("in_force", "milder_added", "milder_range", "harsher_ignored")


def _ref(bank: Bank, part_id: str, on: dt.date | None = None, **facts: bool) -> SentencingReference:
    return reference(part_id, offence_date=on, table=bank.table, **facts)


def _past_date(bank: Bank, part_id: str) -> dt.date | None:
    """A date inside the first wording of a part that was later amended (the middle of its period)."""
    versions = bank.table.part(part_id).versions
    if len(versions) < 2:
        return None
    a, b = versions[0].effective_from, versions[1].effective_from
    return a + dt.timedelta(days=(b - a).days // 2)


def _dated(ref: SentencingReference, lang: str) -> str:
    """Which wording governs a past act and why (Art. 10), for an offence-date question."""
    return " ".join(n.text(lang) for n in ref.notes if n.id in _DATED_NOTES)


def _range(ref: SentencingReference, kind: str) -> tuple[float, float] | None:
    p = ref.punishment(kind)
    return (p.min.value, p.max.value) if p else None


def _version_range(bank: Bank, part_id: str, version, kind: str) -> tuple[float, float] | None:
    """The range of a punishment in one wording of a part, General Part minimum filled in."""
    s = next((s for s in version.sanctions if s.kind == kind), None)
    if s is None:
        return None
    r = bank.table.resolve(s, part_id, version.effective_from)
    return (r.min.value, r.max.value)


def range_seeds(bank: Bank) -> list[Seed]:
    out = []
    for part in bank.table.parts():
        a = (bank.table.article_of(part.id).article,)
        now = _ref(bank, part.id)
        out += [Seed("sanction_range", f"sanction_range/{part.id}/{p.kind}", a, "medium", (part.id, p.kind, None))
                for p in now.punishments]
        on = _past_date(bank, part.id)
        if on and _range(_ref(bank, part.id, on), "fine") not in (None, _range(now, "fine")):
            out.append(Seed("sanction_range", f"sanction_range/{part.id}/fine/{on}", a, "hard", (part.id, "fine", on)))
    return out


def build_range(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    table = bank.table
    pid, kind, on = seed.data
    ref = _ref(bank, pid, on)
    p = ref.punishment(kind)
    here, kind_title = art(pid, lang), p.title[lang]
    fb: dict[tuple[float, float], str] = {}
    versions = table.part(pid).versions
    for older, newer in zip(versions, versions[1:]):
        other = _version_range(bank, pid, older, kind) if on is None else _range(_ref(bank, pid), kind)
        act, date = newer.amended_by, newer.effective_from.isoformat()
        if other is None:
            continue
        if on is None:
            fb.setdefault(other, say(T, "range_older", lang, art=here, date=date_text(date, lang), act=act))
        else:
            fb.setdefault(other, say(T, "range_later", lang, art=here, date=date_text(date, lang), act=act,
                                     a=table.general.milder_law.not_retroactive_article))
    siblings, foreign = {}, {}
    for part in table.parts():
        other_ref = _ref(bank, part.id)
        same_article = table.article_of(part.id).article == ref.article
        for q in other_ref.punishments:
            r = (q.min.value, q.max.value)
            if part.id == pid and q.kind != kind and q.unit == p.unit and on is None:
                fb.setdefault(r, say(T, "range_kind", lang, art=here, kind=q.title[lang]))
            elif q.kind == kind and part.id != pid:
                where = siblings if same_article else foreign
                where.setdefault(r, say(T, "range_sibling", lang, kind=kind_title, other=art(part.id, lang),
                                        title=part.title.get(lang)))
    correct = (p.min.value, p.max.value)
    explained = {**foreign, **siblings, **fb}
    wrong = draw(rng, sorted(r for r in [*fb, *siblings] if r != correct), sorted(r for r in foreign if r != correct), 3)
    min_note = "" if p.min.article == pid else say(T, "min_from", lang, n=plain(p.min.value), article=p.min.article)
    quote = statute_quote(table, pid, lang, on) if on is None else _dated(ref, lang)
    right = say(T, "range_yes", lang, art=here, kind=kind_title, range=span(*correct, p.unit, lang), quote=quote, min=min_note)
    options = [Option(span(*correct, p.unit, lang), True, right)]
    options += [Option(span(*r, p.unit, lang), False, explained[r]) for r in wrong]
    stem = say(T, "stem_range_on" if on else "stem_range", lang, on=date_text(on, lang) if on else "", kind=kind_title, art=here)
    return question(seed, lang, "single", stem, options, quote, rng)


def available_seeds(bank: Bank) -> list[Seed]:
    out = []
    for part in bank.table.parts():
        a = (bank.table.article_of(part.id).article,)
        out.append(Seed("punishment_available", f"punishment_available/{part.id}", a, "medium", (part.id, False)))
        if _ref(bank, part.id).punishment("restriction_of_liberty"):
            out.append(Seed("punishment_available", f"punishment_available/{part.id}/foreign", a, "hard", (part.id, True)))
    return out


def build_available(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    table = bank.table
    pid, foreign = seed.data
    ref = _ref(bank, pid, foreign_national=foreign)
    here = art(pid, lang)
    options = []
    for ptype in table.general.punishments:
        p = ref.punishment(ptype.kind)
        if p is not None and p.role == "main" and p.available:
            text = say(T, "avail_yes", lang, art=here, range=span(p.min.value, p.max.value, p.unit, lang))
        elif p is not None and p.role == "main":
            text = say(T, "avail_blocked", lang, note=" ".join(n.text(lang) for n in p.notes))
        elif p is not None:
            text = say(T, "avail_additional", lang, art=here, note=" ".join(n.text(lang) for n in p.notes))
        else:
            text = say(T, "avail_absent", lang, art=here, added=_added(bank, ptype.kind, lang))
        ok = p is not None and p.role == "main" and p.available
        options.append(Option(cap(ptype.title.get(lang), lang), ok, text))
    stem = say(T, "stem_available", lang, art=here, who=say(T, "foreigner", lang) if foreign else "")
    return question(seed, lang, "multiple", stem, options, statute_quote(table, pid, lang), rng)


def _added(bank: Bank, kind: str, lang: str) -> str:
    """Which parts a later amendment added this punishment to, if any (e.g. restriction of liberty in 2020)."""
    table, hits = bank.table, {}
    for part in table.parts():
        for old, new in zip(part.versions, part.versions[1:]):
            if kind in {s.kind for s in new.sanctions} - {s.kind for s in old.sanctions}:
                hits.setdefault(new.amended_by, []).append(part.id)
    if len(hits) != 1:
        return ""
    act, parts = next(iter(hits.items()))
    return say(T, "added", lang, parts=", ".join(parts), act=act, date=date_text(table.amendments[act].adopted, lang))


def numeric_seeds(bank: Bank) -> list[Seed]:
    out = []
    for part in bank.table.parts():
        a = (bank.table.article_of(part.id).article,)
        now = _ref(bank, part.id)
        out += [Seed("numeric", f"numeric/{part.id}/{k}", a, "medium", (part.id, k)) for k in MEASURES if now.punishment(k)]
        out.append(Seed("numeric", f"numeric/{part.id}/attempt", a, "hard", (part.id, "attempt")))
    return out


def build_numeric(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    table = bank.table
    pid, measure = seed.data
    here, quote = art(pid, lang), statute_quote(table, pid, lang)
    now = _ref(bank, pid)
    wrong: dict[float, str] = {}
    if measure == "attempt":
        capped = _ref(bank, pid, attempt=True)
        value, unit, tolerance = capped.attempt_cap_months.value, "months", 0.5
        right = say(T, "attempt_yes", lang, note=next(n.text(lang) for n in capped.notes if n.id == "attempt_cap"))
        wrong[now.max_imprisonment_months] = say(T, "num_uncapped", lang, art=here, a=capped.attempt_cap_months.article)
        stem = say(T, "stem_attempt", lang, art=here)
    else:
        p = now.punishment(measure)
        value, unit, tolerance = p.max.value, p.unit, 0.0
        stem = say(T, "stem_num", lang, kind=p.title[lang], art=here, unit=say(T, f"unit_{unit}", lang))
        right = say(T, "num_yes", lang, art=here, value=amount(value, unit, lang), quote=quote)
    for part in table.articles[now.article].parts:
        other = _ref(bank, part.id, attempt=measure == "attempt")
        v = other.attempt_cap_months.value if measure == "attempt" else (other.punishment(measure).max.value
                                                                           if other.punishment(measure) else None)
        if part.id != pid and v is not None:
            template = "num_sibling_attempt" if measure == "attempt" else "num_sibling"
            wrong.setdefault(v, say(T, template, lang, other=art(part.id, lang), title=part.title.get(lang)))
    picked = draw(rng, sorted(v for v in wrong if v != value), [], 3)
    options = [Option(plain(value), True, right)] + [Option(plain(v), False, wrong[v]) for v in picked]
    return question(seed, lang, "numerical", stem, options, quote, tolerance=tolerance)


KINDS = (
    Kind("sanction_range", range_seeds, build_range),
    Kind("punishment_available", available_seeds, build_available),
    Kind("numeric", numeric_seeds, build_numeric),
)
