"""The circumstances a text establishes: the model's tag head, backed by cues, damage amounts and known facts.

A circumstance is found when its tag probability reaches the tag's threshold, or :data:`CUE_FACTOR` of it with a
textual cue. The group forms share one tag and are told apart by cues. Significant damage is decided by the
amount stated (over the statute's threshold), public infrastructure by the tag or a target-shaped cue ("the bank's
servers"), either only in a text that names an institution of Note 3 to Art. 271 (the statute data's words): the
tag head alone read "the computer system of a furniture store" as a state body's (dev part accuracy 0.659 without
the condition, 0.661 with it; the suite's infrastructure direction test 0.64-0.75 to 0.97). The user's known facts
override all of these.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import statutes
from i18n import Text

from ..model.targets import GROUP_TAGS
from .cues import Scan, Span

CUE_FACTOR = 0.5
"""The factor was chosen on out-of-fold predictions of the train split: it raised CV F1 for official position,
repeat and serious hindrance and left public infrastructure unchanged; a target-shaped cue instead raised public
infrastructure's CV F1 slightly."""


@functools.lru_cache(maxsize=4)
def _names_an_institution(words: tuple[str, ...]):
    """One search for any of the statute data's institution words (substrings of the folded text)."""
    return re.compile("|".join(map(re.escape, words))).search


@dataclass(frozen=True)
class Finding:
    """A circumstance and whether the text (or the user) establishes it, with its evidence."""

    id: str
    detected: bool
    source: str  # "text", "user" or "none"
    probability: float | None
    evidence: tuple[Span, ...] = ()
    note: Text | None = None


def circumstances(scan: Scan, tag_p: dict[str, float], tag_thr: dict[str, float], known: dict[str, bool],
                  damage_azn: float | None, damage_span: Span | None, table: statutes.StatuteTable,
                  evidence: bool = True) -> list[Finding]:
    """Each circumstance of the statute table, in its order. ``evidence=False`` (bulk classification) skips the
    searches that only serve as evidence (cue spans, a target cue for a tag already found); what is detected is
    the same."""
    out = []
    threshold = table.significant_damage_azn
    group_detected = tag_p["group"] >= tag_thr["group"]
    group_specific = {g: group_detected and scan.has("circumstances", g) for g in GROUP_TAGS}
    for cid in table.circumstances:
        spans = tuple(scan.find("circumstances", cid)) if evidence else ()
        note = None
        if cid in GROUP_TAGS:
            p = tag_p["group"]
            if group_detected and not any(group_specific.values()) and cid == "prior_conspiracy_group":
                detected, note = True, Text("classifier.group_form")
            else:
                detected = group_specific[cid]
        elif cid == "significant_damage":
            p = tag_p[cid]
            if damage_azn is not None:
                detected = damage_azn > threshold or p >= tag_thr[cid] and damage_azn == 0
                spans = (damage_span,) if damage_span else spans
            else:
                detected = p >= tag_thr[cid]
        elif cid == "public_infrastructure":
            p = tag_p[cid]
            names = bool(_names_an_institution(table.institution_words)(scan.folded))
            searched = evidence or p < tag_thr[cid]  # without evidence, a found tag needs no target cue
            target = scan.find("circumstances", "public_infrastructure_target", limit=2) if searched and names else []
            detected = names and p >= tag_thr[cid] or bool(target)
            spans = tuple(target) or spans
        else:
            p = tag_p.get(cid)
            detected = p is not None and (p >= tag_thr[cid] or (
                p >= CUE_FACTOR * tag_thr[cid] and scan.has("circumstances", cid)))
        source = "text" if detected else "none"
        if cid in known:
            detected, source = known[cid], "user"
            note = Text("classifier.user" if detected else "classifier.user_no")
        out.append(Finding(cid, detected, source, None if p is None else round(float(p), 4),
                           spans if detected or spans else (), note))
    return out
