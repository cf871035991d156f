"""Batch: upload an incident log (or try the sample), see its first rows and the text column, classify with a
progress bar, filter, chart and download the results (CSV, CSV for Excel or XLSX; spreadsheet formulas
neutralised). Reading, classifying and writing are the library's (``classifier.bulk``); this page only lays them
out, with column headers and messages in the page's language: the library's errors and reading notes are
:class:`~i18n.Text`, rendered here in it (and escaped, as they quote the file's own column and sheet names)."""
from __future__ import annotations

import collections
import io
import os
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from app_pages.ui import escape, examples, lang, model, multiselect, statute_table, t
from classifier.bulk import classify_frame
from classifier.bulk import io as batch_io
from i18n import LocalisedError, localised, number

MAX_MB = float(os.environ.get("CYBERCRIME_UPLOAD_MB", "20"))
MAX_ROWS = int(os.environ.get("CYBERCRIME_BATCH_ROWS", "20000"))
CHUNK = 500
PREVIEW_ROWS = 5
LABELS = list(statute_table().labels)


def _export(frame: pd.DataFrame, fmt: str, bom: bool = False) -> bytes:
    with tempfile.TemporaryDirectory() as d:
        dest = str(Path(d) / f"out.{fmt}")
        writer = batch_io.open_output(dest, fmt, formula_guard=True, bom=bom)
        writer.write(frame)
        writer.close()
        return Path(dest).read_bytes()


def _sample() -> bytes:
    """A small incident log to try the page with: the Analyse page's examples in both languages, and an empty row."""
    rows = [{"id": f"S{i + 1}", "text": e[lang_]} for i, (e, lang_) in
            enumerate((e, lang_) for lang_ in ("az", "en") for e in examples())]
    buf = io.StringIO()
    pd.DataFrame(rows + [{"id": f"S{len(rows) + 1}", "text": ""}]).to_csv(buf, index=False)
    return buf.getvalue().encode("utf-8-sig")


# The catalogue variant of the library's messages for this page (a bare string here would be drawn by Streamlit's
# magic): where a message tells a command-line user to pass an option (--encoding, --input-format), its page variant
# says what the page's user can do instead.
PAGE = "page"


def _said(message: object) -> str:
    """A library message (an error's or a reading note) in the page's language, inert as Markdown."""
    said = message.message(lang(), PAGE) if isinstance(message, LocalisedError) else localised(message, lang(), PAGE)
    return escape(said)


def _headers(frame: pd.DataFrame, text_column: str) -> pd.DataFrame:
    """The results for display: the error, articles and parts first, then the text and the other columns,
    with headers in the page's language (the downloads keep the library's column names)."""
    names = {"error": t("col_error"), "articles": t("col_articles"), "parts": t("col_parts"),
             "circumstances": t("col_circumstances"), **{f"p_{lab}": f"P({lab})" for lab in LABELS}}
    first = ["error", "articles", "parts", text_column]
    shown = frame[first + [c for c in frame.columns if c not in first]].copy()
    for col in ("articles", "parts"):
        shown[col] = shown[col].replace("none", t("no_article"))
    for lab in LABELS:  # probabilities as text: an unclassified row shows an empty cell, not "None"
        shown[f"p_{lab}"] = [f"{v:.2f}" if v == v else "" for v in shown[f"p_{lab}"].astype(float)]
    return shown.rename(columns=names)


def _none_classified(rows: int) -> None:
    """Instead of two empty charts: no row could be classified, and the commonest reason with its count."""
    reasons = collections.Counter(_said(r) for r in st.session_state.get("batch_reasons", []) if r)
    error, n = reasons.most_common(1)[0] if reasons else ("", 0)
    st.warning(t("none_classified").format(rows=number(rows, ","), n=number(n, ","), error=error.rstrip(".")),
               icon=":material/warning:")


def _charts(result: pd.DataFrame, ok: pd.Series, top: pd.Series, none: int) -> None:
    """Rows per article (leaving out rows with none) and the top probability of the classified rows."""
    g1, g2 = st.columns(2)
    counts = result["articles"][ok].str.split(";").explode().value_counts()
    counts = counts.drop("none", errors="ignore").rename_axis(t("col_articles")).rename(t("count"))
    g1.markdown(f"**{t('chart_articles')}**")
    g1.bar_chart(counts)
    g1.caption(t("none_apart").format(n=number(none, ",")))
    g2.markdown(f"**{t('chart_confidence')}**")
    g2.bar_chart(pd.cut(top[ok], bins=[i / 10 for i in range(11)], include_lowest=True)
                 .value_counts().sort_index().rename(lambda iv: f"{max(iv.left, 0):.1f}–{iv.right:.1f}")
                 .rename_axis(t("top_probability")).rename(t("count")))


