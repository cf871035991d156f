"""What the model learns: the article labels and the circumstance tags, as 0/1 matrices from corpus columns."""
from __future__ import annotations

import numpy as np

from ..corpus import split_labels

TAGS = ["repeat", "group", "official_position", "public_infrastructure", "significant_damage", "serious_hindrance", "attempt"]
GROUP_TAGS = ("prior_conspiracy_group", "organised_group", "criminal_community")
"""The three group forms select the same qualifier in every article, so the model learns them as one tag."""


def label_matrix(articles, labels: list[str]) -> np.ndarray:
    """One row per incident, one 0/1 column per label (``articles`` as the corpus writes them)."""
    return np.array([[lab in split_labels(a) for lab in labels] for a in articles], dtype=int)


def tag_matrix(circumstances) -> np.ndarray:
    """One row per incident, one 0/1 column per tag of :data:`TAGS` (group forms folded into ``group``)."""
    rows = []
    for c in circumstances:
        s = set(split_labels(c))
        if s & set(GROUP_TAGS):
            s.add("group")
        rows.append([t in s for t in TAGS])
    return np.array(rows, dtype=int)
