"""The labelled incident corpus in ``training_data/``: loading, validation against the statute table, counts.

Each CSV row is one incident: ``id, lang, text, articles, parts, circumstances, register, split``. Articles and
parts are ``;``-joined and aligned (one part per article label) or the word ``none``. The corpus hash names
the exact data a model was trained on.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import statutes

CORPUS_DIR = Path(__file__).resolve().parent.parent / "training_data"
COLUMNS = ["id", "lang", "text", "articles", "parts", "circumstances", "register", "split"]
LANGS = ("en", "az", "ru")
REGISTERS = ("news", "breach_notice", "press_release", "complaint", "soc_ticket", "exam", "incident_summary",
             "regulator_abstract", "court_summary", "social_post")
#: ``train`` trains; ``test`` (v1) and ``test_v2`` are frozen test splits; ``dev`` holds re-told real cases.
SPLITS = ("train", "test", "test_v2", "dev")
NONE = "none"


class CorpusError(ValueError):
    """A corpus file or row breaks the format or the label guide; the message names file, row id and field."""


@dataclass(frozen=True)
class Problem:
    file: str
    id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.id}: {self.field}: {self.message}"


SPLIT_FILES = {"train": "train/writer-*.csv", "test": "test/writer-*.csv", "test_v2": "test_v2/writer-*.csv",
               "dev": "dev/dev-*.csv"}
"""Where each split's incident files are; other files beside them (labelling audits, style sheets) are not incidents."""


def corpus_files(root: Path | None = None, splits: tuple[str, ...] = SPLITS) -> list[Path]:
    """The incident files of ``splits`` under ``root`` (default ``training_data/``), sorted by path."""
    root = Path(root) if root else CORPUS_DIR
    return sorted(p for s in splits for p in root.glob(SPLIT_FILES[s]))


def load_corpus(root: Path | None = None, split: str | None = None) -> pd.DataFrame:
    """All incidents (or one split) as a DataFrame of strings, with a ``file`` column.

    Raises :class:`CorpusError` when there are no files or a file lacks a required column.
    """
    files = corpus_files(root, SPLITS if split is None else (split,))
    if not files:
        raise CorpusError(f"no corpus files under {root or CORPUS_DIR}")
    frames = []
    for f in files:
        df = pd.read_csv(f, dtype=str, keep_default_na=False, encoding="utf-8")
        missing = [c for c in COLUMNS if c not in df.columns]
        if missing:
            raise CorpusError(f"{f.name}: missing columns {missing}")
        df["file"] = f"{f.parent.name}/{f.name}"
        frames.append(df[COLUMNS + ["file"]])
    df = pd.concat(frames, ignore_index=True)
    if split is not None:
        df = df[df["split"] == split].reset_index(drop=True)
    return df


def corpus_hash(root: Path | None = None) -> str:
    """SHA-256 over the train split's files (names and bytes): changes whenever a training incident changes, and
    only then (the model is trained on nothing else)."""
    h = hashlib.sha256()
    for f in corpus_files(root, ("train",)):
        h.update(f"{f.parent.name}/{f.name}".encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def split_labels(value: str) -> list[str]:
    return [] if value in ("", NONE) else value.split(";")


def validate(df: pd.DataFrame, table: statutes.StatuteTable | None = None) -> list[Problem]:
    """Every problem in the corpus against the statute table and the label guide (empty list = valid)."""
    table = table or statutes.load_table()
    labels = list(table.labels)
    tags = set(table.circumstances)
    problems: list[Problem] = []
    seen: set[str] = set()
    for row in df.itertuples(index=False):
        add = lambda field, msg: problems.append(Problem(row.file, row.id, field, msg))  # noqa: E731
        if row.id in seen:
            add("id", "duplicate id")
        seen.add(row.id)
        if row.lang not in LANGS:
            add("lang", f"{row.lang!r} not in {LANGS}")
        if row.register not in REGISTERS:
            add("register", f"{row.register!r} not in {REGISTERS}")
        if row.split not in SPLITS or not row.file.startswith(row.split + "/"):
            add("split", f"{row.split!r} does not match the folder of {row.file}")
        if not row.text.strip():
            add("text", "empty text")
        arts, parts, circ = split_labels(row.articles), split_labels(row.parts), split_labels(row.circumstances)
        for c in circ:
            if c not in tags:
                add("circumstances", f"unknown tag {c!r}")
        if row.articles == NONE:
            if row.parts != NONE or circ:
                add("parts", "a 'none' incident has parts 'none' and no circumstances")
            continue
        if not arts or any(a not in labels for a in arts):
            add("articles", f"{row.articles!r}: labels are {labels} or 'none'")
            continue
        if arts != sorted(set(arts), key=labels.index):
            add("articles", "labels must be unique and in the order " + ";".join(labels))
        if len(parts) != len(arts):
            add("parts", "one part per article label, aligned")
            continue
        for a, p in zip(arts, parts):
            try:
                choice = table.select_part(a, circ, basic=p if p in table.label_parts(a).basic else None)
            except statutes.UnknownPartError as exc:
                add("parts", str(exc))
                continue
            if choice.part != p:
                add("parts", f"{a}: circumstances {circ or '[]'} select {choice.part}, not {p}")
        for label, tag in (("273.1", "significant_damage"), ("273.2", "serious_hindrance")):
            if label in arts and tag not in circ:
                add("circumstances", f"{label} needs the tag {tag}")
        for p in parts:
            if p in ("273-1.1", "273-1.2") and "significant_damage" not in circ:
                add("circumstances", f"{p} needs the tag significant_damage")
    return problems


def stats(df: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Counts per label, part, tag, language and register for each split (the corpus README's tables)."""
    out = {}
    long = []
    for row in df.itertuples(index=False):
        for a in (row.articles.split(";")):
            long.append(("article", a, row.split))
        for p in set(row.parts.split(";")):
            if p != NONE:
                long.append(("part", p, row.split))
        for c in split_labels(row.circumstances):
            long.append(("circumstance", c, row.split))
        long.append(("lang", row.lang, row.split))
        long.append(("register", row.register, row.split))
        long.append(("articles per incident", "2 or more" if len(split_labels(row.articles)) > 1 else "0 or 1", row.split))
    ldf = pd.DataFrame(long, columns=["what", "value", "split"])
    for what, g in ldf.groupby("what", sort=False):
        t = g.groupby(["value", "split"]).size().unstack(fill_value=0)
        for s in SPLITS:
            if s not in t:
                t[s] = 0
        t = t[list(SPLITS)]
        totals = df["split"].value_counts()
        for s in SPLITS:
            t[f"{s} %"] = (100 * t[s] / max(1, totals.get(s, 0))).round(1)
        out[what] = t
    return out
