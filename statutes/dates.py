"""Offence dates: the library takes a ``datetime.date`` (or None for the current wording); command lines and
pages parse what users type with :func:`parse_date`."""
from __future__ import annotations

import datetime as dt


def parse_date(text: str | None) -> dt.date | None:
    """A date typed as YYYY-MM-DD (empty or None: no date). Raises ``ValueError`` naming the expected form."""
    if text is None or not str(text).strip():
        return None
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError as exc:
        raise ValueError(f"offence date {text!r} is not a date in the form YYYY-MM-DD") from exc


def check_date(on: object) -> dt.date | None:
    """``on`` itself when it is a date or None; raises ``TypeError`` otherwise (parse text with :func:`parse_date`)."""
    if on is None or isinstance(on, dt.date):
        return on
    raise TypeError(f"an offence date must be a datetime.date, not {type(on).__name__} {on!r}; "
                    "parse text with statutes.parse_date")
