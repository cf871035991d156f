"""Incident text → an :class:`~classifier.candidate.Analysis`: candidates, parts, elements and penalties.

One flow (see ``architecture.md``): normalise → model probabilities → candidates → circumstances detected with
spans (model, cues, damage amounts) and the user's known facts → the part chosen by the statute data's
qualifiers → the elements checked → sanctions and consequences from :mod:`statutes` for the offence date.
The page, the CLI and the batch writer all render this same object.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping

import pandas as pd

import statutes

from . import cues
from .candidate import Analysis, Candidate, ElementCheck, Finding
from .damage import find_amounts
from .explain import contributions, word_spans
from .model import Model
from .text import Message, normalise, prepare
from .training import GROUP_TAGS, get_model

CASE_FACTS = ("foreign_national", "minor", "art60_conditions")
_INSTITUTION = ("bank", "nazirli", "ministr", "министерств", "банк", "agency", "agentli", "агентств", "insur", "sigorta",
                "страхов", "fund", "fond", "фонд", "tax", "vergi", "налог", "custom", "gomruk", "таможн", "court",
                "mehkeme", "суд", "municipal", "belediyye", "муниципал", "госорган", "broker", "exchange", "state",
                "dovlet", "государств")
"""Words one of which every target-shaped infrastructure cue contains; texts without any skip those patterns."""
LONG_TEXT = 1_500
"""Longer than any training incident. Unrelated passages dilute the evidence of a long text (the L2-normalised
features; see the robustness table of ``reports/evaluation.md``), so such texts get the ``long_text`` note."""
CUE_FACTOR = 0.5
"""A circumstance is found when its tag probability reaches the tag's threshold, or half of it with a textual cue
(the factor was chosen on out-of-fold predictions of the train split: it raised CV F1 for official position,
repeat and serious hindrance and left public infrastructure unchanged). Public infrastructure is instead found by
the tag or by a target-shaped cue ("the bank's servers", "nazirliyin sistemi"), which raised its CV F1 slightly."""
"""Known facts that change the sentencing reference but are not circumstances of the offence."""

NOTES = {
    "not_evident": {"en": "not evident in the text", "az": "mətndə görünmür"},
    "damage_shown": {"en": "damage of about {azn:,.0f} AZN stated (over the {thr:,} AZN threshold of Note 1 to Art. 273)",
                     "az": "təxminən {azn:,.0f} manat ziyan göstərilib (273-cü maddənin 1-ci qeydindəki {thr:,} manat həddindən artıq)"},
    "damage_below": {"en": "the amount stated, about {azn:,.0f} AZN, does not exceed the {thr:,} AZN threshold; other substantial harm is not evident",
                     "az": "göstərilən məbləğ, təxminən {azn:,.0f} manat, {thr:,} manat həddini keçmir; digər mühüm zərər görünmür"},
    "damage_other": {"en": "substantial harm is described, but no amount over {thr:,} AZN is stated",
                     "az": "mühüm zərər təsvir olunub, lakin {thr:,} manatdan artıq məbləğ göstərilməyib"},
    "damage_missing": {"en": "significant damage (over {thr:,} AZN, or other substantial harm) not shown",
                       "az": "əhəmiyyətli zərər ({thr:,} manatdan artıq və ya digər mühüm zərər) göstərilməyib"},
    "group_form": {"en": "the text shows joint action, but not which form (prior conspiracy, organised group or criminal community)",
                   "az": "mətn birgə hərəkəti göstərir, lakin formasını (qabaqcadan əlbir qrup, mütəşəkkil dəstə, cinayətkar birlik) yox"},
    "user": {"en": "given by the user", "az": "istifadəçi tərəfindən göstərilib"},
    "user_no": {"en": "excluded by the user", "az": "istifadəçi tərəfindən istisna edilib"},
    "qualifier_missing": {"en": "no qualifying circumstance shown", "az": "tövsifedici hal göstərilməyib"},
    "long_text": {"en": "the text is long ({n:,} characters, longer than any training incident): passages unrelated to "
                        "the incident weaken the evidence, so a candidate may be missed; if one seems missing, analyse "
                        "the passage that describes the incident on its own",
                  "az": "mətn uzundur ({n} simvol, heç bir təlim hadisəsindən uzun): hadisə ilə əlaqəsi olmayan hissələr "
                        "sübutu zəiflədir, ona görə də maddə buraxıla bilər; əgər hansısa maddə çatışmırsa, hadisəni "
                        "təsvir edən hissəni ayrıca təhlil edin"},
}


def _note(key: str, **kw) -> dict[str, str]:
    return {lang: text.format(**kw) for lang, text in NOTES[key].items()}


def _known(known: Mapping[str, bool] | Iterable[str] | None) -> dict[str, bool]:
    if known is None:
        return {}
    if isinstance(known, Mapping):
        return {str(k): bool(v) for k, v in known.items()}
    return {str(k): True for k in known}


def _findings(text: str, folded: str, tag_p: dict[str, float], tag_thr: dict[str, float], known: dict[str, bool],
              damage_azn: float | None, damage_span, threshold: int, table: statutes.StatuteTable,
              evidence: bool = True) -> list[Finding]:
    """Each circumstance: detected by the model's tag head (group forms told apart by cues), damage by amount,
    overridden by the user's known facts. ``evidence=False`` skips the cue spans (bulk classification)."""
    out = []
    group_detected = tag_p["group"] >= tag_thr["group"]
    group_specific = {g: cues.find(text, "circumstances", g, folded, limit=1) if group_detected else []
                      for g in GROUP_TAGS}
    for cid in table.circumstances:
        spans = tuple(cues.find(text, "circumstances", cid, folded)) if evidence else ()
        note = None
        if cid in GROUP_TAGS:
            p = tag_p["group"]
            if group_detected and not any(group_specific.values()) and cid == "prior_conspiracy_group":
                detected, note = True, _note("group_form")
            else:
                detected = group_detected and bool(group_specific[cid])
        elif cid == "significant_damage":
            p = tag_p[cid]
            if damage_azn is not None:
                detected = damage_azn > threshold or p >= tag_thr[cid] and damage_azn == 0
                spans = (damage_span,) if damage_span else spans
            else:
                detected = p >= tag_thr[cid]
        elif cid == "public_infrastructure":
            p = tag_p[cid]
            target = (cues.find(text, "circumstances", "public_infrastructure_target", folded, limit=2)
                      if any(w in folded for w in _INSTITUTION) else [])
            detected = p >= tag_thr[cid] or bool(target)
            spans = tuple(target) or spans
        else:
            p = tag_p.get(cid)
            detected = p is not None and (p >= tag_thr[cid] or (
                p >= CUE_FACTOR * tag_thr[cid] and bool(spans or cues.find(text, "circumstances", cid, folded, limit=1))))
        source = "text" if detected else "none"
        if cid in known:
            detected, source = known[cid], "user"
            note = _note("user" if detected else "user_no")
        out.append(Finding(cid, detected, source, None if p is None else round(float(p), 4), spans if detected or spans else (), note))
    return out


