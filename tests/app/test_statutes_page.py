"""AppTest of the statute browser: opens in both languages, follows dates, compares, shows history and definitions."""
import pytest


@pytest.fixture
def page(app):
    app.switch_page("app_pages/statutes.py").run()
    assert not app.exception
    return app


@pytest.mark.parametrize("lang", ["az", "en"])
def test_opens_without_exception_in_both_languages(page, lang):
    app = page
    app.sidebar.radio(key="lang").set_value(lang).run()
    assert not app.exception
    assert app.subheader[0].value.startswith("271.1")


def test_offence_date_selects_the_wording_then_in_force(page):
    app = page
    app.toggle(key="browse-use-date").set_value(True).run()
    app.selectbox(key="browse-article").set_value("272").run()
    app.date_input(key="browse-date").set_value("2015-01-01").run()
    sanctions = next(d.value for d in app.dataframe if "Punishment" in d.value.columns)
    fine = sanctions.iloc[0]
    assert fine["Minimum"] == "1 000 AZN" and fine["Maximum"] == "2 000 AZN"
    assert "restriction of liberty" in list(sanctions["Punishment"])  # 2020 milder alternative, Art. 10.3
    assert any("10.3" in m.value for m in app.markdown)


def test_a_dated_wording_is_shown_beside_the_english_of_the_same_wording(page):
    app = page
    app.toggle(key="browse-use-date").set_value(True).run()
    app.date_input(key="browse-date").set_value("2015-01-01").run()
    texts = [m.value for m in app.markdown]
    assert any("min manatdan iki min manatadək" in x for x in texts)  # the 2012 wording of 271.1
    assert any("a fine of 1,000 to 2,000 manat" in x for x in texts)
    assert not any("a fine of 2,000 to 4,000 manat" in x for x in texts)


def test_date_before_2012_is_not_covered(page):
    app = page
    app.toggle(key="browse-use-date").set_value(True).run()
    app.date_input(key="browse-date").set_value("2011-06-01").run()
    assert "before the 2012 rewrite" in app.error[0].value
    assert not app.exception


def test_definitions_and_history_render(page):
    app = page
    texts = " ".join(m.value for m in app.markdown)
    assert "significant damage" in texts and "1 000 AZN" in texts
    assert "68-VIQD" in texts
