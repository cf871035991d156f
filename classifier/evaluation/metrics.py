"""Measures of the evaluation report: per-label scores, calibration error, part accuracy, where labels go."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_recall_fscore_support

import statutes

from ..corpus import split_labels


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over all (incident, label) probabilities, equal-width bins."""
    p, y = p.ravel(), y.ravel()
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (p >= lo) & (p < hi) if hi < 1 else (p >= lo) & (p <= hi)
        if m.any():
            total += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(total)


def scores(y: np.ndarray, pred: np.ndarray, labels: list[str]) -> dict:
    pr, rc, f1, sup = precision_recall_fscore_support(y, pred, zero_division=0)
    return {
        "per_label": pd.DataFrame({"precision": pr, "recall": rc, "f1": f1, "support": sup}, index=labels),
        "macro_f1": f1_score(y, pred, average="macro", zero_division=0),
        "micro_f1": f1_score(y, pred, average="micro", zero_division=0),
        "any_f1": f1_score(y.any(1), pred.any(1), zero_division=0),
    }


def group_macro(df: pd.DataFrame, y: np.ndarray, pred: np.ndarray, column: str) -> pd.DataFrame:
    rows = []
    for value, idx in df.groupby(column).indices.items():
        rows.append({column: value, "incidents": len(idx),
                     "macro_f1": f1_score(y[idx], pred[idx], average="macro", zero_division=0),
                     "any_offence_f1": f1_score(y[idx].any(1), pred[idx].any(1), zero_division=0)})
    return pd.DataFrame(rows).set_index(column)


def part_accuracy(df: pd.DataFrame, pred: np.ndarray, predicted_parts: list[list[str]], labels: list[str]) -> tuple[float, int]:
    """Share of (incident, gold article) pairs, where the article is also predicted, whose part is right."""
    right = total = 0
    for i, row in enumerate(df.itertuples(index=False)):
        arts, parts = split_labels(row.articles), split_labels(row.parts)
        for a, p in zip(arts, parts):
            j = labels.index(a)
            if pred[i, j]:
                total += 1
                right += predicted_parts[i][j] == p
    return (right / total if total else 0.0), total


def predict_parts(model, texts: list[str], table: statutes.StatuteTable) -> list[list[str]]:
    from ..analysis import analyse
    out = []
    for t in texts:
        a = analyse(t, model=model, table=table)
        by = {c.label: c.part.part for c in a.candidates}
        out.append([by[lab] for lab in model.labels])
    return out


def confusion_counts(y: np.ndarray, pred: np.ndarray, labels: list[str]) -> np.ndarray:
    """Where the labels go, for multi-label data: diagonal = gold labels predicted; (g, q) = gold g missed while
    q was predicted without being gold; last column = g missed with nothing wrong predicted; last row = q
    predicted spuriously with no gold label missed; bottom-right = incidents rightly predicted as none."""
    k = len(labels)
    m = np.zeros((k + 1, k + 1), dtype=int)
    for yi, pi in zip(y.astype(bool), pred.astype(bool)):
        hit, missed, extra = np.flatnonzero(yi & pi), np.flatnonzero(yi & ~pi), np.flatnonzero(~yi & pi)
        m[hit, hit] += 1
        if len(missed) and len(extra):
            for g in missed:
                m[g, extra] += 1
        elif len(missed):
            m[missed, k] += 1
        elif len(extra):
            m[k, extra] += 1
        if not yi.any() and not pi.any():
            m[k, k] += 1
    return m
