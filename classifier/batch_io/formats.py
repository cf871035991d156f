"""Input and output formats by name or file extension, and the errors the readers and writers raise."""
from __future__ import annotations

from pathlib import Path

INPUT_FORMATS = ("csv", "tsv", "jsonl", "xlsx", "text")
OUTPUT_FORMATS = ("csv", "jsonl", "xlsx")
_IN_EXT = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx",
           ".txt": "text", ".log": "text"}
_OUT_EXT = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}


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
