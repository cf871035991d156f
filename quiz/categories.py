"""Category questions (Art. 15) and what follows from the category: the limitation period (Art. 75.1) and
the release options (Arts. 70–74).

The category, its limits and its consequences are read from the General Part data through
:func:`statutes.reference`. A category question asks which of four parts is a crime of a category; the wrong
options are parts of the other category, each with the note that puts it there.
"""
from __future__ import annotations

import random

from statutes import reference

from .model import Option, Question
from .phrases import art, cap, num, say
from .questions import Kind, Seed, draw, question
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
    """Which of four parts is a crime of the category of ``seed``'s part: the options are part numbers, alike in
    form, so no option stands out by its length (a list of the four category names always had the minor one,
    the longest, right for ten parts of fifteen)."""
    table = bank.table
    pid = seed.data[0]
    ref = reference(pid, table=table)
    cat = table.categories[ref.category]
    others = [p.id for p in table.parts() if reference(p.id, table=table).category != ref.category]
    options = []
    for p in [pid, *draw(rng, [], others, 3)]:
        note = next(n.text(lang) for n in reference(p, table=table).notes if n.id == "category")
        feedback = say(T, "yes", lang, note=note) if p == pid else say(T, "part_no", lang, note=note, art=art(p, lang))
        options.append(Option(art(p, lang, inline=False), p == pid, feedback))
    rule = say(T, "rule", lang, title=cat.title.get(lang), bounds=_bounds(bank, cat.id, lang), a=cat.article)
    stem = say(T, "stem_category", lang, title=cat.title.get(lang), a=cat.article)
    return question(seed, lang, "single", stem, options, rule, rng)


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
