"""Bulk classification keeps every row and column, in order, and reports bad rows in `error`."""
import pandas as pd
import pytest

from classifier.batch import RESULT_COLUMNS, ColumnError, classify_frame
from classifier.cli import main


@pytest.fixture
def frame():
    return pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "text": ["Hackers encrypted the hospital's servers and demanded 50,000 USD; surgeries were postponed for days.",
                 "", "\x00\x01 binary", "I lost my phone on the bus.", "x" * 30_000],
        "source": ["news", "log", "log", "complaint", "log"],
    })


def test_every_row_and_column_is_kept_in_order(model, frame):
    out = classify_frame(frame, "text", model=model)
    assert list(out.id) == list(frame.id)
    assert list(out.columns) == list(frame.columns) + RESULT_COLUMNS
    assert out.loc[0, "articles"] != "none" and out.loc[0, "error"] == ""
    assert out.loc[3, "articles"] == "none"


def test_bad_rows_get_an_error_not_a_gap(model, frame):
    out = classify_frame(frame, "text", model=model)
    assert "empty" in out.loc[1, "error"]
    assert "NUL" in out.loc[2, "error"]
    assert "over the limit" in out.loc[4, "error"]
    assert out.loc[1, "articles"] == ""


def test_missing_column_names_the_columns(model, frame):
    with pytest.raises(ColumnError, match="the columns are: id, text, source"):
        classify_frame(frame, "description", model=model)


def test_cli_classify_writes_a_csv(model, frame, tmp_path, capsys):
    src, dst = tmp_path / "in.csv", tmp_path / "out.csv"
    frame.iloc[[0, 3]].to_csv(src, index=False)
    assert main(["classify", str(src), "--text-column", "text", "-o", str(dst)]) == 0
    out = pd.read_csv(dst, dtype=str, keep_default_na=False)
    assert len(out) == 2 and "p_273.1" in out.columns
    assert "classified 2 rows" in capsys.readouterr().err


def test_cli_missing_column_exits_1(model, frame, tmp_path, capsys):
    src = tmp_path / "in.csv"
    frame.to_csv(src, index=False)
    assert main(["classify", str(src), "--text-column", "nope"]) == 1
    assert "Error: no column 'nope'" in capsys.readouterr().err
