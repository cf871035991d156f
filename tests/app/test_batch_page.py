"""AppTest of the batch page: upload a CSV, classify, see results and charts, download CSV and XLSX; bad uploads
get a clear message, in the page's language."""
import html
import io
import re
import zipfile
from pathlib import Path

import pytest

CSV = ("id,description,source\n"
       "1,Hackers broke into the bank's servers and encrypted the database; losses 2 million manat.,news\n"
       "2,,log\n"
       "3,=HYPERLINK(\"http://x\") someone logged into my e-mail and changed the password,complaint\n"
       "4,I lost my phone on the bus.,complaint\n").encode()


@pytest.fixture
def page(app):
    app.switch_page("app_pages/batch.py").run()
    assert not app.exception
    return app


def _upload(app, name, data, mime="text/csv"):
    app.file_uploader(key="batch_upload").set_value((name, data, mime)).run()
    assert not app.exception
    return app


def test_page_explains_its_caps(page):
    assert any("python -m classifier classify" in c.value for c in page.caption)


def _classify(page):
    _upload(page, "log.csv", CSV)
    page.selectbox(key="batch_text_column").set_value("description").run()
    page.button(key="batch_classify").click().run()
    assert not page.exception
    return next(d.value for d in page.dataframe if "Articles" in d.value.columns or "Maddələr" in d.value.columns)


def test_upload_classify_and_download(page):
    table = _classify(page)
    assert list(table["id"]) == ["1", "2", "3", "4"]
    assert table.loc[1, "Error"] != "" and table.loc[3, "Articles"] == "no article"
    assert table.loc[1, "P(271)"] == "" and float(table.loc[0, "P(271)"]) >= 0
    assert list(table.columns[:4]) == ["Error", "Articles", "Parts", "description"]  # the error column in view
    assert "P(271)" in table.columns
    labels = [b.label for b in page.get("download_button")]
    assert {"Download CSV", "Download CSV for Excel", "Download XLSX"} <= set(labels)
    assert [m.value for m in page.metric] == ["4", "1", "1"]
    assert any("byte-order mark Excel needs" in c.value for c in page.caption)


def test_a_preview_of_the_first_rows_comes_before_classifying(page):
    _upload(page, "log.csv", CSV)
    preview = next(d.value for d in page.dataframe)
    assert list(preview.columns) == ["id", "description", "source"] and len(preview) == 4
    assert not any("Articles" in d.value.columns for d in page.dataframe)


def test_the_chart_leaves_none_out_and_says_so(page):
    _classify(page)
    assert len(page.get("vega_lite_chart")) == 2
    assert any(c.value == "Not charted: 1 rows with no Chapter 30 article." for c in page.caption)


def test_azerbaijani_headers_and_row_errors(page):
    page.sidebar.radio(key="lang").set_value("az").run()
    table = _classify(page)
    assert list(table.columns[:3]) == ["Xəta", "Maddələr", "Hissələr"]
    assert table.loc[1, "Xəta"] == "mətn boşdur və ya onda söz yoxdur"


def test_a_sample_file_is_offered(page):
    sample = page.get("download_button")[0]
    assert sample.label == "Download a small sample log to try"


def test_filters(page):
    _classify(page)
    page.checkbox(key="batch_errors_only").check().run()
    table = next(d.value for d in page.dataframe if "Articles" in d.value.columns)
    assert list(table["id"]) == ["2"]


def test_unreadable_upload_gets_a_message(page):
    _upload(page, "log.xlsx", b"this is not a workbook", "application/octet-stream")
    assert page.error and "cannot be read" in page.error[0].value


def test_file_over_the_cap_is_refused(page, monkeypatch):
    monkeypatch.setenv("CYBERCRIME_UPLOAD_MB", "0.0001")
    page.switch_page("app_pages/batch.py").run()
    _upload(page, "log.csv", CSV)
    assert page.error and "over the" in page.error[0].value


