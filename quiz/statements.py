"""True/false statements about the sanctions, elements, category and consequences of each part.

Each statement is built from one fact of the statute table and is true or false according to that fact (a
claimed category may be the right or the other one; restriction of liberty is or is not in the sanction).
Both options carry the same reason, quoting the note or list it rests on, marked right or wrong.
"""
from __future__ import annotations

import random

from statutes import reference

from .model import Question
from .phrases import art, cap, say, span
from .questions import Kind, Seed, true_false
from .scenarios import Bank

T = "quiz.statements"
"""This kind's words in the message catalogue (``i18n/catalogue.yaml``)."""
_ALL = ("main", "foreign", "preparation", "damage", "category", "mandatory", "release")


def statement_seeds(bank: Bank) -> list[Seed]:
    table = bank.table
    out = []
    varying = [r.id for r in table.general.release
               if len({r2.available for p in table.parts() for r2 in reference(p.id, table=table).release if r2.id == r.id}) > 1]
    used_categories = sorted({table.version_on(p.id).category for p in table.parts()})
    for part in table.parts():
        ref = reference(part.id, table=table)
        a = (ref.article,)

        def seed(shape, level, *extra):
            key = "/".join(["true_false", part.id, shape, *extra])
            out.append(Seed("true_false", key, a, level, (part.id, shape, *extra)))

        for kind in ("restriction_of_liberty", "fine"):
            seed("main", "medium" if kind == "restriction_of_liberty" else "easy", kind)
        if ref.punishment(_foreign_kind(table)):
            seed("foreign", "hard")
        if part.kind != "basic":
            seed("preparation", "hard")
        if part.kind == "basic":
            seed("damage", "medium")
        for cat in used_categories:
            seed("category", "medium", cat)
        if any(p.role == "additional" for p in ref.punishments):
            seed("mandatory", "medium")
        for rid in varying:
            seed("release", "hard", rid)
    return out


def build_statement(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    table = bank.table
    pid, shape, *extra = seed.data
    here = art(pid, lang)
    ref = reference(pid, table=table, foreign_national=shape == "foreign")
    if shape == "main":
        kind = extra[0]
        p = ref.punishment(kind)
        listed = "; ".join(f"{q.title[lang]} ({span(q.min.value, q.max.value, q.unit, lang)})"
                           for q in ref.punishments if q.role == "main")
        statement = say(T, "main", lang, kind=cap(table.kind_title(kind)[lang], lang), art=here)
        return true_false(seed, lang, statement, bool(p and p.role == "main"), say(T, "main_why", lang, art=cap(here, lang), list=listed))
    if shape == "foreign":
        p = ref.punishment(_foreign_kind(table))
        statement = say(T, "foreign", lang, art=here, kind=p.title[lang])
        return true_false(seed, lang, statement, p.available, " ".join(n.text(lang) for n in p.notes) or statement)
    if shape == "preparation":
        note = next((n.text(lang) for n in ref.notes if n.id == "preparation"), None)
        why = note or say(T, "preparation_yes", lang, a=table.general.preparation.article)
        return true_false(seed, lang, say(T, "preparation", lang, art=cap(here, lang)), note is None, why)
    if shape == "damage":
        elements = table.part(pid).elements
        why = say(T, "elements", lang, art=cap(here, lang), list="; ".join(getattr(e, lang) for e in elements))
        truth = any(e.id == "significant_damage" for e in elements)
        return true_false(seed, lang, say(T, "damage", lang, art=cap(here, lang)), truth, why)
    if shape == "category":
        title = table.categories[extra[0]].title.get(lang)
        why = next(n.text(lang) for n in ref.notes if n.id == "category")
        return true_false(seed, lang, say(T, "category", lang, art=here, title=title), ref.category == extra[0], why)
    if shape == "mandatory":
        p = next(p for p in ref.punishments if p.role == "additional")
        why = " ".join(n.text(lang) for n in p.notes) if p.mandatory else say(T, "mandatory_no", lang, art=cap(here, lang))
        return true_false(seed, lang, say(T, "mandatory", lang, art=cap(here, lang)), p.mandatory, why)
    r = next(r for r in ref.release if r.id == extra[0])
    statement = cap(say(T, "release", lang, title=r.title[lang], art=here), lang)
    return true_false(seed, lang, statement, r.available, r.note.text(lang))


def _foreign_kind(table) -> str:
    """The punishment the General Part withholds from foreign nationals (Art. 52-1.6: restriction of liberty)."""
    return next(k for k, pt in table.punishments.items() if pt.unavailable_to_foreign_nationals)


KINDS = (
    Kind("true_false", statement_seeds, build_statement),
)
