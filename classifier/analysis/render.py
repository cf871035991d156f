"""Render an :class:`Analysis` as Markdown or as a standalone, printable HTML page, in English or Azerbaijani.

Words come from the catalogue (``report.*``, ``verdict.*``, units and "Art." included), figures from
:func:`i18n.quantity`, escaping from :mod:`i18n.escape`. The user's text is shown literally in both: in a fenced
code block in Markdown (nothing inside is read as markup, raw or rendered) and escaped in a ``<pre>`` in HTML.
"""
from __future__ import annotations

import re

import statutes
from i18n import escape, say

from .results import Analysis, Candidate, ElementCheck

NOT_EVIDENT = "classifier.not_evident"
"""The element note that only repeats "not evident"; the reports show the mark instead."""
_TICKS = re.compile(r"`+")
CSS = """body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:52rem;
margin:2rem auto;padding:0 1.25rem}h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid
#d0d7de;padding-bottom:.2rem;margin-top:1.8rem}h3{font-size:1.1rem;margin:1.4rem 0 .4rem}.notice{color:#57606a;
font-style:italic}pre.incident{white-space:pre-wrap;word-wrap:break-word;background:#f6f8fa;border:1px solid #d0d7de;
border-radius:6px;padding:.75rem;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace}ul{padding-left:1.3rem}
li{margin:.15rem 0}.shown{color:#1a7f37}.missing{color:#cf222e}.muted{color:#57606a}.warn{background:#fff8c5;
border:1px solid #d4a72c;border-radius:6px;padding:.5rem .75rem}section.candidate{break-inside:avoid}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}a{color:inherit}}"""


def _t(key: str, lang: str) -> str:
    return say(f"report.{key}", lang)


def _shown(a: Analysis) -> list[Candidate]:
    return a.selected or ([a.candidates[0]] if a.verdict == "low_confidence" else [])


def _status(e: ElementCheck, lang: str) -> str:
    if e.inferred:
        return _t("inferred", lang)
    return _t("shown", lang) if e.shown else _t("not_shown", lang)


def _note(e: ElementCheck, lang: str) -> str:
    return e.note.text(lang) if e.note is not None and e.note.key != NOT_EVIDENT else ""


def _circumstance(id: str, lang: str) -> str:
    return statutes.load_table().circumstances[id].title.text(lang)


def _fenced(text: str) -> list[str]:
    """``text`` in a fenced code block whose fence is longer than any run of backticks inside it."""
    fence = "`" * max(3, 1 + max((len(m) for m in _TICKS.findall(text)), default=0))
    return [fence + "text", text, fence]


def analysis_markdown(a: Analysis, lang: str = "en") -> str:
    """A Markdown report of the analysis in ``lang``; the incident text is shown literally (a code block)."""
    md = escape.markdown
    out = [f"# {_t('title', lang)}", "", f"> {_t('notice', lang)}", "", f"**{_t('text', lang)}:**", "",
           *_fenced(a.text), ""]
    if a.warnings:
        out += [f"**{_t('warnings', lang)}:** " + "; ".join(md(w.text(lang)) for w in a.warnings), ""]
    out += [f"## {say('verdict.' + a.verdict, lang)}", ""]
    for c in _shown(a):
        out += [f"### {c.label} — {c.title.text(lang)} ({_t('probability', lang)} {c.probability:.0%})", ""]
        out += [f"**{_t('part', lang)} {c.part.part}:** {c.part.reason.text(lang)}", ""]
        out += [f"**{_t('elements', lang)}:**", ""]
        for e in c.elements:
            ev = "; ".join(f"“{md(s.text)}”" for s in e.evidence[:3])
            note = _note(e, lang)
            out.append(f"- {'✔' if e.shown else '✘'} {e.description.text(lang)} — {_status(e, lang)}"
                       + (f": {ev}" if ev else "") + (f" ({note})" if note else ""))
        if c.reference:
            out += ["", f"**{_t('penalties', lang)}:**", ""]
            out += [f"- {p.title.text(lang)}: {p.span.text(lang)}" + ("" if p.available else f" ✘ {_t('unavailable', lang)}")
                    for p in c.reference.punishments]
            out += [f"- {n.text(lang)}" for n in c.reference.notes]
            if c.reference.open_questions:
                out += ["", f"**{_t('open', lang)}:**", ""]
                out += [f"- ⚠ {q.text(lang)} ({q.cited(lang)})" for q in c.reference.open_questions]
        if c.explanation:
            out += ["", f"**{_t('words', lang)}:** " + ", ".join(f"“{md(s.text)}”" for s in c.explanation)]
        out.append("")
    found = [f for f in a.circumstances if f.detected]
    if found:
        out += [f"## {_t('circumstances', lang)}", ""]
        for f in found:
            ev = "; ".join(f"“{md(s.text)}”" for s in f.evidence[:3])
            out.append(f"- {_circumstance(f.id, lang)}" + (f": {ev}" if ev else "") + (f" ({f.note.text(lang)})" if f.note else ""))
        out.append("")
    if a.aggregate:
        out += [f"## {_t('aggregate', lang)}", ""] + [f"- {n.text(lang)}" for n in a.aggregate.notes]
        out += [f"- ⚠ {q.text(lang)} ({', '.join(q.articles)})" for q in a.aggregate.open_questions] + [""]
    return "\n".join(out)


