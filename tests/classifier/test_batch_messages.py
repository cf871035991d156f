"""Every error and warning of the bulk readers and writers has its Azerbaijani wording in the catalogue (issue 15).

Two checks: the source of ``classifier/bulk/io`` (and the column check of ``classifier/bulk/frame.py``) raises and
warns only with catalogue messages, never an English string, so a new English-only message fails here; and each
failure the package knows, provoked for real, gives a :class:`~i18n.Text` whose Azerbaijani differs from its
English and keeps its figures (line numbers, encodings, file names), while ``str()`` stays the English the CLI
prints."""
from __future__ import annotations

import ast
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from classifier.bulk import ColumnError, check_columns
from classifier.bulk import io as batch_io
from classifier.bulk.io import reader as reader_module
from classifier.bulk.io import writer as writer_module
from i18n import Text, catalogue

ROOT = Path(__file__).resolve().parents[2]
IO_SOURCES = sorted((ROOT / "classifier" / "bulk" / "io").glob("*.py")) + [ROOT / "classifier" / "bulk" / "frame.py"]
FIXTURES = Path(__file__).parent / "batch_fixtures"
ERRORS = {"FormatError", "InputError", "OutputError", "ColumnError"}
COLLECTIONS = {"notes", "warnings", "problems"}
PROSE = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")
"""Three words in a row: a sentence for a person, not a key, a format or a file name."""
NOT_MESSAGES = {("report.py", "_report_html"), ("report.py", "_charts"), ("reasons.py", None)}
"""The HTML report's own content (the CLI's English artefact) and the parsers' messages that reasons.py maps."""


