"""The parsers' reasons for a malformed line, in the catalogue's languages.

Python's ``csv`` and ``json`` modules explain a malformed line in English (``',' expected after '"'``,
``Expecting value``). Their messages are a small fixed set, so each known one is matched here to its catalogue
entry (``bulk.csv_*``, ``bulk.json_*``) with its figures kept; an unknown one (a later Python's wording) is passed on
as it is rather than lost."""
from __future__ import annotations

import re

from i18n import Text

_CSV = (
    (re.compile(r"'(.)' expected after '(.)'"), lambda m: Text("bulk.csv_expected", expected=m[1], after=m[2])),
    (re.compile(r"unexpected end of data"), lambda m: Text("bulk.csv_end")),
    (re.compile(r"field larger than field limit \((\d+)\)"), lambda m: Text("bulk.csv_field_limit", limit=m[1])),
)
"""CPython's ``_csv`` reader errors (each pattern linear: literal text and single characters)."""
_JSON = {"Expecting value": "value", "Expecting property name enclosed in double quotes": "name",
         "Expecting ':' delimiter": "colon", "Expecting ',' delimiter": "comma", "Extra data": "extra",
         "Unterminated string starting at": "unterminated", "Invalid control character at": "control"}
"""``json.JSONDecodeError.msg`` values and the ending of their catalogue key ``bulk.json_<ending>``."""


def csv_reason(exc: Exception) -> Text | str:
    """Why the csv module refused a line, as a :class:`~i18n.Text` when the reason is a known one."""
    why = str(exc)
    for pattern, text in _CSV:
        m = pattern.fullmatch(why)
        if m:
            return text(m)
    return why


def json_reason(msg: str) -> Text | str:
    """Why the json module refused a line (its ``msg``, without the position), as a :class:`~i18n.Text` when known."""
    ending = _JSON.get(msg)
    return Text(f"bulk.json_{ending}") if ending else msg