# ---- issue 15: the library's messages in the page's language ----------------------------------------------------
FIXTURES = Path(__file__).resolve().parents[1] / "classifier" / "batch_fixtures"
ENGLISH = re.compile(r"\b(the|not|is|has|where|cannot|line|field|fields|header|encoding|classified|column|of|and)\b")
"""English words of the reader's messages; none may be left in the Azerbaijani page's (file names aside)."""
OPTION = re.compile(r"--[a-z][a-z-]*")
"""A command-line option: the page's messages name none (its user has no command line)."""


def _shown(page) -> list[str]:
    """What the page says about the file: errors, warnings, reading notes and the table's error column."""
    said = [e.value for e in page.error] + [w.value for w in page.warning]
    said += [c.value for c in page.caption if c.value.startswith("Oxuma qeydləri")]
    said = [html.unescape(s) for s in said]  # messages are escaped for Markdown: they quote the file's own names
    tables = [d.value for d in page.dataframe if "Xəta" in d.value.columns]
    return said + [e for table in tables for e in table["Xəta"] if e]


@pytest.mark.parametrize("name, classify, expected", [
    ("malformed.csv", True, ["sətir 3: sətirdə 4 sahə var, başlıqda isə 3; təsnif edilmədi",
                             "sətir 5: pozuq sətir: '\"' işarəsindən sonra ',' gözlənilirdi; təsnif edilmədi",
                             "sətir 7: pozuq sətir (qeyd sətir 8 daxil olmaqla davam edir)"]),
    ("not_text.csv", False, ["Fayl oxuna bilmir: fayl dəstəklənən heç bir kodlaşdırmada (UTF-8, UTF-16, "
                             "Windows-1251, …) mətn deyil"]),
    ("missing_column.csv", False, ['"text" adlı sütun yoxdur: aşağıda hadisə təsvirlərinin olduğu sütunu seçin']),
    ("mixed_encoding.csv", True, ["mətndə oxuna bilməyən baytlar var"]),
    ("cp1251.csv", True, ["fayl UTF-8 deyil və bayt sırası nişanı (BOM) yoxdur: kodlaşdırması cp1251 kimi təxmin "
                          "edildi"]),
])
def test_messages_about_a_bad_file_are_in_azerbaijani(page, name, classify, expected):
    page.sidebar.radio(key="lang").set_value("az").run()
    _upload(page, name, (FIXTURES / name).read_bytes())
    if classify:
        page.button(key="batch_classify").click().run()
        assert not page.exception
    said = _shown(page)
    for fragment in expected:
        assert any(fragment in s for s in said), (fragment, said)
    assert [s for s in said if ENGLISH.search(s.replace(name, ""))] == []


def test_a_message_names_the_file_as_uploaded_not_the_copy_read(page):
    page.sidebar.radio(key="lang").set_value("az").run()
    _upload(page, "incidents.csv", b"")
    assert html.unescape(page.error[0].value) == "Fayl oxuna bilmir: incidents.csv boşdur: başlıq sətri yoxdur"


def test_the_same_messages_stay_english_in_the_english_page(page):
    _upload(page, "malformed.csv", (FIXTURES / "malformed.csv").read_bytes())
    page.button(key="batch_classify").click().run()
    table = next(d.value for d in page.dataframe if "Error" in d.value.columns)
    assert "line 3: 4 fields where the header has 3; not classified" in list(table["Error"])


