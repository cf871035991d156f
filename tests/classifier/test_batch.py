"""Bulk classification keeps every row and column, in order, and reports bad rows in `error`.

Three layers: ``classify_frame`` (equal to the per-text path, bad rows marked), the ``classify`` command on the
nasty inputs in ``batch_fixtures/`` (row counts, messages, exit codes), and formats, stdin/stdout, formula
neutralisation, local processes and Dask (identical output), and the report.
"""
import io
import json
import runpy
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from classifier import bulk as batch
from classifier.analysis import analyse
from classifier.bulk import RESULT_COLUMNS, ColumnError, checked_text, classify_frame
from classifier.bulk import frame as bulk_frame
from classifier.bulk import io as batch_io
from classifier.cli import main
from classifier.model import Features
from classifier.model.training import build_vectorizer, to_features
from classifier.text import TextError, fold

FIXTURES = Path(__file__).parent / "batch_fixtures"
MADE = runpy.run_path(str(FIXTURES / "make_fixtures.py"))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frame():
    return pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "text": ["Hackers encrypted the hospital's servers and demanded 50,000 USD; surgeries were postponed for days.",
                 "", "\x00\x01 binary", "I lost my phone on the bus.", "x" * 30_000],
        "source": ["news", "log", "log", "complaint", "log"],
    })


def run(args, capsys=None):
    """``python -m classifier classify ARGS`` in this process: (exit code, stderr)."""
    code = main(["classify", *map(str, args)])
    return code, capsys.readouterr().err if capsys else ""


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


# ---- classify_frame ----------------------------------------------------------------------------------------------
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
    assert out.loc[1, "articles"] == "" and np.isnan(out.loc[1, "p_271"])


def test_missing_column_names_the_columns(model, frame):
    with pytest.raises(ColumnError, match="the columns are: id, text, source"):
        classify_frame(frame, "description", model=model)


def test_reader_messages_leave_rows_unclassified(model, frame):
    out = classify_frame(frame, "text", model=model, row_errors=["line 2: malformed", "", "", "", ""])
    assert out.loc[0, "error"] == "line 2: malformed" and out.loc[0, "articles"] == ""
    assert out.loc[3, "articles"] == "none"


def per_text_reference(df, text_column, model):
    """What ``analyse()`` itself says of each row (the bulk path's checks decide which rows are refused)."""
    rows = []
    for raw in df[text_column]:
        try:
            text = checked_text(raw)
        except TextError as exc:
            rows.append(("", "", [np.nan] * len(model.labels), "", str(exc)))
            continue
        a = analyse(text, model=model)
        by = {c.label: c for c in a.candidates}
        detected = [f.id for f in a.circumstances if f.detected]
        rows.append((";".join(a.articles), ";".join(a.parts) or "none", [by[lab].probability for lab in model.labels],
                     ";".join(detected), ""))
    return rows


NASTY_TEXTS = ["", "   ", None, float("nan"), 12345, "\x00abc", "ΟΔΟΣ ΣΑΣ: someone hacked the server",
               "İSTANBUL IŞIK ƏLİ", "x" * 30_000, "\ufffd\ufffd\ufffd abc def", "abc\x01\x02\x03",
               "Şifrə ələ keçirilib, 1 500 manat köçürülüb", "\ue000private use text with letters", "Σ",
               "half\udc80decoded text", "½ ²", "e\u0301 combining hacked"]


def test_bulk_path_equals_analyse_on_the_whole_corpus(model):
    from classifier.corpus import load_corpus
    texts = load_corpus().text.tolist() + NASTY_TEXTS
    df = pd.DataFrame({"text": texts}, dtype=object)
    out = classify_frame(df, "text", model=model)
    expected = per_text_reference(df, "text", model)
    for i, (arts, parts, probs, circs, error) in enumerate(expected):
        row = out.iloc[i]
        assert (row["articles"], row["parts"], row["circumstances"], row["error"]) == (arts, parts, circs, error), i
        np.testing.assert_allclose(row[[f"p_{lab}" for lab in model.labels]].to_numpy(float), probs, atol=1.5e-4)
    assert (out["error"] != "").sum() == sum(1 for *_, e in expected if e) >= 10


def test_suspect_pattern_covers_what_prepare_checks():
    flagged = [chr(c) for c in range(0x110000)
               if unicodedata.category(chr(c)) in ("Cc", "Co", "Cs") and chr(c) not in "\n\r\t"] + ["\ufffd", "\x00"]
    assert all(bulk_frame._SUSPECT.match(c) for c in flagged)


