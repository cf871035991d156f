"""Sentencing reference without text: parts (chosen directly, or from an article and circumstances) and the
facts of the case → the ranges with the General Part adjustments, each figure with its article; the aggregate
when several parts are chosen."""
from __future__ import annotations

import datetime as dt

import streamlit as st

import statutes
from app_pages.components import show_aggregate, show_reference
from app_pages.ui import lang, multiselect, pick, statute_table, t

table = statute_table()
st.title(t("sentencing_title"))
st.caption(t("sentencing_intro"))
st.caption(t("disclaimer"))

modes = {"parts": t("mode_parts"), "circumstances": t("mode_circumstances")}  # labels bound now, not at display
mode = st.radio(" ", list(modes), key="sentencing_mode", horizontal=True, label_visibility="collapsed",
                format_func=modes.get)
parts: list[str] = []
if mode == "parts":
    parts = multiselect(t("parts"), [p.id for p in table.parts()], default=["271.1"], key="sentencing_parts")
else:
    c1, c2, c3 = st.columns(3)
    label = c1.selectbox(t("label"), list(table.labels), key="sentencing_label")
    lp = table.label_parts(label)
    basic = c2.selectbox(t("basic_variant"), lp.basic, key="sentencing_basic") if len(lp.basic) > 1 else None
    circ_titles = {c.id: pick(c.title) for c in table.circumstances.values() if c.kind == "qualifier"}
    with c3:
        chosen = multiselect(t("circumstances_pick"), list(circ_titles), key="sentencing_circ", format_func=circ_titles.get)
    choice = table.select_part(label, chosen, basic=basic)
    st.success(f"{t('chosen_part')}: **{choice.part}** — {pick(table.part(choice.part).title)}. {choice.reason.text(lang())}")
    parts = [choice.part]

f1, f2 = st.columns(2)  # half the page each: room for every label in both languages
facts = {
    "attempt": f1.checkbox(t("fact_attempt"), key="sent_attempt"),
    "art60_conditions": f1.checkbox(t("fact_art60_conditions"), key="sent_art60"),
    "foreign_national": f2.checkbox(t("fact_foreign_national"), key="sent_foreign"),
    "minor": f2.checkbox(t("fact_minor"), key="sent_minor"),
}
d1, d2 = st.columns(2, vertical_alignment="bottom")
use = d1.checkbox(t("use_date"), key="sent_use_date", help=t("offence_date_help"))
date = d2.date_input(t("offence_date"), value=dt.date(2021, 1, 1), min_value=dt.date(2000, 1, 1),
                     max_value=dt.date.today(), key="sent_date", format="YYYY-MM-DD", disabled=not use,
                     help=t("date_typing"))
on = date if use else None

try:
    refs = [statutes.reference(p, offence_date=on, table=table, **facts) for p in parts]
except statutes.NotCoveredError as exc:
    st.error(f"{t('not_covered')}: {exc}")
    st.stop()

if refs:
    cols = st.columns(min(len(refs), 3))
    for i, ref in enumerate(refs):
        with cols[i % len(cols)]:
            st.markdown(f"#### {ref.part} — {pick(table.part(ref.part).title)}")
            show_reference(ref, key=f"sent-{ref.part}")
if len(set(parts)) >= 2:
    separate = None
    if len({table.article_of(p).article for p in parts}) < len(parts):  # parts of one article: a repeat or one act?
        episodes = {"separate": t("episodes_separate"), "one_act": t("episodes_one_act")}
        separate = st.radio(t("episodes"), list(episodes), key="sentencing_episodes", horizontal=True,
                            format_func=episodes.get) == "separate"
    show_aggregate(statutes.aggregate(refs, separate_episodes=separate, table=table))
