"""Readers and writers for batch classification: CSV, TSV, JSONL, XLSX and plain text, files or stdin/stdout.

Readers stream a table as DataFrame chunks of object columns (bounded memory on any file size; XLSX is read with
openpyxl's read-only mode, and from stdin it is buffered first, as a zip needs seeking). Each chunk comes with one
reader message per row: a malformed CSV line, invalid JSON or an XLSX row wider than its header is kept as a row
with that message (and its line number) rather than dropped. Blank lines of CSV, TSV and JSONL are not records
and are skipped (counted); in plain text every line is an incident, blank ones included.

Encodings: a BOM decides (UTF-8, UTF-16, UTF-32); otherwise UTF-8 when the first 64 KiB are mostly valid UTF-8,
else charset-normalizer's guess (Windows-1251 preferred over its Cyrillic look-alikes); ``encoding=`` overrides.
Bytes that do not decode become lone surrogates U+DC00–U+DCFF, which :mod:`classifier.batch` reports as an
error on that row; writers replace them with U+FFFD, so every output is valid UTF-8.

Writers (CSV, JSONL, XLSX) write to a ``.part`` file renamed into place on success, or to stdout. CSV and XLSX
output neutralise spreadsheet formulas: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return gets a leading ``'`` (plain numbers such as ``-12.5`` are left alone); ``formula_guard=False`` turns
this off. XLSX cells are always stored as text, never as formulas; XLSX cannot hold control characters (they
become U+FFFD) or more than 32,767 characters in a cell (longer cells are cut, with a warning).
"""
from __future__ import annotations

import base64
import codecs
import csv
import datetime as dt
import html
import io
import json
import math
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd

INPUT_FORMATS = ("csv", "tsv", "jsonl", "xlsx", "text")
OUTPUT_FORMATS = ("csv", "jsonl", "xlsx")
_IN_EXT = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx",
           ".txt": "text", ".log": "text"}
_OUT_EXT = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}
SNIFF_BYTES = 64 * 1024
FIELD_LIMIT = 16 * 1024 * 1024
"""Largest CSV/TSV field read, in characters; a longer one (e.g. an unclosed quote) is a malformed line."""
XLSX_CELL_LIMIT = 32_767
XLSX_MAX_ROWS = 1_048_576
MAX_LISTED = 20
"""Reader problems listed one by one; the rest are counted."""

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CYRILLIC_LOOKALIKES = {"mac_cyrillic", "koi8_r", "koi8_u", "iso8859_5", "cp866", "cp855", "cp1125", "kz1048",
                        "ptcp154"}
_BAD_BYTES = "classifier-batch-mark"


def _mark_bad_bytes(exc: UnicodeDecodeError) -> tuple[str, int]:
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_BAD_BYTES, _mark_bad_bytes)


class FormatError(ValueError):
    """The format, extension or encoding asked for is unknown, or the input is not text in any encoding
    (a usage problem: exit code 2)."""


class InputError(ValueError):
    """The input cannot be read as a table: missing file, no header, an invalid workbook, an ambiguous text column
    (exit code 1)."""


class OutputError(ValueError):
    """The output cannot be written as asked (e.g. more rows than an XLSX sheet holds; exit code 1)."""


def input_format(source: str, explicit: str | None = None) -> str:
    """The input format: ``explicit``, else by extension, else CSV for stdin. Raises :class:`FormatError`."""
    if explicit:
        return explicit
    if source == "-":
        return "csv"
    fmt = _IN_EXT.get(Path(source).suffix.lower())
    if fmt is None:
        raise FormatError(f"cannot tell the format of {source!r} from its extension; pass --input-format "
                          f"({', '.join(INPUT_FORMATS)})")
    return fmt


def output_format(dest: str, explicit: str | None = None) -> str:
    """The output format: ``explicit``, else by the extension of ``dest``, else CSV for stdout."""
    if explicit:
        return explicit
    if dest == "-":
        return "csv"
    fmt = _OUT_EXT.get(Path(dest).suffix.lower())
    if fmt is None:
        raise FormatError(f"cannot tell the output format of {dest!r} from its extension; pass --output-format "
                          f"({', '.join(OUTPUT_FORMATS)})")
    return fmt


