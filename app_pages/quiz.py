"""Quizzes: instructors build, preview, save and export quizzes; trainees take a saved quiz and get per-answer
feedback and a score; instructors see the results per question and the most common wrong answers."""
from __future__ import annotations

import collections
import datetime as dt

import pandas as pd
import streamlit as st

import quiz
from app_pages.ui import escape, lang, multiselect, quiz_store, t
from i18n import LANGUAGES, number, say

st.title(t("quiz_title"))
st.caption(t("disclaimer"))
store = quiz_store()
tab_build, tab_take, tab_results = st.tabs([t("tab_build"), t("tab_take"), t("tab_results")])


def _kind(kind: str) -> str:
    return say(f"quiz.kind.{kind}", lang())


def _difficulty(level: str) -> str:
    return t(f"difficulty_{level}")


def _format_name(fmt: str) -> str:
    """A format's name for people ("QTI 1.2 (Canvas)"); file names keep the code."""
    code = fmt.replace("-", "_")
    return t(f"format_{code}")


def _when(stamp: str) -> str:
    """A stored ISO timestamp (UTC) as people read it, in the server's local time (``2026-03-02 14:05``)."""
    return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")


def _answer_given(q: quiz.Question, r) -> list[str]:
    """What the trainee answered, for every question type (numbers and matchings too)."""
    if r is None:
        return []
    if q.qtype in ("single", "truefalse"):
        return [f"{escape(q.options[r].text)} — {escape(q.options[r].feedback)}"]
    if q.qtype == "multiple":
        return [f"{escape(q.options[i].text)} — {escape(q.options[i].feedback)}" for i in r]
    if q.qtype == "numerical":
        return [escape(number(r, " "))]
    return ["; ".join(f"{escape(o.text)} → {escape(m)}" for o, m in zip(q.options, r))]


def _option_line(q: quiz.Question, o: quiz.Option) -> str:
    if q.qtype == "matching":
        return f"{escape(o.text)} → {escape(o.match)}"
    return escape(o.text)


with tab_build:
    c1, c2, c3 = st.columns(3)
    with c1:
        articles = multiselect(t("quiz_articles"), ["271", "272", "273", "273-1", "273-2"], key="quiz_articles")
    with c2:
        kind_names = {k: _kind(k) for k in quiz.KINDS}  # labels bound now: a test harness formats outside the run
        kinds = multiselect(t("quiz_kinds"), list(kind_names), key="quiz_kinds", format_func=kind_names.get)
    levels = {"any": t("any"), **{d: _difficulty(d) for d in quiz.DIFFICULTIES}}
    difficulty = c3.selectbox(t("quiz_difficulty"), list(levels), key="quiz_difficulty", format_func=levels.get)
    c4, c5, c6 = st.columns(3)
    count = c4.number_input(t("quiz_count"), min_value=1, max_value=100, value=10, key="quiz_count")
    st.session_state.setdefault("quiz_lang", lang())  # follows the UI language when it is switched (ui.py)
    qlang = c5.radio(t("quiz_lang"), list(LANGUAGES), key="quiz_lang", horizontal=True, format_func=LANGUAGES.get)
    seed = c6.number_input(t("quiz_seed"), min_value=0, max_value=10**9, value=7, key="quiz_seed")
    if st.button(t("quiz_build"), type="primary", key="quiz_build_button"):
        try:
            built = quiz.build_quiz(int(count), int(seed), qlang, articles=articles or None, kinds=kinds or None,
                                    difficulty=None if difficulty == "any" else difficulty)
            st.session_state["quiz_built"] = built.to_dict()
        except quiz.QuizError as exc:
            st.error(f"{t('quiz_error')}: {exc}")
    if "quiz_built" in st.session_state:
        built = quiz.Quiz.from_dict(st.session_state["quiz_built"])
        st.markdown(f"**{escape(built.title)}** · {len(built.questions)}")
        with st.expander(t("quiz_preview"), expanded=True):
            for q in built.questions:
                st.markdown(f"**{q.id}.** {escape(q.stem)}")
                for o in q.options:
                    st.markdown(f"- {'✔' if o.correct else '✘'} {_option_line(q, o)} — *{escape(o.feedback)}*")
        s1, s2, s3 = st.columns(3)
        if s1.button(t("quiz_save"), key="quiz_save_button"):
            st.session_state["quiz_saved_id"] = store.save_quiz(built)
        if "quiz_saved_id" in st.session_state:
            s1.success(f"{t('quiz_saved')} #{st.session_state['quiz_saved_id']}")
        format_names = {f: _format_name(f) for f in quiz.FORMATS}
        fmt = s2.selectbox(t("quiz_export"), list(format_names), key="quiz_format", format_func=format_names.get)
        s3.download_button(f"{t('quiz_download')}: {_format_name(fmt)}", quiz.export_quiz(built, fmt),
                           file_name=quiz.file_name(built, fmt), on_click="ignore",
                           key="quiz_download")

