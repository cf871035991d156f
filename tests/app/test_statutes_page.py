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


def _texts(app):
    return [m.value for m in app.markdown] + [c.value for c in app.caption]


def test_offence_date_selects_the_wording_then_in_force(page):
    app = page
    app.toggle(key="browse-use-date").set_value(True).run()
    app.selectbox(key="browse-article").set_value("272").run()
    app.date_input(key="browse-date").set_value("2015-01-01").run()
    lines = [m for m in _texts(app) if m.startswith("**fine**")]
    assert lines[0].startswith("**fine** 1,000 AZN – 2,000 AZN (Art. 272.1)")
    assert any(m.startswith("**restriction of liberty**") for m in _texts(app))  # 2020 milder alternative, Art. 10.3
    assert any("10.3" in m for m in _texts(app))


def test_the_azerbaijani_page_shows_no_english_note_id_or_kind(page):
    app = page
    app.sidebar.radio(key="lang").set_value("az").run()
    app.toggle(key="browse-use-date").set_value(True).run()
    app.date_input(key="browse-date").set_value("2015-01-01").run()
    texts = " ".join(_texts(app))
    assert "Hazırkı rəsmi mətn; cərimə 707-VQD nömrəli Qanunun düzəliş qeydində göstərilən 2012-ci il məbləğinə qaytarılıb." in texts
    for english in ("Current official text", "computer_system", "· *object*", "Laws No.", "AZN", "Art. "):
        assert english not in texts
    assert "kompyuter sistemi və ya onun hər hansı bir hissəsi · *obyekt*" in texts
    assert "bu fondların idarəçiləri — 563-VQD/575-VQD (2017-04-07)" in texts  # the Note's history in Azerbaijani
    assert not any(m.startswith("**kompyuter sistemi** · kompyuter sistemi") for m in texts.split("\n"))


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
    assert "significant damage" in texts and "1,000 AZN" in texts
    assert "68-VIQD" in texts
