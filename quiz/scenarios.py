"""The bank of teaching scenarios (``quiz/data/scenarios.yaml``) and definition examples (``examples.yaml``).

A scenario is a short incident in English and Azerbaijani, labelled as the label guide says: the article
labels it shows (``271``, ``272``, ``273.1``, ``273.2``, ``273-1``, ``273-2`` or ``none``), the part for each
label, the circumstance tags, a model answer and the fact that decides the part. Loading checks the bank
against the statute table, so a scenario can never teach a part that :meth:`StatuteTable.select_part`
would not choose for the same circumstances.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from statutes import PartChoice, StatuteDataError, StatuteTable, load_table
from statutes.loader import read_yaml, validate

from .errors import QuizError

DATA_DIR = Path(__file__).parent / "data"
NONE = "none"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    en: str = Field(min_length=1)
    az: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class Missing(_Strict):
    """The element of ``part`` that the facts do not show."""

    part: str
    element: str


class Scenario(_Strict):
    id: str = Field(pattern=r"^s\d+$")
    articles: list[str] = Field(min_length=1)
    parts: list[str]
    circumstances: list[str] = []
    difficulty: Literal["easy", "medium", "hard"]
    en: str = Field(min_length=1)
    az: str = Field(min_length=1)
    answer: Text
    decisive_fact: Text
    missing: Missing | None = None
    why_not: dict[str, Text] = {}

    def text(self, lang: str) -> str:
        return getattr(self, lang)

    @property
    def labels(self) -> list[str]:
        """The offence labels, without ``none``."""
        return [a for a in self.articles if a != NONE]


class InfrastructureExample(_Strict):
    id: str
    listed: bool
    en: str
    az: str
    why: Text


class Examples(_Strict):
    infrastructure: list[InfrastructureExample] = Field(min_length=2)
    damage_factors: list[float] = Field(min_length=2)


@dataclass(frozen=True)
class Bank:
    """The scenarios and examples, checked against the statute table."""

    scenarios: tuple[Scenario, ...]
    examples: Examples
    table: StatuteTable

    def scenario(self, sid: str) -> Scenario:
        return next(s for s in self.scenarios if s.id == sid)

    def choice(self, scenario: Scenario, label: str) -> PartChoice:
        """The part the statute table selects for one label of a scenario."""
        lp = self.table.label_parts(label)
        given = next((p for p in scenario.parts if p in lp.basic), None)
        return self.table.select_part(label, scenario.circumstances, basic=given)

    def label_of_part(self, part_id: str) -> str:
        """The classification label a part belongs to (``273.3`` → ``273.1``, the first label that includes it)."""
        for label in self.table.labels:
            lp = self.table.label_parts(label)
            if part_id in (*lp.basic, lp.aggravated, lp.infrastructure):
                return label
        raise QuizError(f"part {part_id!r} belongs to no label")

    def article_of_label(self, label: str) -> str:
        return self.table.labels[label].article


def load_bank(data_dir: Path | str | None = None, table: StatuteTable | None = None) -> Bank:
    """Read and check the scenario bank and the examples.

    Raises
    ------
    QuizError
        If a file is malformed (the message names the file and key path), or a scenario disagrees with the
        statute table: an unknown label, part, circumstance or element, or parts that differ from what
        ``select_part`` gives for its labels and circumstances.
    """
    if data_dir is None and table is None:
        return _default_bank()
    return _load(Path(data_dir or DATA_DIR), table or load_table())


@functools.lru_cache(maxsize=1)
def _default_bank() -> Bank:
    return _load(DATA_DIR, load_table())


def _load(d: Path, table: StatuteTable) -> Bank:
    try:
        scenarios = validate(read_yaml(d / "scenarios.yaml"), list[Scenario], "scenarios.yaml")
        examples = validate(read_yaml(d / "examples.yaml"), Examples, "examples.yaml")
    except StatuteDataError as exc:
        raise QuizError(str(exc)) from None
    bank = Bank(tuple(scenarios), examples, table)
    ids = [s.id for s in scenarios]
    if len(set(ids)) != len(ids):
        raise QuizError(f"scenarios.yaml: duplicate scenario ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    for i, s in enumerate(scenarios):
        _check(bank, s, f"scenarios.yaml: [{i}] {s.id}")
    return bank


def _check(bank: Bank, s: Scenario, where: str) -> None:
    table = bank.table
    known = set(table.labels) | {NONE}
    bad = [a for a in [*s.articles, *s.why_not] if a not in known]
    if bad:
        raise QuizError(f"{where}: unknown label {bad[0]!r}; labels are: {', '.join(sorted(known))}")
    if NONE in s.articles and len(s.articles) > 1:
        raise QuizError(f"{where}: 'none' cannot be combined with other labels")
    if set(s.why_not) & set(s.articles):
        raise QuizError(f"{where}: why_not explains a label the scenario has")
    unknown = [c for c in s.circumstances if c not in table.circumstances]
    if unknown:
        raise QuizError(f"{where}: unknown circumstance {unknown[0]!r}")
    try:
        chosen = {bank.choice(s, label).part for label in s.labels}
    except KeyError as exc:  # UnknownPartError: a basic part outside its label
        raise QuizError(f"{where}: {exc}") from None
    if chosen != set(s.parts):
        raise QuizError(f"{where}: parts {sorted(s.parts)} differ from the statute table's choice {sorted(chosen)}")
    if s.missing is not None:
        try:
            part = table.part(s.missing.part)
        except KeyError as exc:
            raise QuizError(f"{where}: missing.part: {exc}") from None
        if s.missing.element not in {e.id for e in part.elements}:
            raise QuizError(f"{where}: missing.element {s.missing.element!r} is not an element of {part.id}")
