"""Evidence spans from textual cues (``classifier/data/cues.yaml``) for circumstances and offence elements."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .text import normalise

CUES_FILE = Path(__file__).parent / "data" / "cues.yaml"


@dataclass(frozen=True)
class Span:
    """A stretch of the analysed text that evidences something; ``start``/``end`` index the NFC text."""

    start: int
    end: int
    text: str
    source: str  # "cue", "model", "amount" or "user"
    weight: float = 1.0


@functools.lru_cache(maxsize=1)
def _compiled() -> dict[str, dict[str, list[re.Pattern]]]:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return {group: {key: [re.compile(p) for p in pats] for key, pats in items.items()}
            for group, items in data.items()}


def find(text: str, group: str, key: str, folded: str | None = None, limit: int = 5) -> list[Span]:
    """Cue matches for ``key`` (e.g. ``circumstances``/``repeat``) in ``text`` (NFC); at most ``limit`` spans.

    ``folded`` may pass ``normalise(text)`` when the caller already has it. Unknown keys give no spans.
    """
    patterns = _compiled().get(group, {}).get(key, [])
    folded = folded if folded is not None else normalise(text)
    spans: list[Span] = []
    for pat in patterns:
        for m in pat.finditer(folded):
            if m.end() > m.start():
                spans.append(Span(m.start(), m.end(), text[m.start():m.end()], "cue"))
            if len(spans) >= limit:
                return sorted(spans, key=lambda s: s.start)
    return sorted(spans, key=lambda s: s.start)
