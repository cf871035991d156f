"""Building the model from ``training_data/`` and getting a ready model (built on first use when missing or stale)."""
from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import numpy as np

import statutes

from . import persist
from .incident import corpus_hash, load_corpus, split_labels, validate
from .model import Model, train

TAGS = ["repeat", "group", "official_position", "public_infrastructure", "significant_damage", "serious_hindrance", "attempt"]
GROUP_TAGS = ("prior_conspiracy_group", "organised_group", "criminal_community")
"""The three group forms select the same qualifier in every article, so the model learns them as one tag."""

_lock = threading.Lock()
_cache: dict[str, Model] = {}


def label_matrix(articles, labels: list[str]) -> np.ndarray:
    return np.array([[lab in split_labels(a) for lab in labels] for a in articles], dtype=int)


def tag_matrix(circumstances) -> np.ndarray:
    rows = []
    for c in circumstances:
        s = set(split_labels(c))
        if s & set(GROUP_TAGS):
            s.add("group")
        rows.append([t in s for t in TAGS])
    return np.array(rows, dtype=int)


def build(directory: Path | None = None, root: Path | None = None, log=None) -> Model:
    """Train on the train split and save under ``models/``. Raises CorpusError/ValueError on invalid data."""
    log = log or (lambda m: print(m, file=sys.stderr, flush=True))
    t0 = time.perf_counter()
    table = statutes.load_table()
    df = load_corpus(root)
    problems = validate(df, table)
    if problems:
        raise ValueError(f"training_data/ has {len(problems)} problems, first: {problems[0]}")
    train_df = df[df["split"] == "train"].reset_index(drop=True)
    labels = list(table.labels)
    log(f"Building the model from {len(train_df)} training incidents (5-fold CV, calibration, thresholds)…")
    model = train(train_df["text"].tolist(), label_matrix(train_df["articles"], labels),
                  tag_matrix(train_df["circumstances"]), labels, TAGS)
    metrics = {"cv_train": {k: v for k, v in model.cv["candidates"].items()}, "chosen": model.kind,
               "train_rows": len(train_df), "build_seconds": round(time.perf_counter() - t0, 1)}
    persist.save(model, corpus_hash(root), metrics, directory)
    log(f"Model built in {metrics['build_seconds']} s ({model.kind}; CV macro-F1 "
        f"{model.cv['candidates'][model.kind]['macro_f1']:.3f}); saved to {Path(directory or persist.model_dir())}")
    return model


def get_model(directory: Path | None = None, log=None) -> Model:
    """The ready model: loaded from ``models/`` if it matches the current data, otherwise built first.

    Thread-safe; cached per directory for the life of the process.
    """
    d = Path(directory or persist.model_dir())
    key = str(d.resolve())
    with _lock:
        if key in _cache:
            return _cache[key]
        reason = None
        try:
            model = persist.load(corpus_hash(), d)  # checks staleness, hash and types first
        except persist.ModelError as exc:
            reason = str(exc)
        if reason is not None:
            (log or (lambda m: print(m, file=sys.stderr, flush=True)))(f"Model needs building: {reason}.")
            model = build(d, log=log)
        _cache[key] = model
        return model
