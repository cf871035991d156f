"""Writers of classified tables: CSV, JSONL and XLSX, to a file put in place when complete, to a special file or
to stdout (see :mod:`.destination`). Every failure to write is an :class:`OutputError` naming the output, and an
aborted writer leaves nothing behind."""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import tempfile
import zipfile
from typing import Any

import pandas as pd

from i18n import Text, figure

from .cells import column_cells, scalar, text_cell
from .destination import Destination
from .formats import OUTPUT_FORMATS, FormatError, OutputError

XLSX_CELL_LIMIT = 32_767
XLSX_MAX_ROWS = 1_048_576
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@contextlib.contextmanager
def _writing(dest: str):
    """Turn a failure to write (a full disk, a file size limit) into an :class:`OutputError` naming ``dest``; a
    closed pipe stays a ``BrokenPipeError`` (the command stops quietly)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(Text("bulk.cannot_write", dest=dest, why=exc.strerror or str(exc))) from None


class TableWriter:
    """Writes classified chunks to a :class:`~.destination.Destination`: a file put in place on :meth:`close`, a
    special file, or stdout.

    Call :meth:`write` per chunk, then :meth:`close`; on any failure call :meth:`abort`, which drops the partial
    output and never raises. Both raise :class:`OutputError` when the output cannot be written. ``warnings``
    collects what the reader of the output should know (cut XLSX cells, columns not in the header).
    """

    _fixed_header = True

    def __init__(self, dest: str, guard: bool):
        self.dest, self.guard = dest, guard
        self.header: list[str] | None = None
        self.rows = 0
        self.warnings: list[Text] = []
        self._left_out: set[str] = set()
        self._out = Destination(dest)
        self._raw = self._out.raw

    def write(self, frame: pd.DataFrame) -> None:
        """Write one chunk. CSV and XLSX keep the first chunk's header: later columns (new JSONL keys) are left
        out with a warning; JSONL writes every row's columns."""
        if self.header is None:
            self.header = [str(c) for c in frame.columns]
        elif self._fixed_header and [str(c) for c in frame.columns] != self.header:
            extra = [str(c) for c in frame.columns if str(c) not in self.header and str(c) not in self._left_out]
            if extra:
                self._left_out.update(extra)
                self.warnings.append(Text("bulk.late_columns", row=self.rows + 1, columns=", ".join(extra)))
            frame = frame.set_axis([str(c) for c in frame.columns], axis=1).reindex(columns=self.header)
        with _writing(self.dest):
            self._write(frame)
        self.rows += len(frame)

    def _write(self, frame: pd.DataFrame) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        pass

    def close(self) -> None:
        """Finish the output (an empty table still gets its header) and put it in place."""
        with _writing(self.dest):
            self._finish()
            self._out.commit()

    def abort(self) -> None:
        """Drop the partial output: nothing is put in place and no temporary file is left. Never raises."""
        self._release()
        self._out.discard()

    def _release(self) -> None:
        """Let go of what the format holds (buffers, temporary files) without writing it; never raises."""


class _CsvWriter(TableWriter):
    """CSV (UTF-8, with a byte order mark for Excel when ``bom``; LF line ends). A cell with a carriage return is
    quoted like one with a line feed (Python's writer quotes only the characters of its line end), and a NUL is
    written as U+FFFD (counted in a warning)."""

    def __init__(self, dest: str, guard: bool, bom: bool = False):
        super().__init__(dest, guard)
        self._text = io.TextIOWrapper(self._raw, encoding="utf-8-sig" if bom else "utf-8", newline="",
                                      write_through=False)
        self._csv = csv.writer(self._text, lineterminator="\n")
        self._started = False
        self._cr = False
        self._nul = 0

    def _cell(self, v: Any) -> Any:
        if type(v) is not str:
            v = scalar(v)
            if not isinstance(v, str):
                return v
        if "\x00" in v:
            self._nul += 1
            v = v.replace("\x00", "\ufffd")
        if "\r" in v:
            self._cr = True
        return text_cell(v, self.guard)

    def _write(self, frame: pd.DataFrame) -> None:
        if not self._started:
            self._rows([[self._cell(h) for h in self.header]])
            self._started = True
        self._rows(zip(*(column_cells(frame.iloc[:, j], self._cell) for j in range(frame.shape[1]))))

    def _rows(self, rows) -> None:
        """Rows through the csv module, except those with a carriage return in a cell, which are quoted here."""
        if not self._cr:
            self._csv.writerows(rows)
            return
        self._cr = False
        for row in rows:
            if any(type(c) is str and "\r" in c for c in row):
                self._text.write(",".join(map(_csv_field, row)) + "\n")
            else:
                self._csv.writerow(row)

    def _finish(self) -> None:
        if not self._started and self.header is not None:
            self._rows([[self._cell(h) for h in self.header]])
        if self._nul:
            self.warnings.append(Text("bulk.nul_cell" if self._nul == 1 else "bulk.nul_cells", n=figure(self._nul)))
        self._text.flush()
        self._text.detach()

    def _release(self) -> None:
        if self._out.stdout:  # never let the wrapper close stdout; a file's wrapper is inert once the file is closed
            with contextlib.suppress(OSError, ValueError):
                self._text.detach()


