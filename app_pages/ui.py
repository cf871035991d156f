"""Shared UI helpers: the language switch, UI words, cached loaders and safe text display.

Every UI string lives in the message catalogue (``i18n/catalogue.yaml``, keys ``app.*``), in Azerbaijani and
English. User text is never passed to Streamlit as HTML; where highlighting needs HTML, it is built from escaped
pieces only (:func:`escape`, from :mod:`i18n.escape`).
"""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import streamlit as st

import statutes
from i18n import LANGUAGES, escape as _escape, say

def lang() -> str:
    """The UI language chosen in the sidebar ('az' by default)."""
    return st.session_state.get("lang", "az")


def t(key: str) -> str:
    """The UI string ``app.<key>`` in the current language; raises KeyError for a missing key (caught by tests)."""
    return say(f"app.{key}", lang())


def language_switch() -> None:
    """The sidebar language switch; its value lives in ``st.session_state['lang']``."""
    st.session_state.setdefault("lang", "az")
    st.sidebar.radio(t("language") + " / Language", list(LANGUAGES), format_func=LANGUAGES.get,
                     key="lang", horizontal=True, on_change=_language_changed)
    st.sidebar.caption(t("disclaimer"))


FOLLOW_LANGUAGE = ("quiz_lang",)
"""Controls whose value is a language and follows the UI language when it is switched (a switch to English on
the Quizzes page builds an English quiz)."""


RELABELLED = ("sentencing_mode", "sentencing_circ", "quiz_kinds", "quiz_difficulty", "quiz_format", "fact_")
"""Keys (or key prefixes) of controls whose option labels are translated. Streamlit keeps a choice in the browser
as its label, so after a switch the label in the old language matches no option and nothing shows as chosen;
setting each such value again on a switch sends it to the browser under the new labels."""


def _language_changed() -> None:
    state = st.session_state
    for key in [k for k in state if isinstance(k, str) and k.startswith(RELABELLED)]:
        state[key] = state[key]
    for key in FOLLOW_LANGUAGE:
        state[key] = state["lang"]


def multiselect(label: str, options, **kwargs):
    """``st.multiselect`` with its placeholder in the UI language and without Streamlit's English-only
    "Select all" entry."""
    return st.multiselect(label, options, placeholder=t("choose"), select_all=False, **kwargs)


def scroll_into_view(key: str, nonce: object) -> None:
    """Scroll the page so that the container with ``key`` is at the top (e.g. the results after Analyse).
    ``nonce`` changes with each request, so the same script runs again; the script is ours, with no user text."""
    st.html(f"<script>/* {int(nonce)} */ setTimeout(() => window.parent.document.querySelector('.st-key-{key}')"
            f"?.scrollIntoView({{block: 'start'}}), 300);</script>", unsafe_allow_javascript=True)


def pick(text) -> str:
    """A localised text (:class:`i18n.Text`: titles, notes, verdicts) in the current language."""
    return text.text(lang())


def escape(text: str) -> str:
    """User text made inert for ``st.markdown`` with or without our HTML (:func:`i18n.escape.markup`)."""
    return _escape.markup(text)


@st.cache_resource(show_spinner=False)
def _model_build() -> tuple[Future, float]:
    """The model, loaded or built once per server process in a background thread started when the app starts
    (``app.py``), so that a first build runs while the first user reads and types; with its start time."""
    import classifier
    return ThreadPoolExecutor(1, thread_name_prefix="model").submit(classifier.get_model), time.monotonic()


def start_model() -> None:
    """Start loading (or building) the model in the background, once per server process."""
    _model_build()


def model(where=None):
    """The classifier's model, shared by all sessions. While it is still being prepared, a plain progress
    message waits in ``where`` (a container at the top of the page). Raises what building the model raises."""
    future, started = _model_build()
    if not future.done():
        with where or st.container():
            with st.spinner(t("model_wait")):
                return future.result()
    return future.result()


@st.fragment(run_every=2)
def _model_notice() -> None:
    future, started = _model_build()
    if future.done():
        st.success(t("model_ready"))
    else:
        st.info(t("model_building").format(s=int(time.monotonic() - started)), icon=":material/hourglass_top:")


def model_notice() -> None:
    """While the model is being prepared: a notice saying so in plain words, refreshed every 2 s until it is ready."""
    if not _model_build()[0].done():
        _model_notice()


def quiz_store():
    """The quiz database (``$QUIZ_DB`` or the default path); cheap to open, so not cached across sessions."""
    import quiz
    return quiz.QuizStore()


@st.cache_resource(show_spinner=False)
def statute_table() -> statutes.StatuteTable:
    """The statute table, loaded once per server process (it is immutable)."""
    return statutes.load_table()


@st.cache_resource(show_spinner=False)
def examples() -> list[dict]:
    """The example scenarios (``app_pages/data/examples.yaml``): id, button title and text in each language."""
    import yaml
    return yaml.safe_load((Path(__file__).parent / "data" / "examples.yaml").read_text(encoding="utf-8"))


def highlight(text: str, spans, css: str = "background:#fde68a;border-radius:3px;padding:0 2px") -> str:
    """HTML of ``text`` with ``spans`` (objects with start/end) marked; every piece of text is escaped first."""
    marks = sorted({(s.start, s.end) for s in spans if 0 <= s.start < s.end <= len(text)})
    out, pos = [], 0
    for start, end in marks:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark style="{css}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
