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
    assert "python -m classifier classify" in page.caption[0].value


def test_upload_classify_and_download(page):
    _upload(page, "log.csv", CSV)
    page.selectbox(key="batch_text_column").set_value("description").run()
    page.button(key="batch_classify").click().run()
    assert not page.exception
    table = next(d.value for d in page.dataframe if "articles" in d.value.columns)
    assert list(table["id"]) == ["1", "2", "3", "4"]
    assert table.loc[1, "error"] != "" and table.loc[3, "articles"] == "none"
    labels = [b.label for b in page.get("download_button")]
    assert "Download CSV" in labels and "Download XLSX" in labels
    assert [m.value for m in page.metric] == ["4", "1"]


def test_filters(page):
    _upload(page, "log.csv", CSV)
    page.selectbox(key="batch_text_column").set_value("description").run()
    page.button(key="batch_classify").click().run()
    page.checkbox(key="batch_errors_only").check().run()
    table = next(d.value for d in page.dataframe if "articles" in d.value.columns)
    assert list(table["id"]) == ["2"]


def test_unreadable_upload_gets_a_message(page):
    _upload(page, "log.xlsx", b"this is not a workbook", "application/octet-stream")
    assert page.error and "cannot be read" in page.error[0].value


def test_file_over_the_cap_is_refused(page, monkeypatch):
    monkeypatch.setenv("CYBERCRIME_UPLOAD_MB", "0.0001")
    page.switch_page("app_pages/batch.py").run()
    _upload(page, "log.csv", CSV)
    assert page.error and "over the" in page.error[0].value
