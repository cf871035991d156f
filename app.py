"""Entry point and router of the web app: ``streamlit run app.py``.

Only navigation, the page set-up and the language switch live here; each page is a module in ``app_pages/``.
Every page has a stable URL (``/analyse``, ``/sentencing``, ``/statutes``, ``/batch``, ``/quiz``); ``/`` opens
the Analyse page at its own URL (Streamlit serves its default page only at ``/``, so the default is a hidden
page that switches to Analyse).
"""
import streamlit as st

from app_pages.ui import language_switch, start_model, t

st.set_page_config(page_title="Kibercinayət arayışı · Cybercrime reference", page_icon=":material/balance:", layout="wide")
language_switch()
start_model()  # loads (or, on first use, builds) the model in the background while the user reads and types

analyse = st.Page("app_pages/analyse.py", title=t("page_analyse"), icon=":material/search:", url_path="analyse")


def _home() -> None:
    st.switch_page(analyse)


pages = [
    st.Page(_home, title=t("page_analyse"), url_path="home", default=True, visibility="hidden"),
    analyse,
    st.Page("app_pages/sentencing.py", title=t("page_sentencing"), icon=":material/balance:", url_path="sentencing"),
    st.Page("app_pages/statutes.py", title=t("page_statutes"), icon=":material/menu_book:", url_path="statutes"),
    st.Page("app_pages/batch.py", title=t("page_batch"), icon=":material/table_view:", url_path="batch"),
    st.Page("app_pages/quiz.py", title=t("page_quiz"), icon=":material/quiz:", url_path="quiz"),
]
st.navigation(pages).run()
