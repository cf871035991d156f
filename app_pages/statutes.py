"""Statute browser: a part's official text beside the English rendering, its elements and sanctions on a chosen
offence date, a side-by-side comparison, the amendment timeline and the Notes' definitions."""
from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

import statutes
from app_pages.components import show_open_questions, show_reference, statute_text
from app_pages.ui import lang, multiselect, pick, statute_table, t
from i18n import quantity

table = statute_table()
st.title(t("statutes_title"))
st.caption(t("disclaimer"))

tab_part, tab_compare, tab_history, tab_defs = st.tabs([t("tab_part"), t("tab_compare"), t("tab_history"), t("tab_definitions")])


def _date_picker(key: str) -> dt.date | None:
    use = st.toggle(t("use_date"), key=f"{key}-use-date", help=t("offence_date_help"))
    if not use:
        return None
    return st.date_input(t("offence_date"), value=dt.date(2019, 1, 1), min_value=dt.date(2000, 1, 1),
                         max_value=dt.date.today(), key=f"{key}-date", format="YYYY-MM-DD")


def _part_tab() -> None:
    c1, c2, c3 = st.columns([1, 1, 1])
    article_ids = list(table.articles)
    article_id = c1.selectbox(t("article"), article_ids, key="browse-article")
    article = table.articles[article_id]
    c1.caption(pick(article.title))
    part_id = c2.selectbox(t("part"), [p.id for p in article.parts], key="browse-part")
    c2.caption(pick(table.part(part_id).title))
    with c3:
        on = _date_picker("browse")
    part = table.part(part_id)
    try:
        ref = statutes.reference(part_id, offence_date=on, table=table)
    except statutes.NotCoveredError as exc:
        st.error(f"{t('not_covered')}: {pick(exc.note)}")
        return
    version = ref.version

    st.subheader(f"{part.id} — {pick(part.title)}")
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('official_text') if version.text_status == 'official' else t('reconstructed_text')}** "
                    f"· {t('wording_of')} {version.effective_from.isoformat()} ({version.amended_by})")
        with st.container(border=True):
            statute_text(version.text_az)
        if version.reconstruction_note:
            st.caption(pick(version.reconstruction_note))
    with right:
        st.markdown(f"**{t('english_text')}**")
        with st.container(border=True, key="english-rendering"):
            st.markdown(version.text_en)

    e1, e2 = st.columns(2)
    with e1:
        st.markdown(f"**{t('elements')}**")
        if part.includes:
            st.caption(f"{t('includes')}: {', '.join(part.includes)}")
        for e in part.elements:
            kind = e.kind
            label = t(f"element_{kind}")
            st.markdown(f"- {getattr(e, lang())} · *{label}*")
        if part.qualifiers:
            st.markdown(f"**{t('qualifiers')}**")
            for q in part.qualifiers:
                st.markdown(f"- **{q.id}** — {q.text_az if lang() == 'az' else q.en}")
    with e2:
        show_reference(ref, key="browse")


with tab_part:
    _part_tab()

with tab_compare:
    chosen = multiselect(t("compare_pick"), [p.id for p in table.parts()], default=["271.1", "271.2", "271.3"],
                            key="compare-parts", max_selections=4)
    on_cmp = _date_picker("compare")
    if chosen:
        cols = st.columns(len(chosen))
        for col, pid in zip(cols, chosen):
            with col:
                st.markdown(f"#### {pid}")
                st.caption(pick(table.part(pid).title))
                try:
                    show_reference(statutes.reference(pid, offence_date=on_cmp, table=table), key=f"cmp-{pid}")
                except statutes.NotCoveredError as exc:
                    st.error(pick(exc.note))

with tab_history:
    frame = statutes.versions_frame(table=table)
    frame["effective_to"] = frame["effective_to"].fillna(dt.date.today())
    frame["from"] = pd.to_datetime(frame["effective_from"])
    frame["to"] = pd.to_datetime(frame["effective_to"])
    st.markdown(f"**{t('history_chart')}**")
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("from:T", title=t("date")), x2="to:T",
        y=alt.Y("part:N", sort=[p.id for p in table.parts()], title=t("part")),
        color=alt.Color("amended_by:N", title=t("act")),
        tooltip=[alt.Tooltip("part:N", title=t("part")), alt.Tooltip("effective_from:N", title=t("wording_of")),
                 alt.Tooltip("amended_by:N", title=t("act"))],
    ).properties(height=420)
    st.altair_chart(chart, width="stretch")
    rows = []
    for a in table.amendments.values():
        rows.append({t("act"): a.id, t("date"): a.adopted.isoformat() if a.adopted else t("pending"),
                     t("what_changed"): pick(a.title), t("parts"): ", ".join(a.parts)})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key="history-table")
    for a in table.amendments.values():
        st.markdown(f"- **{a.id}** — {a.summary_az if lang() == 'az' else a.summary_en}")

with tab_defs:
    for d in table.definitions():
        with st.container(border=True):
            term = pick(d.term) if lang() == "az" else f"{pick(d.term)} · {d.term.az}"
            st.markdown(f"**{term}** · {t('scope')}: {', '.join(d.scope)}")
            statute_text(d.text_az)
            if lang() == "en":  # the English rendering, for the English page only
                st.caption(d.text_en)
            if d.threshold_azn:
                st.markdown(f"{t('threshold_amount')}: **{pick(quantity(d.threshold_azn, 'AZN'))}**")
            for c in (c for c in d.categories if c.added_by):
                act = table.amendments[c.added_by]
                st.caption(f"{t('history')}: {c.az if lang() == 'az' else c.en} — {act.id} ({act.adopted.isoformat()})")
            show_open_questions(table.open_questions_for(d.id, part=False))