def _damage(text: str, folded: str, known_damage: tuple[float, str] | None) -> tuple[float | None, object]:
    """The largest stated amount near a damage cue (or any amount), in manat, and its span."""
    if known_damage is not None:
        from .damage import rates
        amount, currency = known_damage
        return float(amount) * rates()["rates_to_azn"][currency], None
    amounts = find_amounts(text, folded)
    if not amounts:
        return None, None
    if len(amounts) == 1:  # nothing to choose between: skip the search for damage words
        return amounts[0].azn, amounts[0].span
    damage_spans = cues.find(text, "circumstances", "significant_damage", folded, limit=20)
    near = [a for a in amounts if any(abs(a.span.start - s.start) < 120 for s in damage_spans)] or amounts
    best = max(near, key=lambda a: a.azn)
    return best.azn, best.span


def _basic_hint(label: str, text: str, folded: str, table: statutes.StatuteTable) -> str | None:
    basics = table.label_parts(label).basic
    if len(basics) == 1:
        return None
    has = lambda key: bool(cues.find(text, "elements", key, folded, limit=1))  # noqa: E731
    creds, means = has("access_credentials"), has("cybercrime_means")
    if creds and (not means or has("sell_distribute")):
        return "273-1.3" if has("sell_distribute") else "273-1.2"
    return "273-1.1"


def _elements(label: str, choice: statutes.PartChoice, findings: dict[str, Finding], text: str, folded: str,
              damage_azn: float | None, threshold: int, table: statutes.StatuteTable, basic_hint: str | None) -> tuple[ElementCheck, ...]:
    part = table.part(choice.part)
    base_id = basic_hint or table.label_parts(label).basic[0]
    elements = list(part.elements) if part.kind == "basic" else list(table.part(base_id).elements) + list(part.elements)
    checks = []
    for e in elements:
        desc = {"en": e.en, "az": e.az}
        if e.id == "significant_damage":
            f = findings["significant_damage"]
            if damage_azn is not None and damage_azn > threshold:
                checks.append(ElementCheck(e.id, e.kind, desc, True, f.evidence, _note("damage_shown", azn=damage_azn, thr=threshold)))
            elif f.detected:
                checks.append(ElementCheck(e.id, e.kind, desc, True, f.evidence, _note("damage_other", thr=threshold)))
            elif damage_azn is not None:
                checks.append(ElementCheck(e.id, e.kind, desc, False, f.evidence, _note("damage_below", azn=damage_azn, thr=threshold)))
            else:
                checks.append(ElementCheck(e.id, e.kind, desc, False, (), _note("damage_missing", thr=threshold)))
            continue
        if e.id == "serious_hindrance":
            f = findings["serious_hindrance"]
            checks.append(ElementCheck(e.id, e.kind, desc, f.detected, f.evidence, None if f.detected else _note("not_evident")))
            continue
        if e.id in ("qualifying_circumstance", "public_infrastructure_target"):
            hit = [findings[c] for c in choice.circumstances if c in findings]
            ev = tuple(s for f in hit for s in f.evidence)
            checks.append(ElementCheck(e.id, e.kind, desc, bool(hit), ev, None if hit else _note("qualifier_missing")))
            continue
        spans = tuple(cues.find(text, "elements", e.id, folded, limit=3))
        checks.append(ElementCheck(e.id, e.kind, desc, bool(spans), spans, None if spans else _note("not_evident")))
    return tuple(checks)


