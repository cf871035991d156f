"""Pydantic models for the law-as-data files in ``statutes/data``.

Every model forbids unknown keys and is frozen, so a typo in a data file is an error, not a silent default.
The models check what one file can check on its own (min <= max, ordered dates, kinds and units); the
cross-file checks (references between parts, Art. 15 categories) live in :mod:`statutes.table`.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from i18n import Text

ARTICLE_ID = r"^27[1-3](-[12])?$"
PART_ID = r"^27[1-3](-1)?\.\d$|^273-2$"
SanctionKind = Literal["fine", "restriction_of_liberty", "imprisonment", "deprivation_of_right"]
CategoryId = Literal["minor", "less_grave", "grave", "especially_grave"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Localized = Text
"""Titles and terms in the data files: ``{en: ..., az: ..., ru: ...}`` (``ru`` optional), validated into the one
localised-text type, :class:`i18n.Text`."""


class Sanction(Strict):
    """One punishment in a part's sanction, as the article states it (``min: null`` = "up to N")."""

    kind: SanctionKind
    role: Literal["main", "additional"]
    min: int | None = Field(ge=0)
    max: int = Field(gt=0)
    unit: Literal["AZN", "months"]
    mandatory: bool | None = None

    @model_validator(mode="after")
    def _check(self) -> "Sanction":
        if self.min is not None and self.min > self.max:
            raise ValueError(f"min {self.min} > max {self.max}")
        if (self.kind == "fine") != (self.unit == "AZN"):
            raise ValueError(f"unit {self.unit} does not fit kind {self.kind}")
        if self.role == "additional" and self.mandatory is None:
            raise ValueError("an additional punishment must say whether it is mandatory")
        if self.role == "main" and self.mandatory is not None:
            raise ValueError("'mandatory' applies to additional punishments only")
        return self


