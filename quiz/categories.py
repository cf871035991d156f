"""Category questions (Art. 15) and what follows from the category: the limitation period (Art. 75.1) and
the release options (Arts. 70–74).

The category, its limits and its consequences are read from the General Part data through
:func:`statutes.reference`; the wrong options are the other categories, each with the limits that would
put a crime in it.
"""
from __future__ import annotations

import random

from statutes import reference

from .model import Option, Question
from .phrases import art, cap, num, say
from .questions import Kind, Seed, question
from .scenarios import Bank

T = "quiz.categories"
"""This kind's words in the message catalogue (``i18n/catalogue.yaml``)."""


def _bounds(bank: Bank, cat_id: str, lang: str) -> str:
    cats = bank.table.general.categories
    i = next(i for i, c in enumerate(cats) if c.id == cat_id)
    hi = cats[i].max_imprisonment_months
    lo = cats[i - 1].max_imprisonment_months if i else None
    if lo is None:
        return say(T, "upto", lang, hi=num(hi.value, lang))
    if hi is None:
        return say(T, "above", lang, lo=num(lo.value, lang))
    return say(T, "between", lang, lo=num(lo.value, lang), hi=num(hi.value, lang))


def category_seeds(bank: Bank) -> list[Seed]:
    return [Seed("category", f"category/{p.id}", (bank.table.article_of(p.id).article,), "medium", (p.id,))
            for p in bank.table.parts()]


def build_category(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    pid = seed.data[0]
    ref = reference(pid, table=bank.table)
    here = art(pid, lang)
    note = next(n.text(lang) for n in ref.notes if n.id == "category")
    options = []
    for c in bank.table.general.categories:
        if c.id == ref.category:
            fb = say(T, "yes", lang, note=note)
        else:
            fb = say(T, "cat_no", lang, title=c.title.get(lang), bounds=_bounds(bank, c.id, lang), art=here,
                     a=c.article, n=num(ref.max_imprisonment_months, lang))
        options.append(Option(cap(c.title.get(lang), lang), c.id == ref.category, fb))
    stem = say(T, "stem_category", lang, art=here)
    return question(seed, lang, "single", stem, options, note, rng)


def consequence_seeds(bank: Bank) -> list[Seed]:
    out = []
    for p in bank.table.parts():
        a = (bank.table.article_of(p.id).article,)
        out.append(Seed("consequence", f"consequence/{p.id}/limitation", a, "medium", (p.id, "limitation")))
        release = reference(p.id, table=bank.table).release
        if 0 < sum(r.available for r in release) < len(release):
            out.append(Seed("consequence", f"consequence/{p.id}/release", a, "hard", (p.id, "release")))
    return out


def build_consequence(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    pid, aspect = seed.data
    ref = reference(pid, table=bank.table)
    here = art(pid, lang)
    if aspect == "release":
        options = [Option(cap(r.title[lang], lang), r.available,
                          say(T, "release", lang, verdict=say(T, "yes_word" if r.available else "no_word", lang),
                              note=r.note.text(lang)))
                   for r in ref.release]
        general = next(n.text(lang) for n in ref.notes if n.id == "category")
        return question(seed, lang, "multiple", say(T, "stem_release", lang, art=here), options, general, rng)
    note = next(n.text(lang) for n in ref.notes if n.id == "limitation")
    mine = ref.category_title[lang]
    options, seen = [], set()
    for c in bank.table.general.categories:
        years = c.limitation_years.value
        if years in seen:
            continue
        seen.add(years)
        text = say(T, "years", lang, n=num(years, lang))
        if years == ref.limitation_years.value:
            fb = say(T, "yes", lang, note=note)
        else:
            fb = say(T, "lim_no", lang, years=text, title=c.title.get(lang), a=c.limitation_years.article, art=here, mine=mine)
        options.append(Option(text, years == ref.limitation_years.value, fb))
    return question(seed, lang, "single", say(T, "stem_limitation", lang, art=here), options, note, rng)


KINDS = (
    Kind("category", category_seeds, build_category),
    Kind("consequence", consequence_seeds, build_consequence),
)