@pytest.fixture(scope="module")
def fitted_vectorizer():
    """scikit-learn's vectorisers fitted on the folded train split, as training fits them."""
    from classifier.corpus import load_corpus
    return build_vectorizer().fit([fold(t) for t in load_corpus(split="train").text])


@pytest.mark.parametrize("cache_words", [Features.CACHE_WORDS, 50])
def test_our_features_equal_scikit_learns_on_the_whole_corpus(fitted_vectorizer, cache_words, monkeypatch):
    from classifier.corpus import load_corpus
    texts = load_corpus().text.tolist() + ["a  b\u00a0c\u2028d", "x", "ΟΔΟΣ ΣΑΣ", "İSTANBUL", "one", "", "   "]
    folded = [fold(unicodedata.normalize("NFC", t)) for t in texts]
    monkeypatch.setattr(Features, "CACHE_WORDS", cache_words)
    ours = to_features(fitted_vectorizer)
    expected = fitted_vectorizer.transform(folded).tocsr()
    expected.sort_indices()
    for _ in range(2):  # a cold cache, then a warm (or, with 50 words, a repeatedly cleared) one
        got = ours.matrix(folded)
        assert (got.indptr == expected.indptr).all() and (got.indices == expected.indices).all()
        np.testing.assert_allclose(got.data, expected.data, rtol=1e-6, atol=0)


def test_the_saved_model_has_the_fitted_vocabulary(model, fitted_vectorizer):
    ours = to_features(fitted_vectorizer)
    assert [b.terms for b in model.extractor.blocks] == [b.terms for b in ours.blocks]
    assert all((a.idf == b.idf).all() for a, b in zip(model.extractor.blocks, ours.blocks))


# ---- nasty inputs through the command ----------------------------------------------------------------------------
PHISH, RU, MAILBOX, RANSOM = MADE["PHISH"], MADE["RU"], MADE["MAILBOX"], MADE["RANSOM"]
EMPTY = "the text is empty or has no words"
CASES = [
    # file, extra args, exit code, row count, {row: error fragment} (other rows must have none), stderr fragment
    ("empty_rows.csv", [], 3, 5, {1: EMPTY, 2: EMPTY, 3: EMPTY}, "1 blank line skipped"),
    ("quotes_newlines.csv", [], 0, 2, {}, "classified 2 rows"),
    ("nul_bytes.csv", [], 3, 3, {1: "NUL bytes"}, "errors: 1"),
    ("formulas.csv", [], 0, 4, {}, "errors: 0"),
    ("utf16_bom.csv", [], 0, 2, {}, ""),
    ("cp1251.csv", [], 0, 2, {}, ""),
    ("cp1251.csv", ["--encoding", "cp1251"], 0, 2, {}, ""),
    ("utf8_bom.csv", [], 0, 2, {}, ""),
    ("mixed_encoding.csv", [], 3, 3, {1: "could not be decoded"}, ""),
    ("duplicate_columns.csv", [], 0, 2, {}, "duplicate column name 'id' (column 3) renamed id_2"),
    ("malformed.csv", [], 3, 6, {1: "line 3: 4 fields where the header has 3", 2: "line 4: 1 field where",
                                 3: "line 5: malformed line: ',' expected after",
                                 5: "line 7: malformed line (to line 8)"}, "4 input record(s) could not be read"),
    ("incidents.tsv", [], 3, 3, {2: EMPTY}, ""),
    ("incidents.txt", [], 3, 4, {2: EMPTY}, ""),
    ("incidents.jsonl", [], 3, 6, {1: "line 2: not valid JSON (Expecting value at column 1)",
                                   2: "line 3: a JSON object was expected, found list",
                                   3: "line 4: duplicate keys 'text'", 4: EMPTY}, "1 blank line skipped"),
]
FATAL = [
    ("missing_column.csv", [], 1, "Error: no column 'text'; the columns are: id, description"),
    ("duplicate_text_column.csv", [], 1, "Error: more than one column is named 'text' (columns 2, 3); rename one"),
    ("not_text.csv", [], 2, "Error: the input is not text in any supported encoding"),
    ("cp1251.csv", ["--encoding", "klingon"], 2, "Error: unknown encoding 'klingon'"),
    ("missing.csv", [], 1, "Error: cannot read"),
    ("incidents.txt", ["--input-format", "xlsx"], 1, "is not a readable XLSX workbook"),
    ("incidents.txt", ["--scheduler", "tcp://localhost:1"], 2, "--scheduler needs --engine dask"),
    ("incidents.txt", ["--jobs", "0"], 2, "must be at least 1"),
    ("incidents.txt", ["--report", "r.pdf"], 2, "the report must be .html or .png, not 'r.pdf'"),
]


