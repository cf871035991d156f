"""Writers of classified tables: CSV, JSONL and XLSX, to a file renamed into place on success, or to stdout."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

import pandas as pd

from i18n import number

from .cells import column_cells, scalar, text_cell
from .formats import OUTPUT_FORMATS, FormatError, OutputError

XLSX_CELL_LIMIT = 32_767
XLSX_MAX_ROWS = 1_048_576
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


class TableWriter:
    """Writes classified chunks to a file (via ``<name>.part``, renamed on :meth:`close`) or to stdout.

    Call :meth:`write` per chunk, then :meth:`close`; :meth:`abort` removes a partial file. ``warnings`` collects
    what the reader of the output should know (cut XLSX cells, columns not in the header).
    """

    _fixed_header = True

    def __init__(self, dest: str, guard: bool):
        self.dest, self.guard = dest, guard
        self.header: list[str] | None = None
        self.rows = 0
        self.warnings: list[str] = []
        self._left_out: set[str] = set()
        self._part = None if dest == "-" else Path(f"{dest}.part")
        try:
            self._raw: IO[bytes] = sys.stdout.buffer if dest == "-" else open(self._part, "wb")
        except OSError as exc:
            raise OutputError(f"cannot write {dest}: {exc.strerror or exc}") from None

    def write(self, frame: pd.DataFrame) -> None:
        """Write one chunk. CSV and XLSX keep the first chunk's header: later columns (new JSONL keys) are left
        out with a warning; JSONL writes every row's columns."""
        if self.header is None:
            self.header = [str(c) for c in frame.columns]
        elif self._fixed_header and [str(c) for c in frame.columns] != self.header:
            extra = [str(c) for c in frame.columns if str(c) not in self.header and str(c) not in self._left_out]
            if extra:
                self._left_out.update(extra)
                self.warnings.append(f"columns first seen after row {self.rows + 1} are not in the output: "
                                     f"{', '.join(extra)} (write JSONL to keep them)")
            frame = frame.set_axis([str(c) for c in frame.columns], axis=1).reindex(columns=self.header)
        self._write(frame)
        self.rows += len(frame)

    def _write(self, frame: pd.DataFrame) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        pass

    def close(self) -> None:
        """Finish the output (an empty table still gets its header); rename the ``.part`` file into place."""
        self._finish()
        if self._raw is sys.stdout.buffer:
            self._raw.flush()
            return
        self._raw.close()
        os.replace(self._part, self.dest)

    def abort(self) -> None:
        if self._raw is not sys.stdout.buffer:
            self._raw.close()
            self._part.unlink(missing_ok=True)


class _CsvWriter(TableWriter):
    def __init__(self, dest: str, guard: bool, bom: bool = False):
        super().__init__(dest, guard)
        self._text = io.TextIOWrapper(self._raw, encoding="utf-8-sig" if bom else "utf-8", newline="",
                                      write_through=False)
        self._csv = csv.writer(self._text, lineterminator="\n")
        self._started = False

    def _cell(self, v: Any) -> Any:
        if type(v) is not str:
            v = scalar(v)
            if not isinstance(v, str):
                return v
        return text_cell(v, self.guard)

    def _write(self, frame: pd.DataFrame) -> None:
        if not self._started:
            self._csv.writerow([self._cell(h) for h in self.header])
            self._started = True
        self._csv.writerows(zip(*(column_cells(frame.iloc[:, j], self._cell) for j in range(frame.shape[1]))))

    def _finish(self) -> None:
        if not self._started and self.header is not None:
            self._csv.writerow([self._cell(h) for h in self.header])
        self._text.flush()
        self._text.detach()

    def abort(self) -> None:
        try:
            self._text.detach()  # never let the wrapper close stdout
        except ValueError:
            pass
        super().abort()


