"""Fixtures of the bulk-classification tests: the command run in this process, and files of ordinary incidents."""
import runpy
from pathlib import Path

import pandas as pd
import pytest

from classifier.cli import main

FIXTURES = Path(__file__).parent / "batch_fixtures"
MAILBOX = runpy.run_path(str(FIXTURES / "make_fixtures.py"))["MAILBOX"]


@pytest.fixture
def classify(capsys):
    """``python -m classifier classify ARGS`` in this process: returns (exit code, stderr)."""
    def run(*args):
        code = main(["classify", *map(str, args)])
        return code, capsys.readouterr().err
    return run


@pytest.fixture
def incidents(tmp_path):
    """A CSV of ``n`` ordinary incidents in ``tmp_path`` (``in.csv``)."""
    def write(n: int) -> Path:
        path = tmp_path / "in.csv"
        pd.DataFrame({"id": range(n), "text": [f"{MAILBOX} Case {i}." for i in range(n)]}).to_csv(path, index=False)
        return path
    return write