def test_fixture_files_are_current():
    for name, data in MADE["FILES"].items():
        assert (FIXTURES / name).read_bytes() == data, f"run {FIXTURES / 'make_fixtures.py'}"


@pytest.mark.parametrize("name, extra, code, n, errors, message", CASES, ids=[f"{c[0]}{''.join(c[1])}" for c in CASES])
def test_nasty_inputs_keep_every_row(model, tmp_path, capsys, name, extra, code, n, errors, message):
    out = tmp_path / "out.jsonl"
    exit_code, err = run([FIXTURES / name, "-o", out, *extra], capsys)
    assert exit_code == code, err
    rows = read_jsonl(out)
    assert len(rows) == n
    for i, row in enumerate(rows):
        assert (errors[i] in row["error"]) if i in errors else row["error"] == "", (i, row["error"])
    assert message in err


@pytest.mark.parametrize("name, extra, code, message", FATAL, ids=[f"{c[0]}{''.join(c[1])}" for c in FATAL])
def test_fatal_inputs_exit_with_one_message(model, tmp_path, capsys, name, extra, code, message):
    out = tmp_path / "out.csv"
    exit_code, err = run([FIXTURES / name, "-o", out, *extra], capsys)
    assert exit_code == code and message in err
    assert err.count("Error:") == 1
    assert not out.exists() and not Path(f"{out}.part").exists()


def test_texts_survive_encodings_quotes_and_newlines(model, tmp_path):
    texts = {}
    for name in ("utf16_bom.csv", "cp1251.csv", "utf8_bom.csv", "quotes_newlines.csv", "mixed_encoding.csv"):
        run([FIXTURES / name, "-o", tmp_path / f"{name}.jsonl"])
        texts[name] = [(r["id"], r["text"]) for r in read_jsonl(tmp_path / f"{name}.jsonl")]
    assert texts["utf16_bom.csv"] == [("u1", PHISH), ("u2", RU)]
    assert texts["cp1251.csv"][0] == ("c1", RU)
    assert texts["utf8_bom.csv"][0] == ("b1", PHISH)  # the BOM is not part of the first column's name
    assert texts["quotes_newlines.csv"][0][1].startswith('He said "pay now",\nthen')
    assert texts["quotes_newlines.csv"][1][1].startswith("Line one\r\nline two")
    assert texts["mixed_encoding.csv"][1][1].startswith("\ufffd")  # undecodable bytes shown as U+FFFD


def test_undecodable_bytes_can_be_replaced_for_display(model):
    reader = batch_io.open_input(str(FIXTURES / "mixed_encoding.csv"), "csv")
    frame, messages = next(reader.chunks(10))
    reader.close()
    out = batch_io.replace_undecodable(classify_frame(frame, "text", model=model, row_errors=messages))
    assert out.loc[1, "text"].startswith("\ufffd") and "could not be decoded" in out.loc[1, "error"]
    pd.DataFrame({"text": out["text"].astype("str")})  # Arrow-backed strings accept it now


def test_duplicate_and_unnamed_columns_are_renamed_and_kept(model, tmp_path):
    run([FIXTURES / "duplicate_columns.csv", "-o", tmp_path / "o.csv"])
    out = pd.read_csv(tmp_path / "o.csv", dtype=str, keep_default_na=False)
    assert list(out.columns[:4]) == ["id", "text", "id_2", "column_4"]
    assert out[["id_2", "column_4"]].values.tolist() == [["a", "b"], ["c", "d"]]


def test_one_megabyte_cells_are_refused_but_kept(model, tmp_path, capsys):
    big = "The intruder copied the customer database. " * 24_000
    src = tmp_path / "big.csv"
    pd.DataFrame({"id": ["big", "ok"], "text": [big, MAILBOX]}).to_csv(src, index=False)
    code, _ = run([src, "-o", tmp_path / "o.csv"], capsys)
    out = pd.read_csv(tmp_path / "o.csv", dtype=str, keep_default_na=False)
    assert code == 3 and len(big) > 1_000_000
    assert out.loc[0, "text"] == big and "over the limit of 20,000" in out.loc[0, "error"]
    assert out.loc[1, "error"] == ""
    code, err = run([src, "-o", tmp_path / "o.xlsx"], capsys)
    assert code == 3 and "1 cells were longer than the 32,767 characters" in err