saved = store.quizzes()
titles = {s.id: f"#{s.id} · {s.title} ({s.lang})" for s in saved}


def _pick_saved(key: str) -> int:
    """A picker of saved quizzes (newest selected)."""
    return st.selectbox(t("quiz_pick"), list(titles), key=key, format_func=titles.get, index=len(titles) - 1)

with tab_take:
    if not saved:
        st.info(t("quiz_none_saved"))
    else:
        qid = _pick_saved("take_quiz")
        taking = store.load_quiz(qid)
        with st.form(f"take-{qid}"):
            name = st.text_input(t("trainee"), key="take_name")
            responses = {}
            for q in taking.questions:
                st.markdown(f"**{q.id}.** {escape(q.stem)}")
                texts = [o.text for o in q.options]
                key = f"take-{qid}-{q.id}"
                if q.qtype in ("single", "truefalse"):
                    responses[q.id] = st.radio(" ", range(len(texts)), key=key, index=None, label_visibility="collapsed",
                                               format_func=dict(enumerate(texts)).get)
                elif q.qtype == "multiple":
                    responses[q.id] = st.multiselect(" ", range(len(texts)), key=key, label_visibility="collapsed",
                                                     format_func=dict(enumerate(texts)).get)
                elif q.qtype == "numerical":
                    responses[q.id] = st.number_input(" ", key=key, value=None, label_visibility="collapsed")
                else:
                    rights = sorted(o.match for o in q.options)
                    responses[q.id] = [st.selectbox(o.text, rights, key=f"{key}-{i}", index=None)
                                       for i, o in enumerate(q.options)]
            submitted = st.form_submit_button(t("quiz_submit"), type="primary")
        if submitted:
            if not name.strip():
                st.warning(t("need_name"))
            else:
                answered = {k: v for k, v in responses.items() if v is not None and v != [] and
                            not (isinstance(v, list) and None in v)}
                attempt = store.record_attempt(qid, name.strip(), answered)
                st.metric(t("quiz_score"), f"{attempt.score:.0%}")
                for q in taking.questions:
                    r = answered.get(q.id)
                    score = quiz.grade(q, r) if r is not None else 0.0
                    box = st.success if score == 1 else st.error
                    lines = [f"**{q.id}** — {t('correct') if score == 1 else t('wrong')} ({score:.0%})"]
                    lines += [f"{t('your_answer')}: {given}" for given in _answer_given(q, r)]
                    if r is None:
                        lines.append(t("no_answer"))
                    if score < 1:
                        lines += [f"{t('correct_answer')}: {_option_line(q, o)}" for o in q.correct_options]
                    lines.append(escape(q.general_feedback))
                    box("  \n".join(lines))

with tab_results:
    if not saved:
        st.info(t("quiz_none_saved"))
    else:
        rid = _pick_saved("results_quiz")
        attempts = [a for a in store.attempts(rid) if a.finished_at]
        if not attempts:
            st.info(t("no_attempts"))
        else:
            st.dataframe(pd.DataFrame([{t("trainee"): a.trainee, t("quiz_score"): f"{a.score:.0%}",
                                        t("finished"): _when(a.finished_at)} for a in attempts]),
                         hide_index=True, width="stretch", key="results_attempts")
            results = store.load_quiz(rid)
            scores, wrong = collections.defaultdict(list), collections.Counter()
            for a in attempts:
                given = {ans.question_id: ans for ans in store.answers(a.id)}
                for q in results.questions:  # an unanswered question scores 0, so every question is charted
                    ans = given.get(q.id)
                    scores[q.id].append(ans.score if ans else 0.0)
                    if ans is not None and ans.score < 1 and q.qtype in ("single", "truefalse"):
                        wrong[(q.id, q.options[ans.response].text)] += 1
            per_q = pd.DataFrame({t("question"): list(scores),
                                  t("score_percent"): [round(100 * sum(v) / len(v)) for v in scores.values()]})
            st.markdown(f"**{t('per_question')}**")
            st.bar_chart(per_q, x=t("question"), y=t("score_percent"))
            if wrong:
                st.markdown(f"**{t('common_wrong')}**")
                st.dataframe(pd.DataFrame([{t("question"): k[0], t("answer"): k[1], t("count"): n}
                                           for k, n in wrong.most_common(10)]), hide_index=True, width="stretch",
                             key="results_wrong")
