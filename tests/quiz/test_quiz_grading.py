"""Grading responses as an LMS would with the exported fractions and tolerance."""
import pytest

from quiz import Option, Question, QuizError, grade

FB = "Art. 271.1"


def _q(qtype, options, tolerance=0.0):
    return Question("q1", "k", qtype, "Stem", tuple(options), "General", "k/1", tolerance=tolerance)


def test_single_and_true_false():
    q = _q("single", [Option("a", False, FB), Option("b", True, FB)])
    assert grade(q, 1) == 1.0 and grade(q, 0) == 0.0
    with pytest.raises(QuizError, match="out of range"):
        grade(q, 2)


def test_multiple_answers_subtract_wrong_choices():
    q = _q("multiple", [Option("a", True, FB), Option("b", True, FB), Option("c", False, FB)])
    assert grade(q, [0, 1]) == 1.0
    assert grade(q, [0]) == 0.5
    assert grade(q, [0, 2]) == 0.0
    assert grade(q, [0, 1, 2]) == 0.0


def test_numerical_within_tolerance():
    q = _q("numerical", [Option("13.5", True, FB), Option("24", False, FB)], tolerance=0.5)
    assert grade(q, 14) == 1.0 and grade(q, 13) == 1.0 and grade(q, 12.9) == 0.0
    with pytest.raises(QuizError):
        grade(q, "many")


def test_matching_shares():
    q = _q("matching", [Option("a", True, FB, "1"), Option("b", True, FB, "2")])
    assert grade(q, ["1", "2"]) == 1.0 and grade(q, ["2", "2"]) == 0.5
    with pytest.raises(QuizError):
        grade(q, ["1"])
