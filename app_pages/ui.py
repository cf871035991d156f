"""Shared UI helpers: the language switch, UI words, cached loaders and safe text display.

Every UI string lives in the message catalogue (``i18n/catalogue.yaml``, keys ``app.*``), in Azerbaijani and
English. User text is never passed to Streamlit as HTML; where highlighting needs HTML, it is built from escaped
pieces only (:func:`escape`, from :mod:`i18n.escape`).
"""
from __future__ import annotations

import streamlit as st

import statutes
from i18n import LANGUAGES, escape as _escape, number, say

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
                     key="lang", horizontal=True)
    st.sidebar.caption(t("disclaimer"))


def pick(text) -> str:
    """A localised text (:class:`i18n.Text`: titles, notes, verdicts) in the current language."""
    return text.text(lang())


def escape(text: str) -> str:
    """User text made inert for ``st.markdown`` with or without our HTML (:func:`i18n.escape.markup`)."""
    return _escape.markup(text)


@st.cache_resource(show_spinner=False)
def model():
    """The classifier's model, built from training_data/ on first use and then shared by all sessions."""
    import classifier
    with st.spinner(t("model_building")):
        return classifier.get_model()


def quiz_store():
    """The quiz database (``$QUIZ_DB`` or the default path); cheap to open, so not cached across sessions."""
    import quiz
    return quiz.QuizStore()


@st.cache_resource(show_spinner=False)
def statute_table() -> statutes.StatuteTable:
    """The statute table, loaded once per server process (it is immutable)."""
    return statutes.load_table()


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


def fmt_number(x: float) -> str:
    """A figure on a page: thousands separated by a space (:func:`i18n.number`)."""
    return number(x, " ")
