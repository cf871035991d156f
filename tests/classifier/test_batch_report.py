"""The batch report (``python -m classifier classify … --report FILE.html``) in both languages: golden files of a
hand-made summary (independent of the model), every text of the Azerbaijani one in Azerbaijani, the file's own
names escaped.

Regenerate the golden files after a deliberate change with
``UPDATE_GOLDEN=1 pytest tests/classifier/test_batch_report.py``.
"""
import base64
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from classifier.bulk import Summary
from classifier.bulk import io as batch_io

GOLDEN = Path(__file__).parent / "golden"
LABELS = ["271", "272", "273.1", "273.2", "273-1", "273-2"]
PNG = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')
"""The embedded charts: compared as "a PNG", not byte by byte (matplotlib's output differs between versions)."""


@pytest.fixture(scope="module")
def summary() -> Summary:
    """Six rows: two on one day, one a day later, one with no readable date, one with no article, one in error."""
    s = Summary(LABELS, "<b>day</b>")
    s.add(pd.DataFrame({
        "<b>day</b>": ["2025-01-03", "2025-01-03", "2025-01-04", "not a date", "2025-01-05", "2025-01-05"],
        "articles": ["271", "271;272", "273-1", "272", "none", ""],
        "parts": ["271.1", "271.1;272.1", "273-1.1", "272.1", "none", ""],
        "error": ["", "", "", "", "", "the text is empty or has no words"],
    }))
    return s


def _report(summary, tmp_path, lang) -> str:
    path = tmp_path / "r.html"
    batch_io.write_report(summary, str(path), source="<i>log</i>.csv", lang=lang)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "az"])
def test_the_report_matches_its_golden_file(summary, tmp_path, lang):
    out = _report(summary, tmp_path, lang)
    png = PNG.search(out)
    assert png and base64.b64decode(png[1])[:8] == b"\x89PNG\r\n\x1a\n"
    out = PNG.sub('src="data:image/png;base64,…"', out)
    path = GOLDEN / f"batch_report.{lang}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_the_azerbaijani_report_has_no_english_words_and_escapes_the_files_names(summary, tmp_path):
    out = PNG.sub("", _report(summary, tmp_path, "az"))
    words = re.sub(r"<[^>]*>|&lt;/?[bi]&gt;|\blog\b|\bcsv\b|\bday\b|\bhtml\b|\butf-8\b|\bnot a date\b", " ", out)
    english = re.compile(r"\b(report|input|rows?|error|article|part|period|none|classified|readable|date|charts?)\b",
                         re.I)
    assert english.findall(words) == []
    assert '<html lang="az">' in out and "<b>day</b>" not in out and "&lt;b&gt;day&lt;/b&gt;" in out


@pytest.mark.parametrize("lang, title", [(None, "<title>Classification report</title>"),
                                         ("az", "<title>Təsnifat hesabatı</title>")])
def test_the_command_line_writes_the_report_in_the_language_asked_for(model, tmp_path, capsys, lang, title):
    from classifier.cli import main
    src = tmp_path / "in.csv"
    src.write_text("text\nsomeone logged into my e-mail and changed the password\n", encoding="utf-8")
    report = tmp_path / "r.html"
    options = ["--lang", lang] if lang else []
    assert main(["classify", str(src), "-o", str(tmp_path / "o.csv"), "--report", str(report), *options]) == 0
    assert title in report.read_text(encoding="utf-8")
