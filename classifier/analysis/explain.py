"""Word-level explanations: which words of the input pushed a label up (coefficient × TF-IDF value).

Each feature of the linear model is a word n-gram or a character n-gram; its contribution to a label is its
weight times its value in the text. Contributions are mapped back to the words of the input that contain the
n-gram and summed per word, so the page can highlight the words that mattered. Grammar, number and time words
(``classifier/data/explain.yaml``) are never shown, each word is shown once, and neighbouring words that both
carry weight are joined into one phrase ("encrypted the customer database" rather than four words).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import numpy as np
import yaml

from ..findings import Span
from ..model import Model

_WORD = re.compile(r"\w+", re.UNICODE)
EXPLAIN_FILE = Path(__file__).resolve().parents[1] / "data" / "explain.yaml"


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The folded words never shown as an explanation, of every language (``classifier/data/explain.yaml``)."""
    data = yaml.safe_load(EXPLAIN_FILE.read_text(encoding="utf-8"))
    return frozenset(w for words in data["stop_words"].values() for w in map(str, words))


def _shown(tokens: list[str], weight: np.ndarray, top: int) -> list[int]:
    """The indices of the ``top`` heaviest words worth showing: positive weight, not a stop word or a number,
    and the first (heaviest) occurrence of each word only."""
    stop, seen, best = stop_words(), set(), []
    for i in np.argsort(-weight, kind="stable"):
        tok = tokens[i]
        if weight[i] <= 0 or len(best) == top:
            break
        if tok in stop or tok.isdigit() or len(tok) < 2 or tok in seen:
            continue
        seen.add(tok)
        best.append(int(i))
    return sorted(best)


def _feature_names(model: Model) -> list[str]:
    names = model.cv.get("feature_names")
    if names is None:
        names = model.cv["feature_names"] = model.extractor.names  # cached beside the model, not saved
    return names


def contributions(model: Model, X_row, row: int, head: str = "labels") -> list[tuple[str, float]]:
    """(feature name, contribution) for one label or tag index ``row``, positive first."""
    coef = model.coefficients(head)[row]
    X_row = X_row.tocsr()
    idx, vals = X_row.indices, X_row.data
    contrib = vals * coef[idx]
    names = _feature_names(model)
    order = np.argsort(-contrib)
    return [(str(names[idx[i]]), float(contrib[i])) for i in order if contrib[i] > 0]


def word_spans(text: str, folded: str, contribs: list[tuple[str, float]], top: int = 8, max_features: int = 200) -> list[Span]:
    """Sum positive contributions per word of the input and return the ``top`` words worth showing as spans,
    neighbours joined into phrases (weight = the sum of their words'), in text order.

    Word n-grams are matched on the token sequence, character n-grams with ``str.find``; no regular expression
    is built per feature (that was the main cost of single-text analysis).
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    if not words:
        return []
    tokens = [folded[s:e] for s, e in words]
    where: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        where.setdefault(tok, []).append(i)
    starts = np.array([w[0] for w in words])
    weight = np.zeros(len(words))
    for name, value in contribs[:max_features]:
        kind, _, gram = name.partition("__")
        if kind == "word":
            parts = gram.split()
            hits = [list(range(i, i + len(parts))) for i in where.get(parts[0], [])
                    if tokens[i:i + len(parts)] == parts]
        else:
            g = gram.strip()
            if len(g) < 3:
                continue
            hits, pos = [], folded.find(g)
            while pos != -1 and len(hits) < 20:
                first = int(np.searchsorted(starts, pos, side="right") - 1)
                last = int(np.searchsorted(starts, pos + len(g) - 1, side="right") - 1)
                if last >= 0:  # not wholly before the first word (a run of "!!!" opening the text)
                    hits.append(list(range(max(first, 0), max(first, last) + 1)))
                pos = folded.find(g, pos + 1)
        if not hits:
            continue
        share = value / len(hits)
        for idx in hits:
            weight[idx] += share / len(idx)
    phrases: list[list[int]] = []
    for i in _shown(tokens, weight, top):
        prev = phrases[-1][-1] if phrases else -2
        between = folded[words[prev][1]:words[i][0]] if prev >= 0 else ""
        if 0 <= prev and i - prev <= 2 and all(tokens[g] in stop_words() for g in range(prev + 1, i)) \
                and not any(ch in between for ch in ".,;:!?()\n"):
            phrases[-1].append(i)  # a neighbour, or one grammar word away: one phrase
        else:
            phrases.append([i])
    return [Span(words[p[0]][0], words[p[-1]][1], text[words[p[0]][0]:words[p[-1]][1]], "model",
                 round(float(weight[p].sum()), 4)) for p in phrases]  # weight of the shown words only
