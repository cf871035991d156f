"""Cell values for the writers: spreadsheet formulas neutralised, undecodable bytes shown as U+FFFD."""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_FORMULA = re.compile(r"(\r\n?|\n)([=+\-@\t][^\r\n]*)")
"""A line inside a cell (after CR LF, CR or LF) that starts like a formula; linear: the line is taken whole."""


def guard_formula(value: str) -> str:
    """``value`` with a ``'`` before it, and before each line inside it, that a spreadsheet would read as a formula
    (plain numbers excepted). Lines count because a reader that splits rows at a bare carriage return would make
    each line a cell of its own."""
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        value = "'" + value
    if "\n" in value or "\r" in value:
        value = _LINE_FORMULA.sub(_guard_line, value)
    return value


def _guard_line(m: re.Match) -> str:
    line = m.group(2)
    return m.group(1) + (line if _PLAIN_NUMBER.fullmatch(line) else "'" + line)


def scalar(value: Any) -> Any:
    """A Python scalar for a cell: NaN/None → None, numpy → Python, dict/list → JSON text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def text_cell(value: str, guard: bool) -> str:
    """Undecodable-byte marks → U+FFFD, then the formula guard when ``guard``."""
    if not value.isascii() and _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)
    if guard and (value[:1] in _FORMULA_START or "\n" in value or "\r" in value):
        return guard_formula(value)
    return value


def replace_undecodable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a classified or read ``frame`` whose text cells show undecodable bytes as U+FFFD.

    Reader frames keep such bytes as lone surrogates (so the row can be reported); Arrow-based consumers
    (pandas ``str`` columns, Streamlit tables) cannot hold them. The writers do this themselves.
    """
    out = frame.copy()
    for j in range(out.shape[1]):
        if out.dtypes.iloc[j] == object:
            out.iloc[:, j] = [text_cell(v, False) if type(v) is str else v for v in out.iloc[:, j].tolist()]
    return out


def column_cells(series: pd.Series, cell: Callable[[Any], Any]) -> list:
    """A column's cells for a writer: floats as they are (NaN → None), everything else through ``cell``."""
    values = series.tolist()
    if series.dtype.kind == "f":
        return [None if v != v else v for v in values]
    return [cell(v) for v in values]
