"""Grading a trainee's response to one question, as an LMS would with the exported grades.

Responses are plain JSON-friendly values, so they can be stored as they are: an option index for single
choice and true/false, a list of option indices for multiple answers, a number for numerical questions and,
for matching, the chosen right-hand item for each left-hand item in order.
"""
from __future__ import annotations

from typing import Any

from .errors import QuizError
from .model import Question


def grade(question: Question, response: Any) -> float:
    """The score of ``response`` between 0 and 1.

    Multiple answers add the options' grade fractions (wrong choices subtract) and clip at 0; numerical
    answers count within the question's tolerance; matching gives an equal share per right pair.

    Raises
    ------
    QuizError
        If the response does not have the shape the question type expects (e.g. an index out of range).
    """
    try:
        if question.qtype in ("single", "truefalse"):
            return 1.0 if question.options[_index(question, response)].correct else 0.0
        if question.qtype == "multiple":
            chosen = {_index(question, r) for r in response}
            total = sum(question.fraction(question.options[i]) for i in chosen) / 100
            return round(min(1.0, max(0.0, total)), 6)
        if question.qtype == "numerical":
            return 1.0 if abs(float(response) - question.value) <= question.tolerance + 1e-9 else 0.0
        if len(response) != len(question.options):
            raise QuizError(f"question {question.id}: {len(response)} matches for {len(question.options)} items")
        right = sum(o.match == r for o, r in zip(question.options, response))
        return round(right / len(question.options), 6)
    except (TypeError, ValueError) as exc:
        if isinstance(exc, QuizError):
            raise
        raise QuizError(f"question {question.id}: response {response!r} does not fit a {question.qtype} question") from None


def _index(question: Question, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(question.options):
        raise QuizError(f"question {question.id}: option index {value!r} is out of range")
    return value
