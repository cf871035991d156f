"""The statute table: Chapter 30 loaded from ``statutes/data``, checked across files, queried by part and date.

:func:`load_table` is the one way in. It reads every data file strictly, checks the references between them
(includes, labels, open questions, amendments, Art. 15 categories, General Part minima) and returns an
immutable :class:`StatuteTable`. The table answers: which wording was in force on a date, which sanctions apply
after Art. 10 (milder later law), and which part a set of circumstances selects.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from i18n import Text, figure

from .dates import check_date
from .checks import check
from .errors import NotCoveredError, StatuteDataError, UnknownPartError
from .loader import load_file
from .messages import Note
from .selection import LabelParts, PartChoice, label_parts, select_part
from .schema import (Amendment, Article, Circumstance, Definition, Figure, GeneralPart, Label, OpenQuestion,
                     Part, PartVersion, Sanction)

DATA_DIR = Path(__file__).parent / "data"
ARTICLE_FILES = ("271", "272", "273", "273-1", "273-2")
QUALIFIER_KINDS = ("aggravated", "infrastructure")


@dataclass(frozen=True)
class Bound:
    """One end of a punishment range, with the article that sets it (the part, or a General Part article)."""

    value: float
    article: str


@dataclass(frozen=True)
class SanctionRange:
    """A punishment available for a part, with both bounds traced to their article."""

    kind: str
    role: str
    min: Bound
    max: Bound
    unit: str
    mandatory: bool
    effective_from: dt.date


@dataclass(frozen=True)
class Wording:
    """A part as it applies to an offence date: the version in force, and the sanctions after Art. 10."""

    part: Part
    version: PartVersion
    sanctions: tuple[SanctionRange, ...]
    notes: tuple[Note, ...]
    on: dt.date | None

    @property
    def category(self) -> str:
        return self.version.category


class StatuteTable:
    """Chapter 30 and the General Part rules it needs. Build it with :func:`load_table`."""

    def __init__(self, articles: list[Article], general: GeneralPart, circumstances: list[Circumstance],
                 labels: list[Label], amendments: list[Amendment], open_questions: list[OpenQuestion]):
        self.articles = {a.article: a for a in articles}
        self.general = general
        self.circumstances = {c.id: c for c in circumstances}
        self.labels = {lb.id: lb for lb in labels}
        self.amendments = {a.id: a for a in amendments}
        self.open_questions = {q.id: q for q in open_questions}
        self._parts = {p.id: p for a in articles for p in a.parts}
        self._article_of = {p.id: a for a in articles for p in a.parts}
        self.punishments = {p.kind: p for p in general.punishments}
        self.categories = {c.id: c for c in general.categories}

    # ---- lookups -------------------------------------------------------------------------------------------
    def parts(self) -> list[Part]:
        """All parts in the Code's order."""
        return list(self._parts.values())

    def part(self, part_id: str) -> Part:
        """The part with this id; raises :class:`UnknownPartError` naming the valid ids."""
        try:
            return self._parts[str(part_id)]
        except KeyError:
            raise UnknownPartError(f"Chapter 30 has no part {part_id!r}; parts are: {', '.join(self._parts)}") from None

    def article_of(self, part_id: str) -> Article:
        self.part(part_id)
        return self._article_of[part_id]

    def definitions(self) -> list[Definition]:
        return [d for a in self.articles.values() for d in a.notes]

    def definition(self, def_id: str) -> Definition:
        for d in self.definitions():
            if d.id == def_id:
                return d
        raise KeyError(def_id)

    @property
    def significant_damage_azn(self) -> int:
        """The significant-damage threshold of Note 1 to Art. 273, in manat."""
        return int(self.definition("273-note-1").threshold_azn)

    @property
    def institution_words(self) -> tuple[str, ...]:
        """Stems (folded) of the institutions Note 3 to Art. 271 lists: a text without one names no such target."""
        return tuple(w for c in self.definition("271-note-3").categories for w in c.words)

    def institutions_named(self, folded: str) -> tuple[str, ...]:
        """The categories of Note 3 to Art. 271 a folded text names (by their stems), in the Note's order."""
        return tuple(c.id for c in self.definition("271-note-3").categories if any(w in folded for w in c.words))

    def label_title(self, label: str) -> Text:
        """The title of a classification label: its article's, or its basic part's where the article has several
        labels (273.1 and 273.2). Raises :class:`UnknownPartError` for an unknown label."""
        lb = self.labels.get(label)
        if lb is None:
            raise UnknownPartError(f"unknown label {label!r}; labels are: {', '.join(self.labels)}")
        siblings = [x for x in self.labels.values() if x.article == lb.article]
        return self.part(lb.basic_parts[0]).title if len(siblings) > 1 else self.articles[lb.article].title

    def basic_variant(self, label: str, shows: Callable[[str], bool]) -> str | None:
        """Which basic part of ``label`` the facts describe, when it has several (273-1.1 / .2 / .3), by the
        label's variants in the data and ``shows(element_id)``; None for a label with one basic part."""
        lb = self.labels[label]
        if len(lb.basic_parts) == 1:
            return None
        for v in lb.variants:
            if all(shows(e) for e in v.shows) and not any(shows(e) for e in v.lacks):
                return v.part
        return lb.variants[-1].part

    # ---- dated wording and Art. 10 ------------------------------------------------------------------------
    def entry_window(self, part_id: str, on: dt.date | None) -> Amendment | None:
        """The law that changed this part and may not yet have been in force on ``on`` (``on`` between its
        adoption and its last publication), or None."""
        if on is None:
            return None
        return next((a for v in self.part(part_id).versions if (a := self.amendments[v.amended_by]).in_window(on)), None)

    def version_on(self, part_id: str, on: dt.date | None = None) -> PartVersion:
        """The version of a part that governs an act of ``on`` (the newest when ``on`` is None): the newest whose
        law was certainly in force then. Between a law's adoption and publication (our sources do not give the day
        it entered into force) the earlier version governs; :meth:`wording` applies the new one where it is milder.

        Raises :class:`NotCoveredError` for dates before the 2012 rewrite was certainly in force (its message says
        what the notes say), ``TypeError`` for an ``on`` that is not a date.
        """
        part, on = self.part(part_id), check_date(on)
        if on is None:
            return part.versions[-1]
        governing = [v for v in part.versions
                     if v.effective_from <= on and not self.amendments[v.amended_by].in_window(on)]
        if not governing:
            raise NotCoveredError(self._not_covered(part.versions[0], on))
        return governing[-1]

    def _not_covered(self, first: PartVersion, on: dt.date) -> Note:
        act = self.amendments[first.amended_by]
        published = ", ".join(f"{p.date.isoformat()} ({p.source})" for p in act.published)
        params = dict(on=on.isoformat(), act=act.id, adopted=act.adopted.isoformat(), published=published)
        if act.in_window(on):
            return Note("not_covered_window", self.general.milder_law.not_retroactive_article, **params)
        return Note("not_covered", self.general.milder_law.in_force_article, **params)

    def resolve(self, sanction: Sanction, part_id: str, effective_from: dt.date) -> SanctionRange:
        """Fill a sanction's General Part minimum (Arts. 55.2, 52-1.4, 46.1) and attach the articles."""
        ptype = self.punishments[sanction.kind]
        if sanction.min is not None:
            low = Bound(sanction.min, part_id)
        else:
            gp = ptype.general_min_additional if sanction.role == "additional" else ptype.general_min
            low = Bound(gp.value, gp.article)
        return SanctionRange(sanction.kind, sanction.role, low, Bound(sanction.max, part_id), sanction.unit,
                             bool(sanction.mandatory), effective_from)

    def wording(self, part_id: str, on: dt.date | None = None) -> Wording:
        """The part as it applies to an act committed on ``on``, with Art. 10's milder-law rule applied.

        The version in force on the date governs (Art. 10.1; :meth:`version_on`). A later version that adds a
        milder main alternative or lowers a range applies retroactively (10.3); a harsher one does not (10.4),
        including one adopted but not yet published on the date. Each decision is returned as a :class:`Note`.
        """
        version = self.version_on(part_id, on)
        act = self.amendments[version.amended_by]
        key = "in_force" if on else "current"
        ml = self.general.milder_law
        notes = [Note(key, ml.in_force_article, on=on.isoformat() if on else "",
                      effective_from=version.effective_from.isoformat(), act=act.id)]
        later = self.entry_window(part_id, on)
        if later is not None:
            notes.append(Note("entry_window", ml.not_retroactive_article, on=on.isoformat(), act=later.id,
                              adopted=later.adopted.isoformat(),
                              published=", ".join(p.date.isoformat() for p in later.published),
                              retroactive=ml.retroactive_article))
        ranges = {s.kind: self.resolve(s, part_id, version.effective_from) for s in version.sanctions}
        if on is not None:
            self._apply_milder_law(part_id, version, ranges, notes)
        order = {p.kind: p.severity for p in self.general.punishments}
        sanctions = tuple(sorted(ranges.values(), key=lambda r: (r.role != "main", order[r.kind])))
        return Wording(self.part(part_id), version, sanctions, tuple(notes), on)

    def _apply_milder_law(self, part_id: str, version: PartVersion, ranges: dict[str, SanctionRange],
                          notes: list[Note]) -> None:
        ml = self.general.milder_law
        versions = self.part(part_id).versions
        chain = versions[versions.index(version):]
        for prev, v in zip(chain, chain[1:]):
            before = {s.kind: s for s in prev.sanctions}
            main_severity = max(self.punishments[k].severity for k, r in ranges.items() if r.role == "main")
            for s in v.sanctions:
                if before.get(s.kind) == s:
                    continue  # this version did not change this punishment
                new = self.resolve(s, part_id, v.effective_from)
                cur = ranges.get(s.kind)
                params = {"effective_from": v.effective_from.isoformat(), "kind": self.kind_title(s.kind),
                          "low": int(new.min.value), "high": int(new.max.value)}
                if cur is None:
                    if s.role == "main" and self.punishments[s.kind].severity < main_severity:
                        ranges[s.kind] = new
                        notes.append(Note("milder_added", ml.retroactive_article, **params))
                    else:
                        notes.append(Note("harsher_ignored", ml.not_retroactive_article, **params))
                elif new.max.value < cur.max.value or new.min.value < cur.min.value:
                    low = new.min if new.min.value < cur.min.value else cur.min
                    high = new.max if new.max.value < cur.max.value else cur.max
                    ranges[s.kind] = SanctionRange(cur.kind, cur.role, low, high, cur.unit, cur.mandatory, v.effective_from)
                    notes.append(Note("milder_range", ml.retroactive_article, **params))
                elif new.max.value > cur.max.value or new.min.value > cur.min.value:
                    notes.append(Note("harsher_ignored", ml.not_retroactive_article, **params))

    def general_maximum(self, fig: Figure, on: dt.date | None, unit: str) -> tuple[float, Note | None]:
        """A General Part maximum (in ``unit``) as it applies to an act of ``on``, with a note when a law changed it
        later: a higher maximum does not reach back (Art. 10.4), a lower one does (10.3)."""
        if fig.amended_by is None or on is None:
            return fig.value, None
        act, ml = self.amendments[fig.amended_by], self.general.milder_law
        if not (on < act.adopted or act.in_window(on)):
            return fig.value, None
        params = dict(figure_article=fig.article, value=figure(fig.value), previous=figure(fig.previous), act=act.id,
                      unit=Text(f"statutes.card.{unit}"))
        if fig.value > fig.previous:
            return fig.previous, Note("general_earlier", ml.not_retroactive_article, **params)
        return fig.value, Note("general_milder", ml.retroactive_article, **params)

    def kind_title(self, kind: str) -> Text:
        """The punishment's name in each language (a note parameter)."""
        return self.punishments[kind].title

    # ---- labels and part selection ------------------------------------------------------------------------
    def label_parts(self, label: str) -> LabelParts:
        """The basic, aggravated and infrastructure parts of a classification label (e.g. ``"273.1"``)."""
        return label_parts(self, label)

    def select_part(self, label: str, circumstances: Iterable[str], basic: str | None = None, *,
                    on: dt.date | None = None, institutions: Iterable[str] | None = None) -> PartChoice:
        """The part a label takes given the circumstances, and why (:func:`statutes.selection.select_part`: the
        offence date ``on`` and the target's Note 3 ``institutions`` date Note 3's later categories)."""
        return select_part(self, label, circumstances, basic, on=on, institutions=institutions)

    # ---- open questions and checks --------------------------------------------------------------------------
    def open_questions_for(self, subject: str, raised: Iterable[str] = (), part: bool = True) -> tuple[OpenQuestion, ...]:
        """The open questions shown for ``subject`` (a part id when ``part``, else a circumstance or definition id)
        given the triggers ``raised``, in the data's order (``open_questions.yaml``)."""
        raised = set(raised)
        return tuple(q for q in self.open_questions.values() if q.shown(subject, raised, part))

    def check(self) -> None:
        """Check references between the files (:func:`statutes.checks.check`); raises :class:`StatuteDataError`."""
        check(self)