# ---- encodings -------------------------------------------------------------------------------------------------
def detect_encoding(head: bytes, complete: bool = False) -> str:
    """The encoding of a text whose first bytes are ``head`` (``complete``: the whole text).

    Raises :class:`FormatError` when the bytes are not text in any encoding (binary, compressed, a workbook).
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\x1f\x8b"):
        raise FormatError("the input is a zip or gzip file, not text; for a workbook use --input-format xlsx, "
                          "otherwise decompress it first")
    if head.count(0) * 10 <= len(head):
        lines = head.split(b"\n")
        lines = lines if complete or len(lines) == 1 else lines[:-1]
        foreign = [line for line in lines if not line.isascii()]
        valid = sum(1 for line in foreign if _is_utf8(line, complete or len(lines) > 1))
        if not foreign or (valid and 2 * valid >= len(foreign)):
            return "utf-8"
    return _guess_encoding(head)


def _is_utf8(data: bytes, whole: bool) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=whole)
        return True
    except UnicodeDecodeError:
        return False


def _guess_encoding(head: bytes) -> str:
    from charset_normalizer import from_bytes
    results = from_bytes(head)
    best = results.best()
    if best is None:
        raise FormatError("the input is not text in any supported encoding (UTF-8, UTF-16, Windows-1251, …): "
                          "binary data? If it is text, name its encoding with --encoding")
    if best.encoding in _CYRILLIC_LOOKALIKES and any(r.encoding == "cp1251" for r in results):
        return "cp1251"
    return best.encoding


def check_encoding(name: str) -> str:
    """The codec name for ``name``; raises :class:`FormatError` for an unknown encoding."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise FormatError(f"unknown encoding {name!r} (e.g. utf-8, utf-16, cp1251)") from None


