"""Moodle GIFT (plain text): export and parse.

Each question is ``::id:: stem { answers }`` with ``=`` for right and ``~`` for wrong options, ``%w%`` grade
weights for multiple answers, ``#`` per-answer feedback and ``####`` general feedback; true/false is
``{TRUE#feedback if wrong#feedback if right}``, numerical ``{#=value:tolerance#feedback}``, matching
``=left -> right``. The characters ``~ = # { } :`` and the backslash are escaped with a backslash and a line
break is written ``\\n``. The quiz header and each question's metadata are ``//`` comment lines, which Moodle
ignores.
"""
from __future__ import annotations

import re

from ..errors import FormatError
from ..model import Option, Question, Quiz
from .common import (decode_meta, encode_meta, external_id, fraction_text, internal_id, make_question, meta_fields,
                     meta_pairs, number, pack_feedback, quiz_from, quiz_pairs, truefalse_options, unpack_feedback)

SPECIAL = "\\~=#{}:"
# Escaped characters are swapped for private-use code points while the structure is split, then restored.
_HIDE = {c: chr(0xE000 + i) for i, c in enumerate(SPECIAL)} | {"n": chr(0xE000 + len(SPECIAL))}
_SHOW = {v: ("\n" if k == "n" else k) for k, v in _HIDE.items()}
_ARROW = " -> "


def escape(text: str) -> str:
    """GIFT-escape a text: backslash first, then ``~ = # { } :``, then line breaks."""
    for c in SPECIAL:
        text = text.replace(c, "\\" + c)
    return text.replace("\n", "\\n")


def export(quiz: Quiz) -> str:
    """The quiz as GIFT text."""
    out = [f"// {k}: {v}" for k, v in quiz_pairs(quiz)] + [""]
    for q in quiz.questions:
        out += [f"// meta: {encode_meta(meta_pairs(q))}", f"::{escape(external_id(quiz, q))}:: {escape(q.stem)} {{", *_answers(q),
                f"####{escape(pack_feedback(q))}", "}", ""]
    return "\n".join(out)


def _answers(q: Question) -> list[str]:
    if q.qtype == "truefalse":
        right, wrong = q.correct_options[0], next(o for o in q.options if not o.correct)
        return [f"{'TRUE' if q.options[0].correct else 'FALSE'}#{escape(wrong.feedback)}#{escape(right.feedback)}"]
    if q.qtype == "numerical":
        tol = number(q.tolerance)
        return ["#"] + [f"={'' if o.correct else '%0%'}{escape(o.text)}:{tol}#{escape(o.feedback)}" for o in q.options]
    if q.qtype == "matching":
        if any("->" in o.text or "->" in o.match for o in q.options):
            raise FormatError(f"question {q.id}: a matching item contains '->', which GIFT cannot hold")
        return [f"={escape(o.text)}{_ARROW}{escape(o.match)}" for o in q.options]
    if q.qtype == "multiple":
        return [f"~%{fraction_text(q.fraction(o))}%{escape(o.text)}#{escape(o.feedback)}" for o in q.options]
    return [f"{'=' if o.correct else '~'}{escape(o.text)}#{escape(o.feedback)}" for o in q.options]


def parse(text: str) -> Quiz:
    """Read GIFT text back into a quiz. Raises :class:`FormatError` for a question it cannot read."""
    header: dict[str, str] = {}
    questions: list[Question] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        comments = [ln.strip()[2:].strip() for ln in block.split("\n") if ln.strip().startswith("//")]
        body = "\n".join(ln for ln in block.split("\n") if not ln.strip().startswith("//")).strip()
        meta = []
        for c in comments:
            name, _, value = c.partition(":")
            if name == "meta":
                meta = decode_meta(value)
            elif not body and name in ("title", "lang", "seed"):
                header[name] = value.strip()
        if body:
            questions.append(_question(body, meta, len(questions) + 1, header.get("lang", "en")))
    return quiz_from(header, questions)


def _hide(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _HIDE.get(m.group(1), m.group(1)), text, flags=re.S)


def _show(text: str) -> str:
    return "".join(_SHOW.get(c, c) for c in text).strip()


def _question(source: str, meta_list: list, n: int, lang: str) -> Question:
    src = _hide(source)
    name = f"q{n:02d}"
    m = re.match(r"^::(.*?)::", src, flags=re.S)
    if m:
        name, src = internal_id(_show(m.group(1))), src[m.end():]
    start, end = src.find("{"), src.rfind("}")
    if start < 0 or end < start:
        raise FormatError(f"GIFT question {name}: no answer block {{...}}")
    stem, body = _show(src[:start]), src[start + 1:end]
    body, _, general = body.partition("####")
    meta = meta_fields(meta_list, name)
    body = body.strip()
    if re.fullmatch(r"(?is)(T|F|TRUE|FALSE)(#.*)?", body):
        answer, _, rest = body.partition("#")
        wrong, _, right = rest.partition("#")
        options = truefalse_options(answer.upper().startswith("T"), _show(right), _show(wrong), lang)
        return make_question(name, meta, "truefalse", stem, list(options), _show(general))
    numerical = body.startswith("#")
    tokens = [t for t in re.split(r"(?=[=~])", body.lstrip("#")) if t.strip()]
    matching = meta["qtype"] == "matching" if meta["qtype"] else bool(tokens) and all("->" in t for t in tokens)
    options, tolerance, weighted = [], 0.0, False
    for tok in tokens:
        mark, rest = tok[0], tok[1:]
        weight = None
        wm = re.match(r"^%(-?[\d.]+)%", rest)
        if wm:
            weight, rest, weighted = float(wm.group(1)), rest[wm.end():], True
        text, _, feedback = rest.partition("#")
        correct = (weight > 0) if weight is not None else mark == "="
        if numerical:
            value, _, tol = text.partition(":")
            text = _show(value)
            tolerance = float(_show(tol) or 0) if correct else tolerance
        if matching:
            left, _, right = text.partition("->")
            options.append(Option(_show(left), True, "", match=_show(right)))
        else:
            options.append(Option(_show(text), correct, _show(feedback)))
    qtype = "numerical" if numerical else "matching" if matching else "multiple" if weighted else "single"
    general_text, pair_feedback = unpack_feedback(_show(general), qtype, len(options))
    if pair_feedback:
        options = [Option(o.text, True, fb, o.match) for o, fb in zip(options, pair_feedback)]
    return make_question(name, meta, qtype, stem, options, general_text, tolerance)
