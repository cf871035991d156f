"""Evidence spans from textual cues (``classifier/data/cues.yaml``) for circumstances and offence elements.

:class:`Scan` searches one folded text: each cue key is searched at most once per text (its matches are kept and
extended only if more are asked for), whoever asks — circumstances, damage, the 273-1 variant or the elements."""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..text import normalise

CUES_FILE = Path(__file__).resolve().parents[1] / "data" / "cues.yaml"


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
def compiled() -> dict[str, dict[str, list[Cue]]]:
    """Every cue of the cue file, compiled once per process: ``{group: {key: [Cue, ...]}}``."""
    data = yaml.load(CUES_FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {group: {key: [Cue(p) for p in pats] for key, pats in items.items()}
            for group, items in data.items()}


class Scan:
    """The cue matches of one text, each key searched once: :meth:`find` returns what the module function
    :func:`find` would, from matches kept in the order the patterns give them."""

    __slots__ = ("text", "folded", "_found")

    def __init__(self, text: str, folded: str):
        self.text, self.folded = text, folded
        self._found: dict[tuple[str, str], tuple[list[Span], Iterator[Span]]] = {}

    def find(self, group: str, key: str, limit: int = 5) -> list[Span]:
        """At most ``limit`` spans for ``key`` of ``group``, sorted by position (as :func:`find`)."""
        entry = self._found.get((group, key))
        if entry is None:
            entry = self._found[(group, key)] = ([], _spans(self.text, self.folded, group, key))
        spans, more = entry
        while len(spans) < limit and (span := next(more, None)) is not None:
            spans.append(span)
        return sorted(spans[:limit], key=lambda s: s.start)

    def has(self, group: str, key: str) -> bool:
        """Whether any cue of ``key`` matches."""
        return bool(self.find(group, key, limit=1))


def _spans(text: str, folded: str, group: str, key: str) -> Iterator[Span]:
    for pat in compiled().get(group, {}).get(key, []):
        for m in pat.finditer(folded):
            if m.end() > m.start():
                yield Span(m.start(), m.end(), text[m.start():m.end()], "cue")


def find(text: str, group: str, key: str, folded: str | None = None, limit: int = 5) -> list[Span]:
    """Cue matches for ``key`` (e.g. ``circumstances``/``repeat``) in ``text`` (NFC); at most ``limit`` spans.

    ``folded`` may pass ``normalise(text)`` when the caller already has it. Unknown keys give no spans.
    """
    return Scan(text, folded if folded is not None else normalise(text)).find(group, key, limit)