def _html_candidate(c: Candidate, lang: str) -> list[str]:
    e = escape.html
    body = [f"<section class='candidate'><h3>{e(c.label)} — {e(c.title.text(lang))} "
            f"<span class='muted'>({e(_t('probability', lang))} {c.probability:.0%})</span></h3>",
            f"<p><strong>{e(_t('part', lang))} {e(c.part.part)}:</strong> {e(c.part.reason.text(lang))}</p>",
            f"<h4>{e(_t('elements', lang))}</h4><ul>"]
    for el in c.elements:
        ev = "; ".join(f"“{e(s.text)}”" for s in el.evidence[:3])
        note = _note(el, lang)
        body.append(f"<li class='{'shown' if el.shown else 'missing'}'>{'✔' if el.shown else '✘'} "
                    f"{e(el.description.text(lang))} — <em>{e(_status(el, lang))}</em>{(': ' + ev) if ev else ''}"
                    f"{(' <span class=muted>(' + e(note) + ')</span>') if note else ''}</li>")
    body.append("</ul>")
    if c.reference:
        body.append(f"<h4>{e(_t('penalties', lang))}</h4><ul>")
        body += [f"<li{'' if p.available else ' class=missing'}><strong>{e(p.title.text(lang))}</strong>: "
                 f"{e(p.span.text(lang))}{'' if p.available else ' ✘ ' + e(_t('unavailable', lang))}</li>"
                 for p in c.reference.punishments]
        body += [f"<li class='muted'>{e(n.text(lang))}</li>" for n in c.reference.notes] + ["</ul>"]
        if c.reference.open_questions:
            body.append(f"<h4>{e(_t('open', lang))}</h4><ul>" + "".join(
                f"<li>⚠ {e(q.text(lang))} ({e(q.cited(lang))})</li>" for q in c.reference.open_questions) + "</ul>")
    if c.explanation:
        body.append(f"<p><strong>{e(_t('words', lang))}:</strong> " + ", ".join(f"“{e(s.text)}”" for s in c.explanation) + "</p>")
    return body + ["</section>"]


def analysis_html(a: Analysis, lang: str = "en") -> str:
    """A standalone, printable HTML page of the analysis in ``lang`` (print CSS included). Built from escaped
    pieces only: the incident text shows literally in a ``<pre>``; no user text is trusted."""
    e = escape.html
    body = [f"<h1>{e(_t('title', lang))}</h1>", f"<p class='notice'>{e(_t('notice', lang))}</p>",
            f"<h2>{e(_t('text', lang))}</h2>", f"<pre class='incident'>{e(a.text, quote=False)}</pre>"]
    if a.warnings:
        body.append(f"<p class='warn'><strong>{e(_t('warnings', lang))}:</strong> "
                    + "; ".join(e(w.text(lang)) for w in a.warnings) + "</p>")
    body.append(f"<h2>{e(say('verdict.' + a.verdict, lang))}</h2>")
    for c in _shown(a):
        body += _html_candidate(c, lang)
    found = [f for f in a.circumstances if f.detected]
    if found:
        body.append(f"<h2>{e(_t('circumstances', lang))}</h2><ul>" + "".join(
            f"<li>{e(_circumstance(f.id, lang))}" + (f": {'; '.join('“' + e(s.text) + '”' for s in f.evidence[:3])}" if f.evidence else "")
            + (f" <span class='muted'>({e(f.note.text(lang))})</span>" if f.note else "") + "</li>" for f in found) + "</ul>")
    if a.aggregate:
        body.append(f"<h2>{e(_t('aggregate', lang))}</h2><ul>" + "".join(f"<li>{e(n.text(lang))}</li>" for n in a.aggregate.notes)
                    + "".join(f"<li>⚠ {e(q.text(lang))} ({e(', '.join(q.articles))})</li>" for q in a.aggregate.open_questions)
                    + "</ul>")
    return (f"<!doctype html>\n<html lang='{e(lang)}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{e(_t('title', lang))}</title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
