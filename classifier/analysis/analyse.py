"""Incident text → an :class:`~classifier.analysis.results.Analysis`: candidates, parts, elements and penalties.

One flow (see ``architecture.md``): the text is checked and folded once → model probabilities → findings (cues
scanned once: damage, circumstances with spans, the 273-1 variant) and the user's known facts → the part chosen
by the statute data's qualifiers → the elements checked → sanctions and consequences from :mod:`statutes` for the
offence date. The page, the CLI and the reports all render this same object; bulk classification runs the same
findings without evidence spans.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping

import statutes
from i18n import Text, figure
from statutes.dates import check_date

from ..findings import find
from ..model import Model, get_model
from ..text import fold, prepare
from .elements import elements
from .explain import contributions, word_spans
from .results import Analysis, Candidate

CASE_FACTS = ("foreign_national", "minor", "art60_conditions")
"""Known facts that change the sentencing reference but are not circumstances of the offence."""
LONG_TEXT = 2_500
"""Longer than any training incident. Unrelated passages dilute the evidence of a long text (the L2-normalised
features; see the robustness table of ``reports/evaluation.md``), so such texts get the ``long_text`` note."""


def known_facts(known: Mapping[str, bool] | Iterable[str] | None) -> dict[str, bool]:
    """Known facts as ``{id: bool}``, from a mapping or an iterable of the ids that are true."""
    if known is None:
        return {}
    if isinstance(known, Mapping):
        return {str(k): bool(v) for k, v in known.items()}
    return {str(k): True for k in known}


def analyse(text: str, *, offence_date: dt.date | None = None,
            known_circumstances: Mapping[str, bool] | Iterable[str] | None = None,
            known_damage: tuple[float, str] | None = None, model: Model | None = None,
            table: statutes.StatuteTable | None = None) -> Analysis:
    """Analyse one incident description.

    Parameters
    ----------
    text : the incident, in Azerbaijani (with or without its letters), English or Russian.
    offence_date : selects the wording in force (Art. 10); None means the current wording. Callers parse text
        dates (:func:`statutes.parse_date`).
    known_circumstances : facts the user knows, overriding detection: a mapping of circumstance id → bool
        (``repeat``, ``prior_conspiracy_group``, ``organised_group``, ``criminal_community``,
        ``official_position``, ``public_infrastructure``, ``significant_damage``, ``serious_hindrance``,
        ``attempt``) plus the case facts ``foreign_national``, ``minor``, ``art60_conditions``; or an iterable of
        ids that are true.
    known_damage : (amount, currency code) overriding the amounts found in the text.

    Raises
    ------
    TextError
        For empty, binary or mis-encoded text (long text is truncated with a warning instead).
    NotCoveredError
        For an offence date before the 2012 rewrite.
    TypeError
        For an offence date that is not a ``datetime.date``.
    KeyError
        For an unknown currency code in ``known_damage``.
    """
    table = table or statutes.load_table()
    model = model or get_model()
    text, warnings = prepare(text)
    if len(text) > LONG_TEXT:
        warnings.append(Text("classifier.long_text", n=figure(len(text))))
    check_date(offence_date)  # a TypeError before any work; the wording for the date is chosen once per reference
    known = known_facts(known_circumstances)
    folded = fold(text)
    X = model.blocks([folded])
    P = model.label_proba(X)
    chosen_labels, p = model.choose(P, X)[0], P[0]
    tag_p = dict(zip(model.tags, model.tag_proba(X)[0]))
    found = find(text, folded, tag_p, dict(zip(model.tags, model.tag_thresholds)), table, known, known_damage)
    attempt = "attempt" in found.detected  # known facts included
    facts = {k: known.get(k, False) for k in CASE_FACTS}
    row = None
    candidates = []
    institutions = table.institutions_named(folded) if offence_date else None  # Note 3 is dated (Art. 10.4)
    for j in sorted(range(len(model.labels)), key=lambda j: -p[j]):
        label = model.labels[j]
        selected = bool(chosen_labels[j])
        choice = table.select_part(label, found.detected, basic=found.variant(label), on=offence_date,
                                   institutions=institutions)
        checks, ref, spans = (), None, ()
        if selected or j == int(p.argmax()):
            row = row if row is not None else model.extractor.stack(X)[0]
            checks = elements(label, choice, found, table)
            ref = statutes.reference(choice.part, offence_date=offence_date, table=table, attempt=attempt, **facts)
            spans = tuple(word_spans(text, folded, contributions(model, row, j)))
        candidates.append(Candidate(label, table.label_title(label), round(float(p[j]), 4),
                                    float(model.thresholds[j]), selected, choice, checks, ref, spans))
    chosen = [c for c in candidates if c.selected]
    if chosen:
        verdict = "offences"
    else:
        top = candidates[0]
        verdict = "low_confidence" if top.probability >= 0.5 * top.threshold else "out_of_scope"
    refs = list({c.part.part: c.reference for c in chosen}.values())
    # one incident: parts of one article are one act, not separate episodes (statutes.aggregate)
    aggregate = statutes.aggregate(refs, separate_episodes=False, table=table) if len(refs) >= 2 else None
    return Analysis(text, tuple(candidates), verdict, tuple(found.circumstances), offence_date, tuple(warnings),
                    aggregate, found.damage_azn, {"model_kind": model.kind})
