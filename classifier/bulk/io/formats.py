"""Input and output formats by name or file extension, and the errors the readers and writers raise.

Every error and warning of this package is a :class:`~i18n.Text` (``bulk.*`` in the catalogue): English where it
is printed as a ``str`` (the CLI), in the page's language where the app renders it (``exc.message(lang)``,
:func:`i18n.localised`)."""
from __future__ import annotations

from pathlib import Path

from i18n import LocalisedError, Text

INPUT_FORMATS = ("csv", "tsv", "jsonl", "xlsx", "text")
OUTPUT_FORMATS = ("csv", "jsonl", "xlsx")
_IN_EXT = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx",
           ".txt": "text", ".log": "text"}
_OUT_EXT = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}


class FormatError(LocalisedError, ValueError):
    """The format, extension or encoding asked for is unknown, or the input is not text in any encoding
    (a usage problem: exit code 2)."""


class InputError(LocalisedError, ValueError):
    """The input cannot be read as a table: missing file, no header, an invalid workbook, an ambiguous text column
    (exit code 1)."""


class OutputError(LocalisedError, ValueError):
    """The output cannot be written as asked (e.g. more rows than an XLSX sheet holds; exit code 1)."""


def input_format(source: str, explicit: str | None = None) -> str:
    """The input format: ``explicit``, else by extension, else CSV for stdin. Raises :class:`FormatError`."""
    return _format(source, explicit, _IN_EXT, "input")


def output_format(dest: str, explicit: str | None = None) -> str:
    """The output format: ``explicit``, else by the extension of ``dest``, else CSV for stdout.
    Raises :class:`FormatError`."""
    return _format(dest, explicit, _OUT_EXT, "output")


def _format(path: str, explicit: str | None, extensions: dict[str, str], side: str) -> str:
    if explicit:
        return explicit
    if path == "-":
        return "csv"
    fmt = extensions.get(Path(path).suffix.lower())
    if fmt is None:
        choices = ", ".join(INPUT_FORMATS if side == "input" else OUTPUT_FORMATS)
        raise FormatError(Text("bulk.no_input_format" if side == "input" else "bulk.no_output_format",
                               path=repr(path), choices=choices))
    return fmt
