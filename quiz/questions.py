"""What every question generator shares: seeds, the kind registry entry, and assembling a :class:`Question`.

A generator works in two steps. ``seeds(bank)`` lists everything it can ask about, as language-free
:class:`Seed` objects carrying the articles and difficulty (so the builder can filter and sample before any
text is written). ``build(seed, rng, lang, bank)`` writes one question in the quiz language. A build draws
from ``rng`` in the same way whatever the language, so the same seed gives the same quiz in English and
Azerbaijani, only translated.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Callable, Sequence, TypeVar

from i18n import Text

from .model import Option, Question
from .phrases import COMMON, cap, say, truth_labels
from .scenarios import Bank


T = TypeVar("T")


@dataclass(frozen=True)
class Seed:
    """Something a question can be asked about: ``key`` is unique across the pool, ``data`` is the payload;
    ``scenario`` is the teaching scenario it tells, if any (a quiz tells each scenario once)."""

    kind: str
    key: str
    articles: tuple[str, ...]
    difficulty: str
    data: tuple[Any, ...] = ()
    scenario: str | None = None


@dataclass(frozen=True)
class Kind:
    """A question kind: its CLI name, its two steps, and (:attr:`title`) its title in each language."""

    name: str
    seeds: Callable[[Bank], list[Seed]]
    build: Callable[[Seed, random.Random, str, Bank], Question]

    @property
    def title(self) -> Text:
        """The kind's title (catalogue ``quiz.kind.<name>``)."""
        return Text(f"quiz.kind.{self.name}")


def question(seed: Seed, lang: str, qtype: str, stem: str, options: Sequence[Option], general_feedback: str,
             rng: random.Random | None = None, tolerance: float = 0.0) -> Question:
    """Assemble a question for ``seed`` in ``lang``; options are shuffled with ``rng`` when given.

    Raises :class:`~quiz.errors.QuizError` if the options do not fit the question type.
    """
    opts = list(options)
    if rng is not None:
        rng.shuffle(opts)
    return Question(id="", kind=seed.kind, qtype=qtype, stem=cap(stem, lang), options=tuple(opts),
                    general_feedback=general_feedback, key=seed.key, articles=seed.articles,
                    difficulty=seed.difficulty, tolerance=float(tolerance))


def true_false(seed: Seed, lang: str, statement: str, truth: bool, why: str) -> Question:
    """A true/false question: both options carry ``why``, marked correct or not for that choice."""
    yes, no = truth_labels(lang)
    why = cap(why, lang)
    right = f"{say(COMMON, 'correct', lang)} {why}"
    wrong = f"{say(COMMON, 'wrong', lang)} {why}"
    options = (Option(yes, truth, right if truth else wrong), Option(no, not truth, wrong if truth else right))
    return question(seed, lang, "truefalse", statement, options, why)


def draw(rng: random.Random, preferred: Sequence[T], others: Sequence[T], k: int) -> list[T]:
    """Up to ``k`` distractors: the preferred ones first (in order), then others in random order."""
    rest = list(others)
    rng.shuffle(rest)
    out: list[T] = []
    for item in [*preferred, *rest]:
        if item not in out:
            out.append(item)
    return out[:k]
