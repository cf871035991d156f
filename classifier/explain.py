"""Word-level explanations: which words of the input pushed a label up (coefficient × TF-IDF value).

Each feature of the linear model is a word n-gram or a character n-gram; its contribution to a label is its
weight times its value in the text. Contributions are mapped back to the words of the input that contain the
n-gram and summed per word, so the page can highlight the words that mattered.
"""
from __future__ import annotations

import re

import numpy as np

from .cues import Span
from .model import Model

_WORD = re.compile(r"\w+", re.UNICODE)


def _feature_names(model: Model) -> np.ndarray:
    names = getattr(model, "_feature_names", None)
    if names is None:
        names = model.vectorizer.get_feature_names_out()
        model._feature_names = names  # cached on the instance, not saved
    return names


def _coef(model: Model, head: str) -> np.ndarray:
    attr = f"_coef_{head}"
    coef = getattr(model, attr, None)
    if coef is None:
        coef = model.coefficients(head)
        setattr(model, attr, coef)
    return coef


def contributions(model: Model, X_row, row: int, head: str = "labels") -> list[tuple[str, float]]:
    """(feature name, contribution) for one label or tag index ``row``, positive first."""
    coef = _coef(model, head)[row]
    X_row = X_row.tocsr()
    idx, vals = X_row.indices, X_row.data
    contrib = vals * coef[idx]
    names = _feature_names(model)
    order = np.argsort(-contrib)
    return [(str(names[idx[i]]), float(contrib[i])) for i in order if contrib[i] > 0]


def word_spans(text: str, folded: str, contribs: list[tuple[str, float]], top: int = 8, max_features: int = 200) -> list[Span]:
    """Sum positive contributions per word of the input and return the ``top`` words as spans (weight = sum)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    if not words:
        return []
    starts = np.array([w[0] for w in words])
    weight = np.zeros(len(words))
    for name, value in contribs[:max_features]:
        kind, _, gram = name.partition("__")
        if kind == "word":
            pattern = r"\b" + r"\s+".join(map(re.escape, gram.split())) + r"\b"
            hits = [(m.start(), m.end()) for m in re.finditer(pattern, folded)]
        else:
            g = gram.strip()
            if len(g) < 3:
                continue
            hits = [(m.start(), m.start() + len(g)) for m in re.finditer(re.escape(g), folded)]
        if not hits:
            continue
        share = value / len(hits)
        for s, e in hits:
            first = max(0, np.searchsorted(starts, s, side="right") - 1)
            last = max(first, np.searchsorted(starts, e - 1, side="right") - 1)
            weight[first:last + 1] += share / (last - first + 1)
    best = [i for i in np.argsort(-weight)[:top] if weight[i] > 0]
    return sorted((Span(words[i][0], words[i][1], text[words[i][0]:words[i][1]], "model", round(float(weight[i]), 4))
                   for i in best), key=lambda s: s.start)
