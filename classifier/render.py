"""Render an :class:`Analysis` as Markdown or as a standalone HTML page (every user-derived string escaped)."""
from __future__ import annotations

import html
import re

from .candidate import Analysis
from .text import wording

T = {
    "title": {"en": "Chapter 30 analysis", "az": "30-cu fəsil üzrə təhlil"},
    "notice": {"en": "A reference for training, not legal advice.", "az": "Tədris üçün arayışdır, hüquqi məsləhət deyil."},
    "text": {"en": "Incident", "az": "Hadisə"},
    "verdict_offences": {"en": "Candidate offences", "az": "Ehtimal olunan cinayətlər"},
    "verdict_low_confidence": {"en": "Low confidence: no article reaches its threshold; the closest is shown",
                               "az": "Aşağı etibarlılıq: heç bir maddə həddə çatmır; ən yaxını göstərilir"},
    "verdict_out_of_scope": {"en": "Out of scope: nothing in Chapter 30 fits this description",
                             "az": "Əhatə xaricində: təsvir 30-cu fəslin heç bir maddəsinə uyğun gəlmir"},
    "probability": {"en": "probability", "az": "ehtimal"},
    "part": {"en": "Part", "az": "Hissə"},
    "elements": {"en": "Elements", "az": "Tərkib əlamətləri"},
    "shown": {"en": "shown", "az": "göstərilib"},
    "not_shown": {"en": "not evident", "az": "görünmür"},
    "penalties": {"en": "Penalties", "az": "Cəzalar"},
    "words": {"en": "Words that pushed this article", "az": "Bu maddəyə təsir edən sözlər"},
    "circumstances": {"en": "Circumstances found", "az": "Aşkar edilən hallar"},
    "open": {"en": "Open questions", "az": "Açıq məsələlər"},
    "aggregate": {"en": "Several offences together (Art. 66.2)", "az": "Bir neçə cinayət birlikdə (66.2)"},
    "warnings": {"en": "Warnings", "az": "Xəbərdarlıqlar"},
}


_NOT_EVIDENT = {"en": "not evident in the text", "az": "mətndə görünmür"}


def _t(key: str, lang: str) -> str:
    return T[key].get(lang, T[key]["en"])


def _md_escape(text: str) -> str:
    """Neutralise Markdown and HTML in user text so it renders as the same characters."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|>~])", r"\\\1", text)


def _num(x: float) -> str:
    return f"{int(x):,}".replace(",", " ") if float(x).is_integer() else f"{x:g}"


def analysis_markdown(a: Analysis, lang: str = "en") -> str:
    """A Markdown report of the analysis; the incident text is escaped so it cannot inject markup."""
    out = [f"# {_t('title', lang)}", "", f"> {_t('notice', lang)}", "", f"**{_t('text', lang)}:** {_md_escape(a.text)}", ""]
    if a.warnings:
        out += [f"**{_t('warnings', lang)}:** " + "; ".join(_md_escape(wording(w, lang)) for w in a.warnings), ""]
    out += [f"## {_t('verdict_' + a.verdict, lang)}", ""]
    shown = a.selected or ([a.candidates[0]] if a.verdict == "low_confidence" else [])
    for c in shown:
        out += [f"### {c.label} — {c.title.get(lang, c.title['en'])} ({_t('probability', lang)} {c.probability:.0%})", ""]
        out += [f"**{_t('part', lang)} {c.part.part}:** {c.part.reason.text(lang)}", ""]
        out += [f"**{_t('elements', lang)}:**", ""]
        for e in c.elements:
            mark = "✔" if e.shown else "✘"
            ev = "; ".join(f"“{_md_escape(s.text)}”" for s in e.evidence[:3])
            note = (e.note or {}).get(lang, (e.note or {}).get("en", ""))
            note = "" if note == _NOT_EVIDENT.get(lang) else note
            out.append(f"- {mark} {e.description.get(lang, e.description['en'])}"
                       f" — {_t('shown' if e.shown else 'not_shown', lang)}" + (f": {ev}" if ev else "") + (f" ({note})" if note else ""))
        if c.reference:
            out += ["", f"**{_t('penalties', lang)}:**", ""]
            for p in c.reference.punishments:
                flag = "" if p.available else " ✘"
                out.append(f"- {p.title.get(lang, p.title['en'])}: {_num(p.min.value)}–{_num(p.max.value)} {p.unit}"
                           f" (Art. {p.min.article} / {p.max.article}){flag}")
            out += [f"- {n.text(lang)}" for n in c.reference.notes]
            if c.reference.open_questions:
                out += ["", f"**{_t('open', lang)}:**", ""]
                out += [f"- ⚠ {q.text(lang)} ({', '.join(q.articles)})" for q in c.reference.open_questions]
        if c.explanation:
            out += ["", f"**{_t('words', lang)}:** " + ", ".join(f"“{_md_escape(s.text)}”" for s in c.explanation)]
        out.append("")
    found = [f for f in a.circumstances if f.detected]
    if found:
        out += [f"## {_t('circumstances', lang)}", ""]
        for f in found:
            ev = "; ".join(f"“{_md_escape(s.text)}”" for s in f.evidence[:3])
            out.append(f"- {f.id}" + (f": {ev}" if ev else "") + (f" ({f.note.get(lang, f.note['en'])})" if f.note else ""))
        out.append("")
    if a.aggregate:
        out += [f"## {_t('aggregate', lang)}", ""] + [f"- {n.text(lang)}" for n in a.aggregate.notes] + [""]
    return "\n".join(out)


def analysis_html(a: Analysis, lang: str = "en") -> str:
    """A standalone HTML page of the analysis. Built from escaped pieces only; no user text is trusted."""
    e = html.escape
    body = [f"<h1>{e(_t('title', lang))}</h1>", f"<p><em>{e(_t('notice', lang))}</em></p>",
            f"<p><strong>{e(_t('text', lang))}:</strong> {e(a.text)}</p>", f"<h2>{e(_t('verdict_' + a.verdict, lang))}</h2>"]
    shown = a.selected or ([a.candidates[0]] if a.verdict == "low_confidence" else [])
    for c in shown:
        body.append(f"<h3>{e(c.label)} — {e(c.title.get(lang, c.title['en']))} ({c.probability:.0%})</h3>")
        body.append(f"<p><strong>{e(_t('part', lang))} {e(c.part.part)}:</strong> {e(c.part.reason.text(lang))}</p><ul>")
        for el in c.elements:
            ev = "; ".join(e(s.text) for s in el.evidence[:3])
            body.append(f"<li>{'✔' if el.shown else '✘'} {e(el.description.get(lang, el.description['en']))}"
                        f"{(': ' + ev) if ev else ''}</li>")
        body.append("</ul>")
        if c.reference:
            body.append("<ul>" + "".join(
                f"<li>{e(p.title.get(lang, p.title['en']))}: {_num(p.min.value)}–{_num(p.max.value)} {e(p.unit)} "
                f"(Art. {e(p.min.article)} / {e(p.max.article)})</li>" for p in c.reference.punishments) + "</ul>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>" + e(_t("title", lang)) +
            "</title></head><body>" + "".join(body) + "</body></html>\n")
