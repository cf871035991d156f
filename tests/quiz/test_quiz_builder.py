"""build_quiz: reproducible from the seed, filtered as asked, and every question well formed."""
import random

import pytest

from quiz import DIFFICULTIES, KINDS, QTYPES, QuizError, build_question, build_quiz, question_pool
from statutes import reference


def test_same_seed_gives_the_same_quiz(lang):
    assert build_quiz(15, 42, lang) == build_quiz(15, 42, lang)


def test_different_seeds_give_different_quizzes(lang):
    a, b = build_quiz(15, 42, lang), build_quiz(15, 43, lang)
    assert [q.key for q in a.questions] != [q.key for q in b.questions]


def test_the_languages_are_translations_of_each_other():
    en, az = build_quiz(25, 11, "en"), build_quiz(25, 11, "az")
    assert [q.key for q in en.questions] == [q.key for q in az.questions]
    for qe, qa in zip(en.questions, az.questions):
        assert [o.correct for o in qe.options] == [o.correct for o in qa.options]
        assert qe.stem != qa.stem


def test_a_short_quiz_mixes_kinds():
    quiz = build_quiz(len(KINDS), 5, "en")
    assert {q.kind for q in quiz.questions} == set(KINDS)


@pytest.mark.parametrize("articles", [["271"], ["273-1", "273-2"]])
def test_articles_filter(articles):
    quiz = build_quiz(10, 3, "en", articles=articles)
    assert all(set(q.articles) & set(articles) for q in quiz.questions)


def test_kinds_and_difficulty_filters():
    quiz = build_quiz(12, 3, "en", kinds=["numeric", "sanction_range"], difficulty="hard")
    assert {q.kind for q in quiz.questions} <= {"numeric", "sanction_range"}
    assert {q.difficulty for q in quiz.questions} == {"hard"}


@pytest.mark.parametrize("kwargs,words", [
    ({"articles": ["274"]}, "unknown article '274'"),
    ({"kinds": ["essay"]}, "unknown question kind 'essay'"),
    ({"difficulty": "extreme"}, "unknown difficulty"),
    ({"lang": "ru"}, "unknown language"),
    ({"count": 0}, "at least one question"),
    ({"count": 10_000}, "only"),
])
def test_bad_requests_raise_a_clear_error(kwargs, words):
    args = {"count": 5, "seed": 1, "lang": "en", **kwargs}
    with pytest.raises(QuizError, match=words):
        build_quiz(**args)


def test_every_seed_builds_in_both_languages(bank):
    """The whole pool, not just a sample: no seed may fail to become a valid question."""
    pool = question_pool(bank=bank)
    assert len({s.key for s in pool}) == len(pool)
    assert {s.difficulty for s in pool} == set(DIFFICULTIES)
    qtypes = set()
    for s in pool:
        for lang in ("en", "az"):
            q = build_question(s, random.Random(0), lang, bank)
            qtypes.add(q.qtype)
            assert q.options and all(o.feedback for o in q.options)
    assert qtypes == set(QTYPES)


def _expected_correct(bank, q):
    """The number of right options, worked out from the source rather than from the question."""
    if q.qtype in ("single", "truefalse", "numerical"):
        return 1
    if q.qtype == "matching":
        return len(q.options)
    kind, *rest = q.key.split("/")
    if kind == "articles":
        return len(bank.scenario(rest[0]).labels)
    if kind == "punishment_available":
        ref = reference(rest[0], foreign_national=rest[-1] == "foreign")
        return sum(p.role == "main" and p.available for p in ref.punishments)
    if kind == "consequence":
        titles = {r.title["en"].lower() for r in reference(rest[0]).release if r.available}
        return sum(o.text.lower() in titles for o in q.options)
    if kind == "amendment":
        act = rest[0].replace("563-VQD-575-VQD", "563-VQD/575-VQD")
        changed = {p.id for p in bank.table.parts() for v in p.versions[1:] if v.amended_by == act}
        return sum(o.text.removeprefix("Art. ") in changed for o in q.options)
    raise AssertionError(f"no rule for {q.key}")


def test_every_question_has_exactly_the_right_number_of_correct_options(bank):
    for s in question_pool(bank=bank):
        q = build_question(s, random.Random(2), "en", bank)
        assert len(q.correct_options) == _expected_correct(bank, q), q.key
        if q.qtype == "multiple":
            assert len(q.correct_options) < len(q.options), q.key
