"""Analyse a scenario: the description in a form (or an example loaded with one click), known facts in a collapsed
panel beside it, and the analysis — candidates, part and reason, elements with their evidence, penalties and
consequences, the official text, downloads — brought into view after Analyse.

The offence date field is Streamlit's ``date_input``, which takes a typed date on Enter or when the field loses
focus, not on each key (the widget has no option for that). Clicking Analyse takes the focus, so a whole typed date
is applied (the browser test types one and clicks at once); one left half-typed is not. So the result says which
date it applied, or that none was, with the wording of each part it used."""
from __future__ import annotations

import datetime as dt

import streamlit as st

import classifier
import statutes
from app_pages.components import show_aggregate, show_reference, statute_text
from app_pages.ui import (escape, examples, highlight, lang, model, model_notice, pick, scroll_into_view,
                          statute_table, t)
from classifier.analysis import CASE_FACTS
from classifier.text import MAX_CHARS
from i18n import figure, quantity, say

FACTS = ("prior_conspiracy_group", "organised_group", "official_position", "repeat", "public_infrastructure", "attempt")
CURRENCIES = ("AZN", "USD", "EUR", "RUB", "GBP", "TRY", "GEL")


def _load_example(example: dict) -> None:
    st.session_state["incident_text"] = example[lang()]


def _date_applied(analysis: classifier.Analysis, shown) -> str:
    """Which offence date the analysis used (or that it used none) and the wording of each part shown."""
    said = (t("date_applied").format(on=analysis.offence_date.isoformat()) if analysis.offence_date
            else t("no_date_applied"))
    versions = [t("version_of").format(part=c.reference.part, date=c.reference.effective_from.isoformat())
                for c in shown]
    return said + (" " + t("versions_used").format(versions="; ".join(versions)) if versions else "")


def _submitted() -> None:
    st.session_state["analysed_text"] = st.session_state["incident_text"]
    st.session_state["analyse_nonce"] = st.session_state.get("analyse_nonce", 0) + 1


st.title(t("analyse_title"))
st.caption(t("disclaimer"))
top = st.container()  # a plain progress message while the model is prepared
table = statute_table()
st.session_state.setdefault("analysed_text", "")
st.session_state.setdefault("incident_text", "")

with st.expander(t("help_title"), icon=":material/help:"):
    st.markdown(t("help_body"))
    url = table.general.official_text_url
    st.markdown(t("help_official") + " " + " · ".join(
        f"[{t('art').format(id=a)}]({url})" for a in table.articles))

st.markdown(f"**{t('examples')}**")
with st.container(horizontal=True):  # buttons as wide as their titles, wrapping on a narrow screen
    for example in examples():
        st.button(example["title"][lang()], key=f"example-{example['id']}", on_click=_load_example, args=(example,),
                  icon=":material/description:")

left, right = st.columns([3, 2])
with left:
    with st.form("incident"):
        st.text_area(t("incident_text"), key="incident_text", height=180, help=t("incident_help").format(max=figure(MAX_CHARS).text(lang())))
        st.form_submit_button(t("analyse_button"), type="primary", on_click=_submitted, key="analyse_submit")
    d1, d2 = st.columns(2)
    use_date = d1.checkbox(t("use_date"), key="analyse_use_date", help=t("offence_date_help"))
    d2.date_input(t("offence_date"), value=dt.date(2021, 1, 1), min_value=dt.date(2000, 1, 1),
                  max_value=dt.date.today(), key="analyse_date", format="YYYY-MM-DD", disabled=not use_date,
                  help=t("date_typing"))
with right:
    set_facts = sum(st.session_state.get(f"fact_{f}", "auto") != "auto" for f in FACTS)
    set_facts += sum(bool(st.session_state.get(f"fact_{f}")) for f in CASE_FACTS)
    title = t("known_facts") + (f" ({set_facts})" if set_facts else "")
    with st.expander(title, expanded=False, icon=":material/tune:"):
        options = ["auto", "yes", "no"]
        labels = {"auto": t("fact_auto"), "yes": t("fact_yes"), "no": t("fact_no")}
        for f in FACTS:
            st.radio(t(f"fact_{f}"), options, key=f"fact_{f}", horizontal=True, format_func=labels.get)
        for f in CASE_FACTS:
            st.checkbox(t(f"fact_{f}"), key=f"fact_{f}")
        c1, c2 = st.columns(2)
        c1.number_input(t("damage_amount"), min_value=0.0, value=0.0, step=100.0, key="fact_damage")
        c2.selectbox(t("currency"), CURRENCIES, key="fact_currency")

text = st.session_state["analysed_text"]
if not text.strip():
    with top:
        model_notice()
    st.info(t("empty_text"))
    st.stop()

