"""Build a quiz: filter the pool of question seeds, sample it with ``random.Random(seed)``, write the questions.

The same ``seed`` always gives the same quiz; the language changes only the words (the draws do not depend
on it). Sampling goes round the kinds in a shuffled order, so a short quiz still mixes kinds, and tells each
teaching scenario once (a second question on it would give away the first's answer).
"""
from __future__ import annotations

import dataclasses
import random
from typing import Iterable

from . import categories, classification, definitions, history, parts, sanctions, statements
from .errors import QuizError
from .model import DIFFICULTIES, LANGS, Question, Quiz
from .phrases import COMMON, say
from .questions import Kind, Seed
from .scenarios import Bank, load_bank

KINDS: dict[str, Kind] = {k.name: k for mod in (classification, parts, sanctions, categories, definitions, history, statements)
                          for k in mod.KINDS}


def question_pool(articles: Iterable[str] | None = None, kinds: Iterable[str] | None = None,
                  difficulty: str | None = None, bank: Bank | None = None) -> list[Seed]:
    """Every seed that matches the filters, in a stable order (kind, then key).

    A seed matches ``articles`` when it is about at least one of them. Raises :class:`QuizError` for an
    unknown article, kind or difficulty, naming the valid values.
    """
    bank = bank or load_bank()
    wanted_articles = _check(articles, list(bank.table.articles), "article")
    wanted_kinds = _check(kinds, list(KINDS), "question kind")
    if difficulty is not None and difficulty not in DIFFICULTIES:
        raise QuizError(f"unknown difficulty {difficulty!r}; difficulties are: {', '.join(DIFFICULTIES)}")
    pool = []
    for name in wanted_kinds or KINDS:
        for s in KINDS[name].seeds(bank):
            if wanted_articles and not set(s.articles) & set(wanted_articles):
                continue
            if difficulty and s.difficulty != difficulty:
                continue
            pool.append(s)
    return pool


def build_question(seed: Seed, rng: random.Random, lang: str, bank: Bank | None = None) -> Question:
    """Write one question for ``seed`` in ``lang`` (ids are left empty; :func:`build_quiz` numbers them)."""
    return KINDS[seed.kind].build(seed, rng, lang, bank or load_bank())


def build_quiz(count: int, seed: int, lang: str, articles: Iterable[str] | None = None,
               kinds: Iterable[str] | None = None, difficulty: str | None = None) -> Quiz:
    """Build a quiz of ``count`` questions, reproducibly from ``seed``.

    Parameters
    ----------
    count : number of questions (at least 1).
    seed : the random seed; the same seed and filters give the same quiz.
    lang : ``"en"`` or ``"az"``: every question, option and feedback is in this language.
    articles : keep questions about these articles (``271``, ``272``, ``273``, ``273-1``, ``273-2``).
    kinds : keep these question kinds (see :data:`KINDS`).
    difficulty : ``easy``, ``medium`` or ``hard``.

    Raises
    ------
    QuizError
        For an unknown language, article, kind or difficulty, a count below 1, or fewer matching
        questions than ``count``.
    """
    if lang not in LANGS:
        raise QuizError(f"unknown language {lang!r}; languages are: {', '.join(LANGS)}")
    if count < 1:
        raise QuizError(f"a quiz needs at least one question (count was {count})")
    bank = load_bank()
    pool = question_pool(articles, kinds, difficulty, bank)
    if len(pool) < count:
        raise QuizError(f"only {len(pool)} questions match these filters; ask for at most {len(pool)}")
    rng = random.Random(seed)
    by_kind: dict[str, list[Seed]] = {}
    for s in pool:
        by_kind.setdefault(s.kind, []).append(s)
    order = sorted(by_kind)
    rng.shuffle(order)
    for name in order:
        rng.shuffle(by_kind[name])
    picked = _pick(by_kind, order, count)
    width = max(2, len(str(count)))
    questions = tuple(dataclasses.replace(build_question(s, rng, lang, bank), id=f"q{i:0{width}d}")
                      for i, s in enumerate(picked, start=1))
    return Quiz(say(COMMON, "title", lang, seed=seed), lang, seed, questions)


def _pick(by_kind: dict[str, list[Seed]], order: list[str], count: int) -> list[Seed]:
    """Go round the kinds taking one seed each, never a second question on a scenario already told (it would give
    away the other's answer); only if the pool runs short are such seeds taken, last."""
    picked: list[Seed] = []
    told: set[str] = set()
    spare: list[Seed] = []
    while len(picked) < count and any(by_kind[name] for name in order):
        for name in order:
            while by_kind[name] and len(picked) < count:
                s = by_kind[name].pop()
                if s.scenario is not None and s.scenario in told:
                    spare.append(s)
                    continue
                picked.append(s)
                if s.scenario:
                    told.add(s.scenario)
                break
    return picked + spare[:count - len(picked)]


def _check(values: Iterable[str] | None, valid: list[str], what: str) -> list[str]:
    if values is None:
        return []
    values = [str(v).strip() for v in values if str(v).strip()]
    bad = [v for v in values if v not in valid]
    if bad:
        raise QuizError(f"unknown {what} {bad[0]!r}; valid values are: {', '.join(valid)}")
    return values