def load_table(data_dir: Path | str | None = None) -> StatuteTable:
    """Load and check the whole statute table (cached for the package's own data directory).

    Raises
    ------
    StatuteDataError
        If any file is malformed or the files disagree; the message names the file and key path.
    """
    if data_dir is None:
        return _load_default()
    return _load(Path(data_dir))


@functools.lru_cache(maxsize=1)
def _load_default() -> StatuteTable:
    return _load(DATA_DIR)


def _load(d: Path) -> StatuteTable:
    missing = [f"{n}.yaml" for n in ARTICLE_FILES if not (d / f"{n}.yaml").exists()]
    if missing:
        raise StatuteDataError(missing[0], "", f"missing data file in {d.name}/")
    articles = [load_file(d / f"{n}.yaml", Article) for n in ARTICLE_FILES]
    for n, a in zip(ARTICLE_FILES, articles):
        if a.article != n:
            raise StatuteDataError(f"{n}.yaml", "article", f"file {n}.yaml holds article {a.article!r}")
    table = StatuteTable(
        articles,
        load_file(d / "general_part.yaml", GeneralPart),
        load_file(d / "circumstances.yaml", list[Circumstance]),
        load_file(d / "labels.yaml", list[Label]),
        load_file(d / "amendments.yaml", list[Amendment]),
        load_file(d / "open_questions.yaml", list[OpenQuestion]),
    )
    table.check()
    return table
