"""AppTest of the main flow: analyse a scenario, see an article and a penalty, change a known fact and see the
part change, user text shown as text (no HTML or Markdown injection), downloads, examples and help, long pastes,
the first-use notice."""
import datetime as dt
from concurrent.futures import Future

import pytest

RANSOM = ("Hackers broke into the servers of Kapital Bank and encrypted the customer database; the bank puts the "
          "losses at 2 million manat.")


def _analyse(app, text):
    app.text_area(key="incident_text").input(text)  # set and submit in one run: AppTest drops pending form values on rerun
    app.button(key="analyse_submit").click().run()
    assert not app.exception
    return app


def _parts(app):
    return [m.value for m in app.markdown if m.value.startswith("**Part")]


def _texts(app):
    return [m.value for m in app.markdown] + [c.value for c in app.caption]


@pytest.mark.parametrize("lang", ["az", "en"])
def test_page_opens_in_both_languages(app, lang):
    app.sidebar.radio(key="lang").set_value(lang).run()
    assert not app.exception and app.info  # asks for a description first


def test_analysis_shows_articles_parts_and_penalties(app):
    _analyse(app, RANSOM)
    titles = [s.value for s in app.subheader]
    assert any(t.startswith("271 ") for t in titles) and any(t.startswith("273.1 ") for t in titles)
    assert any("271.3" in p for p in _parts(app))


@pytest.mark.parametrize("lang,line", [
    ("en", "**imprisonment for a fixed term** 3 months (Art. 55.2) – 2 years (Art. 271.1) · main (alternative)"),
    ("az", "**müəyyən müddətə azadlıqdan məhrum etmə** 3 ay (maddə 55.2) – 2 il (maddə 271.1) · əsas (alternativ)"),
])
def test_each_punishment_is_one_line_with_its_range_unit_role_and_articles(app, lang, line):
    app.sidebar.radio(key="lang").set_value(lang).run()
    _analyse(app, "Someone guessed my password and logged into my e-mail account without permission.")
    assert line in _texts(app)
    assert not [d for d in app.dataframe]  # no table whose columns hide off to the right


def test_category_and_limitation_are_written_out_not_cut_in_a_metric(app):
    _analyse(app, "Someone guessed my password and logged into my e-mail account without permission.")
    assert not app.metric
    assert any("**Category:** not of great public danger (minor gravity) (Art. 15.2)" in m for m in _texts(app))
    assert any("**Limitation period:** 2 years (Art. 75.1)" in m for m in _texts(app))


def test_known_facts_are_collapsed_and_the_results_are_brought_into_view(app):
    facts = next(e for e in app.expander if e.label.startswith("Known facts"))
    assert not facts.proto.expanded
    _analyse(app, RANSOM)
    scripts = [h.proto.body for h in app.get("html")]
    assert any(".st-key-results" in s and "scrollIntoView" in s for s in scripts)
    app.radio(key="fact_repeat").set_value("yes").run()  # a fact changed: no scroll away from the facts
    assert not any("scrollIntoView" in h.proto.body for h in app.get("html"))
    assert next(e for e in app.expander if e.label.startswith("Known facts")).label.endswith("(1)")


def test_changing_a_known_fact_changes_the_part_without_retyping(app):
    _analyse(app, RANSOM)
    assert any("271.3" in p for p in _parts(app))
    app.radio(key="fact_public_infrastructure").set_value("no").run()
    assert any("271.1" in p for p in _parts(app)) and not any("271.3" in p for p in _parts(app))
    app.radio(key="fact_repeat").set_value("yes").run()
    assert any("271.2" in p for p in _parts(app))


def test_out_of_scope_is_said_once_and_suggests_no_wrong_article(app):
    _analyse(app, "I paid 300 manat to an Instagram shop for a phone that never arrived; they blocked me.")
    said = [m for m in _texts(app) + [i.value for i in app.info] if "Out of scope" in m]
    assert len(said) == 1 and "178" not in said[0] and "fraud" not in said[0]


def test_low_confidence_is_said_once(app):
    _analyse(app, "My account.")
    said = [m for m in _texts(app) + [w.value for w in app.warning] if "Low confidence" in m]
    assert len(said) <= 1


def test_the_offence_date_is_disabled_until_ticked(app):
    assert app.date_input(key="analyse_date").disabled
    app.checkbox(key="analyse_use_date").check().run()
    assert not app.date_input(key="analyse_date").disabled


MAILBOX = "Someone guessed my password and logged into my e-mail account without permission."


def _date_applied(app) -> str:
    return next(i.value for i in app.info if "offence date" in i.value.lower() or "əməl tarixi" in i.value.lower()
                or "əməlin tarixi" in i.value.lower())


