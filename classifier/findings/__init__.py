"""What a text shows besides the model's probabilities: cue matches, the damage stated, the circumstances, and
which basic act of 273-1 it describes. One pipeline for :func:`classifier.analyse` and bulk classification.

For one text, :func:`find` takes the NFC text and its folded form (folded once, by the caller that also feeds the
model), scans the cues once (:class:`~.cues.Scan`: each cue key searched at most once, whoever asks), and finds

- the damage stated (:func:`~.damage.stated_damage`), in manat, with its span;
- the circumstances (:func:`~.circumstances.circumstances`), from the tag probabilities, cues, the damage and the
  user's known facts;
- the basic variant of each label with several (273-1), by the statute data's variant rules over the elements
  the cues show (:meth:`Findings.variant`).

Modules: :mod:`.cues` (patterns and spans), :mod:`.damage` (amounts and currencies), :mod:`.circumstances`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import statutes

from .circumstances import CUE_FACTOR, Finding, circumstances
from .cues import Cue, Scan, Span, compiled
from .damage import Amount, find_amounts, rates, stated_damage

__all__ = ["Amount", "CUE_FACTOR", "Cue", "Finding", "Findings", "Scan", "Span", "compiled", "find", "find_amounts",
           "rates", "stated_damage"]


@dataclass
class Findings:
    """What :func:`find` found in one text; :meth:`variant` and :attr:`scan` answer further questions from the
    same scan (e.g. the element evidence of an analysis)."""

    scan: Scan
    damage_azn: float | None
    damage_span: Span | None
    circumstances: list[Finding]
    table: statutes.StatuteTable
    _variants: dict = field(default_factory=dict, repr=False)

    @property
    def detected(self) -> tuple[str, ...]:
        """The ids of the circumstances found, in the statute table's order."""
        return tuple(f.id for f in self.circumstances if f.detected)

    def variant(self, label: str) -> str | None:
        """The basic part of ``label`` the text describes where the label has several (273-1), else None."""
        if label not in self._variants:
            self._variants[label] = self.table.basic_variant(label, lambda e: self.scan.has("elements", e))
        return self._variants[label]


def find(text: str, folded: str, tag_p: dict[str, float], tag_thr: dict[str, float], table: statutes.StatuteTable,
         known: dict[str, bool] | None = None, known_damage: tuple[float, str] | None = None,
         evidence: bool = True) -> Findings:
    """Everything :mod:`classifier.findings` finds in ``text`` (NFC) given its ``folded`` form and the model's tag
    probabilities and thresholds. ``evidence=False`` (bulk) skips what only serves as evidence or display: spans,
    and the exact damage amount where it cannot change a decision; what is detected is the same.

    Raises ``KeyError`` for an unknown currency code in ``known_damage``."""
    scan = Scan(text, folded)
    damage_azn, damage_span = stated_damage(scan, known_damage, None if evidence else table.significant_damage_azn)
    found = circumstances(scan, tag_p, tag_thr, known or {}, damage_azn, damage_span, table, evidence)
    return Findings(scan, damage_azn, damage_span, found, table)
