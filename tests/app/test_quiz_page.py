"""AppTest of quizzes: an instructor builds, previews, saves and exports; a trainee takes the quiz and gets
per-answer feedback and a score; the results view shows the attempt."""
import pytest


@pytest.fixture
def page(app):
    app.switch_page("app_pages/quiz.py").run()
    assert not app.exception
    return app


def _build_and_save(app, lang="en"):
    app.radio(key="quiz_lang").set_value(lang).run()
    app.number_input(key="quiz_count").set_value(6).run()
    app.button(key="quiz_build_button").click().run()
    app.button(key="quiz_save_button").click().run()
    assert not app.exception
    return app


def test_build_preview_and_export(page):
    _build_and_save(page)
    assert any(m.value.startswith("**q01.**") for m in page.markdown)
    assert any("Saved as quiz #1" in s.value for s in page.success)
    assert page.get("download_button")


def test_quiz_in_azerbaijani(page):
    _build_and_save(page, "az")
    assert any("(seed 7)" in m.value or "toxum 7" in m.value.lower() for m in page.markdown)


def test_trainee_gets_feedback_and_a_score(page):
    _build_and_save(page)
    page.text_input(key="take_name").input("Aysel")
    for r in page.radio:
        if r.key and r.key.startswith("take-"):
            r.set_value(0)
    submit = next(b for b in page.button if b.label == "Submit answers")
    submit.click().run()
    assert not page.exception
    assert page.metric and page.metric[0].label == "Score"
    feedback = [b.value for b in page.success] + [b.value for b in page.error]
    assert len([f for f in feedback if f.startswith("**q")]) == 6


def test_results_show_the_attempt(page):
    _build_and_save(page)
    page.text_input(key="take_name").input("Rauf")
    next(b for b in page.button if b.label == "Submit answers").click().run()
    page.run()
    frames = [d.value for d in page.dataframe]
    assert any("Rauf" in list(f.get("Your name", [])) for f in frames)


def test_unknown_filter_combination_is_a_clear_error(page):
    page.multiselect(key="quiz_kinds").set_value([page.multiselect(key="quiz_kinds").options[0]]).run()
    page.number_input(key="quiz_count").set_value(100).run()
    page.button(key="quiz_build_button").click().run()
    assert page.error and "Cannot build this quiz" in page.error[0].value
