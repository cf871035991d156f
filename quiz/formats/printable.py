"""Printable quizzes: HTML and Markdown, the questions first and an answer key after them.

Both are rendered from the same :class:`Sheet` (numbered questions, lettered options, the task line, and a
key with every option's feedback), so they always agree. All text is escaped for its target: HTML with
:func:`i18n.escape.html`, Markdown by backslash-escaping the characters that would become markup.
"""
from __future__ import annotations

from dataclasses import dataclass

from i18n import escape

from ..model import Question, Quiz
from ..phrases import num, say
from .common import letter

T = "quiz.printable"
"""The printable formats' words in the message catalogue (``i18n/catalogue.yaml``)."""


@dataclass(frozen=True)
class Entry:
    """One question as printed: task line, options (letter, text), and the key lines."""

    number: int
    question: Question
    task: str
    options: tuple[tuple[str, str], ...]
    answer: str
    key: tuple[tuple[str, bool, str], ...]


def sheet(quiz: Quiz) -> list[Entry]:
    """The printable layout of a quiz, shared by the HTML and Markdown renderers."""
    lang, out = quiz.lang, []
    for n, q in enumerate(quiz.questions, start=1):
        task = say(T, q.qtype, lang, tol=num(q.tolerance, lang))
        if q.qtype == "matching":
            rights = sorted({o.match for o in q.options})
            options = tuple((f"{i + 1}.", o.text) for i, o in enumerate(q.options)) + \
                tuple((f"{letter(j)}.", r) for j, r in enumerate(rights))
            answer = ", ".join(f"{i + 1}–{letter(rights.index(o.match))}" for i, o in enumerate(q.options))
            key = tuple((f"{i + 1}–{letter(rights.index(o.match))}", True, o.feedback) for i, o in enumerate(q.options))
        elif q.qtype == "numerical":
            options = ()
            answer = q.correct_options[0].text
            key = tuple((o.text, o.correct, o.feedback) for o in q.options)
        else:
            options = tuple((f"{letter(i)}.", o.text) for i, o in enumerate(q.options))
            answer = ", ".join(letter(i) for i, o in enumerate(q.options) if o.correct)
            key = tuple((letter(i), o.correct, o.feedback) for i, o in enumerate(q.options))
        out.append(Entry(n, q, task, options, answer, key))
    return out


def to_html(quiz: Quiz) -> str:
    """A self-contained printable HTML page with the answer key."""
    e, lang = escape.html, quiz.lang
    lines = ["<!DOCTYPE html>", f'<html lang="{e(lang)}">', "<head>", '<meta charset="utf-8">', f"<title>{e(quiz.title)}</title>",
             "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto}li{margin:.3rem 0}"
             ".key{page-break-before:always}.ok{font-weight:bold}</style>",
             "</head>", "<body>", f"<h1>{e(quiz.title)}</h1>", f"<p><em>{e(say(T, 'legal', lang))}</em></p>", "<ol>"]
    for entry in sheet(quiz):
        lines.append(f'<li id="{e(entry.question.id)}"><p>{e(entry.question.stem)}</p><p><em>{e(entry.task)}</em></p>')
        if entry.options:
            lines.append("<ul>" + "".join(f"<li>{e(mark)} {e(text)}</li>" for mark, text in entry.options) + "</ul>")
        lines.append("</li>")
    lines += ["</ol>", f'<section class="key"><h2>{e(say(T, "key", lang))}</h2>', "<ol>"]
    for entry in sheet(quiz):
        lines.append(f"<li><p>{e(say(T, 'answer', lang))}: <strong>{e(entry.answer)}</strong></p><ul>")
        for mark, ok, feedback in entry.key:
            verdict = say(T, 'right' if ok else 'wrong', lang)
            lines.append(f'<li class="{"ok" if ok else "no"}">{e(mark)} ({e(verdict)}): {e(feedback)}</li>')
        lines.append(f"</ul><p>{e(entry.question.general_feedback)}</p></li>")
    lines += ["</ol>", "</section>", "</body>", "</html>", ""]
    return "\n".join(lines)


md = escape.markdown
"""Markdown text escaped with a backslash before each markup character (:func:`i18n.escape.markdown`)."""


def to_markdown(quiz: Quiz) -> str:
    """A printable Markdown document with the answer key."""
    lang = quiz.lang
    lines = [f"# {md(quiz.title)}", "", f"*{md(say(T, 'legal', lang))}*", ""]
    for entry in sheet(quiz):
        lines += [f"{entry.number}\\. {md(entry.question.stem)}", "", f"   *{md(entry.task)}*", ""]
        lines += [f"   - {md(mark)} {md(text)}" for mark, text in entry.options]
        lines.append("")
    lines += [f"## {md(say(T, 'key', lang))}", ""]
    for entry in sheet(quiz):
        lines += [f"{entry.number}\\. {md(say(T, 'answer', lang))}: **{md(entry.answer)}**", ""]
        lines += [f"   - {md(mark)} ({md(say(T, 'right' if ok else 'wrong', lang))}): {md(feedback)}" for mark, ok, feedback in entry.key]
        lines += ["", f"   {md(entry.question.general_feedback)}", ""]
    return "\n".join(lines)
