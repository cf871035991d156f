"""Where a classified table goes: stdout, a regular file replaced whole when complete, or a special file.

A regular file (or the file a symlink points to) is written to a temporary file of its own beside it,
``NAME.<random>.part``, created exclusively, and renamed onto it only when complete. So a failed, interrupted or
killed run leaves the old file as it was, and two runs writing the same output never share a temporary file: the
one that finishes last replaces the output with its own whole table. A symlink is written through (its target is
replaced, the link stays); the new file keeps the permissions of the file it replaces. A device, FIFO or socket is
written in place and never renamed over (``-o /dev/null`` as root must not replace the machine's null device);
a folder is refused.
"""
from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import IO

from i18n import Text

from .formats import OutputError

_TRIES = 8
"""Random temporary names tried before giving up (a clash of 32 random bits is already unlikely)."""


class Destination:
    """An open output: ``raw`` takes the bytes, :meth:`commit` puts them in place, :meth:`discard` drops them.

    ``temp`` is the temporary file while one is being written (None for stdout and special files, which are
    written in place). Raises :class:`OutputError` when the output cannot be opened.
    """

    def __init__(self, dest: str):
        self.name = dest
        self.temp: Path | None = None
        self._target: Path | None = None
        try:
            self.raw: IO[bytes] = sys.stdout.buffer if dest == "-" else self._open(dest)
        except OSError as exc:
            raise OutputError(Text("bulk.cannot_write", dest=dest, why=exc.strerror or str(exc))) from None

    def _open(self, dest: str) -> IO[bytes]:
        try:
            st = os.stat(dest)  # follows symlinks: the kind of file that would be written
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError(Text("bulk.is_folder", dest=dest))
        if st is not None and not stat.S_ISREG(st.st_mode):
            return open(dest, "wb")  # a device, FIFO or socket: written in place
        target = Path(os.path.realpath(dest))
        for _ in range(_TRIES):
            temp = target.with_name(f"{target.name}.{secrets.token_hex(4)}.part")
            try:
                raw = open(temp, "xb")
            except FileExistsError:
                continue
            self.temp, self._target = temp, target
            if st is not None:
                with contextlib.suppress(OSError):
                    os.chmod(temp, stat.S_IMODE(st.st_mode))
            return raw
        raise OutputError(Text("bulk.no_temp_name", dest=dest))

    @property
    def stdout(self) -> bool:
        return self.raw is sys.stdout.buffer

    def commit(self) -> None:
        """Flush, close and (for a regular file) rename the temporary file onto the target. Raises ``OSError``."""
        if self.stdout:
            self.raw.flush()
            return
        self.raw.close()
        if self.temp is not None:
            os.replace(self.temp, self._target)
            self.temp = None

    def discard(self) -> None:
        """Close without putting anything in place, and remove the temporary file. Never raises: it runs while
        another error is on its way (a full disk makes the close fail too)."""
        if not self.stdout:
            with contextlib.suppress(OSError, ValueError):
                self.raw.close()
        if self.temp is not None:
            with contextlib.suppress(OSError):
                self.temp.unlink(missing_ok=True)
            self.temp = None
