"""Fixtures for the quiz tests: the 20-question quizzes of the golden files, and a quiz with one question of
every kind (so every question type goes through every format)."""
import dataclasses
import random

import pytest

from quiz import KINDS, Quiz, build_question, build_quiz, load_bank, question_pool

GOLDEN_SEED, GOLDEN_COUNT = 7, 20


@pytest.fixture(scope="session")
def bank():
    return load_bank()


@pytest.fixture(scope="session", params=["en", "az"])
def lang(request):
    return request.param


@pytest.fixture(scope="session")
def quiz20(lang):
    return build_quiz(GOLDEN_COUNT, GOLDEN_SEED, lang)


@pytest.fixture(scope="session")
def every_kind(lang, bank):
    """One question of each kind, numbered q01…; covers all five question types."""
    rng = random.Random(1)
    seeds = [next(s for s in question_pool(kinds=[k], bank=bank)) for k in KINDS]
    questions = tuple(build_question(s, rng, lang, bank) for s in seeds)
    questions = tuple(dataclasses.replace(q, id=f"q{i:02d}") for i, q in enumerate(questions, start=1))
    return Quiz("Every kind", lang, 1, questions)
