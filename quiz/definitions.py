"""Definition questions: the Notes to Arts. 271 and 273 (computer system, computer data, object of
infrastructure of public importance, significant damage, serious hindrance).

Three shapes: which definition belongs to a term (the other Notes are the distractors); is a given body an
object of infrastructure of public importance (teaching examples in ``quiz/data/examples.yaml``); is a given
loss significant damage (the amounts are multiples of the threshold read from the statute table, including
the threshold itself, which is not *above* it).
"""
from __future__ import annotations

import random

from statutes.schema import Definition

from .model import Option, Question
from .phrases import amount, cap, circumstance_ref, note_ref, say, split_ref
from .questions import Kind, Seed, draw, question, true_false
from .scenarios import Bank

T = "quiz.definitions"
"""This kind's words in the message catalogue (``i18n/catalogue.yaml``)."""
_INFRA, _DAMAGE = "public_infrastructure", "significant_damage"


def _body(d: Definition, lang: str) -> str:
    """The defining words of a Note without the term (which would give the answer away)."""
    if lang == "en":
        return d.text_en
    text = d.text_az.split("”", 1)[-1].strip()
    text = text.removeprefix("dedikdə,").strip().removesuffix(".").removesuffix("başa düşülür").strip()
    return cap(text, lang)


def term_seeds(bank: Bank) -> list[Seed]:
    return [Seed("definition", f"definition/{d.id}", tuple(d.scope), "medium", ("term", d.id))
            for d in bank.table.definitions()]


def example_seeds(bank: Bank) -> list[Seed]:
    infra = split_ref(bank.table.circumstances[_INFRA].article)[0]
    damage = split_ref(bank.table.circumstances[_DAMAGE].article)[0]
    out = [Seed("definition", f"definition/infrastructure/{e.id}", (infra,), "medium" if e.listed else "easy",
                ("infrastructure", e.id)) for e in bank.examples.infrastructure]
    out += [Seed("definition", f"definition/damage/{f:g}", (damage,), "hard" if f == 1 else "medium", ("damage", f))
            for f in bank.examples.damage_factors]
    return out


def definition_seeds(bank: Bank) -> list[Seed]:
    return term_seeds(bank) + example_seeds(bank)


def build_definition(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    shape, subject = seed.data
    if shape == "term":
        return _build_term(seed, rng, lang, bank, subject)
    if shape == "infrastructure":
        ex = next(e for e in bank.examples.infrastructure if e.id == subject)
        ref = circumstance_ref(bank.table, _INFRA, lang)
        statement = say(T, "infra", lang, ref=ref, example=getattr(ex, lang))
        return true_false(seed, lang, cap(statement, lang), ex.listed, ex.why.get(lang))
    threshold = bank.table.significant_damage_azn
    loss = threshold * subject
    ref = circumstance_ref(bank.table, _DAMAGE, lang)
    why = say(T, "damage_why", lang, ref=cap(ref, lang), threshold=amount(threshold, "AZN", lang), loss=amount(loss, "AZN", lang),
              verdict=say(T, "above" if loss > threshold else "not_above", lang))
    statement = say(T, "damage", lang, loss=amount(loss, "AZN", lang), ref=ref)
    return true_false(seed, lang, statement, loss > threshold, why)


def _build_term(seed: Seed, rng: random.Random, lang: str, bank: Bank, def_id: str) -> Question:
    table = bank.table
    d = table.definition(def_id)
    others = [x for x in table.definitions() if x.id != def_id]
    wrong = draw(rng, [], others, 3)
    quote = d.text_az if lang == "az" else d.text_en
    options = [Option(_body(d, lang), True, say(T, "term_yes", lang, ref=cap(note_ref(d.id, lang), lang), text=quote))]
    options += [Option(_body(x, lang), False, say(T, "term_no", lang, term=x.term.get(lang), ref=note_ref(x.id, lang)))
                for x in wrong]
    return question(seed, lang, "single", say(T, "stem_term", lang, term=d.term.get(lang)), options, quote, rng)


KINDS = (
    Kind("definition", definition_seeds, build_definition),
)
