"""Scenario → offence questions: which article does an incident fall under (one answer, or all that apply).

Distractors are other Chapter 30 labels, preferring the ones a trainee is most likely to pick: the offence
whose element is missing, labels the scenario explains away, and "none" for in-scope acts. Each wrong option
says which element of that offence the facts lack, in the words of the statute table.
"""
from __future__ import annotations

import random

from .model import Option, Question
from .phrases import art, decap, label_title, ordinal_suffix, say
from .questions import Kind, Seed, draw, question
from .scenarios import NONE, Bank, Scenario

T = "quiz.classification"
"""This kind's words in the message catalogue (``i18n/catalogue.yaml``)."""
_CORE_KINDS = ("conduct", "result")


def article_seeds(bank: Bank) -> list[Seed]:
    return [Seed("article", f"article/{s.id}", scenario_articles(bank, s), s.difficulty, (s.id,), s.id)
            for s in bank.scenarios if len(s.articles) == 1]


def articles_seeds(bank: Bank) -> list[Seed]:
    return [Seed("articles", f"articles/{s.id}", scenario_articles(bank, s), "hard" if len(s.labels) > 2 else "medium",
                 (s.id,), s.id)
            for s in bank.scenarios if len(s.labels) >= 2]


def build_article(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    s = bank.scenario(seed.data[0])
    correct = s.articles[0]
    others = [lb for lb in [*bank.table.labels, NONE] if lb != correct]
    wrong = draw(rng, _likely(bank, s), others, 3)
    options = [_option(bank, s, lb, lang) for lb in [correct, *wrong]]
    return question(seed, lang, "single", say(T, "stem_single", lang, text=s.text(lang)), options, s.answer.get(lang), rng)


def build_articles(seed: Seed, rng: random.Random, lang: str, bank: Bank) -> Question:
    s = bank.scenario(seed.data[0])
    others = [lb for lb in bank.table.labels if lb not in s.labels]
    wrong = draw(rng, [lb for lb in _likely(bank, s) if lb != NONE], others, max(2, 5 - len(s.labels)))
    options = [_option(bank, s, lb, lang) for lb in [*s.labels, *wrong]]
    return question(seed, lang, "multiple", say(T, "stem_multi", lang, text=s.text(lang)), options, s.answer.get(lang), rng)


def scenario_articles(bank: Bank, s: Scenario) -> tuple[str, ...]:
    """The articles a scenario question is about: its labels' articles, or the article whose element is missing."""
    arts = [bank.article_of_label(lb) for lb in s.labels]
    if s.missing is not None:
        arts.append(bank.table.article_of(s.missing.part).article)
    return tuple(dict.fromkeys(arts))


def _likely(bank: Bank, s: Scenario) -> list[str]:
    """Labels a trainee is likely to choose wrongly for this scenario, most likely first."""
    out = []
    if s.missing is not None:
        out.append(bank.label_of_part(s.missing.part))
    out += sorted(s.why_not)
    if s.labels:
        out.append(NONE)
    return [lb for lb in dict.fromkeys(out) if lb not in s.articles]


def _option(bank: Bank, s: Scenario, label: str, lang: str) -> Option:
    return Option(label_title(bank.table, label, lang), label in s.articles, _feedback(bank, s, label, lang))


def _feedback(bank: Bank, s: Scenario, label: str, lang: str) -> str:
    table = bank.table
    answer = s.answer.get(lang)
    if label == NONE:
        if NONE in s.articles:
            arts = list(table.articles)
            return say(T, "yes_none", lang, first=arts[0], last=arts[-1], sfx=ordinal_suffix(arts[-1]), answer=answer)
        return say(T, "no_none", lang, arts=say(T, "and", lang).join(art(lb, lang) for lb in s.labels))
    if label in s.articles:
        return say(T, "yes", lang, art=art(label, lang), answer=answer)
    head = art(label, lang, inline=False)
    if label in s.why_not:
        return say(T, "no_why", lang, art=head, why=s.why_not[label].get(lang))
    if s.missing is not None and bank.label_of_part(s.missing.part) == label:
        element = next(e for e in table.part(s.missing.part).elements if e.id == s.missing.element)
        return say(T, "no_missing", lang, art=head, element=getattr(element, lang))
    return say(T, "no_generic", lang, art=head, title=offence_title(bank, label, lang), needs=_needs(bank, label, lang))


def offence_title(bank: Bank, label: str, lang: str) -> str:
    return label_title(bank.table, label, lang).split(": ", 1)[1]


def _needs(bank: Bank, label: str, lang: str) -> str:
    """What the offence of a label requires beyond a computer and intent: its conduct, result and purpose, and
    its object where no other part shares it (the non-public data of Art. 272)."""
    table = bank.table
    basics = table.labels[label].basic_parts
    if len(basics) > 1:
        return " / ".join(decap(table.part(p).title.get(lang), lang) for p in basics)
    shared = {e.id for p in table.parts() if p.id != basics[0] for e in p.elements}
    elements = [e for e in table.part(basics[0]).elements
                if e.kind in _CORE_KINDS or (e.kind == "mental" and e.id != "intent")
                or (e.kind == "object" and e.id not in shared)]
    return "; ".join(getattr(e, lang) for e in elements)


KINDS = (
    Kind("article", article_seeds, build_article),
    Kind("articles", articles_seeds, build_articles),
)
