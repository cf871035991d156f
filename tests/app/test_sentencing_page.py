"""AppTest of the sentencing reference: parts chosen directly or by circumstances, facts, aggregate."""


def _open(app):
    app.switch_page("app_pages/sentencing.py").run()
    assert not app.exception
    return app


def _headings(app):
    return [m.value for m in app.markdown if m.value.startswith("####")]


def test_opens_with_a_reference(app):
    _open(app)
    assert _headings(app)[0].startswith("#### 271.1")


def test_two_parts_give_an_aggregate(app):
    _open(app)
    app.multiselect(key="sentencing_parts").set_value(["271.1", "273.1"]).run()
    assert any("Several offences together" in h for h in _headings(app))


def test_circumstances_choose_the_part(app):
    _open(app)
    app.radio(key="sentencing_mode").set_value("circumstances").run()
    app.selectbox(key="sentencing_label").set_value("272").run()
    app.multiselect(key="sentencing_circ").set_value(["repeat"]).run()
    assert "272.2" in app.success[0].value


def test_foreign_national_loses_restriction_of_liberty(app):
    _open(app)
    app.multiselect(key="sentencing_parts").set_value(["272.1"]).run()
    app.checkbox(key="sent_foreign").check().run()
    lines = [m.value for m in app.markdown if "restriction of liberty" in m.value]
    assert lines and all(m.startswith("~~**restriction of liberty**") and m.endswith("— **not available**") for m in lines)


def test_parts_of_one_article_ask_whether_they_are_separate_episodes(app):
    _open(app)
    app.multiselect(key="sentencing_parts").set_value(["273.1", "273.2"]).run()
    app.radio(key="sentencing_episodes").set_value("separate").run()
    texts = " ".join(m.value for m in app.markdown)
    assert "repeat (Art. 16.1)" in texts and "273.3" in texts
    assert not app.exception
    app.radio(key="sentencing_episodes").set_value("one_act").run()
    texts = " ".join(m.value for m in app.markdown)
    assert "neither reading is chosen" in texts and "Addition" not in texts


def test_the_offence_date_is_disabled_until_ticked(app):
    _open(app)
    assert app.date_input(key="sent_date").disabled
    app.checkbox(key="sent_use_date").check().run()
    assert not app.date_input(key="sent_date").disabled


def test_switching_language_keeps_the_mode_and_re_sends_it_under_the_new_labels(app):
    _open(app)
    app.radio(key="sentencing_mode").set_value("circumstances").run()
    app.sidebar.radio(key="lang").set_value("az").run()
    assert app.radio(key="sentencing_mode").value == "circumstances"
    assert app.selectbox(key="sentencing_label")  # the circumstances form is still shown
