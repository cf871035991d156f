"""Bulk classification of incident tables: one output row per input row, in order, every input column kept.

Appends ``articles`` (``;``-joined labels or ``none``), ``parts``, ``p_<label>`` for each label,
``circumstances`` and ``error``. Rows whose text cannot be classified (empty, binary, over the length limit)
get an ``error`` message and empty results instead of disappearing.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

import statutes

from .analyse import _damage, _findings, _basic_hint
from .model import Model
from .text import MAX_CHARS, TextError, normalise, prepare
from .training import get_model

RESULT_COLUMNS = ["articles", "parts", "p_271", "p_272", "p_273.1", "p_273.2", "p_273-1", "p_273-2", "circumstances", "error"]


class ColumnError(KeyError):
    """The text column is missing or ambiguous; the message names the columns that exist."""

    def __str__(self) -> str:
        return str(self.args[0])


def classify_frame(df: pd.DataFrame, text_column: str, *, model: Model | None = None,
                   table: statutes.StatuteTable | None = None, max_chars: int = MAX_CHARS) -> pd.DataFrame:
    """Classify every row of ``df[text_column]``; returns a copy of ``df`` with :data:`RESULT_COLUMNS` appended.

    Raises
    ------
    ColumnError
        If ``text_column`` is not a column of ``df`` or names more than one column.
    """
    if text_column not in df.columns:
        raise ColumnError(f"no column {text_column!r}; the columns are: {', '.join(map(str, df.columns))}")
    if list(df.columns).count(text_column) > 1:
        raise ColumnError(f"more than one column is named {text_column!r}")
    model = model or get_model()
    table = table or statutes.load_table()
    out = df.copy()
    for col in RESULT_COLUMNS:
        if col in out.columns:
            out = out.rename(columns={col: f"input_{col}"})
    n = len(df)
    texts, errors, ok = [], [""] * n, []
    for i, raw in enumerate(df[text_column].tolist()):
        try:
            if raw is None or (isinstance(raw, float) and np.isnan(raw)):
                raise TextError("the text is empty or has no words")
            if isinstance(raw, str) and len(raw) > max_chars:
                raise TextError(f"the text has {len(raw):,} characters, over the limit of {max_chars:,}")
            text, _ = prepare(raw if isinstance(raw, (str, bytes)) else str(raw), max_chars)
        except TextError as exc:
            errors[i] = str(exc)
            continue
        ok.append(i)
        texts.append(text)
    probs = np.full((n, len(model.labels)), np.nan)
    articles, parts, circs = [""] * n, [""] * n, [""] * n
    if texts:
        X = model.features(texts)
        P = model.label_proba(X)
        T = model.tag_proba(X)
        threshold = table.significant_damage_azn
        tag_thr = dict(zip(model.tags, model.tag_thresholds))
        for k, i in enumerate(ok):
            probs[i] = P[k]
            text = texts[k]
            folded = normalise(text)
            damage_azn, span = _damage(text, folded, None)
            found = _findings(text, folded, dict(zip(model.tags, T[k])), tag_thr, {}, damage_azn, span, threshold,
                              table, evidence=False)
            detected = [f.id for f in found if f.detected]
            chosen = [j for j in range(len(model.labels)) if P[k, j] >= model.thresholds[j]]
            labs = [model.labels[j] for j in chosen]
            articles[i] = ";".join(labs) or "none"
            parts[i] = ";".join(table.select_part(lab, detected, basic=_basic_hint(lab, text, folded, table)).part
                                for lab in labs) or "none"
            circs[i] = ";".join(detected)
    out["articles"], out["parts"] = articles, parts
    for j, lab in enumerate(model.labels):
        out[f"p_{lab}"] = np.round(probs[:, j], 4)
    out["circumstances"], out["error"] = circs, errors
    return out