_CSV_QUOTED = re.compile('[",\r\n]')


def _csv_field(value: Any) -> str:
    """One CSV field as the csv module writes it (minimal quoting, floats by ``repr``), with CR quoted too."""
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"' if _CSV_QUOTED.search(value) else value
    return repr(value) if isinstance(value, float) else str(value)


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
            raise OutputError(Text("bulk.xlsx_rows", max=figure(XLSX_MAX_ROWS - 1)))
        for r in zip(*(column_cells(frame.iloc[:, j], self._value) for j in range(frame.shape[1]))):
            self._sheet.append(list(r))

    def _finish(self) -> None:
        if not self._started and self.header is not None:
            self._sheet.append([self._value(h) for h in self.header])
        if self._cut:
            self.warnings.append(Text("bulk.cut_cells", n=figure(self._cut), max=figure(XLSX_CELL_LIMIT)))
        if self._out.temp is None:
            with tempfile.TemporaryFile() as tmp:  # a zip is written with seeks; stdout or a device may not seek
                self._save(tmp)
                tmp.seek(0)
                while block := tmp.read(1 << 20):
                    self._raw.write(block)
        else:
            self._save(self._raw)

    def _save(self, fh) -> None:
        """The workbook as a zip in ``fh``; the zip is closed even when writing fails (else its finaliser would
        write again later and print an "Exception ignored" traceback)."""
        from openpyxl.writer.excel import ExcelWriter
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            ExcelWriter(self._book, archive).write_data()

    def _release(self) -> None:
        """Close openpyxl's stream of the sheet and remove its temporary file, each step on its own: left open,
        their finalisers would write to a full disk later and print "Exception ignored" tracebacks."""
        rows, xml = getattr(self._sheet, "_rows", None), getattr(self._sheet, "_writer", None)
        for step in (getattr(rows, "close", None), getattr(xml, "close", None), getattr(xml, "cleanup", None)):
            if step is not None:
                with contextlib.suppress(Exception):
                    step()


def open_output(dest: str, fmt: str, *, formula_guard: bool = True, bom: bool = False) -> TableWriter:
    """A :class:`TableWriter` for ``dest`` (a path, or ``-`` for stdout) in ``fmt`` (csv, jsonl, xlsx).

    ``formula_guard`` quotes CSV cells a spreadsheet would run as formulas (XLSX cells are text cells, never
    formulas, so they need no quote). ``bom`` starts a CSV with a UTF-8 byte-order mark, which Excel needs to
    read it as UTF-8 (without it, Azerbaijani and Russian letters show as mojibake).
    Raises :class:`FormatError` for an unknown format and :class:`OutputError` if the file cannot be created.
    """
    writers = {"csv": _CsvWriter, "jsonl": _JsonlWriter, "xlsx": _XlsxWriter}
    if fmt not in writers:
        raise FormatError(Text("bulk.unknown_output_format", fmt=repr(fmt), choices=", ".join(OUTPUT_FORMATS)))
    if bom and fmt != "csv":
        raise FormatError(Text("bulk.bom_csv_only"))
    return _CsvWriter(dest, formula_guard, bom) if fmt == "csv" else writers[fmt](dest, formula_guard)
