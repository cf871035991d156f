from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(model, tmp_path, monkeypatch):
    """A fresh AppTest of the entry point, in English, with caches that do not leak between tests."""
    import streamlit as st

    st.cache_data.clear()
    monkeypatch.setenv("QUIZ_DB", str(tmp_path / "quiz.sqlite3"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    return at.run()
