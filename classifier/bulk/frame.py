"""Classifying a table of incidents: one output row per input row, in order, every input column kept.

:func:`classify_frame` appends ``articles`` (``;``-joined labels or ``none``), ``parts``, ``p_<label>`` for each
label, ``circumstances`` and ``error``. Rows whose text cannot be classified (empty, binary, undecodable bytes,
over :data:`~classifier.text.MAX_CHARS` characters as given or after Unicode normalisation, a value that is not
text) get an ``error`` message and empty results instead of disappearing.

It runs what :func:`classifier.analyse` runs, per chunk instead of per row where that gives the same result: each
text is checked and folded once, the model's feature blocks are computed for the chunk (their word cache makes
this fast), and each row's findings come from :func:`classifier.findings.find` without evidence spans; the part
choice is cached per distinct (label, circumstances, variant). A test compares every row with ``analyse()``.
"""
from __future__ import annotations

import datetime as dt
import numbers
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

import statutes
from i18n import LocalisedError, Text, figure, localised

from ..findings import find
from ..model import Model, get_model
from ..text import MAX_CHARS, TextError, fold, prepare

RESULT_COLUMNS = ["articles", "parts", "p_271", "p_272", "p_273.1", "p_273.2", "p_273-1", "p_273-2", "circumstances", "error"]
UNDECODABLE = Text("classifier.error_undecodable")
EMPTY = Text("classifier.error_empty")

_UNDECODABLE = re.compile("[\udc00-\udcff]")
"""Readers decode bad bytes to lone surrogates U+DC00–U+DCFF (see :mod:`classifier.bulk.io`), never valid text."""
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
"""Every character :func:`~classifier.text.prepare` may object to (control, private use, surrogate, U+FFFD);
texts without them take the fast path, the rest go through ``prepare`` for its exact verdict."""


class ColumnError(LocalisedError, KeyError):
    """The text column is missing or ambiguous; the message (a :class:`~i18n.Text`) names the columns that exist."""

    def __str__(self) -> str:
        return str(self.args[0])


def check_columns(columns: Iterable[Any], text_column: str) -> None:
    """Raise :class:`ColumnError` unless exactly one of ``columns`` is named ``text_column``."""
    columns = list(columns)
    if text_column not in columns:
        raise ColumnError(Text("bulk.no_column", column=repr(text_column), columns=", ".join(map(str, columns))))
    if columns.count(text_column) > 1:
        where = ", ".join(str(i + 1) for i, c in enumerate(columns) if c == text_column)
        raise ColumnError(Text("bulk.doubled_column", column=repr(text_column), where=where))


# ---- per-row text checks and folding, equal to text.prepare / text.normalise ---------------------------------
def checked_text(raw: object, max_chars: int = MAX_CHARS) -> str:
    """The NFC text to classify, as :func:`~classifier.text.prepare` returns it; raises :class:`TextError`.

    Missing values are empty; a value that is not text (a number, true or false, a list, an object, a date: JSONL
    and XLSX have them) is refused, never classified as its Python spelling; a string over ``max_chars``, as given
    or after Unicode normalisation, is refused (bulk rows are never silently truncated); lone surrogates from a
    reader mean undecodable bytes. Clean text skips ``prepare``'s per-character scans.
    """
    if raw is None or raw is pd.NA or (isinstance(raw, float) and raw != raw):
        raise TextError(EMPTY)
    if not isinstance(raw, str):
        if isinstance(raw, (bytes, bytearray)):
            return _within(prepare(raw, sys.maxsize)[0], max_chars, "")
        raise TextError(Text("classifier.error_not_text", kind=Text(f"classifier.kind_{_kind(raw)}")))
    _within(raw, max_chars, "")
    text = _within(unicodedata.normalize("NFC", raw), max_chars, "_nfc")
    if "\x00" not in text and not _SUSPECT.search(text, 0, 5000) and any(map(str.isalpha, text)):
        return text
    if _UNDECODABLE.search(raw):
        raise TextError(UNDECODABLE)
    return prepare(raw, max_chars)[0]