def test_xlsx_rows_wider_than_the_header_and_blank_rows(model, tmp_path, capsys):
    book = openpyxl.Workbook()
    for row in (["id", "text", None], ["x1", MAILBOX], [None, None], ["x2", RANSOM, "stray"], ["x3", 42]):
        book.active.append(row)
    book.save(tmp_path / "in.xlsx")
    code, err = run([tmp_path / "in.xlsx", "-o", tmp_path / "o.jsonl"], capsys)
    rows = read_jsonl(tmp_path / "o.jsonl")
    assert code == 3 and [r["id"] for r in rows] == ["x1", "x2", "x3"]
    assert rows[1]["error"] == "row 4: 3 fields where the header has 2; not classified"
    assert rows[2]["text"] == 42 and rows[2]["error"] == "the text is a number, not text"  # not an incident
    assert "1 blank line skipped" in err


def test_empty_inputs(model, tmp_path, capsys):
    (tmp_path / "header.csv").write_text("id,text\n")
    assert run([tmp_path / "header.csv", "-o", tmp_path / "o.csv"], capsys)[0] == 0
    assert (tmp_path / "o.csv").read_text().splitlines() == ["id,text," + ",".join(RESULT_COLUMNS)]
    (tmp_path / "none.csv").write_bytes(b"")
    code, err = run([tmp_path / "none.csv"], capsys)
    assert code == 1 and "empty: no header line" in err


# ---- formats, stdin and stdout -----------------------------------------------------------------------------------
SAMPLE = pd.DataFrame({"id": ["s1", "s2", "s3", "s4"],
                       "text": [MAILBOX, f'{PHISH}\nsecond "line"', "", RU],
                       "note": ["a, b", "ünïcode ə", "=1+2", ""]}, dtype=object)


def write_input(df, path: Path, fmt: str) -> None:
    if fmt == "csv":
        df.to_csv(path, index=False)
    elif fmt == "tsv":
        df.assign(text=df.text.str.replace("\n", " ")).to_csv(path, index=False, sep="\t")
    elif fmt == "jsonl":
        df.to_json(path, orient="records", lines=True, force_ascii=False)
    elif fmt == "xlsx":
        book = openpyxl.Workbook()
        book.active.append(list(df.columns))
        for r in df.itertuples(index=False):
            book.active.append([None if v == "" else v for v in r])
        for cell in (c for row in book.active.iter_rows() for c in row if str(c.value).startswith("=")):
            cell.data_type = "s"  # a text cell, as a spreadsheet export has it
        book.save(path)
    else:
        path.write_text("\n".join(df.text.str.replace("\n", " ")) + "\n", encoding="utf-8")


