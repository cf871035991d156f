"""Checks across the statute data files, run once when the table is loaded.

Each file is validated on its own by :mod:`statutes.schema`; what one file cannot check alone is checked here:
references between parts (``includes``), qualifiers and labels, the amending acts part versions cite, the General
Part minima a sanction relies on, the Art. 15 category of every wording, and where each open question is shown and
what raises it. Every failure is a :class:`~statutes.errors.StatuteDataError` naming the file and key path.
The functions take the :class:`~statutes.table.StatuteTable` being built (not imported here: the table imports
this module).
"""
from __future__ import annotations

import re
from .errors import StatuteDataError, UnknownPartError
from .schema import PartVersion


def check(table: "StatuteTable") -> None:
    """Check references between the files; raises :class:`StatuteDataError` naming file and key path."""
    for a in table.articles.values():
        file = f"{a.article}.yaml"
        for i, p in enumerate(a.parts):
            where = f"parts[{i}]"
            for inc in p.includes:
                if _article(table, inc) != a.article:
                    raise StatuteDataError(file, f"{where}.includes", f"{inc!r} is not a part of article {a.article}")
            for j, q in enumerate(p.qualifiers):
                for c in q.circumstances:
                    if c not in table.circumstances or table.circumstances[c].kind != "qualifier":
                        raise StatuteDataError(file, f"{where}.qualifiers[{j}].circumstances",
                                               f"{c!r} is not a qualifying circumstance")
            for k, v in enumerate(p.versions):
                _check_version(table, file, f"{where}.versions[{k}]", v)
        for i, d in enumerate(a.notes):
            for j, c in enumerate(d.categories):
                if c.added_by is not None and c.added_by not in table.amendments:
                    raise StatuteDataError(file, f"notes[{i}].categories[{j}].added_by", f"unknown amending act {c.added_by!r}")
    _check_labels(table)
    _check_open_questions(table)
    for i, pt in enumerate(table.general.punishments):
        for name in ("general_min", "general_max", "general_min_additional", "general_max_additional"):
            fig = getattr(pt, name)
            if fig is not None and fig.amended_by is not None and fig.amended_by not in table.amendments:
                raise StatuteDataError("general_part.yaml", f"punishments[{i}].{name}.amended_by",
                                       f"unknown amending act {fig.amended_by!r}")
    try:
        table.significant_damage_azn
    except (KeyError, TypeError):
        raise StatuteDataError("273.yaml", "notes", "Note 1 (273-note-1) must give threshold_azn") from None


def _article(table: "StatuteTable", part_id: str) -> str | None:
    try:
        return table.article_of(part_id).article
    except UnknownPartError:
        return None


def _check_labels(table: "StatuteTable") -> None:
    for i, lb in enumerate(table.labels.values()):
        for b in lb.basic_parts:
            if _article(table, b) != lb.article:
                raise StatuteDataError("labels.yaml", f"[{i}].basic_parts", f"{b!r} is not a part of article {lb.article}")
        elements = {e.id for b in lb.basic_parts for e in table.part(b).elements}
        for j, v in enumerate(lb.variants):
            for e in [*v.shows, *v.lacks]:
                if e not in elements:
                    raise StatuteDataError("labels.yaml", f"[{i}].variants[{j}]", f"{e!r} is not an element of {lb.id}")


def _check_version(table: "StatuteTable", file: str, where: str, v: PartVersion) -> None:
    if v.amended_by not in table.amendments:
        raise StatuteDataError(file, f"{where}.amended_by", f"unknown amending act {v.amended_by!r}")
    for j, s in enumerate(v.sanctions):
        ptype = table.punishments[s.kind]
        gp_min = ptype.general_min_additional if s.role == "additional" else ptype.general_min
        if s.min is None and gp_min is None:
            raise StatuteDataError(file, f"{where}.sanctions[{j}].min", f"no General Part minimum for {s.kind}")
    imp = [s.max for s in v.sanctions if s.kind == "imprisonment"]
    top = max(imp) if imp else 0
    expected = next((c.id for c in table.general.categories
                     if c.max_imprisonment_months is None or top <= c.max_imprisonment_months.value), None)
    if expected != v.category:
        raise StatuteDataError(file, f"{where}.category",
                               f"category {v.category!r} does not match Art. 15 for a maximum of {top} months (expected {expected!r})")


def _check_open_questions(table: "StatuteTable") -> None:
    """Every ``applies_to`` names a part, circumstance or definition (or ``*``), and every trigger names a known
    release option, category or act."""
    subjects = {"*", *(p.id for p in table.parts()), *table.circumstances, *(d.id for d in table.definitions())}
    known = {"release": {r.id for r in table.general.release}, "category": set(table.categories),
             "wording": set(table.amendments), "before": set(table.amendments)}
    for i, q in enumerate(table.open_questions.values()):
        for s in q.applies_to:
            if s not in subjects:
                raise StatuteDataError("open_questions.yaml", f"[{i}].applies_to",
                                       f"{s!r} is not a part, circumstance or definition")
        for t in q.raised_by:
            m = re.match(r"^(\w+):(.+)$", t)
            if m and m.group(2) not in known[m.group(1)]:
                raise StatuteDataError("open_questions.yaml", f"[{i}].raised_by", f"unknown {m.group(1)} in {t!r}")
