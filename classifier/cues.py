"""Evidence spans from textual cues (``classifier/data/cues.yaml``) for circumstances and offence elements."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
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


class Cue:
    """One compiled cue pattern, searched fast.

    Most cues start with ``\\b``, and a pattern that starts with an assertion makes :mod:`re` try every
    position of the text. Without it, a pattern whose alternatives start with letters lets :mod:`re` skip to
    positions holding one of those letters. So :meth:`finditer` looks for the pattern without its leading
    ``\\b`` (a weaker pattern: it matches wherever the cue does) and confirms each position with the cue
    itself, which gives exactly the cue's own matches (a test compares them on the corpus).
    """

    __slots__ = ("pattern", "scout")

    def __init__(self, source: str):
        self.pattern = re.compile(source)
        self.scout = re.compile(source[2:]) if source.startswith(r"\b") else None

    def finditer(self, folded: str) -> Iterator[re.Match]:
        """The matches of the cue's pattern in ``folded``, left to right, as ``re.finditer`` gives them."""
        if self.scout is None:
            yield from self.pattern.finditer(folded)
            return
        pos = 0
        while (hint := self.scout.search(folded, pos)) is not None:
            start = hint.start()
            m = self.pattern.match(folded, start)
            if m is None:
                pos = start + 1
                continue
            yield m
            pos = m.end() if m.end() > start else start + 1


@functools.lru_cache(maxsize=1)
def _compiled() -> dict[str, dict[str, list[Cue]]]:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    return {group: {key: [Cue(p) for p in pats] for key, pats in items.items()}
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
