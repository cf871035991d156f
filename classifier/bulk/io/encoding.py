"""Encodings of text input: BOMs, UTF-8 when it decodes, else charset-normalizer's guess; bad bytes marked.

Bytes that do not decode become lone surrogates U+DC00–U+DCFF (the error handler registered here), so the row
that holds them can be reported instead of the whole file failing."""
from __future__ import annotations

import codecs
import io
from typing import IO

from i18n import Text

from .formats import FormatError

SNIFF_BYTES = 64 * 1024
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CYRILLIC_LOOKALIKES = {"mac_cyrillic", "koi8_r", "koi8_u", "iso8859_5", "cp866", "cp855", "cp1125", "kz1048",
                        "ptcp154"}
BAD_BYTES = "classifier-batch-mark"
SURE = frozenset({"utf-8", "utf-8-sig", "utf-16", "utf-32"})
"""What :func:`detect_encoding` is sure of (a BOM, or bytes that are valid UTF-8); any other is a guess."""


def _mark_bad_bytes(exc: UnicodeDecodeError) -> tuple[str, int]:
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(BAD_BYTES, _mark_bad_bytes)


def detect_encoding(head: bytes, complete: bool = False) -> str:
    """The encoding of a text whose first bytes are ``head`` (``complete``: the whole text).

    Raises :class:`FormatError` when the bytes are not text in any encoding (binary, compressed, a workbook).
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\x1f\x8b"):
        raise FormatError(Text("bulk.zip"))
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
        raise FormatError(Text("bulk.not_text"))
    if best.encoding in _CYRILLIC_LOOKALIKES and any(r.encoding == "cp1251" for r in results):
        return "cp1251"
    return best.encoding


def check_encoding(name: str) -> str:
    """The codec name for ``name``; raises :class:`FormatError` for an unknown encoding."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise FormatError(Text("bulk.unknown_encoding", name=repr(name))) from None


class Prefixed(io.RawIOBase):
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
