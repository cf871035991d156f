"""Bulk output that is never lost or corrupted (issue 13), one fixture per failure mode.

Two runs writing the same output; a bare carriage return (and a NUL) in a cell; an output that is a symlink, a
FIFO, a device or a folder; a disk that fills up, at the end or while writing, in this process and in a real
process under a file size limit: an ``Error:`` line, never a traceback, and nothing left behind.
"""
import csv
import errno
import gc
import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from classifier.bulk import io as batch_io
from classifier.bulk.io import destination

FIXTURES = Path(__file__).parent / "batch_fixtures"
ROOT = Path(__file__).resolve().parents[2]


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---- 1. two runs with the same -o ------------------------------------------------------------------------------------
def test_two_writers_of_one_output_never_mix(tmp_path):
    """Each writer has its own temporary file; the one that finishes last replaces the output whole."""
    dest = str(tmp_path / "out.csv")
    a = pd.DataFrame({"run": ["a"] * 4000, "text": ["x" * 60] * 4000})
    b = pd.DataFrame({"run": ["b"] * 3000, "text": ["y" * 60] * 3000})
    first = batch_io.open_output(dest, "csv")
    first.write(a)
    second = batch_io.open_output(dest, "csv")
    second.write(b)
    first.write(a)
    first.close()
    assert pd.read_csv(dest).run.tolist() == ["a"] * 8000
    second.close()
    data = Path(dest).read_bytes()
    assert b"\x00" not in data and pd.read_csv(io.BytesIO(data)).run.tolist() == ["b"] * 3000
    assert files_in(tmp_path) == ["out.csv"]


def test_a_replaced_output_keeps_its_permissions(model, tmp_path, classify):
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    assert classify(FIXTURES / "incidents.txt", "-o", out)[0] == 3
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and len(pd.read_csv(out)) == 4


# ---- 2. a bare carriage return, a formula after a line break, a NUL --------------------------------------------------
def test_a_bare_carriage_return_is_quoted_and_lines_inside_a_cell_are_guarded(model, tmp_path, classify):
    out = tmp_path / "out.csv"
    code, err = classify(FIXTURES / "bare_cr.csv", "-o", out)
    assert code == 0, err
    data = out.read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == 3 and len(pd.read_csv(out, dtype=str, keep_default_na=False)) == 2
    assert rows[1][1] == "hacked my mail\r'=cmd|' /C calc'!A0"
    assert rows[2][2] == "first line\r'@SUM(A1)\r\n-5"  # a plain number on its own line is left alone
    assert b"\x00" not in data and rows[1][2] == "a\ufffdb"
    assert "1 cell held NUL characters" in err


def test_without_the_guard_cells_are_kept_as_they_are_but_still_quoted(model, tmp_path, classify):
    out = tmp_path / "out.csv"
    classify(FIXTURES / "bare_cr.csv", "-o", out, "--no-formula-guard")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8"), newline="")))
    assert rows[1][1] == "hacked my mail\r=cmd|' /C calc'!A0" and rows[2][2] == "first line\r@SUM(A1)\r\n-5"


# ---- 3. -o onto a symlink, a FIFO, a device or a folder --------------------------------------------------------------
def test_a_symlinked_output_keeps_its_link(model, tmp_path, classify):
    target, link = tmp_path / "real.csv", tmp_path / "link.csv"
    target.write_text("old\n")
    link.symlink_to(target)
    code, err = classify(FIXTURES / "incidents.txt", "-o", link)
    assert code == 3, err
    assert link.is_symlink() and len(pd.read_csv(target)) == 4
    assert files_in(tmp_path) == ["link.csv", "real.csv"]


def test_a_fifo_output_is_written_through(model, tmp_path, classify):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the reading end, whatever happens to the name
    try:
        code, err = classify(FIXTURES / "incidents.txt", "-o", fifo)
        try:
            data = os.read(reader, 1 << 20)
        except BlockingIOError:
            data = b""
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert code == 3 and len(pd.read_csv(io.BytesIO(data))) == 4
    assert files_in(tmp_path) == ["out.csv"]


def test_a_device_output_is_written_through(model, tmp_path, classify):
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a null device of our own, never /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs CAP_MKNOD")
    for fmt in ("csv", "xlsx"):
        code, err = classify(FIXTURES / "incidents.txt", "-o", node, "--output-format", fmt)
        assert code == 3, err
        assert stat.S_ISCHR(os.stat(node).st_mode), "the device was replaced by a regular file"
    assert files_in(tmp_path) == ["null"]


def test_a_folder_output_is_an_error_line(model, tmp_path, classify):
    (tmp_path / "dir.csv").mkdir()
    code, err = classify(FIXTURES / "incidents.txt", "-o", tmp_path / "dir.csv")
    assert code == 1 and err.count("Error:") == 1 and "is a folder" in err


# ---- 6. a full disk: an Error: line, nothing left behind, no "Exception ignored" -------------------------------------
class _FillingDisk(io.RawIOBase):
    """A file on a disk that is full after ``room`` bytes (writes past it fail with ENOSPC)."""

    def __init__(self, path, mode: str, room: int):
        self._file, self._room = io.FileIO(path, mode.replace("b", "")), room

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        if len(b) > self._room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(b)
        return self._file.write(b)

    def close(self) -> None:
        self._file.close()
        super().close()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
@pytest.mark.parametrize("short_by", [1, 100_000], ids=["full-at-close", "full-while-writing"])
def test_a_full_disk_is_an_error_line_and_leaves_nothing(model, tmp_path, incidents, classify, monkeypatch, fmt,
                                                         short_by):
    src = incidents(3000)
    classify(src, "-o", tmp_path / f"whole.{fmt}")
    room = max(0, (tmp_path / f"whole.{fmt}").stat().st_size - short_by)
    (tmp_path / f"whole.{fmt}").unlink()
    monkeypatch.setattr(destination, "open", lambda path, mode: io.BufferedWriter(_FillingDisk(path, mode, room)),
                        raising=False)
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    code, err = classify(src, "-o", tmp_path / f"out.{fmt}")
    gc.collect()
    assert files_in(tmp_path) == ["in.csv"]
    assert unraisable == [], "an 'Exception ignored' traceback"
    assert code == 1 and err.strip() == f"Error: cannot write {tmp_path / f'out.{fmt}'}: No space left on device"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_file_size_limit_in_a_real_process_is_an_error_line(model, tmp_path, incidents, fmt):
    """RLIMIT_FSIZE makes every write past the limit fail, the XLSX writer's own temporary sheet included."""
    src = incidents(3000)
    limit = 300_000 if fmt == "csv" else 100_000
    code = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); from classifier.cli import main; "
            f"sys.exit(main(['classify', {str(src)!r}, '-o', {str(tmp_path / f'out.{fmt}')!r}]))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "TMPDIR": str(tmp_path)})
    assert files_in(tmp_path) == ["in.csv"]
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1 and proc.stderr.startswith("Error: cannot write") and proc.stderr.count("\n") == 1