class Element(Strict):
    """An element of the offence. ``not_needed_with`` names an alternative act for which the statute does not ask
    this element (273-1.1: the purpose governs the circulation acts, not production); the classifier's cues name
    that act (``classifier/data/cues.yaml``, group ``elements``)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: Literal["conduct", "object", "mental", "result", "circumstance"]
    en: str
    az: str
    not_needed_with: str | None = Field(default=None, pattern=r"^[a-z0-9_]+$")


class Qualifier(Strict):
    id: str
    circumstances: list[str] = Field(min_length=1)
    text_az: str
    en: str


class PartVersion(Strict):
    """The wording of a part from ``effective_from`` until the next version (or ``effective_to``): the Azerbaijani
    text and our English rendering of that same wording (its own figures), its category and sanctions."""

    effective_from: dt.date
    effective_to: dt.date | None = None
    amended_by: str
    text_status: Literal["official", "reconstructed"]
    reconstruction_note: Localized | None = None
    text_az: str
    text_en: str
    category: CategoryId
    sanctions: list[Sanction] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> "PartVersion":
        if self.effective_to is not None and self.effective_to <= self.effective_from:
            raise ValueError(f"effective_to {self.effective_to} is not after effective_from {self.effective_from}")
        if self.text_status == "reconstructed" and not self.reconstruction_note:
            raise ValueError("a reconstructed text needs a reconstruction_note saying how it was made")
        kinds = [s.kind for s in self.sanctions]
        if len(set(kinds)) != len(kinds):
            raise ValueError(f"a sanction kind appears twice: {kinds}")
        if not any(s.role == "main" for s in self.sanctions):
            raise ValueError("no main punishment")
        return self

    @property
    def sanction_text_az(self) -> str:
        """The sanction sentence: the words after the dash that ends the disposition."""
        return self.text_az.rsplit("–", 1)[-1].strip()


class Part(Strict):
    id: str = Field(pattern=PART_ID)
    kind: Literal["basic", "aggravated", "infrastructure"]
    title: Localized
    includes: list[str] = []
    elements: list[Element] = Field(min_length=1)
    qualifiers: list[Qualifier] = []
    versions: list[PartVersion] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> "Part":
        for i, (a, b) in enumerate(zip(self.versions, self.versions[1:]), start=1):
            if b.effective_from == a.effective_from:
                raise ValueError(f"versions {i - 1} and {i} overlap: both start on {a.effective_from}")
            if b.effective_from < a.effective_from:
                raise ValueError(f"versions are not in date order: {b.effective_from} comes after {a.effective_from}")
            if a.effective_to is not None and a.effective_to > b.effective_from:
                raise ValueError(f"versions {i - 1} and {i} overlap: {a.effective_to} is after {b.effective_from}")
        if self.kind != "basic" and not (self.includes and self.qualifiers):
            raise ValueError(f"a {self.kind} part needs 'includes' and 'qualifiers'")
        ids = [e.id for e in self.elements]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate element ids: {ids}")
        return self


class InstitutionCategory(Strict):
    """One category of a Note's list (Note 3 to Art. 271), the stems that name it in folded text, and the law that
    added it when it was not in the 2012 wording."""

    id: str = Field(pattern=r"^[a-z_]+$")
    en: str
    az: str
    words: list[str] = []
    added_by: str | None = None


class Definition(Strict):
    id: str
    term: Localized
    scope: list[str] = Field(min_length=1)
    text_az: str
    text_en: str
    threshold_azn: int | None = Field(default=None, gt=0)
    categories: list[InstitutionCategory] = []


class Article(Strict):
    article: str = Field(pattern=ARTICLE_ID)
    title: Localized
    convention: str
    parts: list[Part] = Field(min_length=1)
    notes: list[Definition] = []

    @model_validator(mode="after")
    def _check(self) -> "Article":
        ids = [p.id for p in self.parts]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate part ids: {ids}")
        for pid in ids:
            if pid != self.article and not pid.startswith(self.article + "."):
                raise ValueError(f"part {pid} does not belong to article {self.article}")
        return self


# ---- General Part, circumstances, labels, amendments, open questions --------------------------------------

class Figure(Strict):
    """A number with the article it comes from; ``previous`` and ``amended_by`` date a General Part maximum that a
    law changed (a higher maximum is harsher and does not reach back to earlier acts, Art. 10.4)."""

    value: float
    article: str
    amended_by: str | None = None
    previous: float | None = None

    @model_validator(mode="after")
    def _check(self) -> "Figure":
        if (self.amended_by is None) != (self.previous is None):
            raise ValueError("a dated figure needs both 'amended_by' and 'previous'")
        return self


class Fraction(Strict):
    numerator: int = Field(gt=0)
    denominator: int = Field(gt=0)
    article: str


class PunishmentType(Strict):
    kind: SanctionKind
    title: Localized
    article: str
    severity: int
    unit: Literal["AZN", "months"]
    general_min: Figure | None = None
    general_max: Figure | None = None
    general_min_additional: Figure | None = None
    general_max_additional: Figure | None = None
    unavailable_to_foreign_nationals: Figure | None = None


class Category(Strict):
    """A category of crimes (Art. 15): the paragraph that defines it, the imprisonment limit it allows (none for
    the open-ended "especially grave"), and its limitation period."""

    id: CategoryId
    title: Localized
    article: str
    max_imprisonment_months: Figure | None = None
    limitation_years: Figure


class Release(Strict):
    id: str
    title: Localized
    article: str
    categories: list[CategoryId]


class CategoryCap(Strict):
    category: CategoryId
    value: int
    article: str


class Aggregate(Strict):
    article: str
    imprisonment_cap_months: list[CategoryCap]
    additional_article: str
    ideal_article: str
    special_norm_article: str


class RepeatRule(Strict):
    """A repeat (Art. 16.1): crimes under the same article two or more times; where an article has no part for
    it, a general aggravating circumstance (Art. 61.1.1)."""

    article: str
    aggravating_article: str


class Minors(Strict):
    age_of_responsibility: Figure
    fine_max_azn: Figure
    restriction_of_liberty_min_months: Figure
    restriction_of_liberty_max_months: Figure
    imprisonment_max_months: Figure
    limitation_divisor: Figure
    educational_measures_articles: list[str]
    educational_measures_categories: list[CategoryId]


class Attempt(Strict):
    cap: Fraction
    punishable: Figure


class Preparation(Strict):
    punishable_categories: list[CategoryId]
    article: str


class MitigationCap(Strict):
    cap: Fraction
    condition_articles: list[str]


class MilderLaw(Strict):
    in_force_article: str
    retroactive_article: str
    not_retroactive_article: str


class Expulsion(Strict):
    """Expulsion from Azerbaijan (Art. 52): an additional punishment for foreign nationals and stateless persons,
    the rule above a term of imprisonment and discretionary otherwise, with exceptions."""

    article: str
    rule_above_months: Figure
    exceptions_article: str


class GeneralPart(Strict):
    official_text_url: str = Field(pattern=r"^https://e-qanun\.az/[\w/]+$")
    """The Criminal Code on the official legal database, where each article's official text is read."""
    punishments: list[PunishmentType]
    categories: list[Category]
    attempt: Attempt
    preparation: Preparation
    mitigation_cap: MitigationCap
    exceptional_circumstances_article: str
    aggregate: Aggregate
    repeat: RepeatRule
    release: list[Release]
    minors: Minors
    milder_law: MilderLaw
    limitation_suspension_article: str
    expulsion: Expulsion


