"""Feedback: on every option, in the quiz language, citing the article or law it rests on; plausible distractors."""
import random
import re

import pytest

from quiz import build_question, question_pool

CITES = {"en": re.compile(r"\bArts?\. \d|\bNote \d|\bLaw No\. "), "az": re.compile(r"[Mm]addə|\bqeyd|Qanun №")}
ENGLISH_ONLY = re.compile(r"\b(Correct|Not correct|The facts|Art\.|Select all|Which|What|That is)\b")


@pytest.fixture(scope="module", params=["en", "az"])
def questions(request, bank):
    lang = request.param
    return lang, [build_question(s, random.Random(4), lang, bank) for s in question_pool(bank=bank)]


def test_every_option_has_feedback_that_cites_the_law(questions):
    lang, qs = questions
    for q in qs:
        texts = [o.feedback for o in q.options]
        if q.qtype == "matching":
            texts.append(q.general_feedback)
        for fb in texts:
            assert fb.strip(), q.key
            assert CITES[lang].search(fb), f"{q.key}: feedback cites no article: {fb[:120]}"


def test_azerbaijani_quizzes_have_no_english_template_words(bank):
    for s in question_pool(bank=bank):
        q = build_question(s, random.Random(4), "az", bank)
        for text in [q.stem, q.general_feedback, *(t for o in q.options for t in (o.text, o.feedback, o.match))]:
            assert not ENGLISH_ONLY.search(text), f"{q.key}: {text[:120]}"


def test_right_and_wrong_feedback_differ(questions):
    _, qs = questions
    for q in qs:
        if q.qtype in ("single", "multiple"):
            right = {o.feedback for o in q.options if o.correct}
            assert right.isdisjoint(o.feedback for o in q.options if not o.correct), q.key


def test_part_distractors_come_from_the_same_article_first(bank):
    """Plausible, not random: a part question offers the label's own basic/aggravated/infrastructure parts."""
    for s in question_pool(kinds=["part"], bank=bank):
        q = build_question(s, random.Random(5), "en", bank)
        label = s.data[1]
        lp = bank.table.label_parts(label)
        family = {f"Art. {p}" for p in (*lp.basic, lp.aggravated, lp.infrastructure) if p}
        offered = {o.text for o in q.options}
        assert len(offered & family) >= min(len(family), 2), q.key


def test_sanction_distractors_are_real_ranges_of_chapter_30(bank):
    from statutes import sanctions_frame
    from quiz.phrases import span
    frame = sanctions_frame()
    real = {span(r["min"], r["max"], r["unit"], "en") for _, r in frame.iterrows()}
    for s in question_pool(kinds=["sanction_range"], bank=bank):
        q = build_question(s, random.Random(6), "en", bank)
        if s.data[2] is None:
            assert {o.text for o in q.options} <= real | {o.text for o in q.options if "before" in o.feedback}, q.key


def test_category_citations_name_the_paragraph_of_art_15(questions):
    lang, qs = questions
    bare = re.compile(r"\(Art\. 15\)|\(maddə 15\)|15-ci maddə\b")
    for q in qs:
        for text in [q.general_feedback, *(o.feedback for o in q.options)]:
            assert not bare.search(text), f"{q.key}: {text[:160]}"


def test_azerbaijani_parts_are_qualified_by_tovsifedici_hallar_not_art_61_aggravating_circumstances(bank):
    """"Ağırlaşdırıcı hal" is Art. 61's general aggravating circumstance; a part's qualifying circumstance is a
    "tövsifedici hal"."""
    titles = [p.title.az for p in bank.table.parts()]
    assert not [t for t in titles if "ağırlaşdırıcı" in t]
    for s in question_pool(kinds=["matching", "part", "qualifier"], bank=bank):
        q = build_question(s, random.Random(4), "az", bank)
        for text in [q.stem, q.general_feedback, *(t for o in q.options for t in (o.text, o.feedback, o.match))]:
            assert "ağırlaşdırıcı hal" not in text, f"{q.key}: {text[:160]}"


def test_part_labels_are_called_this_tools_names_not_titles_in_the_code(bank):
    for lang, words in (("en", "This tool's names for the parts"), ("az", "Bu alətin")):
        for s in question_pool(kinds=["matching"], bank=bank):
            q = build_question(s, random.Random(4), lang, bank)
            if s.data[0] == "parts":
                assert q.general_feedback.startswith(words) and "titles" not in q.general_feedback, q.general_feedback