class _JsonlWriter(TableWriter):
    _fixed_header = False

    def _write(self, frame: pd.DataFrame) -> None:
        cols = [text_cell(str(c), False) for c in frame.columns]
        values = zip(*(column_cells(frame.iloc[:, j], _json_value) for j in range(frame.shape[1])))
        lines = [json.dumps(dict(zip(cols, r)), ensure_ascii=False, default=str) for r in values]
        if lines:
            self._raw.write(("\n".join(lines) + "\n").encode("utf-8"))


def _json_value(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        return json.loads(text_cell(json.dumps(v, ensure_ascii=False, default=str), False))
    v = scalar(v)
    if isinstance(v, str):
        return text_cell(v, False)
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return v


class _XlsxWriter(TableWriter):
    def __init__(self, dest: str, guard: bool):
        super().__init__(dest, guard)
        import openpyxl
        from openpyxl.cell import WriteOnlyCell
        self._cell = WriteOnlyCell
        self._book = openpyxl.Workbook(write_only=True)
        self._sheet = self._book.create_sheet("classified")
        self._started = False
        self._cut = 0

    def _value(self, v: Any):
        v = scalar(v)
        if isinstance(v, dt.datetime) and v.tzinfo is not None:
            return v.isoformat()
        if not isinstance(v, str):
            return v
        v = _XLSX_ILLEGAL.sub("\ufffd", text_cell(v, False))  # no quote: a text cell is never run as a formula
        if len(v) > XLSX_CELL_LIMIT:
            self._cut += 1
            v = v[:XLSX_CELL_LIMIT]
        if v.startswith("="):  # stored as a text cell, never as a formula
            cell = self._cell(self._sheet, value=v)
            cell.data_type = "s"
            return cell
        return v

    def _write(self, frame: pd.DataFrame) -> None:
        if not self._started:
            self._sheet.append([self._value(h) for h in self.header])
            self._started = True
        if self.rows + len(frame) >= XLSX_MAX_ROWS:
            raise OutputError(f"an XLSX sheet holds at most {number(XLSX_MAX_ROWS - 1, ',')} rows under its header; "
                              "write CSV or JSONL instead")
        for r in zip(*(column_cells(frame.iloc[:, j], self._value) for j in range(frame.shape[1]))):
            self._sheet.append(list(r))

    def _finish(self) -> None:
        if not self._started and self.header is not None:
            self._sheet.append([self._value(h) for h in self.header])
        if self._cut:
            self.warnings.append(f"{self._cut} cells were longer than the {number(XLSX_CELL_LIMIT, ',')} characters an XLSX "
                                 "cell holds and were cut (write CSV or JSONL to keep them whole)")
        if self._raw is sys.stdout.buffer:
            with tempfile.TemporaryFile() as tmp:  # a zip is written with seeks; stdout may be a pipe
                self._book.save(tmp)
                tmp.seek(0)
                while block := tmp.read(1 << 20):
                    self._raw.write(block)
        else:
            self._book.save(self._raw)


def open_output(dest: str, fmt: str, *, formula_guard: bool = True, bom: bool = False) -> TableWriter:
    """A :class:`TableWriter` for ``dest`` (a path, or ``-`` for stdout) in ``fmt`` (csv, jsonl, xlsx).

    ``formula_guard`` quotes CSV cells a spreadsheet would run as formulas (XLSX cells are text cells, never
    formulas, so they need no quote). ``bom`` starts a CSV with a UTF-8 byte-order mark, which Excel needs to
    read it as UTF-8 (without it, Azerbaijani and Russian letters show as mojibake).
    Raises :class:`FormatError` for an unknown format and :class:`OutputError` if the file cannot be created.
    """
    writers = {"csv": _CsvWriter, "jsonl": _JsonlWriter, "xlsx": _XlsxWriter}
    if fmt not in writers:
        raise FormatError(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    if bom and fmt != "csv":
        raise FormatError("a byte-order mark is written only to CSV")
    return _CsvWriter(dest, formula_guard, bom) if fmt == "csv" else writers[fmt](dest, formula_guard)
