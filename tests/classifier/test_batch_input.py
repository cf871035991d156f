"""Bulk input that is not what it seems (issue 13), one fixture per failure mode.

Text that grows past the limit under Unicode normalisation is refused, not cut; JSON values that are not text are
refused, not classified as their Python spelling; XLSX formula cells with no saved value and sheets not read are
named; input cut short (no line end at the end) is warned about.
"""
import json
import runpy
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

FIXTURES = Path(__file__).parent / "batch_fixtures"
MADE = runpy.run_path(str(FIXTURES / "make_fixtures.py"))
MAILBOX, RANSOM = MADE["MAILBOX"], MADE["RANSOM"]


# ---- 5. text that grows past the limit under Unicode normalisation ---------------------------------------------------
def test_text_over_the_limit_after_normalisation_is_refused_not_cut(model, tmp_path, classify):
    out = tmp_path / "out.jsonl"
    code, _ = classify(FIXTURES / "nfc_growth.csv", "-o", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 3
    assert rows[0]["error"] == ("the text has 20,100 characters after Unicode normalisation (NFC), "
                                "over the limit of 20,000")
    assert rows[0]["articles"] == "" and rows[1]["error"] == ""


# ---- 7. values that are not text; spreadsheets; input cut short ------------------------------------------------------
def test_json_values_that_are_not_text_are_refused(model, tmp_path, classify):
    out = tmp_path / "out.jsonl"
    code, _ = classify(FIXTURES / "not_text_values.jsonl", "-o", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 3
    assert [r["error"] for r in rows] == [
        "the text is true or false, not text", "the text is a number, not text", "the text is a list, not text",
        "the text is an object, not text", "the text is a number, not text", "the text is empty or has no words", ""]
    assert all(r["articles"] == "" for r in rows[:6])


def test_xlsx_formulas_without_a_saved_value_and_other_sheets_are_reported(model, tmp_path, classify):
    book = openpyxl.Workbook()
    for row in (["id", "text", "note"], ["x1", MAILBOX, "=1+1"], ["x2", "=C2", "n"], ["x3", RANSOM, "ok"]):
        book.active.append(row)  # openpyxl saves formulas without a computed value
    book.create_sheet("Later incidents").append(["id", "text"])
    book.save(tmp_path / "in.xlsx")
    code, err = classify(tmp_path / "in.xlsx", "-o", tmp_path / "out.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert code == 3
    assert rows[1]["error"] == ("row 3: the text cell holds a formula with no saved value (open and save the "
                                "workbook in a spreadsheet program to compute it); not classified")
    assert rows[0]["error"] == rows[2]["error"] == ""
    assert "1 other formula cell has no saved value and is read as empty (column note)" in err
    assert "the workbook has 2 sheets; only the first, 'Sheet', was read (not read: 'Later incidents')" in err


@pytest.mark.parametrize("name, line", [("cut_short.csv", 3), ("cut_short.txt", 2)])
def test_input_cut_short_is_warned_about(model, tmp_path, classify, name, line):
    code, err = classify(FIXTURES / name, "-o", tmp_path / "out.csv")
    assert code == 0 and len(pd.read_csv(tmp_path / "out.csv")) == 2
    assert f"Warning: the input ends without a line end (line {line}): its last record may be cut short" in err


def test_input_ending_in_a_line_end_has_no_such_warning(model, tmp_path, classify):
    code, err = classify(FIXTURES / "incidents.txt", "-o", tmp_path / "out.csv")
    assert "line end" not in err
