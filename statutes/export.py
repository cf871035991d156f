"""Flat, stable exports of the statute table (the ``export`` CLI command and downstream tools)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

from .table import StatuteTable, load_table

KEYS = ("part", "article", "category", "fine_azn", "restriction_of_liberty_months", "imprisonment_months",
        "deprivation_of_right_months", "deprivation_mandatory", "effective_from")
_KIND_KEY = {"fine": "fine_azn", "restriction_of_liberty": "restriction_of_liberty_months",
             "imprisonment": "imprisonment_months", "deprivation_of_right": "deprivation_of_right_months"}


def part_records(on: dt.date | None = None, *, table: StatuteTable | None = None) -> list[dict]:
    """One record per part in force on ``on``, ranges as [min, max] with General Part minima filled in.

    Raises :class:`~statutes.errors.NotCoveredError` for a date before the 2012 rewrite.
    """
    table = table or load_table()
    out = []
    for part in table.parts():
        v = table.version_on(part.id, on)
        rec = {"part": part.id, "article": table.article_of(part.id).article, "category": v.category}
        rec.update({key: None for key in _KIND_KEY.values()})
        mandatory = False
        for s in v.sanctions:
            r = table.resolve(s, part.id, v.effective_from)
            rec[_KIND_KEY[s.kind]] = [_int(r.min.value), _int(r.max.value)]
            mandatory = mandatory or (s.kind == "deprivation_of_right" and r.mandatory)
        rec["deprivation_mandatory"] = mandatory
        rec["effective_from"] = v.effective_from.isoformat()
        out.append({k: rec[k] for k in KEYS})
    return out


def to_json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def to_csv(records: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(KEYS), lineterminator="\n")
    w.writeheader()
    for r in records:
        w.writerow({k: ("" if v is None else "-".join(map(str, v)) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else v)
                    for k, v in r.items()})
    return buf.getvalue()


def _int(x: float):
    """A JSON number: whole values as integers (machine output, not a figure for people)."""
    return int(x) if x % 1 == 0 else x
