"""Moodle XML: export and parse.

One ``<question>`` per question: ``multichoice`` (``<single>`` true or false), ``truefalse``, ``numerical``
(with ``<tolerance>``) and ``matching`` (``<subquestion>``). Texts are HTML (escaped plain text); every answer
carries its ``fraction`` and ``<feedback>``; the metadata ride in ``<tags>``. A leading ``category`` question
names the category and holds the quiz header in its ``<info>``.
"""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..errors import FormatError
from ..model import Option, Question, Quiz
from .common import (external_id, fraction_text, from_html, internal_id, make_question, meta_fields, meta_pairs, need,
                     number, pack_feedback, parse_xml, quiz_from, quiz_pairs, sub, to_html, truefalse_options,
                     unpack_feedback, xml_bytes)

_TYPES = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse", "numerical": "numerical",
          "matching": "matching"}


def _html(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = sub(parent, tag, format="html")
    sub(el, "text", to_html(text))
    return el


def export(quiz: Quiz) -> bytes:
    """The quiz as Moodle XML (UTF-8 bytes)."""
    root = ET.Element("quiz")
    cat = sub(root, "question", type="category")
    sub(sub(cat, "category"), "text", f"$course$/top/{quiz.title.replace('/', '-')}")
    sub(sub(cat, "info", format="plain_text"), "text", "\n".join(f"{k}: {v}" for k, v in quiz_pairs(quiz)))
    for q in quiz.questions:
        root.append(_question(q, external_id(quiz, q)))
    return xml_bytes(root)


def _question(q: Question, name: str) -> ET.Element:
    el = ET.Element("question", type=_TYPES[q.qtype])
    sub(sub(el, "name"), "text", name)
    _html(el, "questiontext", q.stem)
    _html(el, "generalfeedback", pack_feedback(q))
    sub(el, "defaultgrade", "1")
    sub(el, "penalty", "0")
    sub(el, "hidden", "0")
    if q.qtype in ("single", "multiple"):
        sub(el, "single", "true" if q.qtype == "single" else "false")
        sub(el, "shuffleanswers", "true")
        sub(el, "answernumbering", "abc")
    if q.qtype == "matching":
        sub(el, "shuffleanswers", "true")
        for o in q.options:
            sq = _html(el, "subquestion", o.text)
            sub(sub(sq, "answer"), "text", o.match)
    else:
        for o in q.options:
            text = ("true" if o is q.options[0] else "false") if q.qtype == "truefalse" else o.text
            ans = sub(el, "answer", fraction=fraction_text(q.fraction(o)), format="moodle_auto_format" if q.qtype == "truefalse" else "html")
            sub(ans, "text", text if q.qtype in ("truefalse", "numerical") else to_html(text))
            if q.qtype == "numerical":
                sub(ans, "tolerance", number(q.tolerance))
            _html(ans, "feedback", o.feedback)
    tags = sub(el, "tags")
    for name, value in meta_pairs(q):
        sub(sub(tags, "tag"), "text", f"{name}={value}")
    return el


def parse(data: bytes | str) -> Quiz:
    """Read Moodle XML back into a quiz. Raises :class:`FormatError` if it is malformed."""
    root = parse_xml(data, "Moodle XML")
    if root.tag != "quiz":
        raise FormatError(f"Moodle XML root is <{root.tag}>, not <quiz>")
    header: dict[str, str] = {}
    questions = []
    for el in root.findall("question"):
        kind = el.get("type")
        if kind == "category":
            for line in (el.findtext("info/text") or "").split("\n"):
                name, _, value = line.partition(": ")
                header[name.strip()] = value
        elif kind in _TYPES.values():
            questions.append(_parse_question(el, kind, len(questions) + 1, header.get("lang", "en")))
    return quiz_from(header, questions)


def _text(el: ET.Element | None, path: str = "text") -> str:
    return from_html(el.findtext(path) or "") if el is not None else ""


def _parse_question(el: ET.Element, kind: str, n: int, lang: str) -> Question:
    qid = internal_id(el.findtext("name/text") or f"q{n:02d}")
    meta = meta_fields([tuple(t.partition("=")[::2]) for t in (x.findtext("text") or "" for x in el.iter("tag"))], qid)
    stem = _text(el.find("questiontext"))
    packed = _text(el.find("generalfeedback"))
    if kind == "matching":
        subs = el.findall("subquestion")
        general, pair_fb = unpack_feedback(packed, "matching", len(subs))
        options = [Option(_text(s), True, fb, s.findtext("answer/text") or "") for s, fb in zip(subs, pair_fb)]
        return make_question(qid, meta, "matching", stem, options, general)
    answers = el.findall("answer")
    fractions = [float(need(a, "answer").get("fraction", "0")) for a in answers]
    if kind == "truefalse":
        by_text = {(a.findtext("text") or "").strip().lower(): (f, _text(a.find("feedback"))) for a, f in zip(answers, fractions)}
        (f_true, fb_true), (_, fb_false) = by_text["true"], by_text["false"]
        truth = f_true > 0
        options = truefalse_options(truth, fb_true if truth else fb_false, fb_false if truth else fb_true, lang)
        return make_question(qid, meta, "truefalse", stem, list(options), packed)
    raw = kind == "numerical"
    options = [Option((a.findtext("text") or "").strip() if raw else _text(a), f > 0, _text(a.find("feedback")))
               for a, f in zip(answers, fractions)]
    if raw:
        tol = next((a.findtext("tolerance") for a, f in zip(answers, fractions) if f > 0), "0")
        return make_question(qid, meta, "numerical", stem, options, packed, float(tol or 0))
    qtype = "single" if (el.findtext("single") or "true").strip() == "true" else "multiple"
    return make_question(qid, meta, qtype, stem, options, packed)
