"""pandas views of the statute table, for the app's tables and charts and the quiz builder."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from .dates import check_date
from .errors import NotCoveredError
from .table import StatuteTable, load_table


def sanctions_frame(on: dt.date | None = None, *, table: StatuteTable | None = None,
                    milder_law: bool = False) -> pd.DataFrame:
    """One row per part × punishment in the wording in force on ``on`` (current wording when None).

    Columns: article, part, kind (basic/aggravated/infrastructure), category, effective_from, text_status,
    sanction, role, min, max, unit, mandatory, min_article, max_article. With ``milder_law`` the ranges are
    those that apply to an act committed on ``on`` (Art. 10).
    Parts not certainly in force on ``on`` are left out (:meth:`StatuteTable.version_on`); raises ``TypeError``
    for an ``on`` that is not a date.
    """
    table = table or load_table()
    on = check_date(on)
    rows = []
    for part in table.parts():
        try:
            w = table.wording(part.id, on) if milder_law else None
            version = w.version if w else table.version_on(part.id, on)
        except NotCoveredError:
            continue
        ranges = w.sanctions if w else tuple(table.resolve(s, part.id, version.effective_from) for s in version.sanctions)
        for r in ranges:
            rows.append({
                "article": table.article_of(part.id).article, "part": part.id, "kind": part.kind,
                "category": version.category, "effective_from": version.effective_from.isoformat(),
                "text_status": version.text_status, "sanction": r.kind, "role": r.role,
                "min": r.min.value, "max": r.max.value, "unit": r.unit, "mandatory": r.mandatory,
                "min_article": r.min.article, "max_article": r.max.article,
            })
    return pd.DataFrame(rows)


def versions_frame(*, table: StatuteTable | None = None) -> pd.DataFrame:
    """One row per part version (for the amendment timeline): part, effective_from, effective_to, act, status."""
    table = table or load_table()
    rows = []
    for part in table.parts():
        for v, nxt in zip(part.versions, [*part.versions[1:], None]):
            rows.append({"article": table.article_of(part.id).article, "part": part.id,
                         "effective_from": v.effective_from, "effective_to": v.effective_to or (nxt.effective_from if nxt else None),
                         "amended_by": v.amended_by, "text_status": v.text_status, "category": v.category})
    return pd.DataFrame(rows)
