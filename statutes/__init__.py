"""Chapter 30 "Cybercrimes" of the Criminal Code of the Republic of Azerbaijan, as validated, dated data.

The law lives in ``statutes/data/*.yaml``; this package only reads it. Public API:

- :func:`load_table` → :class:`StatuteTable` (parts, dated wordings, Art. 10, part selection, label titles, the
  273-1 variant rules);
- :func:`reference` (→ :class:`SentencingReference`, which keeps the wording it used) — the sentencing reference
  (General Part consequences); :func:`aggregate` of references — several offences: an aggregate of crimes, a repeat
  (separate episodes under one article) or one act under two parts of one article;
- offence dates are ``datetime.date`` objects; :func:`parse_date` reads what a user typed (YYYY-MM-DD);
- :func:`sanctions_frame` — one row per part × punishment, for tables and quizzes;
- :func:`part_records` — the flat export behind ``python -m statutes export``.
"""
from .dates import parse_date
from .errors import NotCoveredError, StatuteDataError, UnknownPartError
from .export import part_records
from .frame import sanctions_frame, versions_frame
from .messages import Note
from .aggregate import AggregateReference, OneAct, Repeat, aggregate
from .sentencing import Punishment, SentencingReference, reference
from .table import Bound, PartChoice, SanctionRange, StatuteTable, Wording, load_table

__all__ = [
    "AggregateReference", "Bound", "Note", "NotCoveredError", "OneAct", "PartChoice", "Punishment", "Repeat",
    "SanctionRange",
    "SentencingReference", "StatuteDataError", "StatuteTable", "UnknownPartError", "Wording", "aggregate",
    "load_table", "parse_date", "part_records", "reference", "sanctions_frame", "versions_frame",
]
