"""The elements of the part chosen for a candidate, each shown by the text (with its evidence) or not evident.

The elements come from the statute data: the part's own, and for an aggravated or infrastructure part also those
of the basic act it builds on. Significant damage and serious hindrance are decided with the findings (amount,
circumstance), the qualifying circumstance by the circumstances that selected the part, intent by the words that
state it or else by the conduct described (``inferred`` cues: a ransom demand, a flood from a botnet, a stolen
password used to log in), the rest by cues.
"""
from __future__ import annotations

import statutes
from i18n import Text, figure

from ..findings import Findings
from .results import ElementCheck

EVIDENCE_LIMIT = 3
"""Cue spans kept as evidence of one element."""


def _damage(e, kind: str, desc: Text, found: Findings, threshold: int) -> ElementCheck:
    f = next(c for c in found.circumstances if c.id == "significant_damage")
    azn, thr = found.damage_azn, figure(threshold)
    if azn is not None and azn > threshold:
        return ElementCheck(e, kind, desc, True, f.evidence, Text("classifier.damage_shown", azn=figure(round(azn)), thr=thr))
    if f.detected:
        return ElementCheck(e, kind, desc, True, f.evidence, Text("classifier.damage_other", thr=thr))
    if azn is not None:
        return ElementCheck(e, kind, desc, False, f.evidence, Text("classifier.damage_below", azn=figure(round(azn)), thr=thr))
    return ElementCheck(e, kind, desc, False, (), Text("classifier.damage_missing", thr=thr))


def _distinct(spans) -> tuple:
    """Spans with a wording not shown before (case aside): "Hackers" once, not once per occurrence."""
    seen: set[str] = set()
    return tuple(s for s in spans if not (s.text.casefold() in seen or seen.add(s.text.casefold())))


def elements(label: str, choice: statutes.PartChoice, found: Findings,
             table: statutes.StatuteTable) -> tuple[ElementCheck, ...]:
    """The element checks of ``choice.part`` for a candidate of ``label``."""
    part = table.part(choice.part)
    base_id = found.variant(label) or table.label_parts(label).basic[0]
    listed = list(part.elements) if part.kind == "basic" else list(table.part(base_id).elements) + list(part.elements)
    by_id = {f.id: f for f in found.circumstances}
    checks = []
    for e in listed:
        desc = Text.fixed({"en": e.en, "az": e.az})
        if e.id == "significant_damage":
            checks.append(_damage(e.id, e.kind, desc, found, table.significant_damage_azn))
        elif e.id == "serious_hindrance":
            f = by_id["serious_hindrance"]
            checks.append(ElementCheck(e.id, e.kind, desc, f.detected, f.evidence,
                                       None if f.detected else Text("classifier.not_evident")))
        elif e.id in ("qualifying_circumstance", "public_infrastructure_target"):
            hit = [by_id[c] for c in choice.circumstances if c in by_id]
            ev = tuple(s for f in hit for s in f.evidence)
            checks.append(ElementCheck(e.id, e.kind, desc, bool(hit), ev,
                                       None if hit else Text("classifier.qualifier_missing")))
        elif e.id == "intent" and not found.scan.has("elements", "intent") and \
                (spans := tuple(found.scan.find("inferred", "intent", limit=EVIDENCE_LIMIT))):
            checks.append(ElementCheck(e.id, e.kind, desc, True, spans, Text("classifier.intent_inferred"), inferred=True))
        else:
            spans = _distinct(found.scan.find("elements", e.id, limit=EVIDENCE_LIMIT))
            instead = () if spans or not e.not_needed_with else _distinct(
                found.scan.find("elements", e.not_needed_with, limit=EVIDENCE_LIMIT))
            if instead:  # the act the text describes does not ask this element (273-1.1: production)
                checks.append(ElementCheck(e.id, e.kind, desc, True, instead, Text("classifier.not_needed")))
            else:
                checks.append(ElementCheck(e.id, e.kind, desc, bool(spans), spans,
                                           None if spans else Text("classifier.not_evident")))
    return tuple(checks)