def read_output(path: Path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "jsonl":
        records = read_jsonl(path)
        return pd.DataFrame([["" if v is None else str(v) for v in r.values()] for r in records],
                            columns=list(records[0]))
    rows = list(openpyxl.load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    return pd.DataFrame([["" if v is None else str(v) for v in r] for r in rows[1:]], columns=rows[0])


@pytest.mark.parametrize("fmt_in", ["csv", "tsv", "jsonl", "xlsx", "text"])
@pytest.mark.parametrize("fmt_out", ["csv", "jsonl", "xlsx"])
def test_format_round_trips(model, tmp_path, fmt_in, fmt_out):
    ext = {"text": "txt"}.get(fmt_in, fmt_in)
    src, dst = tmp_path / f"in.{ext}", tmp_path / f"out.{fmt_out}"
    write_input(SAMPLE, src, fmt_in)
    assert run([src, "-o", dst, "--no-formula-guard"]) == (3, "")  # the empty text of s3
    out = read_output(dst, fmt_out)
    expected = SAMPLE[["text"]] if fmt_in == "text" else SAMPLE
    if fmt_in in ("text", "tsv"):
        expected = expected.assign(text=expected.text.str.replace("\n", " "))
    direct = classify_frame(expected, "text", model=model)
    assert list(out.columns) == list(direct.columns)
    assert out[list(expected.columns)].values.tolist() == expected.values.tolist()
    assert out[["articles", "parts", "circumstances", "error"]].values.tolist() == \
        direct[["articles", "parts", "circumstances", "error"]].values.tolist()
    assert out["p_271"][:2].astype(float).tolist() == direct["p_271"][:2].tolist()


def test_stdin_to_stdout(model, monkeypatch, capsysbinary):
    data = (FIXTURES / "incidents.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["classify", "-", "--input-format", "jsonl", "--output-format", "jsonl"]) == 3
    out, err = capsysbinary.readouterr()
    rows = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert len(rows) == 6 and rows[0]["meta"] == {"src": "soc"} and rows[5]["tags"] == ["x", "y"]
    assert b"classified 6 rows" in err


def test_stdin_to_stdout_in_a_real_pipe(model):
    """`python -m classifier classify - < file` in its own process: stdin, stdout and the exit code."""
    proc = subprocess.run([sys.executable, "-m", "classifier", "classify", "-"], cwd=ROOT, capture_output=True,
                          input=(FIXTURES / "malformed.csv").read_bytes(), timeout=300)
    assert proc.returncode == 3, proc.stderr.decode()
    out = pd.read_csv(io.BytesIO(proc.stdout), dtype=str, keep_default_na=False)
    assert len(out) == 6 and out.loc[1, "error"].startswith("line 3:")
    assert b"classified 6 rows" in proc.stderr


def test_new_jsonl_keys_after_the_first_chunk_are_reported_for_csv(model, tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(f'{{"text": "{MAILBOX}"}}\n{{"text": "{RANSOM}", "late": 1}}\n', encoding="utf-8")
    code, err = run([src, "--chunk-size", "1", "-o", tmp_path / "o.csv"], capsys)
    assert code == 0 and "columns first seen after row 2 are not in the output: late" in err
    code, err = run([src, "--chunk-size", "1", "-o", tmp_path / "o.jsonl"], capsys)
    assert read_jsonl(tmp_path / "o.jsonl")[1]["late"] == 1 and "late" not in err


# ---- formula neutralisation --------------------------------------------------------------------------------------
def test_formula_guard_in_csv(model, tmp_path):
    run([FIXTURES / "formulas.csv", "-o", tmp_path / "on.csv"])
    run([FIXTURES / "formulas.csv", "-o", tmp_path / "off.csv", "--no-formula-guard"])
    on = pd.read_csv(tmp_path / "on.csv", dtype=str, keep_default_na=False)
    off = pd.read_csv(tmp_path / "off.csv", dtype=str, keep_default_na=False)
    assert on.text.str[:2].tolist() == ["'=", "'+", "'-", "'@"]
    assert on.note.tolist() == ["'+1 555", "'@SUM(A1)", "'\tindent", "'=1+2"]
    assert on.id[0] == "-5"  # a plain number is not a formula
    assert off.text.str[0].tolist() == ["=", "+", "-", "@"] and off.note[2] == "\tindent"
    assert on.articles.tolist() == off.articles.tolist()  # the guard changes the output, not the classification


def test_xlsx_writes_formula_like_cells_as_text_cells_without_a_visible_quote(model, tmp_path):
    run([FIXTURES / "formulas.csv", "-o", tmp_path / "on.xlsx"])
    run([FIXTURES / "formulas.csv", "-o", tmp_path / "off.xlsx", "--no-formula-guard"])
    for path in ("on.xlsx", "off.xlsx"):  # the same either way: a text cell is never run as a formula
        sheet = openpyxl.load_workbook(tmp_path / path).worksheets[0]
        assert sheet["B2"].value.startswith("=HYPERLINK") and sheet["B2"].data_type == "s"
        assert sheet["C5"].value == "=1+2" and sheet["C5"].data_type == "s"
        assert sheet["C2"].value == "+1 555" and sheet["C3"].value == "@SUM(A1)"


def test_csv_for_excel_starts_with_a_byte_order_mark(tmp_path):
    from classifier.bulk import io as batch_io
    for bom in (False, True):
        writer = batch_io.open_output(str(tmp_path / f"{bom}.csv"), "csv", bom=bom)
        writer.write(pd.DataFrame({"text": ["Şifrə oğurlanıb", "пароль"]}))
        writer.close()
        data = (tmp_path / f"{bom}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") == bom and "Şifrə".encode() in data
    with pytest.raises(batch_io.FormatError):
        batch_io.open_output(str(tmp_path / "x.xlsx"), "xlsx", bom=True)


# ---- parallel and distributed ------------------------------------------------------------------------------------
@pytest.fixture
def many_rows(tmp_path):
    """63 rows over several chunks, with malformed lines, bad texts and undecodable bytes among them."""
    lines = (FIXTURES / "malformed.csv").read_text().splitlines()
    body = lines[1:-2]  # without the unclosed quote, which would swallow the rest
    src = tmp_path / "many.csv"
    src.write_text("\n".join([lines[0], *(body * 12), "z1,,log", "z2,\"x\x00y\",log"]) + "\n")
    with open(src, "ab") as fh:
        fh.write(f"z3,{RU},log\n".encode("cp1251"))  # undecodable bytes in a UTF-8 file
    return src


def test_jobs_2_output_identical_to_jobs_1(model, tmp_path, many_rows):
    assert run([many_rows, "--chunk-size", "7", "-o", tmp_path / "one.csv"]) == (3, "")
    assert run([many_rows, "--chunk-size", "7", "--jobs", "2", "-o", tmp_path / "two.csv"]) == (3, "")
    one = (tmp_path / "one.csv").read_bytes()
    assert one == (tmp_path / "two.csv").read_bytes()
    assert len(pd.read_csv(io.BytesIO(one))) == 63


def test_dask_local_cluster_output_identical_to_single_process(model, tmp_path, many_rows, monkeypatch):
    monkeypatch.setitem(batch.DASK_LOCAL, "processes", False)
    assert run([many_rows, "--chunk-size", "7", "-o", tmp_path / "one.jsonl"]) == (3, "")
    dask_args = ["--chunk-size", "7", "--engine", "dask", "--jobs", "2", "-o", tmp_path / "dask.jsonl"]
    assert run([many_rows, *dask_args]) == (3, "")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "dask.jsonl").read_bytes()


# ---- report ------------------------------------------------------------------------------------------------------
def test_report_html_counts_trend_and_escapes(model, tmp_path, capsys):
    src = tmp_path / "in.csv"
    pd.DataFrame({"<b>day</b>": ["2025-01-03", "2025-01-03", "2025-01-04", "not a date", "2025-01-05"],
                  "text": [MAILBOX, RANSOM, PHISH, MAILBOX, ""]}).to_csv(src, index=False)
    code, err = run([src, "-o", tmp_path / "o.csv", "--report", tmp_path / "r.html", "--date-column", "<b>day</b>"],
                    capsys)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert code == 3
    assert "<b>day</b>" not in html and "&lt;b&gt;day&lt;/b&gt;" in html
    assert "<td>2025-01-03</td>" in html and "1 classified rows had no readable date" in html
    assert "<td>271</td>" in html and 'src="data:image/png;base64,' in html


def test_report_png_and_unknown_date_column(model, tmp_path, capsys):
    code, _ = run([FIXTURES / "incidents.txt", "-o", tmp_path / "o.csv", "--report", tmp_path / "r.png"], capsys)
    assert code == 3 and (tmp_path / "r.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, err = run([FIXTURES / "incidents.txt", "--date-column", "when"], capsys)
    assert code == 1 and "no column 'when'" in err


def test_cli_missing_column_exits_1(model, frame, tmp_path, capsys):
    src = tmp_path / "in.csv"
    frame.to_csv(src, index=False)
    assert main(["classify", str(src), "--text-column", "nope"]) == 1
    assert "Error: no column 'nope'" in capsys.readouterr().err


def test_output_format_by_option_or_extension(model, tmp_path, capsys):
    assert run([FIXTURES / "incidents.txt", "-o", tmp_path / "o.data", "--output-format", "jsonl"], capsys)[0] == 3
    assert len(read_jsonl(tmp_path / "o.data")) == 4
    code, err = run([FIXTURES / "incidents.txt", "-o", tmp_path / "o.data"], capsys)
    assert code == 2 and "cannot tell the output format" in err


def test_format_from_extension_or_a_usage_error(tmp_path, capsys):
    assert batch_io.input_format("x.NDJSON") == "jsonl" and batch_io.output_format("-") == "csv"
    assert run([tmp_path / "in.dat"], capsys) == (2, "Error: cannot tell the format of "
                                                  f"'{tmp_path / 'in.dat'}' from its extension; pass --input-format "
                                                  "(csv, tsv, jsonl, xlsx, text)\n")
