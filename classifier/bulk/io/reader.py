"""Streaming readers: CSV, TSV, JSONL, XLSX and plain text as DataFrame chunks, every row kept with its message.

Text input whose last line has no line end is read whole and warned about: a file cut short (a copy that stopped,
a full disk) ends that way, and its last record may be incomplete."""
from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any

import pandas as pd

from i18n import Text, figure

from .encoding import BAD_BYTES, SNIFF_BYTES, SURE, Prefixed, check_encoding, detect_encoding
from .formats import INPUT_FORMATS, FormatError, InputError
from .reasons import csv_reason, json_reason
from .workbook import Sheet

FIELD_LIMIT = 16 * 1024 * 1024
"""Largest CSV/TSV field read, in characters; a longer one (e.g. an unclosed quote) is a malformed line."""
MAX_LISTED = 20
"""Reader problems listed one by one; the rest are counted."""

Row = tuple[int, list, "Text | str"]
"""(line number, or sheet row number for XLSX; values in column order; reader message or "")."""


class TableReader:
    """A table read in chunks; :meth:`chunks` yields ``(frame, row_messages)`` pairs.

    ``columns`` is known after the first chunk (JSONL can add keys later; CSV/XLSX writers keep the first
    chunk's). ``problems`` lists the first reader messages, ``problem_count`` counts them all; ``notes`` holds
    warnings such as renamed duplicate columns and skipped blank lines. Messages, problems and notes are
    :class:`~i18n.Text` (English as ``str``, any language with ``.text(lang)``).
    """

    def __init__(self, fmt: str, name: str, text_column: str):
        self.format, self.name, self.text_column = fmt, name, text_column
        self.encoding: str | None = None
        self.columns: list[str] = []
        self.problems: list[Text] = []
        self.problem_count = 0
        self.blank_lines = 0
        self.notes: list[Text] = []
        self._rows: Iterator[Row] = iter(())
        self._close: Callable[[], None] = lambda: None

    def chunks(self, size: int) -> Iterator[tuple[pd.DataFrame, list[Text | str]]]:
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
            xlsx = self.format == "xlsx"
            messages = [Text("bulk.at_row" if xlsx else "bulk.at_line", line=line, msg=msg) if msg else ""
                        for line, _, msg in batch]
            for msg in filter(None, messages):
                self._problem(msg)
            yield frame, messages
            start += len(batch)

    def close(self) -> None:
        self._close()

    def _problem(self, message: Text) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(message)

    def _set_header(self, names: list[Any]) -> None:
        """Name empty header cells ``column_<n>``; refuse a doubled text column; rename other duplicates."""
        names = [str(n) if n is not None and str(n) != "" else f"column_{i + 1}" for i, n in enumerate(names)]
        if names.count(self.text_column) > 1:
            where = ", ".join(str(i + 1) for i, n in enumerate(names) if n == self.text_column)
            raise InputError(Text("bulk.doubled_column", column=repr(self.text_column), where=where))
        seen: set[str] = set()
        for i, n in enumerate(names):
            if n in seen:
                k = 2
                while f"{n}_{k}" in seen or f"{n}_{k}" in names:
                    k += 1
                self.notes.append(Text("bulk.renamed", name=repr(n), i=i + 1, new=f"{n}_{k}"))
                names[i] = f"{n}_{k}"
            seen.add(names[i])
        self.columns = names


def row_reason(message: Text | str) -> Text | str:
    """A row message of :meth:`TableReader.chunks` without the line or row number it starts with: the reason alone,
    by which rows can be counted (``line 3: …`` and ``line 5: …`` may be one reason)."""
    if isinstance(message, Text) and message.key in ("bulk.at_line", "bulk.at_row"):
        return message.params["msg"]
    return message


def open_input(source: str, fmt: str, *, text_column: str = "text", encoding: str | None = None,
               name: str | None = None) -> TableReader:
    """Open ``source`` (a path, or ``-`` for stdin) as a :class:`TableReader` of format ``fmt``; its messages call
    it ``name`` (default: the path, or "stdin"; the app gives an upload's own name, not the copy it reads).

    Raises :class:`InputError` (unreadable, empty CSV, invalid workbook, doubled text column) and
    :class:`FormatError` (unknown format or encoding, not text at all).
    """
    if fmt not in INPUT_FORMATS:
        raise FormatError(Text("bulk.unknown_input_format", fmt=repr(fmt), choices=", ".join(INPUT_FORMATS)))
    name = name or ("stdin" if source == "-" else source)
    try:
        raw = sys.stdin.buffer if source == "-" else open(source, "rb")
    except OSError as exc:
        raise InputError(Text("bulk.cannot_read", source=name, why=exc.strerror or str(exc))) from None
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
        if enc not in SURE:  # a reader whose letters look wrong should know the encoding was a guess
            reader.notes.append(Text("bulk.guessed_encoding", encoding=enc))
    reader.encoding = enc
    stream = _lines_checked(reader, io.TextIOWrapper(io.BufferedReader(Prefixed(head, raw)), encoding=enc,
                                                     errors=BAD_BYTES,
                                                     newline="" if reader.format in ("csv", "tsv") else None))
    if reader.format in ("csv", "tsv"):
        reader._rows = _csv_rows(reader, stream, "," if reader.format == "csv" else "\t")
    elif reader.format == "jsonl":
        reader._rows = _jsonl_rows(reader, stream)
    else:
        reader.columns = ["text"]
        reader._rows = ((i, [line.rstrip("\n")], "") for i, line in enumerate(stream, start=1))


