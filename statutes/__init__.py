"""Chapter 30 "Cybercrimes" of the Criminal Code of the Republic of Azerbaijan, as validated, dated data.

The law lives in ``statutes/data/*.yaml``; this package only reads it. Public API:

- :func:`load_table` → :class:`StatuteTable` (parts, dated wordings, Art. 10, part selection);
- :func:`reference` and :func:`aggregate` — the sentencing reference (General Part consequences);
- :func:`sanctions_frame` — one row per part × punishment, for tables and quizzes;
- :func:`part_records` — the flat export behind ``python -m statutes export``.
"""
from .errors import NotCoveredError, StatuteDataError, UnknownPartError
from .export import part_records
from .frame import sanctions_frame, versions_frame
from .messages import Note
from .sentencing import AggregateReference, Punishment, SentencingReference, aggregate, reference
from .table import Bound, PartChoice, SanctionRange, StatuteTable, Wording, as_date, load_table

__all__ = [
    "AggregateReference", "Bound", "Note", "NotCoveredError", "PartChoice", "Punishment", "SanctionRange",
    "SentencingReference", "StatuteDataError", "StatuteTable", "UnknownPartError", "Wording", "aggregate",
    "as_date", "load_table", "part_records", "reference", "sanctions_frame", "versions_frame",
]
