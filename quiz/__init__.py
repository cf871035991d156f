"""Quizzes on Chapter 30 "Cybercrimes" of the Criminal Code of Azerbaijan, built from the statute table.

Public API:

- :func:`build_quiz` → :class:`Quiz` (reproducible from a seed, in English or Azerbaijani);
- :data:`KINDS` and :func:`question_pool` — the question kinds and everything they can ask;
- :data:`FORMATS`, :func:`export_quiz`, :func:`parse_quiz` — GIFT, Moodle XML, QTI 1.2 (Canvas), QTI 2.1,
  CSV, and printable HTML and Markdown;
- :class:`QuizStore` — saved quizzes, attempts and answers in SQLite; :func:`grade` scores one response;
- :func:`load_bank` — the teaching scenarios, checked against the statute table.

A reference for training, not legal advice.
"""
from .builder import KINDS, build_question, build_quiz, question_pool
from .errors import FormatError, QuizError
from .formats import FORMATS, export_quiz, file_name, get_format, parse_quiz
from .grading import grade
from .model import DIFFICULTIES, LANGS, QTYPES, Option, Question, Quiz
from .scenarios import Bank, Scenario, load_bank
from .storage import QuizStore

__all__ = [
    "Bank", "DIFFICULTIES", "FORMATS", "file_name", "FormatError", "KINDS", "LANGS", "Option", "QTYPES", "Question", "Quiz",
    "QuizError", "QuizStore", "Scenario", "build_question", "build_quiz", "export_quiz", "get_format", "grade",
    "load_bank", "parse_quiz", "question_pool",
]
