"""Golden files: the seed-7, 20-question quiz in every format (English) and in GIFT (Azerbaijani).

Regenerate them deliberately, after a change to the scenarios, the statute data or an exporter, with:

    QUIZ_UPDATE_GOLDEN=1 python -m pytest tests/quiz/test_quiz_golden.py -q

then review the diff. Zip packages are compared member by member (their bytes depend on the zlib build).
"""
import io
import os
import zipfile
from pathlib import Path

import pytest

from quiz import build_quiz, export_quiz

GOLDEN = Path(__file__).parent / "golden"
SEED, COUNT = 7, 20
CASES = [("en", "gift", "gift"), ("en", "moodle-xml", "xml"), ("en", "qti12", "qti12.zip"), ("en", "qti21", "qti21.zip"),
         ("en", "csv", "csv"), ("en", "html", "html"), ("en", "markdown", "md"), ("az", "gift", "gift")]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@pytest.mark.parametrize("lang,fmt,ext", CASES)
def test_export_matches_golden_file(lang, fmt, ext):
    path = GOLDEN / f"quiz_seed{SEED}_{lang}.{ext}"
    data = export_quiz(build_quiz(COUNT, SEED, lang), fmt)
    if os.environ.get("QUIZ_UPDATE_GOLDEN"):
        path.write_bytes(data)
    expected = path.read_bytes()
    if ext.endswith(".zip"):
        assert _members(data) == _members(expected)
    else:
        assert data == expected


def test_golden_files_are_what_the_cli_writes(tmp_path):
    """The documented CLI command gives the same bytes as the golden file."""
    from quiz.cli import main
    out = tmp_path / "quiz.gift"
    assert main(["build", "--count", str(COUNT), "--seed", str(SEED), "--lang", "az", "--format", "gift", "-o", str(out)]) == 0
    assert out.read_bytes() == (GOLDEN / f"quiz_seed{SEED}_az.gift").read_bytes()
