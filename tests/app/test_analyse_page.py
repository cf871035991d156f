"""AppTest of the main flow: analyse a scenario, see an article and a penalty, change a known fact and see the
part change, user text shown as text (no HTML or Markdown injection), downloads."""
import pytest

RANSOM = ("Hackers broke into the servers of Kapital Bank and encrypted the customer database; the bank puts the "
          "losses at 2 million manat.")


def _analyse(app, text):
    app.text_area(key="incident_text").input(text)  # set and submit in one run: AppTest drops pending form values on rerun
    app.button[0].click().run()
    assert not app.exception
    return app


def _parts(app):
    return [m.value for m in app.markdown if m.value.startswith("**Part")]


@pytest.mark.parametrize("lang", ["az", "en"])
def test_page_opens_in_both_languages(app, lang):
    app.sidebar.radio(key="lang").set_value(lang).run()
    assert not app.exception and app.info  # asks for a description first


def test_analysis_shows_articles_parts_and_penalties(app):
    _analyse(app, RANSOM)
    titles = [s.value for s in app.subheader]
    assert any(t.startswith("271 ") for t in titles) and any(t.startswith("273.1 ") for t in titles)
    assert any("271.3" in p for p in _parts(app))
    sanctions = next(d.value for d in app.dataframe if "Punishment" in d.value.columns)
    assert "imprisonment for a fixed term" in list(sanctions["Punishment"])


def test_changing_a_known_fact_changes_the_part_without_retyping(app):
    _analyse(app, RANSOM)
    assert any("271.3" in p for p in _parts(app))
    app.radio(key="fact_public_infrastructure").set_value("no").run()
    assert any("271.1" in p for p in _parts(app)) and not any("271.3" in p for p in _parts(app))
    app.radio(key="fact_repeat").set_value("yes").run()
    assert any("271.2" in p for p in _parts(app))


def test_out_of_scope_text_says_so(app):
    _analyse(app, "I paid 300 manat to an Instagram shop for a phone that never arrived; they blocked me.")
    assert any("Out of scope" in m.value for m in app.markdown)


@pytest.mark.parametrize("payload,forbidden", [
    ("<script>alert('x')</script> hackers broke into the bank server", "<script>"),
    ("**bold** [link](http://evil.example) hackers broke into the bank server", "**bold**"),
    ("<img src=x onerror=alert(1)> someone logged into my account and changed my password", "<img"),
], ids=["script", "markdown", "img"])
def test_user_text_is_never_rendered_as_markup(app, payload, forbidden):
    _analyse(app, payload)
    html_blocks = [m.value for m in app.markdown if "<mark" in m.value]
    assert html_blocks, "the analysis should highlight words"
    for block in html_blocks:
        assert forbidden not in block


def test_empty_text_asks_for_a_description(app):
    _analyse(app, "   ")
    assert app.info and not app.subheader


def test_binary_like_text_gets_a_clear_error(app):
    _analyse(app, "\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + "abc")
    assert app.error and "cannot be analysed" in app.error[0].value


def test_downloads_offered(app):
    _analyse(app, RANSOM)
    labels = [b.label for b in app.get("download_button")]
    assert any("Markdown" in lab for lab in labels) and any("HTML" in lab for lab in labels)


@pytest.mark.parametrize("lang,expected", [("en", "longer than any training incident"), ("az", "mətn uzundur")])
def test_a_long_text_is_analysed_with_a_warning_in_the_page_language(app, lang, expected):
    app.sidebar.radio(key="lang").set_value(lang).run()
    filler = " The annual meeting of shareholders will take place in April at the head office."
    _analyse(app, RANSOM + filler * 20)
    assert any(expected in w.value for w in app.warning)
    assert any(m.value.startswith("### ") for m in app.markdown)  # a verdict is still given
