"""Quiz export formats and their parsers, by CLI name.

``gift``, ``moodle-xml``, ``qti12`` (Canvas), ``qti21``, ``csv``, ``html`` and ``markdown``. Every format but the
two printable ones has a parser that reads its own output back into an equal :class:`~quiz.model.Quiz`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import QuizError
from ..model import Quiz
from . import csvfile, gift, moodle_xml, printable, qti12, qti21


@dataclass(frozen=True)
class Format:
    """An export format: its file extension, whether it is binary (a zip) and its export/parse functions."""

    name: str
    extension: str
    binary: bool
    export: Callable[[Quiz], str | bytes]
    parse: Callable[..., Quiz] | None


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("gift", ".gift", False, gift.export, gift.parse),
    Format("moodle-xml", ".xml", False, moodle_xml.export, moodle_xml.parse),
    Format("qti12", ".zip", True, qti12.export, qti12.parse),
    Format("qti21", ".zip", True, qti21.export, qti21.parse),
    Format("csv", ".csv", False, csvfile.export, csvfile.parse),
    Format("html", ".html", False, printable.to_html, None),
    Format("markdown", ".md", False, printable.to_markdown, None),
)}


def get_format(name: str) -> Format:
    """The format called ``name``; raises :class:`QuizError` listing the formats."""
    try:
        return FORMATS[name]
    except KeyError:
        raise QuizError(f"unknown format {name!r}; formats are: {', '.join(FORMATS)}") from None


def file_name(quiz: Quiz, fmt: str) -> str:
    """The download name of ``quiz`` in ``fmt``, by seed, format and language (``quiz-7-qti12-az.zip``), so that
    two exports of one quiz never overwrite each other. Raises :class:`QuizError` for an unknown format."""
    return f"quiz-{quiz.seed}-{fmt}-{quiz.lang}{get_format(fmt).extension}"


def export_quiz(quiz: Quiz, fmt: str) -> bytes:
    """The quiz in format ``fmt`` as bytes (UTF-8 for the text formats)."""
    out = get_format(fmt).export(quiz)
    return out if isinstance(out, bytes) else out.encode("utf-8")


def parse_quiz(data: bytes | str, fmt: str) -> Quiz:
    """Read a quiz exported as ``fmt`` back. Raises :class:`QuizError` for a printable format (no parser)
    and :class:`~quiz.errors.FormatError` for a malformed file."""
    f = get_format(fmt)
    if f.parse is None:
        raise QuizError(f"format {fmt!r} is for printing and cannot be read back")
    if f.binary:
        return f.parse(data if isinstance(data, bytes) else data.encode("utf-8"))
    if fmt == "moodle-xml":
        return f.parse(data)
    return f.parse(data.decode("utf-8") if isinstance(data, bytes) else data)
