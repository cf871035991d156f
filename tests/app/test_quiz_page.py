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
    import quiz
    page.multiselect(key="quiz_kinds").set_value([next(iter(quiz.KINDS))]).run()
    page.number_input(key="quiz_count").set_value(100).run()
    page.button(key="quiz_build_button").click().run()
    assert page.error and "Cannot build this quiz" in page.error[0].value


def test_kinds_difficulty_and_formats_are_named_in_the_page_language(page):
    page.sidebar.radio(key="lang").set_value("az").run()
    kinds = page.multiselect(key="quiz_kinds")
    assert "Cinayətin kateqoriyası" in kinds.options and "missing_element" not in kinds.options
    assert page.selectbox(key="quiz_difficulty").options == ["istənilən", "asan", "orta", "çətin"]
    assert kinds.proto.placeholder == "Seçin…"
    page.button(key="quiz_build_button").click().run()
    assert "QTI 1.2 (Canvas)" in page.selectbox(key="quiz_format").options
    assert "Cavablarla baxış" in [e.label for e in page.expander]


def test_switching_to_english_builds_an_english_quiz(page):
    page.sidebar.radio(key="lang").set_value("az").run()
    assert page.radio(key="quiz_lang").value == "az"
    page.sidebar.radio(key="lang").set_value("en").run()
    assert page.radio(key="quiz_lang").value == "en"
    page.button(key="quiz_build_button").click().run()
    assert any("Which" in m.value or "What" in m.value or "True" in m.value for m in page.markdown)
    assert page.selectbox(key="quiz_difficulty").options[0] == "any"


@pytest.mark.parametrize("fmt,name", [("qti12", "quiz-7-qti12-az.zip"), ("qti21", "quiz-7-qti21-az.zip"),
                                      ("gift", "quiz-7-gift-az.gift")])
def test_export_files_are_named_by_format_and_language(fmt, name):
    import quiz
    assert quiz.file_name(quiz.build_quiz(3, 7, "az"), fmt) == name  # the page names its download so (browser test)


def test_results_chart_every_question_with_percent_scores_and_readable_times(page):
    _build_and_save(page)
    page.text_input(key="take_name").input("Leyla")
    next(b for b in page.button if b.label == "Submit answers").click().run()  # nothing answered
    page.run()
    attempts = next(d.value for d in page.dataframe if "Your name" in d.value.columns)
    assert attempts.loc[0, "Score"] == "0%" and "T" not in attempts.loc[0, "Finished"]
    assert len(attempts.loc[0, "Finished"]) == len("2026-03-02 14:05")
    chart = [c for c in page.get("arrow_vega_lite_chart")] or [c for c in page.get("vega_lite_chart")]
    assert chart  # the per-question chart is drawn with every question (unanswered ones at 0)


def test_a_numeric_answer_is_echoed(page):
    import quiz
    built = quiz.build_quiz(5, 7, "en", kinds=["numeric"])
    qid = quiz.QuizStore().save_quiz(built)
    page.run()
    page.selectbox(key="take_quiz").set_value(qid).run()
    page.text_input(key="take_name").input("Elvin")
    for n in page.number_input:
        if n.key and n.key.startswith("take-"):
            n.set_value(17)
    next(b for b in page.button if b.label == "Submit answers").click().run()
    feedback = [b.value for b in page.success] + [b.value for b in page.error]
    assert feedback and all("Your answer: 17" in f for f in feedback)