def _downloads(result: pd.DataFrame) -> None:
    """The results as CSV, CSV for Excel and XLSX: every row, classified or with its error."""
    d1, d2, d3 = st.columns(3)
    d1.download_button(t("download_csv"), _export(result, "csv"), file_name="classified.csv", mime="text/csv",
                       on_click="ignore", key="batch_dl_csv", help=t("download_csv_help"))
    d2.download_button(t("download_csv_excel"), _export(result, "csv", bom=True), file_name="classified-excel.csv",
                       mime="text/csv", on_click="ignore", key="batch_dl_csv_excel", help=t("download_csv_excel_help"))
    d3.download_button(t("download_xlsx"), _export(result, "xlsx"), file_name="classified.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click="ignore", key="batch_dl_xlsx")
    st.caption(t("downloads_which"))


st.title(t("batch_title"))
st.caption(t("batch_caps").format(mb=int(MAX_MB), rows=number(MAX_ROWS, ",")))
st.download_button(t("sample"), _sample(), file_name="sample-incidents.csv", mime="text/csv", on_click="ignore",
                   key="batch_sample", icon=":material/download:")
upload = st.file_uploader(t("upload"), type=["csv", "tsv", "tab", "jsonl", "ndjson", "xlsx", "txt", "log"],
                          key="batch_upload")

if upload is not None:
    size_mb = upload.size / 1e6
    if size_mb > MAX_MB:
        st.error(t("too_big").format(size=number(size_mb, digits=1), mb=int(MAX_MB)))
        st.stop()
    suffix = Path(upload.name).suffix.lower()
    tmp_dir = Path(tempfile.gettempdir()) / "cybercrime-uploads"
    tmp_dir.mkdir(exist_ok=True)
    path = tmp_dir / f"{upload.file_id}{suffix}"
    if not path.exists():
        path.write_bytes(upload.getvalue())
    try:
        fmt = batch_io.input_format(upload.name)
        probe = batch_io.open_input(str(path), fmt, text_column="\x00no-column\x00", name=upload.name)
        first = next(probe.chunks(PREVIEW_ROWS), (pd.DataFrame(), []))[0]
        columns = list(probe.columns)
        probe.close()
    except (batch_io.FormatError, batch_io.InputError, ValueError) as exc:
        st.error(f"{t('cannot_read')}: {_said(exc)}")
        st.stop()
    if "text" not in columns:
        st.warning(t("no_text_column"))
    default = columns.index("text") if "text" in columns else 0
    text_column = st.selectbox(t("text_column"), columns, index=default, key="batch_text_column")
    st.markdown(f"**{t('preview')}**")
    st.dataframe(batch_io.replace_undecodable(first.head(PREVIEW_ROWS)), hide_index=True, width="stretch",
                 key="batch_preview", column_config={text_column: st.column_config.TextColumn(
                     f"▶ {text_column}", help=t("text_column"), width="large")})
    if st.button(t("classify"), type="primary", key="batch_classify"):
        bar = st.progress(0.0, text="0")
        frames, notes, reasons, done = [], [], [], 0
        try:
            reader = batch_io.open_input(str(path), fmt, text_column=text_column, name=upload.name)
            for frame, messages in reader.chunks(CHUNK):
                frame = frame.iloc[: max(0, MAX_ROWS - done)]
                if frame.empty:
                    notes.append(t("too_many_rows").format(rows=number(MAX_ROWS, ",")))
                    break
                frames.append(classify_frame(frame, text_column, model=model(), row_errors=messages[: len(frame)],
                                             lang=lang(), variant=PAGE))
                reasons += [batch_io.row_reason(m) or e for m, e in zip(messages, frames[-1]["error"])]
                done += len(frame)
                bar.progress(min(1.0, done / MAX_ROWS), text=f"{number(done, ',')} {t('rows_done')}")
            notes += reader.notes + reader.problems
            reader.close()
        except (batch_io.FormatError, batch_io.InputError, KeyError, ValueError) as exc:
            st.error(f"{t('cannot_read')}: {_said(exc)}")
            st.stop()
        combined = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        st.session_state["batch_result"] = batch_io.replace_undecodable(combined)  # Arrow cannot hold lone surrogates
        st.session_state["batch_result_column"] = text_column
        st.session_state["batch_notes"] = notes
        st.session_state["batch_reasons"] = reasons
        bar.progress(1.0, text=f"{number(done, ',')} {t('rows_done')}")

result = st.session_state.get("batch_result")
if result is not None and not result.empty:
    for note in st.session_state.get("batch_notes", []):
        st.caption(f"{t('reader_notes')}: {_said(note)}")
    ok = result["error"] == ""
    none = int((result["articles"][ok] == "none").sum())
    c1, c2, c3 = st.columns(3)
    c1.metric(t("rows_done"), number(len(result), ","))
    c2.metric(t("rows_error"), number(int((~ok).sum()), ","))
    c3.metric(t("rows_none"), number(none, ","))
    probs = result[[f"p_{lab}" for lab in LABELS]].astype(float)
    top = probs.max(axis=1).fillna(0.0)
    f1, f2, f3 = st.columns(3)
    none_label = {"none": t("no_article")}
    with f1:
        chosen = multiselect(t("filter_articles"), LABELS + ["none"], key="batch_filter_articles",
                             format_func=lambda a: none_label.get(a, a))
    min_p = f2.slider(t("filter_min_p"), 0.0, 1.0, 0.0, 0.05, key="batch_filter_min_p")
    only_errors = f3.checkbox(t("errors_only"), key="batch_errors_only")
    mask = top >= min_p
    if chosen:
        mask &= result["articles"].str.split(";").map(lambda a: bool(set(a) & set(chosen)))
    if only_errors:
        mask = ~ok
    shown = _headers(result[mask], st.session_state.get("batch_result_column", "text"))
    st.dataframe(shown, hide_index=True, width="stretch", key="batch_table")
    if not ok.any():
        _none_classified(len(result))
    else:
        _charts(result, ok, top, none)
    _downloads(result)
