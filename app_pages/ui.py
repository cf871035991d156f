"""Shared UI helpers: the translation table, the language switch, cached loaders and safe text display.

Every UI string lives in :data:`STRINGS` (Azerbaijani and English). User text is never passed to Streamlit as
HTML; where highlighting needs HTML, it is built from escaped pieces only (see :func:`escape`).
"""
from __future__ import annotations

import html

import streamlit as st

import statutes

LANGS = {"az": "Azərbaycanca", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "app_title": {"en": "Cybercrime offence classifier and sentencing reference", "az": "Kibercinayətlərin tövsifi və cəza arayışı"},
    "language": {"en": "Language", "az": "Dil"},
    "disclaimer": {"en": "A reference for training, not legal advice. Check the official text on e-qanun.az.",
                   "az": "Tədris üçün arayışdır, hüquqi məsləhət deyil. Rəsmi mətni e-qanun.az-da yoxlayın."},
    "page_statutes": {"en": "Statutes", "az": "Qanun mətni"},
    "statutes_title": {"en": "Chapter 30 — Cybercrimes", "az": "30-cu fəsil — Kibercinayətlər"},
    "tab_part": {"en": "Part", "az": "Hissə"},
    "tab_compare": {"en": "Compare", "az": "Müqayisə"},
    "tab_history": {"en": "Amendment history", "az": "Düzəlişlər tarixi"},
    "tab_definitions": {"en": "Definitions", "az": "Anlayışlar"},
    "article": {"en": "Article", "az": "Maddə"},
    "part": {"en": "Part", "az": "Hissə"},
    "parts": {"en": "Parts", "az": "Hissələr"},
    "offence_date": {"en": "Offence date", "az": "Əməlin tarixi"},
    "offence_date_help": {"en": "The wording in force on this date is shown, with Art. 10's milder-law rule applied.",
                          "az": "Bu tarixdə qüvvədə olan redaksiya göstərilir; 10-cu maddənin yüngülləşdirici qanun qaydası tətbiq olunur."},
    "use_date": {"en": "Use an offence date", "az": "Əməlin tarixini nəzərə al"},
    "official_text": {"en": "Official text (Azerbaijani)", "az": "Rəsmi mətn"},
    "reconstructed_text": {"en": "Reconstructed earlier wording (Azerbaijani)", "az": "Bərpa edilmiş əvvəlki redaksiya"},
    "english_text": {"en": "English rendering (ours, current wording, not official)", "az": "İngiliscə ifadə (bizim, hazırkı redaksiya, rəsmi deyil)"},
    "elements": {"en": "Elements of the offence", "az": "Cinayətin tərkib əlamətləri"},
    "includes": {"en": "Covers the acts of", "az": "Bu hissə aşağıdakı əməlləri əhatə edir"},
    "qualifiers": {"en": "Qualifying circumstances", "az": "Tövsifedici hallar"},
    "sanctions": {"en": "Sanctions", "az": "Sanksiyalar"},
    "consequences": {"en": "Category and consequences", "az": "Kateqoriya və nəticələri"},
    "release": {"en": "Release options", "az": "Azad etmə imkanları"},
    "open_questions": {"en": "Open questions (the Code leaves these open)", "az": "Açıq məsələlər (Məcəllə bunları açıq qoyur)"},
    "kind": {"en": "Punishment", "az": "Cəza"},
    "element_kind": {"en": "Kind", "az": "Növ"},
    "role": {"en": "Role", "az": "Növü"},
    "min": {"en": "Minimum", "az": "Minimum"},
    "max": {"en": "Maximum", "az": "Maksimum"},
    "unit": {"en": "Unit", "az": "Vahid"},
    "source": {"en": "Source (article)", "az": "Mənbə (maddə)"},
    "main": {"en": "main (alternative)", "az": "əsas (alternativ)"},
    "additional": {"en": "additional", "az": "əlavə"},
    "mandatory": {"en": "mandatory", "az": "məcburi"},
    "months": {"en": "months", "az": "ay"},
    "AZN": {"en": "AZN", "az": "manat"},
    "category": {"en": "Category", "az": "Kateqoriya"},
    "limitation": {"en": "Limitation period", "az": "Məsuliyyətə cəlbetmə müddəti"},
    "years": {"en": "years", "az": "il"},
    "wording_of": {"en": "Wording of", "az": "Redaksiya tarixi"},
    "not_covered": {"en": "Not covered", "az": "Əhatə olunmur"},
    "compare_pick": {"en": "Parts to compare", "az": "Müqayisə ediləcək hissələr"},
    "history_chart": {"en": "Wordings of each part over time", "az": "Hər hissənin redaksiyaları zaman üzrə"},
    "scope": {"en": "Applies to articles", "az": "Aid olduğu maddələr"},
    "threshold": {"en": "Threshold", "az": "Hədd"},
    "history": {"en": "History", "az": "Tarixçə"},
    "available": {"en": "available", "az": "mümkündür"},
    "unavailable": {"en": "not available", "az": "mümkün deyil"},
    "status": {"en": "status", "az": "status"},
    "pending": {"en": "pending", "az": "baxılır"},
    "act": {"en": "Act", "az": "Akt"},
    "date": {"en": "Date", "az": "Tarix"},
    "what_changed": {"en": "What changed", "az": "Nə dəyişib"},
}


def lang() -> str:
    """The UI language chosen in the sidebar ('az' by default)."""
    return st.session_state.get("lang", "az")


def t(key: str) -> str:
    """The UI string ``key`` in the current language; raises KeyError for a missing key (caught by tests)."""
    return STRINGS[key][lang()]


def language_switch() -> None:
    """The sidebar language switch; its value lives in ``st.session_state['lang']``."""
    st.session_state.setdefault("lang", "az")
    st.sidebar.radio(STRINGS["language"][lang()] + " / Language", list(LANGS), format_func=LANGS.get,
                     key="lang", horizontal=True)
    st.sidebar.caption(t("disclaimer"))


def pick(texts: dict[str, str] | object) -> str:
    """Pick the current language from a {'en':…, 'az':…} dict or a Localized model."""
    if isinstance(texts, dict):
        return texts.get(lang()) or texts["en"]
    return texts.get(lang())  # statutes.schema.Localized


def escape(text: str) -> str:
    """HTML-escape user or data text before it goes into any HTML we build."""
    return html.escape(text, quote=True)


@st.cache_resource(show_spinner=False)
def statute_table() -> statutes.StatuteTable:
    """The statute table, loaded once per server process (it is immutable)."""
    return statutes.load_table()


def fmt_number(x: float) -> str:
    return f"{int(x):,}".replace(",", " ") if float(x).is_integer() else f"{x:g}"
