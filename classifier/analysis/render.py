"""Render an :class:`Analysis` as Markdown or as a standalone HTML page (every user-derived string escaped).

Words come from the catalogue (``report.*``, ``verdict.*``), figures from :func:`i18n.number`, escaping from
:mod:`i18n.escape`.
"""
from __future__ import annotations

from i18n import escape, number, say

from .results import Analysis

NOT_EVIDENT = "classifier.not_evident"
"""The element note that only repeats "not evident"; the reports show the mark instead."""


def _t(key: str, lang: str) -> str:
    return say(f"report.{key}", lang)


def _num(x: float) -> str:
    return number(x, " ")


def _range(p) -> str:
    """A punishment's range, ``3–24``, or ``≤ 600`` where only a maximum applies (a minor's fine)."""
    return f"{_num(p.min.value)}–{_num(p.max.value)}" if p.min else f"≤ {_num(p.max.value)}"


def _sources(p) -> str:
    return f"{p.min.article} / {p.max.article}" if p.min else p.max.article


def _shown(a: Analysis):
    return a.selected or ([a.candidates[0]] if a.verdict == "low_confidence" else [])


def analysis_markdown(a: Analysis, lang: str = "en") -> str:
    """A Markdown report of the analysis; the incident text is escaped so it cannot inject markup."""
    md = escape.markdown
    out = [f"# {_t('title', lang)}", "", f"> {_t('notice', lang)}", "", f"**{_t('text', lang)}:** {md(a.text)}", ""]
    if a.warnings:
        out += [f"**{_t('warnings', lang)}:** " + "; ".join(md(w.text(lang)) for w in a.warnings), ""]
    out += [f"## {say('verdict.' + a.verdict, lang)}", ""]
    for c in _shown(a):
        out += [f"### {c.label} — {c.title.text(lang)} ({_t('probability', lang)} {c.probability:.0%})", ""]
        out += [f"**{_t('part', lang)} {c.part.part}:** {c.part.reason.text(lang)}", ""]
        out += [f"**{_t('elements', lang)}:**", ""]
        for e in c.elements:
            mark = "✔" if e.shown else "✘"
            ev = "; ".join(f"“{md(s.text)}”" for s in e.evidence[:3])
            note = e.note.text(lang) if e.note is not None and e.note.key != NOT_EVIDENT else ""
            out.append(f"- {mark} {e.description.text(lang)}"
                       f" — {_t('shown' if e.shown else 'not_shown', lang)}" + (f": {ev}" if ev else "") + (f" ({note})" if note else ""))
        if c.reference:
            out += ["", f"**{_t('penalties', lang)}:**", ""]
            for p in c.reference.punishments:
                flag = "" if p.available else " ✘"
                out.append(f"- {p.title.text(lang)}: {_range(p)} {p.unit} (Art. {_sources(p)}){flag}")
            out += [f"- {n.text(lang)}" for n in c.reference.notes]
            if c.reference.open_questions:
                out += ["", f"**{_t('open', lang)}:**", ""]
                out += [f"- ⚠ {q.text(lang)} ({', '.join(q.articles)})" for q in c.reference.open_questions]
        if c.explanation:
            out += ["", f"**{_t('words', lang)}:** " + ", ".join(f"“{md(s.text)}”" for s in c.explanation)]
        out.append("")
    found = [f for f in a.circumstances if f.detected]
    if found:
        out += [f"## {_t('circumstances', lang)}", ""]
        for f in found:
            ev = "; ".join(f"“{md(s.text)}”" for s in f.evidence[:3])
            out.append(f"- {f.id}" + (f": {ev}" if ev else "") + (f" ({f.note.text(lang)})" if f.note else ""))
        out.append("")
    if a.aggregate:
        out += [f"## {_t('aggregate', lang)}", ""] + [f"- {n.text(lang)}" for n in a.aggregate.notes]
        out += [f"- ⚠ {q.text(lang)} ({', '.join(q.articles)})" for q in a.aggregate.open_questions] + [""]
    return "\n".join(out)


def analysis_html(a: Analysis, lang: str = "en") -> str:
    """A standalone HTML page of the analysis. Built from escaped pieces only; no user text is trusted."""
    e = escape.html
    body = [f"<h1>{e(_t('title', lang))}</h1>", f"<p><em>{e(_t('notice', lang))}</em></p>",
            f"<p><strong>{e(_t('text', lang))}:</strong> {e(a.text)}</p>", f"<h2>{e(say('verdict.' + a.verdict, lang))}</h2>"]
    for c in _shown(a):
        body.append(f"<h3>{e(c.label)} — {e(c.title.text(lang))} ({c.probability:.0%})</h3>")
        body.append(f"<p><strong>{e(_t('part', lang))} {e(c.part.part)}:</strong> {e(c.part.reason.text(lang))}</p><ul>")
        for el in c.elements:
            ev = "; ".join(e(s.text) for s in el.evidence[:3])
            body.append(f"<li>{'✔' if el.shown else '✘'} {e(el.description.text(lang))}"
                        f"{(': ' + ev) if ev else ''}</li>")
        body.append("</ul>")
        if c.reference:
            body.append("<ul>" + "".join(
                f"<li>{e(p.title.text(lang))}: {e(_range(p))} {e(p.unit)} "
                f"(Art. {e(_sources(p))})</li>" for p in c.reference.punishments) + "</ul>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>" + e(_t("title", lang)) +
            "</title></head><body>" + "".join(body) + "</body></html>\n")
