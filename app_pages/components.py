"""Display pieces shared by several pages (sanctions tables, consequences, open questions, statute text)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import statutes

from .ui import fmt_number, lang, pick, t


def sanctions_frame(ref: statutes.SentencingReference) -> pd.DataFrame:
    """A display table of a reference's punishments, each bound with its article."""
    rows = []
    for p in ref.punishments:
        role = t("main") if p.role == "main" else t("additional") + (f" ({t('mandatory')})" if p.mandatory else "")
        rows.append({
            t("kind"): pick(p.title) + ("" if p.available else f" — {t('unavailable')}"),
            t("role"): role,
            t("min"): f"{fmt_number(p.min.value)} {t(p.unit)}" if p.min else "—",
            t("max"): f"{fmt_number(p.max.value)} {t(p.unit)}",
            t("source"): f"{p.min.article} / {p.max.article}" if p.min else p.max.article,
        })
    return pd.DataFrame(rows)


def show_reference(ref: statutes.SentencingReference, key: str) -> None:
    """Sanctions table, category and consequences, release options and open questions of one reference."""
    st.markdown(f"**{t('sanctions')}** · {t('wording_of')} {ref.effective_from.isoformat()}")
    st.dataframe(sanctions_frame(ref), hide_index=True, width="stretch", key=f"{key}-sanctions")
    for p in ref.punishments:
        for n in p.notes:
            st.caption(f"{pick(p.title)}: {n.text(lang())}")
    c1, c2 = st.columns(2)
    c1.metric(t("category"), pick(ref.category_title), help=f"Art. {ref.category_article}")
    c2.metric(t("limitation"), f"{fmt_number(ref.limitation_years.value)} {t('years')}", help=f"Art. {ref.limitation_years.article}")
    with st.expander(t("consequences"), expanded=True):
        for n in ref.notes:
            st.markdown("- " + n.text(lang()))
    with st.expander(t("release")):
        for r in ref.release:
            st.markdown(("✔ " if r.available else "✘ ") + r.note.text(lang()))
    show_open_questions(ref.open_questions)


def show_open_questions(questions, expanded: bool = False) -> None:
    if not questions:
        return
    with st.expander(f"{t('open_questions')} ({len(questions)})", icon=":material/warning:", expanded=expanded):
        for q in questions:
            st.markdown(f"- **{', '.join(q.articles)}** — {q.text(lang())}")


def statute_text(text: str) -> None:
    """Show a statute text with its line breaks (data from our files, not user input)."""
    st.markdown(text.replace("\n", "  \n"))


def show_aggregate(ag: statutes.AggregateReference) -> None:
    """Several offences together: the combined limits (Art. 66.2) where they follow, the repeat or one-act notes,
    the reference of the part a repeat selects, and the open questions."""
    with st.container(border=True):
        st.markdown(f"#### {t('aggregate')}")
        if ag.imprisonment_absorption_max_months:
            b = ag.imprisonment_absorption_max_months
            st.markdown(f"- {t('absorption')} {fmt_number(b.value)} {t('months')} (Art. {b.article})")
        if ag.imprisonment_addition_max_months:
            b = ag.imprisonment_addition_max_months
            st.markdown(f"- {t('addition')} {fmt_number(b.value)} {t('months')} (Art. {b.article})")
        for n in ag.notes:
            st.markdown(f"- {n.text(lang())}")
        show_open_questions(ag.open_questions)
        for rep in ag.repeats:
            if rep.reference is not None and rep.reference.part not in rep.parts:
                st.markdown(f"##### {rep.reference.part}")
                show_reference(rep.reference, key=f"repeat-{rep.reference.part}")
