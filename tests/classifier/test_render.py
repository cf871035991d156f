"""The reports of an analysis (Markdown and printable HTML) in both languages: golden files of a hand-made
analysis (independent of the model), units and "Art." in the report's language, the user's text shown literally.

Regenerate the golden files after a deliberate change with ``UPDATE_GOLDEN=1 pytest tests/classifier/test_render.py``.
"""
import os
from pathlib import Path

import pytest

import statutes
from classifier.analysis import Analysis, Candidate, ElementCheck, Finding, analysis_html, analysis_markdown
from classifier.findings import Span
from i18n import Text

GOLDEN = Path(__file__).parent / "golden"
TEXT = "Hackers broke into the bank's server and demanded a ransom. <script>alert(1)</script> **x** ```y"


def _span(word: str, source: str = "cue") -> Span:
    start = TEXT.index(word)
    return Span(start, start + len(word), word, source)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    table = statutes.load_table()
    choice = table.select_part("271", ["public_infrastructure"])
    part = table.part("271.1")
    desc = {e.id: Text.fixed({"en": e.en, "az": e.az}) for e in part.elements}
    elements = (
        ElementCheck("computer_system", "object", desc["computer_system"], True, (_span("server"),)),
        ElementCheck("means_or_purpose", "circumstance", desc["means_or_purpose"], False, (), Text("classifier.not_evident")),
        ElementCheck("intent", "mental", desc["intent"], True, (_span("demanded a ransom"),),
                     Text("classifier.intent_inferred"), inferred=True),
    )
    candidate = Candidate("271", table.label_title("271"), 0.94, 0.4, True, choice, elements,
                          statutes.reference(choice.part, table=table), (_span("Hackers broke", "model"),))
    found = (Finding("public_infrastructure", True, "text", 0.9, (_span("bank"),)),)
    return Analysis(TEXT, (candidate,), "offences", found, None, (Text("classifier.short_text"),))


@pytest.mark.parametrize("lang", ["en", "az"])
@pytest.mark.parametrize("kind", ["md", "html"])
def test_reports_match_their_golden_files(analysis, kind, lang):
    out = (analysis_markdown if kind == "md" else analysis_html)(analysis, lang)
    path = GOLDEN / f"report.{lang}.{kind}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("render", [analysis_markdown, analysis_html], ids=["md", "html"])
def test_the_azerbaijani_report_has_no_english_units_or_article_abbreviation(analysis, render):
    out = render(analysis, "az")
    assert "maddə 271.3" in out and " il" in out and "Qeyd 3" in out
    for english in ("months", "AZN", "Art.", "years", "inferred", "Note"):
        assert english not in out


def test_markdown_shows_the_users_text_literally_in_a_fence_longer_than_any_inside(analysis):
    out = analysis_markdown(analysis, "en")
    assert f"````text\n{TEXT}\n````" in out
    assert "&lt;" not in out and "\\(" not in out


def test_html_is_a_printable_page_with_the_users_text_escaped(analysis):
    out = analysis_html(analysis, "az")
    assert "<html lang='az'>" in out and "@media print" in out
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