def _lines_checked(reader: TableReader, stream: IO[str]) -> Iterator[str]:
    """The lines of ``stream``; after the last one, a note if it has no line end (the file may be cut short)."""
    number, line = 0, ""
    for number, line in enumerate(stream, start=1):
        yield line
    if line and line[-1] not in "\r\n":
        reader.notes.append(Text("bulk.no_line_end", line=number))


def _csv_rows(reader: TableReader, stream: Iterator[str], delimiter: str) -> Iterator[Row]:
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    rows = csv.reader(stream, delimiter=delimiter, strict=True)
    header: list[str] = []
    try:
        while not header:
            header = next(rows)
    except StopIteration:
        raise InputError(Text("bulk.empty_input", name=reader.name)) from None
    except csv.Error as exc:
        raise InputError(Text("bulk.bad_header", name=reader.name, why=csv_reason(exc))) from None
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
            why = csv_reason(exc)
            yield start, [""] * width, (Text("bulk.malformed_to", last=last, why=why) if last > start
                                        else Text("bulk.malformed", why=why))
            continue
        last = rows.line_num
        if not values:
            reader.blank_lines += 1
        elif len(values) != width:
            yield start, (values + [""] * width)[:width], _wrong_width(len(values), width)
        else:
            yield start, values, ""


def _wrong_width(n: int, width: int) -> Text:
    """A record of ``n`` fields under a header of ``width`` (never classified: its fields may be shifted)."""
    return Text("bulk.wrong_width_one" if n == 1 else "bulk.wrong_width", n=figure(n), width=figure(width))


def _jsonl_rows(reader: TableReader, stream: Iterator[str]) -> Iterator[Row]:
    index = {c: i for i, c in enumerate(reader.columns)}
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            reader.blank_lines += 1
            continue
        try:
            doubled: list[str] = []
            record = json.loads(line, object_pairs_hook=lambda pairs: _object(pairs, doubled))
        except ValueError as exc:
            yield number, [], (Text("bulk.not_json_at", why=json_reason(exc.msg), col=exc.colno)
                               if isinstance(exc, json.JSONDecodeError) else Text("bulk.not_json", why=str(exc)))
            continue
        if not isinstance(record, dict):
            yield number, [], Text("bulk.not_object", kind=type(record).__name__)
            continue
        for key in record:
            if key not in index:
                index[key] = len(reader.columns)
                reader.columns.append(key)
        values: list = [None] * len(reader.columns)
        for key, value in record.items():
            values[index[key]] = value
        yield number, values, Text("bulk.duplicate_keys", keys=", ".join(map(repr, doubled))) if doubled else ""


def _object(pairs: list[tuple[str, Any]], doubled: list[str]) -> dict:
    out: dict = {}
    for k, v in pairs:
        if k in out and k not in doubled:
            doubled.append(k)
        out[k] = v
    return out


UNSAVED_FORMULA = Text("bulk.unsaved_formula")


def _open_xlsx(reader: TableReader, raw: IO[bytes]) -> None:
    sheet = Sheet(raw, reader.name)
    reader._close = sheet.close
    if sheet.other_sheets:
        n = len(sheet.other_sheets) + 1
        reader.notes.append(Text("bulk.other_sheets", n=n, title=repr(sheet.title),
                                 others=", ".join(map(repr, sheet.other_sheets))))
    rows = sheet.rows()
    header = list(next(rows, ((), []))[0])
    while header and header[-1] is None:
        header.pop()
    if not header:
        sheet.close()
        raise InputError(Text("bulk.empty_sheet", name=reader.name))
    reader._set_header(header)
    reader._rows = _xlsx_records(reader, rows, len(header))


def _xlsx_records(reader: TableReader, rows, width: int) -> Iterator[Row]:
    text = reader.columns.index(reader.text_column) if reader.text_column in reader.columns else -1
    unsaved: dict[str, int] = {}
    for number, (values, formulas) in enumerate(rows, start=2):
        values = list(values)
        for i in formulas:
            if i != text and i < width:
                unsaved[reader.columns[i]] = unsaved.get(reader.columns[i], 0) + 1
        if all(v is None or v == "" for v in values) and not formulas:
            reader.blank_lines += 1
            continue
        extra = [v for v in values[width:] if v is not None]
        if extra:
            yield number, values[:width], _wrong_width(width + len(extra), width)
        else:
            yield number, (values + [None] * width)[:width], UNSAVED_FORMULA if text in formulas else ""
    if unsaved:
        n = sum(unsaved.values())
        columns = ", ".join(unsaved)
        reader.notes.append(Text("bulk.unsaved_other", n=figure(n), columns=columns) if n == 1 else
                            Text("bulk.unsaved_others" if len(unsaved) == 1 else "bulk.unsaved_others_in",
                                 n=figure(n), columns=columns))