# ---- issue 15c: the page says what its user can do, not which command-line option to pass --------------------
def _zipped() -> bytes:
    """A zip archive (an XLSX workbook is one) uploaded under a .csv name."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


PAGE_ADVICE = {  # message kind: (upload name, bytes, classify?, what the page says instead, what the CLI says)
    "zip": ("log.csv", _zipped, False, {"en": "give it a name ending in .xlsx", "az": "adını .xlsx ilə bitirib"},
            "--input-format xlsx"),
    "not_text": ("not_text.csv", lambda: (FIXTURES / "not_text.csv").read_bytes(), False,
                 {"en": "save it as UTF-8", "az": "UTF-8 kimi saxlayıb"}, "--encoding"),
    "undecodable": ("mixed_encoding.csv", lambda: (FIXTURES / "mixed_encoding.csv").read_bytes(), True,
                    {"en": "save the file as UTF-8", "az": "faylı UTF-8 kimi saxlayıb"}, "--encoding"),
}


def _everything_said(page) -> list[str]:
    """Every error, warning, caption, Markdown text and error cell of the page, unescaped."""
    said = [html.unescape(e.value) for e in (*page.error, *page.warning, *page.caption, *page.markdown)]
    tables = [d.value for d in page.dataframe if {"Error", "Xəta"} & set(d.value.columns)]
    return said + [e for table in tables for col in ("Error", "Xəta") if col in table for e in table[col] if e]


@pytest.mark.parametrize("lang", ["en", "az"])
@pytest.mark.parametrize("kind", list(PAGE_ADVICE))
def test_the_page_names_no_command_line_option(page, kind, lang):
    name, data, classify, advice, _ = PAGE_ADVICE[kind]
    page.sidebar.radio(key="lang").set_value(lang).run()
    _upload(page, name, data())
    if classify:
        page.button(key="batch_classify").click().run()
        assert not page.exception
    said = [s for s in _everything_said(page) if "python -m classifier" not in s]  # the caption pointing to the CLI
    assert any(advice[lang] in s for s in said), (advice[lang], said)
    assert [s for s in said if OPTION.search(s)] == []


@pytest.mark.parametrize("kind", list(PAGE_ADVICE))
def test_the_command_line_still_names_its_option(model, kind, tmp_path, capsys):
    from classifier.cli import main
    name, data, _, _, option = PAGE_ADVICE[kind]
    source = tmp_path / name
    source.write_bytes(data())
    out = tmp_path / "out.csv"
    main(["classify", str(source), "-o", str(out)])
    said = capsys.readouterr().err + (out.read_text(encoding="utf-8") if out.exists() else "")
    assert option in said


# ---- issue 15c: a file in which no row can be classified -------------------------------------------------------
NO_TEXT = b"id,text\n1,\n2,   \n3,\n4,...\n"
NONE_CLASSIFIED = {
    "en": "No row could be classified: all 4 rows have an error. The commonest (4 rows): the text is empty or has no "
          "words.",
    "az": "Heç bir sətir təsnif edilə bilmədi: 4 sətrin hamısında xəta var. Ən çox rast gələn xəta (4 sətir): mətn "
          "boşdur və ya onda söz yoxdur.",
}


@pytest.mark.parametrize("lang", ["en", "az"])
def test_a_file_with_no_classifiable_row_gets_a_notice_instead_of_empty_charts(page, lang):
    page.sidebar.radio(key="lang").set_value(lang).run()
    _upload(page, "empty.csv", NO_TEXT)
    page.button(key="batch_classify").click().run()
    assert not page.exception
    assert [html.unescape(w.value) for w in page.warning if w.value.startswith(NONE_CLASSIFIED[lang][:20])] \
        == [NONE_CLASSIFIED[lang] + " " + ("The table below gives each row's error, and the downloads keep every row "
                                          "with it." if lang == "en" else "Aşağıdakı cədvəldə hər sətrin xətası "
                                          "göstərilir; yüklənən fayllarda bütün sətirlər xətaları ilə saxlanılır.")]
    assert page.get("vega_lite_chart") == []  # the two charts are drawn for a file with a classified row
    table = next(d.value for d in page.dataframe if {"Error", "Xəta"} & set(d.value.columns))
    assert list(table["id"]) == ["1", "2", "3", "4"] and all(table["Error" if lang == "en" else "Xəta"])
    assert len([b for b in page.get("download_button") if b.key and b.key.startswith("batch_dl_")]) == 3


def test_the_commonest_reason_counts_rows_whatever_their_line(page):
    _upload(page, "shifted.csv", b"id,text\n1,a,b\n2,c,d\n3,\n")
    page.button(key="batch_classify").click().run()
    notice = next(html.unescape(w.value) for w in page.warning if w.value.startswith("No row could be classified"))
    assert "The commonest (2 rows): 3 fields where the header has 2; not classified." in notice
