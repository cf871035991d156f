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
SOURCE_KEYS = ("category_source", *(f"{key}_source" for key in _KIND_KEY.values()))
"""Where each figure comes from, after the keys above (which stay as they are): the Art. 15 paragraph of the
category, and for each range [the article of its minimum, the article of its maximum] (a General Part minimum:
Arts. 55.2, 52-1.4, 46.1)."""


def part_records(on: dt.date | None = None, *, table: StatuteTable | None = None) -> list[dict]:
    """One record per part in force on ``on``, ranges as [min, max] with General Part minima filled in, each with
    its source articles (:data:`SOURCE_KEYS`).

    Raises :class:`~statutes.errors.NotCoveredError` for a date before the 2012 rewrite.
    """
    table = table or load_table()
    out = []
    for part in table.parts():
        v = table.version_on(part.id, on)
        rec = {"part": part.id, "article": table.article_of(part.id).article, "category": v.category,
               "category_source": table.categories[v.category].article}
        rec.update({key: None for key in _KIND_KEY.values()})
        rec.update({f"{key}_source": None for key in _KIND_KEY.values()})
        mandatory = False
        for s in v.sanctions:
            r = table.resolve(s, part.id, v.effective_from)
            rec[_KIND_KEY[s.kind]] = [_int(r.min.value), _int(r.max.value)]
            rec[f"{_KIND_KEY[s.kind]}_source"] = [r.min.article, r.max.article]
            mandatory = mandatory or (s.kind == "deprivation_of_right" and r.mandatory)
        rec["deprivation_mandatory"] = mandatory
        rec["effective_from"] = v.effective_from.isoformat()
        out.append({k: rec[k] for k in (*KEYS, *SOURCE_KEYS)})
    return out


def to_json(records: list[dict]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def to_csv(records: list[dict]) -> str:
    """CSV: a range as ``min-max``, its sources as ``article;article`` (articles hold hyphens: ``52-1.4``)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=[*KEYS, *SOURCE_KEYS], lineterminator="\n")
    w.writeheader()
    for r in records:
        w.writerow({k: _cell(k, v) for k, v in r.items()})
    return buf.getvalue()


def _cell(key: str, v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return (";" if key.endswith("_source") else "-").join(map(str, v))
    return str(v).lower() if isinstance(v, bool) else str(v)


def _int(x: float):
    """A JSON number: whole values as integers (machine output, not a figure for people)."""
    return int(x) if x % 1 == 0 else x