class Circumstance(Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    kind: Literal["qualifier", "element", "stage"]
    title: Localized
    article: str
    en: str
    az: str


class Variant(Strict):
    """One basic act of a label with several (273-1): chosen when the text shows every element of ``shows`` and
    none of ``lacks``; the last variant of a label has neither and is the default."""

    part: str
    shows: list[str] = []
    lacks: list[str] = []


class Label(Strict):
    id: str
    article: str = Field(pattern=ARTICLE_ID)
    basic_parts: list[str] = Field(min_length=1)
    variants: list[Variant] = []

    @model_validator(mode="after")
    def _check(self) -> "Label":
        if len(self.basic_parts) > 1 and not self.variants:
            raise ValueError("a label with several basic parts needs 'variants' saying which the text describes")
        for v in self.variants:
            if v.part not in self.basic_parts:
                raise ValueError(f"variant {v.part} is not a basic part of the label")
        if self.variants and (self.variants[-1].shows or self.variants[-1].lacks):
            raise ValueError("the last variant is the default: it has neither 'shows' nor 'lacks'")
        return self


class Publication(Strict):
    """Where and when a law was published (statute_notes §4)."""

    date: dt.date
    source: str


class Amendment(Strict):
    """A law that changed Chapter 30 (or the General Part rules it needs), with the dates the notes give.

    Our sources give the adoption and publication dates but not the day each law entered into force; between the
    two (:attr:`uncertain_until`, inclusive) an act is treated under Art. 10.3/10.4 and flagged."""

    id: str
    adopted: dt.date | None
    published: list[Publication] = []
    in_force: dt.date | None = None
    covered: bool
    status: Literal["enacted", "pending"] = "enacted"
    title: Localized
    summary_en: str
    summary_az: str
    parts: list[str] = []

    @property
    def uncertain_until(self) -> dt.date | None:
        """The last day an act may precede this law's entry into force: its last publication (None when no
        publication is recorded, or when the day of entry into force is known)."""
        if self.in_force is not None or not self.published:
            return None
        return max(p.date for p in self.published)

    def in_window(self, on: dt.date) -> bool:
        """Whether ``on`` falls between adoption and the last publication (inclusive): the law may not yet have
        been in force."""
        end = self.uncertain_until
        return self.adopted is not None and end is not None and self.adopted <= on <= end


TRIGGER = (r"^(mandatory_additional|sentence_cap|entry_into_force_gap|one_act|repeat|release:[a-z_]+|category:[a-z_]+"
           r"|wording:\S+|before:\S+)$")


class OpenQuestion(Strict):
    """A point the Code leaves open, with where it is shown and what raises it.

    ``applies_to``: ``*`` (every part), part ids, circumstance ids or definition ids. ``raised_by`` (none: always,
    where it applies): a ``mandatory_additional`` punishment; a ``sentence_cap`` (attempt, Art. 60.1); a
    ``release:<id>`` option; an ``entry_into_force_gap`` (an act between adoption and publication of a law that
    changed the part); ``category:<id>``; ``wording:<act>`` (the reference rests on the wording that act gave);
    ``before:<act>`` (an offence date before that act); in an aggregate, ``one_act`` (one act under two parts of
    one article) or ``repeat`` (separate episodes under one article)."""

    id: str = Field(pattern=r"^oq-[a-z0-9-]+$")
    articles: list[str]
    applies_to: list[str] = Field(min_length=1)
    en: str
    az: str
    raised_by: list[str] = []

    @model_validator(mode="after")
    def _check(self) -> "OpenQuestion":
        import re
        for t in self.raised_by:
            if not re.match(TRIGGER, t):
                raise ValueError(f"unknown trigger {t!r} in raised_by")
        return self

    def shown(self, subject: str, raised: set[str] | frozenset[str] = frozenset(), part: bool = True) -> bool:
        """Whether this question is shown for ``subject`` (a part id when ``part``, else a circumstance or
        definition id) given what was ``raised``."""
        applies = subject in self.applies_to or (part and "*" in self.applies_to)
        return applies and (not self.raised_by or bool(set(self.raised_by) & set(raised)))

    def text(self, lang: str) -> str:
        return self.az if lang == "az" else self.en

    def cited(self, lang: str) -> str:
        """The articles it concerns, as ``lang`` writes them ("271 (Note 3)" is "271 (Qeyd 3)" in Azerbaijani)."""
        joined = ", ".join(self.articles)
        return joined.replace("Note", "Qeyd") if lang == "az" else joined