def _is_text(node: ast.AST) -> bool:
    """A ``Text(...)`` call, a conditional between them, a name bound to one, or a call of a helper returning one."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in {"Text", "_wrong_width", "csv_reason", "json_reason"}
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) and _is_text(node.orelse)
    # a module constant such as UNSAVED_FORMULA, or TableReader._problem's parameter (made by chunks() as a Text)
    return isinstance(node, ast.Name) and (node.id.isupper() or node.id == "message")


def _exempt(tree: ast.Module, name: str) -> set[int]:
    """Nodes that are not messages: docstrings, and the exempt functions (or whole module) of NOT_MESSAGES."""
    if (name, None) in NOT_MESSAGES:
        return {id(n) for n in ast.walk(tree)}
    out = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef) and (name, fn.name) in NOT_MESSAGES:
            out |= {id(n) for n in ast.walk(fn)}
    return out


@pytest.mark.parametrize("path", IO_SOURCES, ids=lambda p: p.name)
def test_the_package_raises_and_warns_only_with_catalogue_messages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt(tree, path.name)
    bad = []
    for node in ast.walk(tree):
        if id(node) in exempt:
            continue
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ERRORS and not (node.exc.args and _is_text(node.exc.args[0])):
                bad.append(f"line {node.lineno}: raise {name} without a Text")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append"
                and isinstance(node.func.value, ast.Attribute) and node.func.value.attr in COLLECTIONS
                and not _is_text(node.args[0])):
            bad.append(f"line {node.lineno}: a {node.func.value.attr} entry without a Text")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and PROSE.search(node.value):
            bad.append(f"line {node.lineno}: English {node.value!r}")
    assert bad == []


def test_every_bulk_message_has_its_own_azerbaijani_wording():
    entries = {k: v for k, v in catalogue().items() if k.startswith("bulk.")}
    assert len(entries) > 40
    assert [k for k, v in entries.items() if v["az"] == v["en"]] == []


# ---- each failure provoked for real --------------------------------------------------------------------------------
def _raised(call, *args, **kwargs) -> Text:
    with pytest.raises((batch_io.FormatError, batch_io.InputError, batch_io.OutputError, ColumnError)) as info:
        result = call(*args, **kwargs)
        if isinstance(result, batch_io.TableReader):
            list(result.chunks(100))
    return info.value.args[0]


def _read(path: Path, fmt: str | None = None, text_column: str = "text") -> tuple[list, batch_io.TableReader]:
    reader = batch_io.open_input(str(path), fmt or batch_io.input_format(str(path)), text_column=text_column)
    messages = [m for _, ms in reader.chunks(100) for m in ms if m]
    reader.close()
    return messages, reader


def _workbook(tmp_path: Path, rows: list[list], sheets: int = 1) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for i in range(1, sheets):
        book.create_sheet(f"Sheet {i + 1}")
    path = tmp_path / "in.xlsx"
    book.save(path)
    return path


def _errors(tmp_path: Path) -> list[tuple[Text, list[str]]]:
    """(message, figures it must keep in every language) for every error the package raises."""
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "header.csv").write_bytes(b'"id,text\n')
    (tmp_path / "twice.csv").write_bytes(b"text,id,text\na,1,b\n")
    (tmp_path / "not.xlsx").write_bytes(b"this is not a workbook")
    (tmp_path / "folder").mkdir()
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.txt", "x")
    empty_sheet = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty_sheet)
    return [
        (_raised(batch_io.input_format, "log.pdf"), ["log.pdf", "--input-format", "csv, tsv"]),
        (_raised(batch_io.output_format, "out.pdf"), ["out.pdf", "--output-format", "csv, jsonl, xlsx"]),
        (_raised(batch_io.open_input, str(tmp_path / "no.csv"), "xml"), ["'xml'", "csv, tsv"]),
        (_raised(batch_io.open_input, str(tmp_path / "missing.csv"), "csv"), ["missing.csv"]),
        (_raised(batch_io.detect_encoding, zipped.getvalue()), ["zip", "gzip", "--input-format xlsx"]),
        (_raised(batch_io.detect_encoding, bytes(range(256)) * 4), ["UTF-8", "Windows-1251", "--encoding"]),
        (_raised(batch_io.check_encoding, "klingon"), ["'klingon'", "cp1251"]),
        (_raised(batch_io.open_input, str(tmp_path / "empty.csv"), "csv"), ["empty.csv"]),
        (_raised(batch_io.open_input, str(tmp_path / "header.csv"), "csv"), ["header.csv"]),
        (_raised(batch_io.open_input, str(tmp_path / "twice.csv"), "csv"), ["'text'", "1, 3"]),
        (_raised(batch_io.open_input, str(tmp_path / "not.xlsx"), "xlsx"), ["not.xlsx", "XLSX"]),
        (_raised(batch_io.open_input, str(empty_sheet), "xlsx"), ["empty.xlsx"]),
        (_raised(batch_io.open_output, str(tmp_path / "o.x"), "xml"), ["'xml'", "csv, jsonl, xlsx"]),
        (_raised(batch_io.open_output, str(tmp_path / "o.xlsx"), "xlsx", bom=True), ["CSV"]),
        (_raised(batch_io.open_output, str(tmp_path / "folder"), "csv"), ["folder"]),
        (_raised(batch_io.open_output, str(tmp_path / "no" / "o.csv"), "csv"), ["o.csv"]),
        (_raised(batch_io.report_kind, "r.pdf"), ["r.pdf", ".html", ".png"]),
        (_raised(check_columns, ["id", "body"], "text"), ["'text'", "id, body"]),
        (_raised(check_columns, ["text", "text"], "text"), ["'text'", "1, 2"]),
    ]


def _warnings(tmp_path: Path, monkeypatch) -> list[tuple[Text, list[str]]]:
    """(message, figures) for every reading note, row message and writer warning the package gives."""
    found: list[tuple[Text, list[str]]] = []
    rows, _ = _read(FIXTURES / "malformed.csv")
    found += [(rows[0], ["3", "4", "3"]), (rows[1], ["4", "1", "3"]), (rows[2], ["5", "','", "'\"'"]),
              (rows[3], ["7", "8"])]
    rows, _ = _read(FIXTURES / "incidents.jsonl")
    found += [(rows[0], ["2", "1"]), (rows[1], ["3", "list"]), (rows[2], ["4", "'text'"])]
    (tmp_path / "open.csv").write_text('id,text\n1,"never closed\n', encoding="utf-8")
    rows, _ = _read(tmp_path / "open.csv")
    found += [(rows[0], ["2"])]
    (tmp_path / "bad.jsonl").write_text('{"text": "a"} x\n{"text" 1}\n{"text": "a", }\n', encoding="utf-8")
    rows, _ = _read(tmp_path / "bad.jsonl")
    found += [(r, [str(i + 1)]) for i, r in enumerate(rows)]
    _, reader = _read(FIXTURES / "duplicate_columns.csv")
    found += [(n, ["'id'", "3", "id_2"]) for n in reader.notes]
    _, reader = _read(FIXTURES / "cp1251.csv")
    found += [(n, ["cp1251", "UTF-8"]) for n in reader.notes]
    _, reader = _read(FIXTURES / "cut_short.csv")
    found += [(n, ["3"]) for n in reader.notes]
    path = _workbook(tmp_path, [["id", "text", "a", "b"], ["x", "=1+1", "=2", "=3"], ["y", "t", "=4", "n", "extra"]],
                     sheets=2)
    rows, reader = _read(path)
    found += [(rows[0], ["2"]), (rows[1], ["3", "5", "4"]), (reader.notes[0], ["2", "'Sheet'", "'Sheet 2'"]),
              (reader.notes[1], ["3", "a, b"])]
    path = _workbook(tmp_path, [["id", "text", "a"], ["x", "t", "=1+1"]])
    found += [(n, ["1", "a"]) for n in _read(path)[1].notes]
    path = _workbook(tmp_path, [["id", "text", "a"], ["x", "t", "=1+1"], ["y", "t", "=2+2"]])
    found += [(n, ["2", "a"]) for n in _read(path)[1].notes]
    writer = batch_io.open_output(str(tmp_path / "o.csv"), "csv")
    writer.write(pd.DataFrame({"text": ["a\x00b", "c\x00"]}))
    writer.write(pd.DataFrame({"text": ["d"], "late": ["e"]}))
    writer.close()
    found += [(writer.warnings[0], ["3", "late", "JSONL"]), (writer.warnings[1], ["2", "U+FFFD", "JSONL"])]
    writer = batch_io.open_output(str(tmp_path / "o2.csv"), "csv")
    writer.write(pd.DataFrame({"text": ["a\x00b"]}))
    writer.close()
    found += [(writer.warnings[0], ["1", "U+FFFD"])]
    writer = batch_io.open_output(str(tmp_path / "o.xlsx"), "xlsx")
    writer.write(pd.DataFrame({"text": ["x" * (batch_io.XLSX_CELL_LIMIT + 1)]}))
    writer.close()
    found += [(writer.warnings[0], ["1", "32", "767", "XLSX"])]
    monkeypatch.setattr(writer_module, "XLSX_MAX_ROWS", 3)
    writer = batch_io.open_output(str(tmp_path / "o3.xlsx"), "xlsx")
    found += [(_raised(writer.write, pd.DataFrame({"text": ["a", "b", "c"]})), ["2", "XLSX", "CSV"])]
    writer.abort()
    return found


def _check(found: list[tuple[Text, list[str]]]) -> None:
    for message, figures in found:
        assert isinstance(message, Text), message
        assert message.az != message.en, message
        for lang in ("en", "az"):
            assert all(f in message.text(lang) for f in figures), (lang, message.text(lang), figures)


def test_every_error_is_a_catalogue_message_in_both_languages_with_its_figures(tmp_path):
    found = _errors(tmp_path)
    _check(found)
    assert found[3][0].az.endswith("oxuna bilmir: " + found[3][0].params["why"])  # the system's reason kept as it is


def test_every_reading_note_row_message_and_writer_warning_too(tmp_path, monkeypatch):
    found = _warnings(tmp_path, monkeypatch)
    assert len(found) >= 20
    _check(found)
    english = [m.en for m, _ in found]
    assert "line 5: malformed line: ',' expected after '\"'; not classified" in english
    assert "line 2: not valid JSON (Expecting value at column 1); not classified" in english
    assert [m.az for m, _ in found][2] == "sətir 5: pozuq sətir: '\"' işarəsindən sonra ',' gözlənilirdi; təsnif edilmədi"


def test_classify_frame_writes_the_readers_messages_in_the_language_asked_for(model):
    reader = batch_io.open_input(str(FIXTURES / "malformed.csv"), "csv")
    frame, messages = next(reader.chunks(100))
    reader.close()
    from classifier.bulk import classify_frame
    en = classify_frame(frame, "text", model=model, row_errors=messages)["error"]
    az = classify_frame(frame, "text", model=model, row_errors=messages, lang="az")["error"]
    assert en[1] == "line 3: 4 fields where the header has 3; not classified"
    assert az[1] == "sətir 3: sətirdə 4 sahə var, başlıqda isə 3; təsnif edilmədi"
    assert type(en[1]) is str and type(az[1]) is str  # plain cells, whatever the writer
    assert json.dumps(list(az), ensure_ascii=False)


def test_an_unknown_parser_reason_is_kept_as_it_is():
    assert reader_module.json_reason("Something new") == "Something new"
    assert reader_module.csv_reason(ValueError("odd")) == "odd"