known = {f: st.session_state[f"fact_{f}"] == "yes" for f in FACTS if st.session_state.get(f"fact_{f}", "auto") != "auto"}
known.update({f: True for f in CASE_FACTS if st.session_state.get(f"fact_{f}")})
damage = (st.session_state["fact_damage"], st.session_state["fact_currency"]) if st.session_state.get("fact_damage") else None
on = st.session_state["analyse_date"] if use_date else None
results = st.container(key="results")
try:
    analysis = classifier.analyse(text, offence_date=on, known_circumstances=known, known_damage=damage,
                                  model=model(top), table=table)
except classifier.TextError as exc:
    results.error(f"{t('bad_text')}: {escape(str(exc))}")
    st.stop()
except statutes.NotCoveredError as exc:
    results.error(f"{t('not_covered')}: {exc}")
    st.stop()
if st.session_state.get("analyse_nonce", 0) != st.session_state.get("analyse_scrolled"):
    st.session_state["analyse_scrolled"] = st.session_state.get("analyse_nonce", 0)
    scroll_into_view("results", st.session_state["analyse_scrolled"])

with results:
    for w in analysis.warnings:
        st.warning(f"{t('warnings')}: {escape(pick(w))}")
    if analysis.verdict == "offences":
        st.markdown(f"### {say('verdict.offences', lang())}")
    elif analysis.verdict == "out_of_scope":
        st.info(say("verdict.out_of_scope", lang()))
    else:
        st.warning(say("verdict.low_confidence", lang()))
    with st.expander(t("probabilities"), expanded=analysis.verdict != "offences"):
        for c in analysis.candidates:
            st.progress(min(1.0, c.probability),
                        text=f"{c.label} — {pick(c.title)}: {c.probability:.0%} ({t('threshold')} {c.threshold:.0%})")

shown = analysis.selected or ([analysis.candidates[0]] if analysis.verdict == "low_confidence" else [])
with results.container(key="date_applied"):
    st.info(_date_applied(analysis, shown), icon=":material/event:")
for c in shown:
    with st.container(border=True):
        st.subheader(f"{c.label} — {pick(c.title)}")
        st.progress(min(1.0, c.probability), text=f"{c.probability:.0%}")
        part = table.part(c.part.part)
        st.markdown(f"**{t('selected_part')} {c.part.part}** — {pick(part.title)}")
        st.caption(f"{t('why_part')}: {c.part.reason.text(lang())}")
        col_e, col_p = st.columns([1, 1])
        with col_e:
            st.markdown(f"**{t('elements')}**")
            for e in c.elements:
                mark = "✔" if e.shown else "✘"
                status = t("element_inferred") if e.inferred else t("element_shown") if e.shown else t("element_missing")
                evidence = ", ".join(f"“{escape(s.text)}”" for s in e.evidence[:3])
                st.markdown(f"{mark} {pick(e.description)} — *{status}*")
                note = pick(e.note) if e.note else ""
                if evidence or note:
                    st.caption(" · ".join(x for x in (evidence, note) if x))
            if c.explanation:
                st.markdown(f"**{t('evidence_words')}**")
                st.markdown(highlight(analysis.text, c.explanation), unsafe_allow_html=True)
        with col_p:
            st.markdown(f"**{t('penalties')}**")
            show_reference(c.reference, key=f"analyse-{c.label}")
        with st.expander(t("official_text")):
            statute_text(c.reference.version.text_az)

found = [f for f in analysis.circumstances if f.detected]
if found:
    st.markdown(f"#### {t('circumstances_found')}")
    spans = [s for f in found for s in f.evidence]
    st.markdown(highlight(analysis.text, spans), unsafe_allow_html=True)
    for f in found:
        circ = table.circumstances[f.id]
        src = t("source_user") if f.source == "user" else t("source_text")
        extra = f" — {pick(f.note)}" if f.note else ""
        st.markdown(f"- **{pick(circ.title)}** ({src}; {t('art').format(id=circ.article)}){extra}")
if analysis.damage_azn is not None:
    st.caption(f"{t('damage_found')}: ≈ {pick(quantity(round(analysis.damage_azn), 'AZN'))}")

if analysis.aggregate:
    show_aggregate(analysis.aggregate)

d1, d2 = st.columns(2)
d1.download_button(t("download_md"), classifier.analysis_markdown(analysis, lang()), file_name=f"analysis-{lang()}.md",
                   mime="text/markdown", on_click="ignore", key="dl_md")
d2.download_button(t("download_html"), classifier.analysis_html(analysis, lang()), file_name=f"analysis-{lang()}.html",
                   mime="text/html", on_click="ignore", key="dl_html")
