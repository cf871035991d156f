"""Printable quizzes: HTML and Markdown, the questions first and an answer key after them.

Both are rendered from the same :class:`Sheet` (numbered questions, lettered options, the task line, and a
key with every option's feedback), so they always agree. All text is escaped for its target: HTML with
:func:`html.escape`, Markdown by backslash-escaping the characters that would become markup.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Question, Quiz
from ..phrases import num
from .common import letter

T = {
    "key": {"en": "Answer key", "az": "Cavablar"},
    "single": {"en": "Choose one answer.", "az": "Bir cavab seçin."},
    "multiple": {"en": "Choose all that apply.", "az": "Uyğun olanların hamısını seçin."},
    "truefalse": {"en": "True or false?", "az": "Doğru, yoxsa yanlış?"},
    "numerical": {"en": "Write a number (accepted within ±{tol}).", "az": "Rəqəm yazın (±{tol} dəqiqliklə qəbul edilir)."},
    "matching": {"en": "Match each item on the left with one on the right.", "az": "Soldakı hər bəndi sağdakı biri ilə uyğunlaşdırın."},
    "answer": {"en": "Answer", "az": "Cavab"},
    "right": {"en": "correct", "az": "düzgün"},
    "wrong": {"en": "incorrect", "az": "səhv"},
    "legal": {"en": "A reference for training, not legal advice.", "az": "Təlim üçün arayışdır, hüquqi məsləhət deyil."},
}


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
        task = T[q.qtype][lang].format(tol=num(q.tolerance, lang))
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
    e, lang = html.escape, quiz.lang
    lines = ["<!DOCTYPE html>", f'<html lang="{e(lang)}">', "<head>", '<meta charset="utf-8">', f"<title>{e(quiz.title)}</title>",
             "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto}li{margin:.3rem 0}"
             ".key{page-break-before:always}.ok{font-weight:bold}</style>",
             "</head>", "<body>", f"<h1>{e(quiz.title)}</h1>", f"<p><em>{e(T['legal'][lang])}</em></p>", "<ol>"]
    for entry in sheet(quiz):
        lines.append(f'<li id="{e(entry.question.id)}"><p>{e(entry.question.stem)}</p><p><em>{e(entry.task)}</em></p>')
        if entry.options:
            lines.append("<ul>" + "".join(f"<li>{e(mark)} {e(text)}</li>" for mark, text in entry.options) + "</ul>")
        lines.append("</li>")
    lines += ["</ol>", f'<section class="key"><h2>{e(T["key"][lang])}</h2>', "<ol>"]
    for entry in sheet(quiz):
        lines.append(f"<li><p>{e(T['answer'][lang])}: <strong>{e(entry.answer)}</strong></p><ul>")
        for mark, ok, feedback in entry.key:
            verdict = T["right" if ok else "wrong"][lang]
            lines.append(f'<li class="{"ok" if ok else "no"}">{e(mark)} ({e(verdict)}): {e(feedback)}</li>')
        lines.append(f"</ul><p>{e(entry.question.general_feedback)}</p></li>")
    lines += ["</ol>", "</section>", "</body>", "</html>", ""]
    return "\n".join(lines)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!~])")


def md(text: str) -> str:
    """Escape Markdown markup characters with a backslash."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(quiz: Quiz) -> str:
    """A printable Markdown document with the answer key."""
    lang = quiz.lang
    lines = [f"# {md(quiz.title)}", "", f"*{md(T['legal'][lang])}*", ""]
    for entry in sheet(quiz):
        lines += [f"{entry.number}\\. {md(entry.question.stem)}", "", f"   *{md(entry.task)}*", ""]
        lines += [f"   - {md(mark)} {md(text)}" for mark, text in entry.options]
        lines.append("")
    lines += [f"## {md(T['key'][lang])}", ""]
    for entry in sheet(quiz):
        lines += [f"{entry.number}\\. {md(T['answer'][lang])}: **{md(entry.answer)}**", ""]
        lines += [f"   - {md(mark)} ({md(T['right' if ok else 'wrong'][lang])}): {md(feedback)}" for mark, ok, feedback in entry.key]
        lines += ["", f"   {md(entry.question.general_feedback)}", ""]
    return "\n".join(lines)