class _Prefixed(io.RawIOBase):
    """A raw stream that replays ``head`` and then continues with ``rest`` (stdin cannot be rewound)."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head, self._rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if len(self._head):
            n = min(len(b), len(self._head))
            b[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read1(len(b)) if hasattr(self._rest, "read1") else self._rest.read(len(b))
        b[:len(data)] = data
        return len(data)


# ---- readers ---------------------------------------------------------------------------------------------------
Row = tuple[int, list, str]
"""(line number, or sheet row number for XLSX; values in column order; reader message or "")."""


class TableReader:
    """A table read in chunks; :meth:`chunks` yields ``(frame, row_messages)`` pairs.

    ``columns`` is known after the first chunk (JSONL can add keys later; CSV/XLSX writers keep the first
    chunk's). ``problems`` lists the first reader messages, ``problem_count`` counts them all; ``notes`` holds
    warnings such as renamed duplicate columns and skipped blank lines.
    """

    def __init__(self, fmt: str, name: str, text_column: str):
        self.format, self.name, self.text_column = fmt, name, text_column
        self.encoding: str | None = None
        self.columns: list[str] = []
        self.problems: list[str] = []
        self.problem_count = 0
        self.blank_lines = 0
        self.notes: list[str] = []
        self._rows: Iterator[Row] = iter(())
        self._close: Callable[[], None] = lambda: None

    def chunks(self, size: int) -> Iterator[tuple[pd.DataFrame, list[str]]]:
        """Frames of at most ``size`` rows with a RangeIndex that continues across chunks."""
        start = 0
        while True:
            batch = [r for _, r in zip(range(size), self._rows)]
            if not batch:
                return
            width = len(self.columns)
            values = [v if len(v) == width else v + [None] * (width - len(v)) for _, v, _ in batch]
            frame = pd.DataFrame(values, columns=list(self.columns), dtype=object,
                                 index=pd.RangeIndex(start, start + len(batch)))
            unit = "row" if self.format == "xlsx" else "line"
            messages = [f"{unit} {line}: {msg}" if msg else "" for line, _, msg in batch]
            for msg in filter(None, messages):
                self._problem(msg)
            yield frame, messages
            start += len(batch)

    def close(self) -> None:
        self._close()

    def _problem(self, message: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(message)

    def _set_header(self, names: list[Any]) -> None:
        """Name empty header cells ``column_<n>``; refuse a doubled text column; rename other duplicates."""
        names = [str(n) if n is not None and str(n) != "" else f"column_{i + 1}" for i, n in enumerate(names)]
        if names.count(self.text_column) > 1:
            where = ", ".join(str(i + 1) for i, n in enumerate(names) if n == self.text_column)
            raise InputError(f"more than one column is named {self.text_column!r} (columns {where}); rename one")
        seen: set[str] = set()
        for i, n in enumerate(names):
            if n in seen:
                k = 2
                while f"{n}_{k}" in seen or f"{n}_{k}" in names:
                    k += 1
                self.notes.append(f"duplicate column name {n!r} (column {i + 1}) renamed {n}_{k}")
                names[i] = f"{n}_{k}"
            seen.add(names[i])
        self.columns = names


def open_input(source: str, fmt: str, *, text_column: str = "text", encoding: str | None = None) -> TableReader:
    """Open ``source`` (a path, or ``-`` for stdin) as a :class:`TableReader` of format ``fmt``.

    Raises :class:`InputError` (unreadable, empty CSV, invalid workbook, doubled text column) and
    :class:`FormatError` (unknown format or encoding, not text at all).
    """
    if fmt not in INPUT_FORMATS:
        raise FormatError(f"unknown input format {fmt!r}; choose from {', '.join(INPUT_FORMATS)}")
    name = "stdin" if source == "-" else source
    try:
        raw = sys.stdin.buffer if source == "-" else open(source, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from None
    reader = TableReader(fmt, name, "text" if fmt == "text" else text_column)
    try:
        if fmt == "xlsx":
            _open_xlsx(reader, raw)
        else:
            _open_text(reader, raw, encoding)
    except BaseException:
        if raw is not sys.stdin.buffer:
            raw.close()
        raise
    if raw is not sys.stdin.buffer:
        previous = reader._close
        reader._close = lambda: (previous(), raw.close())
    return reader


def _open_text(reader: TableReader, raw: IO[bytes], encoding: str | None) -> None:
    head = raw.read(SNIFF_BYTES)
    if encoding:
        enc = check_encoding(encoding)
        enc = "utf-8-sig" if enc == "utf-8" and head.startswith(codecs.BOM_UTF8) else enc
    else:
        enc = detect_encoding(head, complete=len(head) < SNIFF_BYTES)
    reader.encoding = enc
    stream = io.TextIOWrapper(io.BufferedReader(_Prefixed(head, raw)), encoding=enc, errors=_BAD_BYTES,
                              newline="" if reader.format in ("csv", "tsv") else None)
    if reader.format in ("csv", "tsv"):
        reader._rows = _csv_rows(reader, stream, "," if reader.format == "csv" else "\t")
    elif reader.format == "jsonl":
        reader._rows = _jsonl_rows(reader, stream)
    else:
        reader.columns = ["text"]
        reader._rows = ((i, [line.rstrip("\n")], "") for i, line in enumerate(stream, start=1))


def _csv_rows(reader: TableReader, stream: IO[str], delimiter: str) -> Iterator[Row]:
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    rows = csv.reader(stream, delimiter=delimiter, strict=True)
    header: list[str] = []
    try:
        while not header:
            header = next(rows)
    except StopIteration:
        raise InputError(f"{reader.name} is empty: no header line") from None
    except csv.Error as exc:
        raise InputError(f"the header line of {reader.name} is malformed: {exc}") from None
    reader._set_header(header)
    return _csv_records(reader, rows, len(header))


def _csv_records(reader: TableReader, rows, width: int) -> Iterator[Row]:
    last = rows.line_num
    while True:
        start = last + 1
        try:
            values = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            last = rows.line_num
            span = f" (to line {last})" if last > start else ""
            yield start, [""] * width, f"malformed line{span}: {exc}; not classified"
            continue
        last = rows.line_num
        if not values:
            reader.blank_lines += 1
        elif len(values) != width:
            msg = f"{_fields(len(values))} where the header has {width}; not classified"
            yield start, (values + [""] * width)[:width], msg
        else:
            yield start, values, ""


def _fields(n: int) -> str:
    return f"{n} field" if n == 1 else f"{n} fields"


def _jsonl_rows(reader: TableReader, stream: IO[str]) -> Iterator[Row]:
    index = {c: i for i, c in enumerate(reader.columns)}
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            reader.blank_lines += 1
            continue
        try:
            doubled: list[str] = []
            record = json.loads(line, object_pairs_hook=lambda pairs: _object(pairs, doubled))
        except ValueError as exc:
            why = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield number, [], f"not valid JSON ({why}); not classified"
            continue
        if not isinstance(record, dict):
            yield number, [], f"a JSON object was expected, found {type(record).__name__}; not classified"
            continue
        for key in record:
            if key not in index:
                index[key] = len(reader.columns)
                reader.columns.append(key)
        values: list = [None] * len(reader.columns)
        for key, value in record.items():
            values[index[key]] = value
        msg = f"duplicate keys {', '.join(map(repr, doubled))}; not classified" if doubled else ""
        yield number, values, msg


def _object(pairs: list[tuple[str, Any]], doubled: list[str]) -> dict:
    out: dict = {}
    for k, v in pairs:
        if k in out and k not in doubled:
            doubled.append(k)
        out[k] = v
    return out


def _open_xlsx(reader: TableReader, raw: IO[bytes]) -> None:
    import zipfile

    import openpyxl
    data = raw if raw.seekable() else io.BytesIO(raw.read())
    try:
        book = openpyxl.load_workbook(data, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{reader.name} is not a readable XLSX workbook: {exc}") from None
    reader._close = book.close
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = list(next(rows, ()))
    while header and header[-1] is None:
        header.pop()
    if not header:
        book.close()
        raise InputError(f"the first sheet of {reader.name} is empty: no header row")
    reader._set_header(header)
    reader._rows = _xlsx_records(reader, rows, len(header))


def _xlsx_records(reader: TableReader, rows, width: int) -> Iterator[Row]:
    for number, values in enumerate(rows, start=2):
        values = list(values)
        if all(v is None or v == "" for v in values):
            reader.blank_lines += 1
            continue
        extra = [v for v in values[width:] if v is not None]
        if extra:
            yield number, values[:width], f"{_fields(width + len(extra))} where the header has {width}; not classified"
        else:
            yield number, (values + [None] * width)[:width], ""


# ---- cells -----------------------------------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def guard_formula(value: str) -> str:
    """``value`` with a leading ``'`` if a spreadsheet would read it as a formula (plain numbers excepted)."""
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _scalar(value: Any) -> Any:
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


def _text_cell(value: str, guard: bool) -> str:
    """Undecodable-byte marks → U+FFFD, then the formula guard when ``guard``."""
    if not value.isascii() and _SURROGATE.search(value):
        value = _SURROGATE.sub("\ufffd", value)
    return guard_formula(value) if guard and value[:1] in _FORMULA_START else value


def replace_undecodable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a classified or read ``frame`` whose text cells show undecodable bytes as U+FFFD.

    Reader frames keep such bytes as lone surrogates (so the row can be reported); Arrow-based consumers
    (pandas ``str`` columns, Streamlit tables) cannot hold them. The writers do this themselves.
    """
    out = frame.copy()
    for j in range(out.shape[1]):
        if out.dtypes.iloc[j] == object:
            out.iloc[:, j] = [_text_cell(v, False) if type(v) is str else v for v in out.iloc[:, j].tolist()]
    return out


def _column(series: pd.Series, cell: Callable[[Any], Any]) -> list:
    """A column's cells for a writer: floats as they are (NaN → None), everything else through ``cell``."""
    values = series.tolist()
    if series.dtype.kind == "f":
        return [None if v != v else v for v in values]
    return [cell(v) for v in values]


# ---- writers ---------------------------------------------------------------------------------------------------
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
    def __init__(self, dest: str, guard: bool):
        super().__init__(dest, guard)
        self._text = io.TextIOWrapper(self._raw, encoding="utf-8", newline="", write_through=False)
        self._csv = csv.writer(self._text, lineterminator="\n")
        self._started = False

    def _cell(self, v: Any) -> Any:
        if type(v) is not str:
            v = _scalar(v)
            if not isinstance(v, str):
                return v
        return _text_cell(v, self.guard)

    def _write(self, frame: pd.DataFrame) -> None:
        if not self._started:
            self._csv.writerow([self._cell(h) for h in self.header])
            self._started = True
        self._csv.writerows(zip(*(_column(frame.iloc[:, j], self._cell) for j in range(frame.shape[1]))))

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
        cols = [_text_cell(str(c), False) for c in frame.columns]
        values = zip(*(_column(frame.iloc[:, j], _json_value) for j in range(frame.shape[1])))
        lines = [json.dumps(dict(zip(cols, r)), ensure_ascii=False, default=str) for r in values]
        if lines:
            self._raw.write(("\n".join(lines) + "\n").encode("utf-8"))


def _json_value(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        return json.loads(_text_cell(json.dumps(v, ensure_ascii=False, default=str), False))
    v = _scalar(v)
    if isinstance(v, str):
        return _text_cell(v, False)
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
        v = _scalar(v)
        if isinstance(v, dt.datetime) and v.tzinfo is not None:
            return v.isoformat()
        if not isinstance(v, str):
            return v
        v = _XLSX_ILLEGAL.sub("\ufffd", _text_cell(v, self.guard))
        if len(v) > XLSX_CELL_LIMIT:
            self._cut += 1
            v = v[:XLSX_CELL_LIMIT]
        if v.startswith("="):  # stored as text, never as a formula
            cell = self._cell(self._sheet, value=v)
            cell.data_type = "s"
            return cell
        return v

    def _write(self, frame: pd.DataFrame) -> None:
        if not self._started:
            self._sheet.append([self._value(h) for h in self.header])
            self._started = True
        if self.rows + len(frame) >= XLSX_MAX_ROWS:
            raise OutputError(f"an XLSX sheet holds at most {XLSX_MAX_ROWS - 1:,} rows under its header; "
                              "write CSV or JSONL instead")
        for r in zip(*(_column(frame.iloc[:, j], self._value) for j in range(frame.shape[1]))):
            self._sheet.append(list(r))

    def _finish(self) -> None:
        if not self._started and self.header is not None:
            self._sheet.append([self._value(h) for h in self.header])
        if self._cut:
            self.warnings.append(f"{self._cut} cells were longer than the {XLSX_CELL_LIMIT:,} characters an XLSX "
                                 "cell holds and were cut (write CSV or JSONL to keep them whole)")
        if self._raw is sys.stdout.buffer:
            with tempfile.TemporaryFile() as tmp:  # a zip is written with seeks; stdout may be a pipe
                self._book.save(tmp)
                tmp.seek(0)
                while block := tmp.read(1 << 20):
                    self._raw.write(block)
        else:
            self._book.save(self._raw)


def open_output(dest: str, fmt: str, *, formula_guard: bool = True) -> TableWriter:
    """A :class:`TableWriter` for ``dest`` (a path, or ``-`` for stdout) in ``fmt`` (csv, jsonl, xlsx).

    Raises :class:`FormatError` for an unknown format and :class:`OutputError` if the file cannot be created.
    """
    writers = {"csv": _CsvWriter, "jsonl": _JsonlWriter, "xlsx": _XlsxWriter}
    if fmt not in writers:
        raise FormatError(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    return writers[fmt](dest, formula_guard)


# ---- report ----------------------------------------------------------------------------------------------------
def report_kind(path: str) -> str:
    """``.html`` or ``.png`` from the report's extension (``.htm`` counts as HTML); else :class:`FormatError`."""
    kind = Path(path).suffix.lower()
    if kind not in (".html", ".htm", ".png"):
        raise FormatError(f"the report must be .html or .png, not {path!r}")
    return ".png" if kind == ".png" else ".html"


def write_report(summary, path: str, *, source: str) -> None:
    """Counts per article and part, and (with a date column) articles over time, as ``.html`` or ``.png``.

    ``summary`` is a :class:`classifier.batch.Summary`. Every text in the HTML is escaped; the charts are
    embedded PNGs. Raises :class:`FormatError` for another extension, :class:`OutputError` if it cannot write.
    """
    kind = report_kind(path)
    articles = summary.article_counts()
    parts = dict(sorted(summary.parts.items()))
    trend = _trend(summary)
    png = _charts(articles, parts, trend, summary.date_column)
    try:
        if kind == ".png":
            Path(path).write_bytes(png)
        else:
            Path(path).write_text(_report_html(summary, articles, parts, trend, png, source), encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _trend(summary) -> pd.DataFrame | None:
    """Articles (columns) per day, or per month when the days span more than three months."""
    if not summary.by_day:
        return None
    s = pd.Series(summary.by_day)
    table = s.unstack(fill_value=0).sort_index()
    table = table[[c for c in summary.article_counts() if c in table.columns]]
    table.index = pd.to_datetime(table.index)
    if (table.index.max() - table.index.min()).days > 92:
        table = table.groupby(table.index.to_period("M")).sum()
        table.index = table.index.astype(str)
    else:
        table.index = table.index.strftime("%Y-%m-%d")
    return table


def _charts(articles: dict, parts: dict, trend: pd.DataFrame | None, date_column: str | None) -> bytes:
    from matplotlib.figure import Figure
    fig = Figure(figsize=(10, 9 if trend is not None else 6), layout="constrained")
    axes = fig.subplots(3 if trend is not None else 2, 1)
    for ax, counts, title in ((axes[0], articles, "Rows per article"), (axes[1], parts, "Rows per part")):
        ax.bar(list(counts), list(counts.values()), color="#4c72b0")
        ax.set_title(title)
        ax.tick_params(axis="x", labelrotation=45)
    if trend is not None:
        for col in trend.columns:
            axes[2].plot(list(trend.index), trend[col].tolist(), marker="o", label=str(col))
        axes[2].set_title(f"Rows per article over time ({date_column})")
        axes[2].tick_params(axis="x", labelrotation=45)
        axes[2].legend(fontsize="small", ncols=4)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()


def _html_table(rows: list[list[Any]], header: list[Any]) -> str:
    esc = lambda v: html.escape(str(v))  # noqa: E731
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _report_html(summary, articles, parts, trend, png: bytes, source: str) -> str:
    esc = html.escape
    sections = [
        f"<h1>Classification report</h1><p>Input: {esc(source)}. Rows: {summary.rows}; "
        f"rows with an error: {summary.errors}.</p>",
        "<h2>Rows per article</h2>" + _html_table([[k, v] for k, v in articles.items()], ["article", "rows"]),
        "<h2>Rows per part</h2>" + _html_table([[k, v] for k, v in parts.items()], ["part", "rows"]),
    ]
    if trend is not None:
        rows = [[i, *trend.loc[i].tolist()] for i in trend.index]
        sections.append(f"<h2>Rows per article over time ({esc(str(summary.date_column))})</h2>"
                        + _html_table(rows, ["period", *trend.columns]))
        if summary.undated:
            sections.append(f"<p>{summary.undated} classified rows had no readable date.</p>")
    elif summary.date_column is not None:
        sections.append(f"<p>No readable dates in column {esc(str(summary.date_column))}.</p>")
    sections.append(f'<img alt="charts" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">')
    style = "table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px;text-align:right}"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Classification report</title>'
            f"<style>{style}</style></head><body>{''.join(sections)}</body></html>\n")
