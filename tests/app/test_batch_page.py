"""AppTest of the batch page: upload a CSV, classify, see results and charts, download CSV and XLSX; bad uploads
get a clear message."""
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
