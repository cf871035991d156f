"""Analyse a scenario: the description in a form, known facts beside it, and the analysis — candidates, part and
reason, elements with their evidence, penalties and consequences, the official text, downloads."""
from __future__ import annotations

import datetime as dt

import streamlit as st

import classifier
import statutes
from app_pages.components import show_aggregate, show_reference, statute_text
from app_pages.ui import escape, fmt_number, highlight, lang, model, pick, statute_table, t
from classifier.analysis import CASE_FACTS
from i18n import say

FACTS = ("prior_conspiracy_group", "organised_group", "official_position", "repeat", "public_infrastructure", "attempt")
CURRENCIES = ("AZN", "USD", "EUR", "RUB", "GBP", "TRY", "GEL")

st.title(t("analyse_title"))
st.caption(t("disclaimer"))
table = statute_table()
st.session_state.setdefault("analysed_text", "")

left, right = st.columns([3, 2])
with left:
    with st.form("incident"):
        typed = st.text_area(t("incident_text"), key="incident_text", height=180, max_chars=20_000, help=t("incident_help"))
        use_date = st.checkbox(t("use_date"), key="analyse_use_date", help=t("offence_date_help"))
        st.date_input(t("offence_date"), value=dt.date(2021, 1, 1), min_value=dt.date(2000, 1, 1),
                      max_value=dt.date.today(), key="analyse_date", format="YYYY-MM-DD")
        if st.form_submit_button(t("analyse_button"), type="primary"):
            st.session_state["analysed_text"] = typed
with right:
    with st.expander(t("known_facts"), expanded=True):
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
    st.info(t("empty_text"))
    st.stop()

known = {f: st.session_state[f"fact_{f}"] == "yes" for f in FACTS if st.session_state.get(f"fact_{f}", "auto") != "auto"}
known.update({f: True for f in CASE_FACTS if st.session_state.get(f"fact_{f}")})
damage = (st.session_state["fact_damage"], st.session_state["fact_currency"]) if st.session_state.get("fact_damage") else None
on = st.session_state["analyse_date"] if use_date else None
try:
    analysis = classifier.analyse(text, offence_date=on, known_circumstances=known, known_damage=damage,
                                  model=model(), table=table)
except classifier.TextError as exc:
    st.error(f"{t('bad_text')}: {escape(str(exc))}")
    st.stop()
except statutes.NotCoveredError as exc:
    st.error(f"{t('not_covered')}: {exc}")
    st.stop()

for w in analysis.warnings:
    st.warning(f"{t('warnings')}: {escape(pick(w))}")
st.markdown(f"### {say('verdict.' + analysis.verdict, lang())}")
if analysis.verdict == "out_of_scope":
    st.info(say("verdict.out_of_scope", lang()))
elif analysis.verdict == "low_confidence":
    st.warning(say("verdict.low_confidence", lang()))

with st.expander(t("probabilities"), expanded=analysis.verdict != "offences"):
    for c in analysis.candidates:
        st.progress(min(1.0, c.probability),
                    text=f"{c.label} — {pick(c.title)}: {c.probability:.0%} ({t('threshold')} {c.threshold:.0%})")

shown = analysis.selected or ([analysis.candidates[0]] if analysis.verdict == "low_confidence" else [])
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
                note = pick(e.note) if e.note else ""
                mark = "✔" if e.shown else "✘"
                status = t("element_shown") if e.shown else t("element_missing")
                evidence = ", ".join(f"“{escape(s.text)}”" for s in e.evidence[:3])
                line = f"{mark} {pick(e.description)} — *{status}*"
                st.markdown(line)
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
        st.markdown(f"- **{pick(circ.title)}** ({src}; Art. {circ.article}){extra}")
if analysis.damage_azn is not None:
    st.caption(f"{t('damage_found')}: ≈ {fmt_number(round(analysis.damage_azn))} {t('AZN')}")

if analysis.aggregate:
    show_aggregate(analysis.aggregate)

d1, d2 = st.columns(2)
d1.download_button(t("download_md"), classifier.analysis_markdown(analysis, lang()), file_name="analysis.md",
                   mime="text/markdown", on_click="ignore", key="dl_md")
d2.download_button(t("download_html"), classifier.analysis_html(analysis, lang()), file_name="analysis.html",
                   mime="text/html", on_click="ignore", key="dl_html")
