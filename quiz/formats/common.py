"""What the exporters share: option letters, grade fractions, the metadata codec, HTML text, feedback packing.

Every format carries the same metadata (kind, question type, key, difficulty, articles) as ``name=value``
pairs, each in its own natural place (a GIFT comment, Moodle tags, QTI metadata fields), so every parser can
rebuild the exact :class:`~quiz.model.Question`. Matching questions have no per-pair feedback in GIFT,
Moodle XML or QTI; there the pair feedback travels as extra lines of the general feedback.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import string
from typing import Iterable
from xml.etree import ElementTree as ET

from i18n import escape

from ..errors import FormatError
from ..model import Option, Question, Quiz
from ..phrases import plain, truth_labels

LETTERS = string.ascii_uppercase


def letter(i: int) -> str:
    """``A``, ``B``, … for option ``i`` (0-based)."""
    return LETTERS[i]


def fraction_text(x: float) -> str:
    """A grade fraction as Moodle writes it: ``100``, ``50``, ``33.33333``, ``-50``."""
    return plain(round(x, 5))


def number(x: float) -> str:
    return plain(x)


# ---- identifiers ------------------------------------------------------------------------------------------
_EXTERNAL = re.compile(r"^ch30-[0-9a-f]{10}-(?P<id>.+)$")


def quiz_ident(quiz: Quiz) -> str:
    """A stable identifier derived from the quiz's content (title, language, seed, questions and options):
    ``ch30-`` and 10 hex digits. The same quiz always gets the same one; another quiz gets another, so an LMS that
    matches ids on import (Canvas migration ids, Moodle question names) never confuses two quizzes."""
    data = json.dumps(quiz.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    return "ch30-" + hashlib.sha256(data).hexdigest()[:10]


def external_id(quiz: Quiz, q: Question) -> str:
    """A question's identifier in an export: the quiz's :func:`quiz_ident` and the question's id (``q01``)."""
    return f"{quiz_ident(quiz)}-{q.id}"


def internal_id(name: str) -> str:
    """The question id inside an exported identifier (:func:`external_id`); any other name as it is."""
    m = _EXTERNAL.match(name)
    return m.group("id") if m else name


# ---- metadata ---------------------------------------------------------------------------------------------
def meta_pairs(q: Question) -> list[tuple[str, str]]:
    return ([("kind", q.kind), ("qtype", q.qtype), ("key", q.key), ("difficulty", q.difficulty)]
            + [("article", a) for a in q.articles])


def meta_fields(pairs: Iterable[tuple[str, str]], fallback_key: str) -> dict:
    """Question fields from metadata pairs; a file from elsewhere (no pairs) gets neutral defaults."""
    got: dict[str, list[str]] = {}
    for name, value in pairs:
        got.setdefault(name.strip(), []).append(value.strip())
    return {"kind": got.get("kind", ["imported"])[0], "key": got.get("key", [f"imported/{fallback_key}"])[0],
            "difficulty": got.get("difficulty", ["medium"])[0], "articles": tuple(got.get("article", [])),
            "qtype": got.get("qtype", [None])[0]}


def encode_meta(pairs: Iterable[tuple[str, str]]) -> str:
    """``kind=article; qtype=single; …`` (values never hold ``;`` or ``=``: the model checks keys)."""
    return "; ".join(f"{k}={v}" for k, v in pairs)


def decode_meta(text: str) -> list[tuple[str, str]]:
    return [tuple(p.split("=", 1)) for p in text.split(";") if "=" in p]  # type: ignore[misc]


def quiz_pairs(quiz: Quiz) -> list[tuple[str, str]]:
    return [("title", quiz.title), ("lang", quiz.lang), ("seed", str(quiz.seed))]


def quiz_from(meta: dict[str, str], questions: Iterable[Question]) -> Quiz:
    """A quiz from its header fields (title, lang, seed) and questions; raises :class:`FormatError` if bad."""
    try:
        return Quiz(meta.get("title", ""), meta.get("lang", "en"), int(meta.get("seed", "0")), tuple(questions))
    except ValueError as exc:
        raise FormatError(f"bad quiz header {meta}: {exc}") from None


# ---- text -------------------------------------------------------------------------------------------------
def to_html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks as ``<br>``."""
    return escape.html(text, quote=False).replace("\n", "<br>")


def from_html(markup: str) -> str:
    """Inverse of :func:`to_html`."""
    return html.unescape(markup.replace("<br>", "\n"))


def pack_feedback(q: Question) -> str:
    """The general feedback, plus one line per pair for a matching question."""
    if q.qtype != "matching":
        return q.general_feedback
    return "\n".join([q.general_feedback, *(o.feedback for o in q.options)])


def unpack_feedback(text: str, qtype: str, n: int) -> tuple[str, list[str]]:
    """Split packed feedback into the general feedback and ``n`` pair feedbacks."""
    if qtype != "matching":
        return text, []
    lines = text.split("\n")
    if len(lines) != n + 1:
        raise FormatError(f"matching feedback has {len(lines) - 1} pair lines for {n} pairs")
    return lines[0], lines[1:]


def truefalse_options(truth: bool, right: str, wrong: str, lang: str) -> tuple[Option, Option]:
    """The two options of a true/false question, ``True`` first, in the quiz language."""
    yes, no = truth_labels(lang)
    return (Option(yes, truth, right if truth else wrong), Option(no, not truth, wrong if truth else right))


def make_question(qid: str, meta: dict, qtype: str, stem: str, options: list[Option], general: str,
                  tolerance: float = 0.0) -> Question:
    """Build a parsed question, turning model errors into :class:`FormatError` that names the question."""
    try:
        return Question(id=qid, kind=meta["kind"], qtype=meta.get("qtype") or qtype, stem=stem, options=tuple(options),
                        general_feedback=general, key=meta["key"], articles=meta["articles"],
                        difficulty=meta["difficulty"], tolerance=float(tolerance))
    except ValueError as exc:
        raise FormatError(f"question {qid}: {exc}") from None


# ---- XML --------------------------------------------------------------------------------------------------
def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Append a child element with optional text and attributes (``class_`` → ``class``)."""
    el = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def xml_bytes(root: ET.Element) -> bytes:
    """Indented UTF-8 XML with a declaration."""
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def parse_xml(data: bytes | str, what: str) -> ET.Element:
    """Parse XML and drop namespaces from tag names; raises :class:`FormatError` naming ``what``."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FormatError(f"{what} is not well-formed XML: {exc}") from None
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
        for name in [a for a in el.attrib if "}" in a]:
            el.attrib[name.split("}", 1)[1]] = el.attrib.pop(name)
    return root


def need(el: ET.Element | None, what: str) -> ET.Element:
    if el is None:
        raise FormatError(f"missing {what}")
    return el