def analyse(text: str, *, offence_date: dt.date | str | None = None,
            known_circumstances: Mapping[str, bool] | Iterable[str] | None = None,
            known_damage: tuple[float, str] | None = None, model: Model | None = None,
            table: statutes.StatuteTable | None = None) -> Analysis:
    """Analyse one incident description.

    Parameters
    ----------
    text : the incident, in Azerbaijani (with or without its letters), English or Russian.
    offence_date : selects the wording in force (Art. 10); None means the current wording.
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
    NotCoveredError, ValueError
        For an offence date before the 2012 rewrite or not in YYYY-MM-DD form.
    KeyError
        For an unknown currency code in ``known_damage``.
    """
    table = table or statutes.load_table()
    model = model or get_model()
    text, warnings = prepare(text)
    if len(text) > LONG_TEXT:
        warnings.append(Message(**_note("long_text", n=len(text))))
    if offence_date is not None:
        table.version_on("271.1", offence_date)  # raises NotCoveredError / ValueError early, before any work
    known = _known(known_circumstances)
    folded = normalise(text)
    X = model.features([text])
    p = model.label_proba(X)[0]
    tp = model.tag_proba(X)[0]
    tag_p = dict(zip(model.tags, tp))
    tag_thr = dict(zip(model.tags, model.tag_thresholds))
    threshold = table.significant_damage_azn
    damage_azn, damage_span = _damage(text, folded, known_damage)
    findings = _findings(text, folded, tag_p, tag_thr, known, damage_azn, damage_span, threshold, table)
    by_id = {f.id: f for f in findings}
    detected = [f.id for f in findings if f.detected]
    facts = {k: known.get(k, False) for k in CASE_FACTS}

    candidates = []
    for j in sorted(range(len(model.labels)), key=lambda j: -p[j]):
        label = model.labels[j]
        selected = bool(p[j] >= model.thresholds[j])
        hint = _basic_hint(label, text, folded, table)
        choice = table.select_part(label, detected, basic=hint)
        elements, ref, spans = (), None, ()
        if selected or j == int(p.argmax()):
            elements = _elements(label, choice, by_id, text, folded, damage_azn, threshold, table, hint)
            ref = statutes.reference(choice.part, offence_date=offence_date, table=table,
                                     attempt=by_id["attempt"].detected, art60_conditions=facts["art60_conditions"],
                                     foreign_national=facts["foreign_national"], minor=facts["minor"])
            spans = tuple(word_spans(text, folded, contributions(model, X[0], j)))
        art = table.articles[table.labels[label].article]
        title = {"en": art.title.en, "az": art.title.az}
        if label in ("273.1", "273.2"):
            basic = table.part(label)
            title = {"en": basic.title.en, "az": basic.title.az}
        candidates.append(Candidate(label, title, round(float(p[j]), 4), float(model.thresholds[j]), selected,
                                    choice, elements, ref, spans))
    chosen = [c for c in candidates if c.selected]
    if chosen:
        verdict = "offences"
    else:
        top = candidates[0]
        verdict = "low_confidence" if top.probability >= 0.5 * top.threshold else "out_of_scope"
    aggregate = None
    distinct = list(dict.fromkeys(c.part.part for c in chosen))
    if len(distinct) >= 2:
        aggregate = statutes.aggregate(distinct, offence_date=offence_date, table=table,
                                       attempt=by_id["attempt"].detected, **facts)
    on = statutes.as_date(offence_date)
    return Analysis(text, tuple(candidates), verdict, tuple(findings), on, tuple(warnings), aggregate, damage_azn,
                    {"model_kind": model.kind})


def analyse_frame(df: pd.DataFrame, text_column: str, *, model: Model | None = None) -> pd.DataFrame:
    """Classify a DataFrame of incidents in bulk; see :func:`classifier.batch.classify_frame`."""
    from .batch import classify_frame
    return classify_frame(df, text_column, model=model)
