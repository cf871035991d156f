"""Display pieces shared by several pages (punishments, consequences, open questions, statute text)."""
from __future__ import annotations

import streamlit as st

import statutes
from i18n import quantity

from .ui import lang, pick, t


def punishment_line(p: statutes.Punishment) -> str:
    """One punishment as a Markdown line that fits a narrow column: its kind, range with unit and the article
    of each end, and its role ("**imprisonment for a fixed term** 3 months (Art. 55.2) – 2 years (Art. 271.1) ·
    main (alternative)"); an unavailable one is struck through with the reason beside it."""
    role = t("main") if p.role == "main" else t("additional") + (f" ({t('mandatory')})" if p.mandatory else "")
    line = f"**{pick(p.title)}** {pick(p.span)} · {role}"
    return line if p.available else f"~~{line}~~ — **{t('unavailable')}**"


def show_reference(ref: statutes.SentencingReference, key: str) -> None:
    """The punishments (one line each, every figure with its unit and article), category and limitation period,
    consequences, release options and open questions of one reference. ``key`` names its widgets."""
    st.markdown(f"**{t('sanctions')}** · {t('wording_of')} {ref.effective_from.isoformat()}")
    with st.container(border=True, key=f"{key}-sanctions"):
        for p in ref.punishments:
            st.markdown(punishment_line(p))
            for n in p.notes:
                st.caption(n.text(lang()))
    st.markdown(f"**{t('category')}:** {pick(ref.category_title)} ({t('art').format(id=ref.category_article)})  \n"
                f"**{t('limitation')}:** {pick(quantity(ref.limitation_years.value, 'years'))} "
                f"({t('art').format(id=ref.limitation_years.article)})")
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
            st.markdown(f"- **{q.cited(lang())}** — {q.text(lang())}")


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
            st.markdown(f"- {t('absorption')} {pick(quantity(b.value, 'months'))} ({t('art').format(id=b.article)})")
        if ag.imprisonment_addition_max_months:
            b = ag.imprisonment_addition_max_months
            st.markdown(f"- {t('addition')} {pick(quantity(b.value, 'months'))} ({t('art').format(id=b.article)})")
        for n in ag.notes:
            st.markdown(f"- {n.text(lang())}")
        show_open_questions(ag.open_questions)
        for rep in ag.repeats:
            if rep.reference is not None and rep.reference.part not in rep.parts:
                st.markdown(f"##### {rep.reference.part}")
                show_reference(rep.reference, key=f"repeat-{rep.reference.part}")
