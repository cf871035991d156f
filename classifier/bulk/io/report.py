"""The batch report: counts per article and part and the trend over a date column, as HTML or PNG."""
from __future__ import annotations

import base64
import io
from pathlib import Path
from typing import Any

import pandas as pd

from i18n import Text, escape

from .formats import FormatError, OutputError


def report_kind(path: str) -> str:
    """``.html`` or ``.png`` from the report's extension (``.htm`` counts as HTML); else :class:`FormatError`."""
    kind = Path(path).suffix.lower()
    if kind not in (".html", ".htm", ".png"):
        raise FormatError(Text("bulk.report_kind", path=repr(path)))
    return ".png" if kind == ".png" else ".html"


def write_report(summary, path: str, *, source: str) -> None:
    """Counts per article and part, and (with a date column) articles over time, as ``.html`` or ``.png``.

    ``summary`` is a :class:`classifier.bulk.Summary`. Every text in the HTML is escaped; the charts are
    embedded PNGs. Raises :class:`FormatError` for another extension, :class:`OutputError` if it cannot write.
    """
    kind = report_kind(path)
    articles = summary.article_counts()
    parts = dict(sorted(summary.parts.items()))
    trend = _trend(summary)
    png = _charts(articles, parts, trend, summary.date_column)
    try:
        if kind == ".png":
            Path(path).write_bytes(png)
        else:
            Path(path).write_text(_report_html(summary, articles, parts, trend, png, source), encoding="utf-8")
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


def _charts(articles: dict, parts: dict, trend: pd.DataFrame | None, date_column: str | None) -> bytes:
    from matplotlib.figure import Figure
    fig = Figure(figsize=(10, 9 if trend is not None else 6), layout="constrained")
    axes = fig.subplots(3 if trend is not None else 2, 1)
    for ax, counts, title in ((axes[0], articles, "Rows per article"), (axes[1], parts, "Rows per part")):
        ax.bar(list(counts), list(counts.values()), color="#4c72b0")
        ax.set_title(title)
        ax.tick_params(axis="x", labelrotation=45)
    if trend is not None:
        for col in trend.columns:
            axes[2].plot(list(trend.index), trend[col].tolist(), marker="o", label=str(col))
        axes[2].set_title(f"Rows per article over time ({date_column})")
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


def _report_html(summary, articles, parts, trend, png: bytes, source: str) -> str:
    esc = escape.html
    sections = [
        f"<h1>Classification report</h1><p>Input: {esc(source)}. Rows: {summary.rows}; "
        f"rows with an error: {summary.errors}.</p>",
        "<h2>Rows per article</h2>" + _html_table([[k, v] for k, v in articles.items()], ["article", "rows"]),
        "<h2>Rows per part</h2>" + _html_table([[k, v] for k, v in parts.items()], ["part", "rows"]),
    ]
    if trend is not None:
        rows = [[i, *trend.loc[i].tolist()] for i in trend.index]
        sections.append(f"<h2>Rows per article over time ({esc(str(summary.date_column))})</h2>"
                        + _html_table(rows, ["period", *trend.columns]))
        if summary.undated:
            sections.append(f"<p>{summary.undated} classified rows had no readable date.</p>")
    elif summary.date_column is not None:
        sections.append(f"<p>No readable dates in column {esc(str(summary.date_column))}.</p>")
    sections.append(f'<img alt="charts" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">')
    style = "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px;text-align:right}"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Classification report</title>'
            f"<style>{style}</style></head><body>{''.join(sections)}</body></html>\n")
