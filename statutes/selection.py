"""Which part of an article a set of circumstances selects: infrastructure over aggravated over basic, by the
qualifiers in the statute data, with the reason as a :class:`~statutes.messages.Note`.

Note 3 to Art. 271 is dated: two of its categories (securities-market licensees, investment-fund managers) were
added by Laws 563-VQD and 575-VQD of 7 April 2017. For an earlier act the extension does not reach back
(Art. 10.4): a target named only by those categories does not select the infrastructure part, and where the target
is not known the reason says so. The functions take the :class:`~statutes.table.StatuteTable` (not imported here:
the table imports this module).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from i18n import Text

from .errors import UnknownPartError
from .messages import Note, joined
from .schema import Amendment

INFRASTRUCTURE_NOTE = "271-note-3"
"""The definition whose categories make a target an object of infrastructure of public importance."""


@dataclass(frozen=True)
class LabelParts:
    label: str
    basic: tuple[str, ...]
    aggravated: str | None
    infrastructure: str | None


@dataclass(frozen=True)
class PartChoice:
    """The part a label takes given the circumstances, and why."""

    label: str
    part: str
    kind: str
    circumstances: tuple[str, ...]
    qualifier: str | None
    reason: Note


def label_parts(table: "StatuteTable", label: str) -> LabelParts:
    """The basic, aggravated and infrastructure parts of a classification label (e.g. ``"273.1"``)."""
    if label not in table.labels:
        raise UnknownPartError(f"unknown label {label!r}; labels are: {', '.join(table.labels)}")
    basic = tuple(table.labels[label].basic_parts)
    found: dict[str, str | None] = {"aggravated": None, "infrastructure": None}
    for p in table.parts():
        if p.kind in found and set(basic) <= set(p.includes) | {p.id}:
            found[p.kind] = p.id
    return LabelParts(label, basic, found["aggravated"], found["infrastructure"])


def not_yet_listed(table: "StatuteTable", on: dt.date | None) -> list[tuple[str, Text, Amendment]]:
    """The Note 3 categories added by a law not certainly in force on ``on``: (id, name, act)."""
    if on is None:
        return []
    out = []
    for c in table.definition(INFRASTRUCTURE_NOTE).categories:
        act = table.amendments[c.added_by] if c.added_by else None
        if act is not None and act.adopted and (on < act.adopted or act.in_window(on)):
            out.append((c.id, Text.fixed({"en": c.en, "az": c.az}), act))
    return out


def select_part(table: "StatuteTable", label: str, circumstances: Iterable[str], basic: str | None = None, *,
                on: dt.date | None = None, institutions: Iterable[str] | None = None) -> PartChoice:
    """Choose the part for a label: infrastructure over aggravated over basic, by the parts' qualifiers.

    ``basic`` picks among several basic parts (273-1.1 / 1.2 / 1.3); it defaults to the first. ``on`` (the offence
    date) and ``institutions`` (the Note 3 categories the target belongs to, when known) date Note 3: a target
    named only by categories added after ``on`` does not select the infrastructure part (Art. 10.4).
    Raises :class:`UnknownPartError` for an unknown label or a ``basic`` part outside the label.
    """
    lp = label_parts(table, label)
    given = set(circumstances)
    later = not_yet_listed(table, on)
    named = set(institutions or ())
    if lp.infrastructure and "public_infrastructure" in given and later and named \
            and named <= {cid for cid, _, _ in later}:
        choice = select_part(table, label, given - {"public_infrastructure"}, basic)
        act = later[0][2]
        reason = Note("part_note3_later", table.general.milder_law.not_retroactive_article, then=choice.reason,
                      targets=joined([n for cid, n, _ in later if cid in named]), act=act.id,
                      adopted=act.adopted.isoformat())
        return PartChoice(label, choice.part, choice.kind, choice.circumstances, choice.qualifier, reason)
    for kind in ("infrastructure", "aggravated"):
        pid = getattr(lp, kind)
        if pid is None:
            continue
        for q in table.part(pid).qualifiers:
            hit = [c for c in q.circumstances if c in given]
            if not hit:
                continue
            circ = table.circumstances[hit[0]]
            if kind == "infrastructure" and later:
                act = later[0][2]
                reason = Note("part_infrastructure_dated", circ.article, part=pid, targets=joined([n for _, n, _ in later]),
                              act=act.id, adopted=act.adopted.isoformat(),
                              not_retroactive=table.general.milder_law.not_retroactive_article)
            elif kind == "infrastructure":
                reason = Note("part_infrastructure", circ.article, part=pid)
            else:
                reason = Note("part_aggravated", circ.article, part=pid, qualifier=q.id, circumstance=circ.title)
            return PartChoice(label, pid, kind, tuple(hit), q.id, reason)
    if basic is not None and basic not in lp.basic:
        raise UnknownPartError(f"{basic!r} is not a basic part of label {label}: {', '.join(lp.basic)}")
    pid = basic or lp.basic[0]
    if len(lp.basic) > 1:
        reason = Note("part_basic_choice", pid, part=pid, title=table.part(pid).title)
    else:
        reason = Note("part_basic", pid, part=pid)
    return PartChoice(label, pid, "basic", (), None, reason)


