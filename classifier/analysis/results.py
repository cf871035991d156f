"""The result types of an analysis: circumstances found, element checks, candidates and the whole analysis."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import statutes
from i18n import Text

from ..findings import Finding, Span

__all__ = ["Analysis", "Candidate", "ElementCheck", "Finding"]


@dataclass(frozen=True)
class ElementCheck:
    """One element of the offence: shown by the text, or not evident (with what is missing). ``inferred`` marks
    an element the text does not state but that follows from the conduct it describes (intent from a ransom
    demand), with that conduct as evidence."""

    id: str
    kind: str
    description: Text
    shown: bool
    evidence: tuple[Span, ...] = ()
    note: Text | None = None
    inferred: bool = False


@dataclass(frozen=True)
class Candidate:
    """One article label the text may describe."""

    label: str
    title: Text
    probability: float
    threshold: float
    selected: bool
    part: statutes.PartChoice
    elements: tuple[ElementCheck, ...]
    reference: statutes.SentencingReference | None
    explanation: tuple[Span, ...]

    @property
    def missing(self) -> list[ElementCheck]:
        return [e for e in self.elements if not e.shown]


@dataclass(frozen=True)
class Analysis:
    """What an incident text may amount to under Chapter 30 (a reference for training, not legal advice)."""

    text: str
    candidates: tuple[Candidate, ...]  # every label, most probable first
    verdict: str  # "offences", "low_confidence" or "out_of_scope"
    circumstances: tuple[Finding, ...]
    offence_date: dt.date | None
    warnings: tuple[Text, ...] = ()
    aggregate: statutes.AggregateReference | None = None
    damage_azn: float | None = None
    meta: dict = field(default_factory=dict)

    @property
    def selected(self) -> list[Candidate]:
        return [c for c in self.candidates if c.selected]

    @property
    def articles(self) -> list[str]:
        """Selected labels in the Code's order, or ['none']."""
        order = list(statutes.load_table().labels)
        chosen = sorted((c.label for c in self.selected), key=order.index)
        return chosen or ["none"]

    @property
    def parts(self) -> list[str]:
        order = list(statutes.load_table().labels)
        return [c.part.part for c in sorted(self.selected, key=lambda c: order.index(c.label))]

    def finding(self, circumstance: str) -> Finding | None:
        return next((f for f in self.circumstances if f.id == circumstance), None)
