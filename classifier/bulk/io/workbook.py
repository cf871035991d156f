"""The first sheet of an XLSX workbook, read as saved: its values, which formula cells have no saved value, and
the names of the sheets that are not read.

A workbook stores each formula beside the value it last computed; openpyxl reads that saved value. A workbook
written by a program that does not compute formulas (openpyxl itself, many exporters) has none, and such a cell
reads as empty. So when the sheet holds formulas at all (a scan of its XML), it is read a second time with the
formulas, in step with the values, and every cell that is empty only for want of a saved value is named.
"""
from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from typing import IO

from i18n import Text

from .formats import InputError

_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,30}:)?f[\s>/]")
"""A formula element in sheet XML, with or without a namespace prefix (``<f>``, ``<f t="shared" .../>``, ``<x:f>``)."""
_BLOCK = 1 << 20


class Sheet:
    """The first sheet of the workbook in ``raw`` (buffered first when it cannot seek, as a zip needs seeking).

    :meth:`rows` yields ``(values, unsaved)`` per sheet row: the saved values, and the column indexes of formula
    cells with no saved value. ``other_sheets`` names the sheets not read. Raises :class:`InputError` when the
    bytes are not a readable workbook.
    """

    def __init__(self, raw: IO[bytes], name: str):
        import openpyxl
        self._data = raw if raw.seekable() else io.BytesIO(raw.read())
        try:
            self._book = openpyxl.load_workbook(self._data, read_only=True, data_only=True)
            first = self._book.worksheets[0]
            self.title = first.title
            self.other_sheets = self._book.sheetnames[1:]
            self._formulas = (openpyxl.load_workbook(self._data, read_only=True, data_only=False).worksheets[0]
                              if self._has_formulas(getattr(first, "_worksheet_path", None)) else None)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as exc:
            self.close()
            raise InputError(Text("bulk.not_workbook", name=name, why=str(exc))) from None

    def _has_formulas(self, path: str | None) -> bool:
        """Whether the sheet's XML (or, without its path, any sheet's) has a formula element; read in blocks."""
        with zipfile.ZipFile(self._data) as archive:
            names = [path.lstrip("/")] if path else [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
            for member in names:
                with archive.open(member) as xml:
                    tail = b""
                    while block := xml.read(_BLOCK):
                        if _FORMULA_TAG.search(tail + block):
                            return True
                        tail = block[-40:]
        return False

    def rows(self) -> Iterator[tuple[tuple, list[int]]]:
        values = self._book.worksheets[0].iter_rows(values_only=True)
        if self._formulas is None:
            for row in values:
                yield row, []
            return
        for row, formulas in itertools.zip_longest(values, self._formulas.iter_rows(values_only=True), fillvalue=()):
            yield row, [i for i, (v, f) in enumerate(zip(row, formulas)) if v is None and f is not None]

    def close(self) -> None:
        for book in (getattr(self, "_book", None), getattr(getattr(self, "_formulas", None), "parent", None)):
            if book is not None:
                book.close()