def _within(text: str, max_chars: int, how: str) -> str:
    """``text``, or a :class:`TextError` when it is longer than ``max_chars`` (``how``: ``_nfc`` when it grew under
    Unicode normalisation)."""
    if len(text) > max_chars:
        raise TextError(Text(f"classifier.error_too_long{how}", n=figure(len(text)), max=figure(max_chars)))
    return text


def _kind(value: object) -> str:
    """What a value that is not text is (a catalogue key's ending), for its row's message."""
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, numbers.Number):
        return "number"
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return "date"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "list"
    return "other"


# ---- classification ------------------------------------------------------------------------------------------
def classify_frame(df: pd.DataFrame, text_column: str, *, model: Model | None = None,
                   table: statutes.StatuteTable | None = None, max_chars: int = MAX_CHARS,
                   row_errors: Sequence[str] | None = None, lang: str = "en",
                   variant: str | None = None) -> pd.DataFrame:
    """Classify every row of ``df[text_column]``; returns a copy of ``df`` with :data:`RESULT_COLUMNS` appended.

    Input columns that clash with a result column are renamed ``input_<name>``. ``row_errors`` may give a
    reader's message per row (e.g. a malformed CSV line): such rows are not classified and keep the message.
    ``lang`` is the language of the ``error`` column, the reader's messages and those of rows whose text cannot be
    classified (English by default; the app passes the page's); ``variant`` the catalogue variant of those messages
    (the app passes ``"page"``: its wordings name no command-line option; see :meth:`i18n.Text.text`).

    Raises
    ------
    ColumnError
        If ``text_column`` is not a column of ``df`` or names more than one column.
    """
    check_columns(df.columns, text_column)
    model = model or get_model()
    table = table or statutes.load_table()
    out = df.copy()
    clashes = {c: f"input_{c}" for c in RESULT_COLUMNS if c in out.columns}
    if clashes:
        out = out.rename(columns=clashes)
    n = len(df)
    texts, ok = [], []
    errors = [""] * n if row_errors is None else [localised(e, lang, variant) if e else "" for e in row_errors]
    for i, raw in enumerate(df[text_column].tolist()):
        if errors[i]:
            continue
        try:
            texts.append(checked_text(raw, max_chars))
        except TextError as exc:
            errors[i] = exc.message(lang, variant)
            continue
        ok.append(i)
    probs = np.full((n, len(model.labels)), np.nan)
    articles, parts, circs = [""] * n, [""] * n, [""] * n
    if texts:
        folded = [fold(t) for t in texts]
        X = model.blocks(folded)
        P = model.label_proba(X)
        probs[ok] = P
        rows = _row_results(model, table, texts, folded, model.choose(P, X), model.tag_proba(X))
        for i, (a, p, c) in zip(ok, rows):
            articles[i], parts[i], circs[i] = a, p, c
    out["articles"], out["parts"] = articles, parts
    for j, lab in enumerate(model.labels):
        out[f"p_{lab}"] = np.round(probs[:, j], 4)
    out["circumstances"], out["error"] = circs, errors
    return out


def _row_results(model: Model, table: statutes.StatuteTable, texts: list[str], folded: list[str],
                 chosen: np.ndarray, T: np.ndarray):
    """(articles, parts, circumstances) of each classified text, as :func:`~classifier.analyse` finds them."""
    tag_thr = dict(zip(model.tags, model.tag_thresholds.tolist()))
    part_of: dict[tuple, str] = {}
    for k, (text, fd) in enumerate(zip(texts, folded)):
        found = find(text, fd, dict(zip(model.tags, T[k].tolist())), tag_thr, table, evidence=False)
        detected = found.detected
        labs = [model.labels[j] for j in np.flatnonzero(chosen[k])]
        ps = []
        for lab in labs:
            key = (lab, detected, found.variant(lab))
            if key not in part_of:
                part_of[key] = table.select_part(lab, detected, basic=key[2]).part
            ps.append(part_of[key])
        yield ";".join(labs) or "none", ";".join(ps) or "none", ";".join(detected)
