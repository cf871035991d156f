"""Robustness to unrelated text: the frozen test split padded with sentences that describe no offence.

Real documents (news reports, breach notices, press releases) wrap an incident in headers, company descriptions
and legal boilerplate. TF-IDF rows are L2-normalised, so every added word dilutes the evidence of the incident's
own words; this module measures by how much. The sentences come from ``classifier/data/unrelated_text.yaml``
and are used for this measurement only.
"""
from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import f1_score

from ..model import Model

UNRELATED_FILE = Path(__file__).resolve().parents[1] / "data" / "unrelated_text.yaml"
LEVELS = ((0, 0), (1, 1), (1, 3), (2, 4))
"""(sentences before, sentences after) the incident, from none to about as much text again as the incident."""


@functools.lru_cache(maxsize=1)
def unrelated_sentences() -> dict[str, list[str]]:
    """The padding sentences per language (``en``, ``az``, ``ru``)."""
    return yaml.safe_load(UNRELATED_FILE.read_text(encoding="utf-8"))


def padded(texts: Sequence[str], langs: Sequence[str], before: int, after: int, seed: int = 0) -> list[str]:
    """Each text with ``before`` and ``after`` distinct unrelated sentences in its language (English for an
    unknown one) around it, chosen with ``seed``; the text itself is kept verbatim.

    Raises ``ValueError`` if more sentences are asked for than a language has.
    """
    pools = unrelated_sentences()
    rng = random.Random(seed)
    out = []
    for text, lang in zip(texts, langs, strict=True):
        pool = pools.get(lang, pools["en"])
        if before + after > len(pool):
            raise ValueError(f"{before + after} sentences asked for; {lang!r} has {len(pool)}")
        chosen = rng.sample(pool, before + after)
        out.append(" ".join([*chosen[:before], text, *chosen[before:]]))
    return out


def robustness(model: Model, texts: Sequence[str], langs: Sequence[str], y: np.ndarray,
               levels: Sequence[tuple[int, int]] = LEVELS, seed: int = 0) -> pd.DataFrame:
    """Macro-F1 and any-offence-vs-none F1 of ``model`` on ``texts`` padded at each level."""
    rows = []
    base = float(np.mean([len(t) for t in texts]))
    for before, after in levels:
        padded_texts = padded(texts, langs, before, after, seed)
        pred = model.predict(padded_texts)
        rows.append({"unrelated sentences (before + after)": f"{before} + {after}",
                     "added characters (mean)": int(round(float(np.mean([len(t) for t in padded_texts])) - base)),
                     "macro_f1": f1_score(y, pred, average="macro", zero_division=0),
                     "any_offence_f1": f1_score(y.any(1), pred.any(1), zero_division=0)})
    return pd.DataFrame(rows).set_index("unrelated sentences (before + after)")
