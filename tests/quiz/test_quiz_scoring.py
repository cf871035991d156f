"""Scores in the QTI exports, computed as an LMS computes them: a fully correct answer gets exactly full marks
(100 in QTI 1.2, 1 in QTI 2.1), with the floating-point arithmetic an LMS uses, for every question of every kind.

The evaluators below run the response processing we write (QTI 1.2 ``respcondition`` with ``varequal``, ``and``,
``or``, ``not``, ``other``, ``vargte``/``varlte`` and ``setvar`` Set/Add; QTI 2.1 ``responseCondition`` with
``match``/``correct``, ``equal`` and ``mapResponse``), reading only the XML.
"""
import io
import random
import zipfile
from xml.etree import ElementTree as ET

import pytest

from quiz import KINDS, Quiz, build_question, build_quiz, export_quiz, question_pool
from quiz.formats.common import letter


def _strip(root: ET.Element) -> ET.Element:
    for el in root.iter():
        el.tag = el.tag.split("}", 1)[-1]
    return root


def _items(data: bytes, fmt: str) -> list[ET.Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        roots = [_strip(ET.fromstring(zf.read(n))) for n in zf.namelist() if n != "imsmanifest.xml"]
    return [el for r in roots for el in r.iter("item" if fmt == "qti12" else "assessmentItem")]


def _correct_response(q) -> dict:
    """The fully correct answer, as response identifiers: {response id: set of values}."""
    if q.qtype == "matching":
        rights = sorted({o.match for o in q.options})
        return {f"response_{letter(i)}": {f"R{rights.index(o.match) + 1}"} for i, o in enumerate(q.options)}
    if q.qtype == "numerical":
        return {"response1": {q.correct_options[0].text}}
    return {"response1": {letter(i) for i, o in enumerate(q.options) if o.correct}}


def _holds(cond: ET.Element, response: dict) -> bool:
    tag = cond.tag
    if tag == "other":
        return True
    if tag in ("and", "or", "not", "conditionvar"):
        results = [_holds(c, response) for c in cond]
        return all(results) if tag in ("and", "conditionvar") else any(results) if tag == "or" else not results[0]
    values = response.get(cond.get("respident"), set())
    if tag == "varequal":
        return cond.text in values
    number = float(next(iter(values))) if values else None
    bound = float(cond.text)
    return number is not None and (number >= bound if tag == "vargte" else number <= bound)


def _qti12_score(item: ET.Element, response: dict) -> float:
    score = 0.0
    for rc in item.iter("respcondition"):
        if _holds(rc.find("conditionvar"), response):
            sv = rc.find("setvar")
            if sv is not None:
                score = float(sv.text) if sv.get("action") == "Set" else score + float(sv.text)
            if rc.get("continue") == "No":
                break
    return score


def _qti21_score(item: ET.Element, q) -> float:
    """The SCORE for the correct response: ``match`` with ``correct`` holds, ``equal`` holds for the right number,
    ``mapResponse`` sums the mapped values of the correct response; the first branch that holds applies."""
    correct = [v.text for v in item.findall("responseDeclaration/correctResponse/value")]
    mapping = {e.get("mapKey"): float(e.get("mappedValue")) for e in item.iter("mapEntry")}

    def outcome(node: ET.Element, score: float) -> float:
        for el in node:
            if el.tag == "setOutcomeValue" and el.get("identifier") == "SCORE":
                score = sum(mapping[v] for v in correct) if el.find("mapResponse") is not None \
                    else float(el.find("baseValue").text)
            elif el.tag == "responseCondition":
                for branch in el:
                    test = branch.find("match")
                    equal = branch.find("equal")
                    holds = branch.tag == "responseElse" or test is not None or (
                        equal is not None and float(equal.find("baseValue").text) == float(correct[0]))
                    if holds:
                        score = outcome(branch, score)
                        break
        return score

    return outcome(item.find("responseProcessing"), 0.0)


@pytest.fixture(scope="module")
def every_question(bank):
    """One question of each kind, and each three-answer multiple-response and three-pair matching question."""
    rng = random.Random(3)
    qs = [build_question(next(iter(question_pool(kinds=[k], bank=bank))), rng, "en", bank) for k in KINDS]
    for s in question_pool(kinds=["consequence", "punishment_available", "articles", "amendment", "matching"], bank=bank):
        q = build_question(s, random.Random(3), "en", bank)
        if q.qtype in ("multiple", "matching") and len(q.correct_options) == 3:
            qs.append(q)
    assert {q.qtype for q in qs} == {"single", "multiple", "truefalse", "numerical", "matching"}
    assert any(q.qtype == "multiple" and len(q.correct_options) == 3 for q in qs)
    assert any(q.qtype == "matching" and len(q.options) == 3 for q in qs)
    return tuple(q.__class__(**{**vars(q), "id": f"q{i:02d}"}) for i, q in enumerate(qs, start=1))


def test_a_fully_correct_answer_scores_exactly_100_in_qti12(every_question):
    quiz = Quiz("Scores", "en", 1, every_question)
    items = _items(export_quiz(quiz, "qti12"), "qti12")
    for q, item in zip(every_question, items):
        assert _qti12_score(item, _correct_response(q)) == 100.0, (q.key, q.qtype)


def test_a_fully_correct_answer_scores_exactly_1_in_qti21(every_question):
    quiz = Quiz("Scores", "en", 1, every_question)
    items = _items(export_quiz(quiz, "qti21"), "qti21")
    for q, item in zip(every_question, items):
        assert _qti21_score(item, q) == 1.0, (q.key, q.qtype)


def test_partial_matching_credit_is_still_given_in_qti12(every_question):
    q = next(q for q in every_question if q.qtype == "matching" and len(q.options) == 3)
    item = _items(export_quiz(Quiz("Scores", "en", 1, (q,)), "qti12"), "qti12")[0]
    response = _correct_response(q)
    response["response_A"] = {"R99"}
    assert 66 < _qti12_score(item, response) < 67


def test_the_seed_7_quiz_scores_full_marks_throughout():
    quiz = build_quiz(20, 7, "en")
    for q, item in zip(quiz.questions, _items(export_quiz(quiz, "qti12"), "qti12")):
        assert _qti12_score(item, _correct_response(q)) == 100.0, q.key
