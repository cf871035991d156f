"""No question of a quiz gives away an answer, measured over the quizzes of 200 seeds (20 questions each, both
languages): a scenario is told once, no stem holds another question's answer or names the offence it asks about,
the right option is not the longest more often than chance would make it, and no option stands out by its form."""
import re

import pytest

from quiz import build_quiz, load_bank

SEEDS = range(200)
SCENARIO_KINDS = ("article", "articles", "part", "qualifier", "missing_element")
PART_REF = re.compile(r"^(Art\.|Maddə) [\d.-]+$")


@pytest.fixture(scope="module", params=["en", "az"])
def quizzes(request):
    return [build_quiz(20, seed, request.param) for seed in SEEDS]


def _scenario(q) -> str | None:
    return q.key.split("/")[1] if q.kind in SCENARIO_KINDS else None


def test_no_quiz_tells_a_scenario_twice(quizzes):
    reused = [qz.seed for qz in quizzes
              if len([s for q in qz.questions if (s := _scenario(q))]) != len({_scenario(q) for q in qz.questions} - {None})]
    assert reused == []


def test_no_stem_holds_the_answer_of_another_question(quizzes):
    """A stem that contains the one right answer of another question (a title, a fact) gives it away; a part
    number ("Art. 273-1.1") mentioned elsewhere does not, nor one name among several right ones."""
    leaks = []
    for qz in quizzes:
        answers = {(q.id, o.text) for q in qz.questions for o in q.correct_options
                   if q.qtype == "single" and len(o.text) >= 12 and not PART_REF.match(o.text)}
        for q in qz.questions:
            leaks += [(qz.seed, q.key, a) for qid, a in answers if qid != q.id and a in q.stem]
    assert leaks == []


def test_part_and_missing_element_stems_do_not_name_the_offence(quizzes):
    table = load_bank().table
    lang = quizzes[0].lang
    titles = [t.text(lang) for t in [*(a.title for a in table.articles.values()), *(p.title for p in table.parts())]]
    named = [(qz.seed, q.key) for qz in quizzes for q in qz.questions
             if q.kind in ("part", "missing_element") and any(t in q.stem for t in titles)]
    assert named == []


@pytest.mark.parametrize("kind", ["missing_element", "category"])
def test_the_right_option_is_not_the_longest_more_often_than_chance(quizzes, kind):
    asked = [q for qz in quizzes for q in qz.questions if q.kind == kind]
    longest = 0
    for q in asked:
        right = len(q.correct_options[0].text)
        longest += right > max(len(o.text) for o in q.options if not o.correct)
    assert len(asked) > 100
    assert longest / len(asked) <= 0.3, f"{longest} of {len(asked)}"


def test_no_part_question_offers_an_article_without_parts(quizzes):
    table = load_bank().table
    single = {f"{a}" for a, art in table.articles.items() if len(art.parts) == 1}
    odd = [(qz.seed, q.key) for qz in quizzes for q in qz.questions if q.kind == "part"
           and any(o.text.split()[-1] in single for o in q.options)]
    assert odd == []
