"""The batch report: counts per article and part and the trend over a date column, as HTML or PNG, in English or
Azerbaijani (its words are the catalogue's ``bulk.report_*``)."""
from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import pandas as pd

from i18n import Text, escape, say

from .formats import FormatError, OutputError


def report_kind(path: str) -> str:
    """``.html`` or ``.png`` from the report's extension (``.htm`` counts as HTML); else :class:`FormatError`."""
    kind = Path(path).suffix.lower()
    if kind not in (".html", ".htm", ".png"):
        raise FormatError(Text("bulk.report_kind", path=repr(path)))
    return ".png" if kind == ".png" else ".html"


def write_report(summary, path: str, *, source: str, lang: str = "en") -> None:
    """Counts per article and part, and (with a date column) articles over time, as ``.html`` or ``.png``, with
    titles, headers and sentences in ``lang`` (``en`` or ``az``).

    ``summary`` is a :class:`classifier.bulk.Summary`. Every text in the HTML is escaped; the charts are
    embedded PNGs. Raises :class:`FormatError` for another extension, :class:`OutputError` if it cannot write.
    """
    kind = report_kind(path)
    articles = summary.article_counts()
    parts = dict(sorted(summary.parts.items()))
    trend = _trend(summary)
    png = _charts(articles, parts, trend, summary.date_column, lang)
    try:
        if kind == ".png":
            Path(path).write_bytes(png)
        else:
            Path(path).write_text(_report_html(summary, articles, parts, trend, png, source, lang), encoding="utf-8")
    except OSError as exc:
        raise OutputError(Text("bulk.cannot_write", dest=path, why=exc.strerror or str(exc))) from None


def _trend(summary) -> pd.DataFrame | None:
    """Articles (columns) per day, or per month when the days span more than three months."""
    if not summary.by_day:
        return None
    s = pd.Series(summary.by_day)
    table = s.unstack(fill_value=0).sort_index()
    table = table[[c for c in summary.article_counts() if c in table.columns]]
    table.index = pd.to_datetime(table.index)
    if (table.index.max() - table.index.min()).days > 92:
        table = table.groupby(table.index.to_period("M")).sum()
        table.index = table.index.astype(str)
    else:
        table.index = table.index.strftime("%Y-%m-%d")
    return table


def _label(key: object, lang: str) -> str:
    """An article or part as the report shows it: ``none`` (no Chapter 30 article) in words of ``lang``."""
    return say("bulk.report_none", lang) if key == "none" else str(key)


def _charts(articles: dict, parts: dict, trend: pd.DataFrame | None, date_column: str | None, lang: str) -> bytes:
    from matplotlib.figure import Figure
    fig = Figure(figsize=(10, 9 if trend is not None else 6), layout="constrained")
    axes = fig.subplots(3 if trend is not None else 2, 1)
    for ax, counts, title in ((axes[0], articles, say("bulk.report_per_article", lang)),
                              (axes[1], parts, say("bulk.report_per_part", lang))):
        ax.bar([_label(k, lang) for k in counts], list(counts.values()), color="#4c72b0")
        ax.set_title(title)
        ax.tick_params(axis="x", labelrotation=45)
    if trend is not None:
        for col in trend.columns:
            axes[2].plot(list(trend.index), trend[col].tolist(), marker="o", label=_label(col, lang))
        axes[2].set_title(say("bulk.report_over_time", lang, column=date_column))
        axes[2].tick_params(axis="x", labelrotation=45)
        axes[2].legend(fontsize="small", ncols=4)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()


def _html_table(rows: list[list[Any]], header: list[Any]) -> str:
    esc = lambda v: escape.html(str(v))  # noqa: E731
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _report_html(summary, articles, parts, trend, png: bytes, source: str, lang: str) -> str:
    esc = escape.html
    rows = say("bulk.report_rows", lang)
    title = esc(say("bulk.report_title", lang))
    intro = esc(say("bulk.report_input", lang, source=source, rows=summary.rows, errors=summary.errors))
    per_article, per_part = esc(say("bulk.report_per_article", lang)), esc(say("bulk.report_per_part", lang))
    sections = [
        f"<h1>{title}</h1><p>{intro}</p>",
        f"<h2>{per_article}</h2>"
        + _html_table([[_label(k, lang), v] for k, v in articles.items()], [say("bulk.report_article", lang), rows]),
        f"<h2>{per_part}</h2>"
        + _html_table([[_label(k, lang), v] for k, v in parts.items()], [say("bulk.report_part", lang), rows]),
    ]
    if trend is not None:
        table = [[i, *trend.loc[i].tolist()] for i in trend.index]
        over_time = esc(say("bulk.report_over_time", lang, column=summary.date_column))
        header = [say("bulk.report_period", lang), *(_label(c, lang) for c in trend.columns)]
        sections.append(f"<h2>{over_time}</h2>" + _html_table(table, header))
        if summary.undated:
            sections.append("<p>" + esc(say("bulk.report_undated", lang, n=summary.undated)) + "</p>")
    elif summary.date_column is not None:
        sections.append("<p>" + esc(say("bulk.report_no_dates", lang, column=summary.date_column)) + "</p>")
    alt = esc(say("bulk.report_charts", lang))
    sections.append(f'<img alt="{alt}" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">')
    style = "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px;text-align:right}"
    return (f'<!DOCTYPE html><html lang="{esc(lang)}"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{style}</style></head><body>{''.join(sections)}</body></html>\n")
