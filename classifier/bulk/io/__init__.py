"""Readers and writers for batch classification: CSV, TSV, JSONL, XLSX and plain text, files or stdin/stdout.

Readers stream a table as DataFrame chunks of object columns (bounded memory on any file size; XLSX is read with
openpyxl's read-only mode, and from stdin it is buffered first, as a zip needs seeking). Each chunk comes with one
reader message per row: a malformed CSV line, invalid JSON or an XLSX row wider than its header is kept as a row
with that message (and its line number) rather than dropped, and so is an XLSX row whose text cell is a formula
with no saved value. Blank lines of CSV, TSV and JSONL are not records and are skipped (counted); in plain text
every line is an incident, blank ones included. Notes warn of sheets not read, other formula cells with no saved
value, and text input whose last line has no line end (cut short?).

Encodings: a BOM decides (UTF-8, UTF-16, UTF-32); otherwise UTF-8 when the first 64 KiB are mostly valid UTF-8,
else charset-normalizer's guess (Windows-1251 preferred over its Cyrillic look-alikes; a note says it was a guess);
``encoding=`` overrides.
Bytes that do not decode become lone surrogates U+DC00–U+DCFF, which :mod:`classifier.bulk` reports as an
error on that row; writers replace them with U+FFFD, so every output is valid UTF-8.

Writers (CSV, JSONL, XLSX) write a file through a temporary file of their own (``NAME.<random>.part``) renamed
onto it when complete, a device or FIFO in place, or stdout; a symlink is written through. CSV and XLSX output
neutralise spreadsheet formulas: a text cell, or a line inside it, starting with ``=``, ``+``, ``-``, ``@``, tab
or carriage return gets a leading ``'`` (plain numbers such as ``-12.5`` are left alone); ``formula_guard=False``
turns this off. CSV quotes a cell with a carriage return as one with a line feed and writes NUL as U+FFFD. XLSX
cells are always stored as text, never as formulas; XLSX cannot hold control characters (they become U+FFFD) or
more than 32,767 characters in a cell (longer cells are cut, with a warning).

Messages: every error, note, row message and warning is an :class:`i18n.Text` from the catalogue (``bulk.*``):
``str()`` gives the English the CLI prints, ``.text("az")`` (``exc.message("az")`` for an error) the Azerbaijani
the app shows; the parsers' own English reasons are matched to catalogue entries by :mod:`.reasons`.

Modules: :mod:`.formats` (format names, errors), :mod:`.encoding`, :mod:`.reader` (with :mod:`.workbook` for
XLSX and :mod:`.reasons`), :mod:`.cells` (formula guard), :mod:`.writer` (with :mod:`.destination`: where the
bytes go) and :mod:`.report`; this package re-exports what callers use.
"""
from .cells import guard_formula, replace_undecodable
from .encoding import check_encoding, detect_encoding
from .formats import (INPUT_FORMATS, OUTPUT_FORMATS, FormatError, InputError, OutputError, input_format,
                      output_format)
from .reader import TableReader, open_input, row_reason
from .report import report_kind, write_report
from .writer import XLSX_CELL_LIMIT, XLSX_MAX_ROWS, TableWriter, open_output

__all__ = ["INPUT_FORMATS", "OUTPUT_FORMATS", "XLSX_CELL_LIMIT", "XLSX_MAX_ROWS", "FormatError", "InputError",
           "OutputError", "TableReader", "TableWriter", "check_encoding", "detect_encoding", "guard_formula",
           "input_format", "open_input", "open_output", "output_format", "replace_undecodable", "report_kind",
           "row_reason", "write_report"]
