"""The quiz model: a :class:`Quiz` of :class:`Question` objects, each with :class:`Option` objects.

Every exporter writes this model and every parser reads it back, so a round trip through any format must
give an equal object. The model is frozen and checks itself on construction: the right number of correct
options for the question type, feedback on every option, single-line texts (exporters decide how to write
line breaks), and keys that the metadata codecs can carry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import QuizError

LANGS = ("en", "az")
DIFFICULTIES = ("easy", "medium", "hard")
QTYPES = ("single", "multiple", "truefalse", "numerical", "matching")
_KEY = re.compile(r"^[\w.\-/]+$")


@dataclass(frozen=True)
class Option:
    """One answer option. For a matching question ``text`` is the left item and ``match`` the right one."""

    text: str
    correct: bool
    feedback: str
    match: str = ""


@dataclass(frozen=True)
class Question:
    """One question. ``key`` names what it asks about (e.g. ``sanction_range/271.2/fine``)."""

    id: str
    kind: str
    qtype: str
    stem: str
    options: tuple[Option, ...]
    general_feedback: str
    key: str
    articles: tuple[str, ...] = ()
    difficulty: str = "medium"
    tolerance: float = 0.0

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise QuizError(f"question {self.id or '?'} ({self.key}): {problems[0]}")

    @property
    def correct_options(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.correct)

    @property
    def value(self) -> float:
        """The correct numeric answer of a numerical question."""
        return float(self.correct_options[0].text)

    def fraction(self, option: Option) -> float:
        """The Moodle grade fraction (percent) of an option: wrong multiple-answer options share -100."""
        if self.qtype == "multiple":
            n = len(self.correct_options) if option.correct else len(self.options) - len(self.correct_options)
            return (100.0 if option.correct else -100.0) / n
        return 100.0 if option.correct else 0.0


def _problems(q: Question) -> list[str]:
    out = []
    if q.qtype not in QTYPES:
        out.append(f"unknown question type {q.qtype!r}")
    if q.difficulty not in DIFFICULTIES:
        out.append(f"unknown difficulty {q.difficulty!r}")
    if not _KEY.match(q.key) or not _KEY.match(q.kind):
        out.append(f"key {q.key!r} and kind {q.kind!r} may use letters, digits, '.', '-', '/' and '_' only")
    if not q.stem.strip() or not q.general_feedback.strip():
        out.append("empty stem or general feedback")
    texts = [q.stem, q.general_feedback] + [t for o in q.options for t in (o.text, o.feedback, o.match)]
    if any("\n" in t or "\r" in t for t in texts):
        out.append("texts must be single lines")
    if any(not o.text.strip() or not o.feedback.strip() for o in q.options):
        out.append("every option needs a text and feedback")
    if len({o.text for o in q.options}) != len(q.options):
        out.append("two options have the same text")
    n = len(q.correct_options)
    expected = {"single": n == 1 and len(q.options) >= 2, "truefalse": n == 1 and len(q.options) == 2,
                "multiple": 1 <= n < len(q.options), "numerical": n == 1,
                "matching": n == len(q.options) >= 2 and all(o.match for o in q.options)}
    if not expected.get(q.qtype, True):
        out.append(f"{n} correct of {len(q.options)} options does not fit a {q.qtype} question")
    if q.qtype == "numerical":
        try:
            [float(o.text) for o in q.options]
        except ValueError:
            out.append("numerical options must be numbers")
    return out


@dataclass(frozen=True)
class Quiz:
    """A built quiz: its title and language, the seed it was built from, and the questions in order."""

    title: str
    lang: str
    seed: int
    questions: tuple[Question, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise QuizError(f"unknown quiz language {self.lang!r}; languages are: {', '.join(LANGS)}")
        ids = [q.id for q in self.questions]
        if len(set(ids)) != len(ids):
            raise QuizError(f"duplicate question ids in quiz: {ids}")

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON storage); :meth:`from_dict` is its inverse."""
        return {"title": self.title, "lang": self.lang, "seed": self.seed,
                "questions": [{**{k: getattr(q, k) for k in _QUESTION_FIELDS}, "articles": list(q.articles),
                               "options": [vars(o).copy() for o in q.options]} for q in self.questions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quiz":
        """Rebuild a quiz from :meth:`to_dict` output; raises :class:`QuizError` if it is malformed."""
        try:
            questions = tuple(Question(**{k: q[k] for k in _QUESTION_FIELDS}, articles=tuple(q["articles"]),
                                       options=tuple(Option(**o) for o in q["options"]))
                              for q in data["questions"])
            return cls(data["title"], data["lang"], int(data["seed"]), questions)
        except (KeyError, TypeError) as exc:
            raise QuizError(f"malformed quiz data: {exc}") from None


_QUESTION_FIELDS = ("id", "kind", "qtype", "stem", "general_feedback", "key", "difficulty", "tolerance")