@pytest.mark.parametrize("lang,said", [
    ("en", "Offence date applied: **2015-06-01**. The penalties shown are those of the wording in force on that date"),
    ("az", "Tətbiq edilən əməl tarixi: **2015-06-01**. Göstərilən cəzalar həmin tarixdə qüvvədə olan redaksiyaya"),
])
def test_the_result_says_which_offence_date_it_applied_and_the_wording_used(app, lang, said):
    """A typed date reaches the app only on Enter or blur (Streamlit's date_input), so the result names the date
    it used: a user who pressed Analyse with the date still in the field sees whether it was taken."""
    app.sidebar.radio(key="lang").set_value(lang).run()
    app.checkbox(key="analyse_use_date").check().run()
    app.date_input(key="analyse_date").set_value(dt.date(2015, 6, 1))
    _analyse(app, MAILBOX)
    notice = _date_applied(app)
    assert notice.startswith(said)
    version = {"en": "271.1 in the version in force from 2012-06-29", "az": "271.1, 2012-06-29 tarixindən qüvvədə"}
    assert version[lang] in notice


def test_without_an_offence_date_the_result_says_none_was_applied(app):
    app.checkbox(key="analyse_use_date").check().run()
    app.date_input(key="analyse_date").set_value(dt.date(2015, 6, 1)).run()
    app.checkbox(key="analyse_use_date").uncheck().run()  # a date left in the field, the box unticked
    _analyse(app, MAILBOX)
    notice = _date_applied(app)
    assert notice.startswith("No offence date applied: the penalties shown are those of the current wording.")
    assert "271.1 in the version in force from 2017-05-31" in notice and "2015-06-01" not in notice


def test_a_date_changed_after_analyse_is_applied_and_named_at_once(app):
    app.checkbox(key="analyse_use_date").check().run()
    _analyse(app, MAILBOX)
    assert "**2021-01-01**" in _date_applied(app)
    app.date_input(key="analyse_date").set_value(dt.date(2016, 2, 3)).run()
    assert "**2016-02-03**" in _date_applied(app) and "2012-06-29" in _date_applied(app)


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


def test_downloads_offered_in_the_page_language(app):
    app.sidebar.radio(key="lang").set_value("az").run()
    _analyse(app, RANSOM)
    buttons = {b.label: b for b in app.get("download_button")}
    assert any("Markdown" in lab for lab in buttons) and any("HTML" in lab for lab in buttons)


@pytest.mark.parametrize("lang,expected", [("en", "longer than any training incident"), ("az", "mətn uzundur")])
def test_a_long_text_is_analysed_with_a_warning_in_the_page_language(app, lang, expected):
    app.sidebar.radio(key="lang").set_value(lang).run()
    filler = " The annual meeting of shareholders will take place in April at the head office."
    _analyse(app, RANSOM + filler * 40)  # over LONG_TEXT (2,500 characters)
    assert any(expected in w.value for w in app.warning)
    verdicts = [m.value for m in app.markdown if m.value.startswith("### ")] + [i.value for i in app.info]
    assert verdicts or any("Low confidence" in w.value for w in app.warning)  # a verdict is still given


def test_a_paste_over_the_limit_is_kept_and_analysed_in_part_with_a_clear_warning(app):
    _analyse(app, (RANSOM + " ") * 300)  # about 35,000 characters
    assert len(app.text_area(key="incident_text").value) > 30_000  # the box keeps what was pasted
    assert any("over the limit of 20,000: only the first 20,000 were analysed" in w.value for w in app.warning)
    assert app.subheader


@pytest.mark.parametrize("lang", ["en", "az"])
def test_an_example_loads_with_one_click_in_the_page_language(app, lang):
    app.sidebar.radio(key="lang").set_value(lang).run()
    app.button(key="example-mailbox").click().run()
    loaded = app.text_area(key="incident_text").value
    assert ("password" in loaded) if lang == "en" else ("parol" in loaded)
    app.button(key="analyse_submit").click().run()
    assert any(s.value.startswith("271 ") for s in app.subheader)


def test_help_says_what_the_tool_is_not_and_links_the_official_text(app):
    help_box = next(e for e in app.expander if e.label.startswith("What this tool is"))
    text = " ".join(m.value for m in help_box.markdown)
    assert "not legal advice" in text and "https://e-qanun.az/" in text
    assert all(f"[Art. {a}](https://e-qanun.az/" in text for a in ("271", "272", "273", "273-1", "273-2"))


def test_while_the_model_is_prepared_a_plain_notice_is_at_the_top(app, monkeypatch):
    import time

    from app_pages import ui
    pending = Future()
    monkeypatch.setattr(ui, "_model_build", lambda: (pending, time.monotonic() - 12))
    app.run()
    notice = app.info[0].value
    assert notice.startswith("Preparing the classifier for first use") and "training_data" not in notice
    assert "12 s so far" in notice
