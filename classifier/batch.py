"""Bulk classification of incident tables: one output row per input row, in order, every input column kept.

:func:`classify_frame` appends ``articles`` (``;``-joined labels or ``none``), ``parts``, ``p_<label>`` for each
label, ``circumstances`` and ``error``. Rows whose text cannot be classified (empty, binary, undecodable bytes,
over :data:`~classifier.text.MAX_CHARS` characters) get an ``error`` message and empty results instead of
disappearing.

Bulk speed comes from doing each step once per chunk instead of once per row, with outputs identical to the
per-text path (the tests compare them): the text is folded once (:func:`~classifier.text.fold`) and fed to the
model's own fitted vectorizers through :class:`_FastFeatures`, which caches each word's character n-grams; the
decisions come from the feature blocks unstacked; the part choice is cached per distinct (label, circumstances)
combination.

:func:`classify_chunks` runs :func:`classify_frame` over a stream of chunks, in this process, in a pool of local
processes (``jobs``) or on a Dask cluster, always yielding the results in input order.
"""
from __future__ import annotations

import collections
import multiprocessing
import re
import sys
import threading
import unicodedata
import warnings
from array import array
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

import statutes

from . import text as _text
from .analyse import _basic_hint, _damage, _findings
from .model import Model
from .text import MAX_CHARS, TextError, prepare
from .training import get_model

RESULT_COLUMNS = ["articles", "parts", "p_271", "p_272", "p_273.1", "p_273.2", "p_273-1", "p_273-2", "circumstances", "error"]
UNDECODABLE = "the text has bytes that could not be decoded (a different encoding? see --encoding)"
EMPTY = "the text is empty or has no words"

_UNDECODABLE = re.compile("[\udc00-\udcff]")
"""Readers decode bad bytes to lone surrogates U+DC00–U+DCFF (see :mod:`classifier.batch_io`), never valid text."""
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
"""Every character :func:`~classifier.text.prepare` may object to (control, private use, surrogate, U+FFFD);
texts without them take the fast path, the rest go through ``prepare`` for its exact verdict."""


class ColumnError(KeyError):
    """The text column is missing or ambiguous; the message names the columns that exist."""

    def __str__(self) -> str:
        return str(self.args[0])


def check_columns(columns: Iterable[Any], text_column: str) -> None:
    """Raise :class:`ColumnError` unless exactly one of ``columns`` is named ``text_column``."""
    columns = list(columns)
    if text_column not in columns:
        raise ColumnError(f"no column {text_column!r}; the columns are: {', '.join(map(str, columns))}")
    if columns.count(text_column) > 1:
        where = ", ".join(str(i + 1) for i, c in enumerate(columns) if c == text_column)
        raise ColumnError(f"more than one column is named {text_column!r} (columns {where}); rename one")


# ---- per-row text checks and folding, equal to text.prepare / text.normalise ---------------------------------
def checked_text(raw: object, max_chars: int = MAX_CHARS) -> str:
    """The NFC text to classify, as :func:`~classifier.text.prepare` returns it; raises :class:`TextError`.

    Missing values are empty; a string over ``max_chars`` is refused (bulk rows are never silently truncated);
    lone surrogates from a reader mean undecodable bytes. Clean text skips ``prepare``'s per-character scans.
    """
    if raw is None or raw is pd.NA or (isinstance(raw, float) and raw != raw):
        raise TextError(EMPTY)
    if not isinstance(raw, str):
        return prepare(raw if isinstance(raw, (bytes, bytearray)) else str(raw), max_chars)[0]
    if len(raw) > max_chars:
        raise TextError(f"the text has {len(raw):,} characters, over the limit of {max_chars:,}")
    text = unicodedata.normalize("NFC", raw)
    if len(text) <= max_chars and "\x00" not in text and not _SUSPECT.search(text, 0, 5000) \
            and any(map(str.isalpha, text)):
        return text
    if _UNDECODABLE.search(raw):
        raise TextError(UNDECODABLE)
    return prepare(raw, max_chars)[0]


# ---- features ------------------------------------------------------------------------------------------------
class _FastFeatures:
    """``model.features`` for folded texts, computed with the model's fitted vectorizers but without refolding.

    Supports the shipped layout only (a FeatureUnion of TfidfVectorizers over ``text.normalise`` with ``word``
    and ``char_wb`` analyzers); :meth:`build` returns None for anything else. Character n-grams of ``char_wb``
    are generated word by word, so each word's feature indices are cached (bounded). The count matrices are
    the ones scikit-learn builds, and the fitted TF-IDF transformers finish them, so the features are equal
    (checked on first use, see :func:`_features`).
    """

    CACHE_WORDS = 200_000

    def __init__(self, parts: list[TfidfVectorizer]):
        self.parts = parts
        self.tokenizers = {id(v): v.build_tokenizer() for v in parts if v.analyzer == "word"}
        self.cache: dict[str, list[int]] = {}
        self.verified = False

    @classmethod
    def build(cls, vectorizer) -> _FastFeatures | None:
        if not isinstance(vectorizer, FeatureUnion) or vectorizer.transformer_weights is not None:
            return None
        parts = [vec for _, vec in vectorizer.transformer_list]
        for vec in parts:
            if not (type(vec) is TfidfVectorizer and vec.preprocessor is _text.normalise and vec.input == "content"
                    and vec.analyzer in ("word", "char_wb") and vec.stop_words is None and not vec.binary
                    and vec.tokenizer is None and hasattr(vec, "vocabulary_") and hasattr(vec, "_tfidf")):
                return None
        return cls(parts)

    def _word_indices(self, vec: TfidfVectorizer, docs: list[str]) -> tuple[np.ndarray, list[int]]:
        """Vocabulary indices of each document's word n-grams (as ``vec._word_ngrams`` makes them, in another
        order), all documents in one array, and each document's count."""
        tokenize, get, join = self.tokenizers[id(vec)], vec.vocabulary_.get, " ".join
        bigrams = vec.ngram_range == (1, 2)
        out, sizes = array("i"), []
        for d in docs:
            tokens = tokenize(d)
            grams = chain(tokens, map(join, zip(tokens, tokens[1:]))) if bigrams else vec._word_ngrams(tokens)
            before = len(out)
            out.extend([j for j in map(get, grams) if j is not None])
            sizes.append(len(out) - before)
        return np.frombuffer(out, dtype=np.int32), sizes

    def _char_indices(self, vec: TfidfVectorizer, docs: list[str]) -> tuple[np.ndarray, list[int]]:
        """Vocabulary indices of each document's ``char_wb`` n-grams, from each word's cached indices (packed
        as bytes, so a chunk's indices are one join), and each document's count."""
        cache, vocab, grams = self.cache, vec.vocabulary_, vec._char_wb_ngrams
        get = cache.get
        pieces: list[bytes] = []
        sizes = []
        for d in docs:
            words = d.split()
            found = list(map(get, words))
            if None in found:
                if len(cache) >= self.CACHE_WORDS:
                    cache.clear()
                for k, w in enumerate(words):
                    if found[k] is None:
                        found[k] = cache[w] = array("i", [j for j in map(vocab.get, grams(w)) if j is not None]).tobytes()
            pieces.extend(found)
            sizes.append(sum(map(len, found)) // 4)
        return np.frombuffer(bytearray(b"".join(pieces)), dtype=np.int32), sizes

    def _matrix(self, vec: TfidfVectorizer, docs: list[str]):
        idx, sizes = (self._word_indices if vec.analyzer == "word" else self._char_indices)(vec, docs)
        indptr = np.zeros(len(docs) + 1, dtype=np.int32)
        np.cumsum(sizes, out=indptr[1:])
        counts = sp.csr_matrix((np.ones(len(idx), dtype=vec.dtype), idx, indptr),
                               shape=(len(docs), len(vec.vocabulary_)))
        counts.sum_duplicates()
        return vec._tfidf.transform(counts, copy=False)

    def __call__(self, folded: list[str]) -> list:
        """The feature blocks (one CSR matrix per vectorizer, in the union's order) of ``folded`` texts."""
        return [self._matrix(v, folded) for v in self.parts]


_FAST: dict[int, tuple[Model, _FastFeatures | None]] = {}


def _features(model: Model, texts: list[str], folded: list[str]):
    """The model's features of ``texts``, as column blocks from the fast path or one matrix from the model
    (:meth:`~classifier.model.Model.decision` takes either). The fast path is checked against
    ``model.features`` on its first use in each process and abandoned (with a RuntimeWarning) if they differ."""
    entry = _FAST.get(id(model))
    if entry is None or entry[0] is not model:
        if len(_FAST) > 4:
            _FAST.clear()
        entry = _FAST[id(model)] = (model, _FastFeatures.build(model.vectorizer))
    fast = entry[1]
    if fast is None:
        return model.features(texts)
    X = fast(folded)
    if not fast.verified:
        k = min(len(texts), 32)
        if (sp.hstack([block[:k] for block in X], format="csr") != model.features(texts[:k])).nnz:
            warnings.warn("fast feature extraction differs from the model's; using the model's own", RuntimeWarning)
            _FAST[id(model)] = (model, None)
            return model.features(texts)
        fast.verified = True
    return X


# ---- classification ------------------------------------------------------------------------------------------
def classify_frame(df: pd.DataFrame, text_column: str, *, model: Model | None = None,
                   table: statutes.StatuteTable | None = None, max_chars: int = MAX_CHARS,
                   row_errors: Sequence[str] | None = None) -> pd.DataFrame:
    """Classify every row of ``df[text_column]``; returns a copy of ``df`` with :data:`RESULT_COLUMNS` appended.

    Input columns that clash with a result column are renamed ``input_<name>``. ``row_errors`` may give a
    reader's message per row (e.g. a malformed CSV line): such rows are not classified and keep the message.

    Raises
    ------
    ColumnError
        If ``text_column`` is not a column of ``df`` or names more than one column.
    """
    check_columns(df.columns, text_column)
    model = model or get_model()
    table = table or statutes.load_table()
    out = df.copy()
    clashes = {c: f"input_{c}" for c in RESULT_COLUMNS if c in out.columns}
    if clashes:
        out = out.rename(columns=clashes)
    n = len(df)
    texts, ok = [], []
    errors = [""] * n if row_errors is None else list(row_errors)
    for i, raw in enumerate(df[text_column].tolist()):
        if errors[i]:
            continue
        try:
            texts.append(checked_text(raw, max_chars))
        except TextError as exc:
            errors[i] = str(exc)
            continue
        ok.append(i)
    probs = np.full((n, len(model.labels)), np.nan)
    articles, parts, circs = [""] * n, [""] * n, [""] * n
    if texts:
        folded = [_text.fold(t) for t in texts]
        X = _features(model, texts, folded)
        P = model.label_proba(X)
        probs[ok] = P
        rows = _row_results(model, table, texts, folded, P >= model.thresholds, model.tag_proba(X))
        for i, (a, p, c) in zip(ok, rows):
            articles[i], parts[i], circs[i] = a, p, c
    out["articles"], out["parts"] = articles, parts
    for j, lab in enumerate(model.labels):
        out[f"p_{lab}"] = np.round(probs[:, j], 4)
    out["circumstances"], out["error"] = circs, errors
    return out


def _row_results(model: Model, table: statutes.StatuteTable, texts: list[str], folded: list[str],
                 chosen: np.ndarray, T: np.ndarray) -> Iterator[tuple[str, str, str]]:
    """(articles, parts, circumstances) of each classified text, as :func:`~classifier.analyse.analyse` finds
    them without evidence spans."""
    threshold = table.significant_damage_azn
    tag_thr = dict(zip(model.tags, model.tag_thresholds.tolist()))
    part_of: dict[tuple, str] = {}
    several_basic = {lab for lab in model.labels if len(table.label_parts(lab).basic) > 1}
    for k, (text, fd) in enumerate(zip(texts, folded)):
        damage_azn, span = _damage(text, fd, None)
        found = _findings(text, fd, dict(zip(model.tags, T[k].tolist())), tag_thr, {}, damage_azn, span, threshold,
                          table, evidence=False)
        detected = tuple(f.id for f in found if f.detected)
        labs = [model.labels[j] for j in np.flatnonzero(chosen[k])]
        ps = []
        for lab in labs:
            key = (lab, detected, _basic_hint(lab, text, fd, table) if lab in several_basic else None)
            if key not in part_of:
                part_of[key] = table.select_part(lab, detected, basic=key[2]).part
            ps.append(part_of[key])
        yield ";".join(labs) or "none", ";".join(ps) or "none", ";".join(detected)


# ---- streams of chunks: this process, local processes, Dask ----------------------------------------------------
DASK_LOCAL: dict[str, Any] = {"processes": True, "threads_per_worker": 1, "dashboard_address": None}
"""Keyword arguments of the ``distributed.LocalCluster`` started for ``--engine dask`` without a scheduler."""

_worker: dict[str, Any] = {}


Chunk = tuple[pd.DataFrame, Sequence[str] | None]
"""A frame and its reader messages per row (or None), as :meth:`classifier.batch_io.TableReader.chunks` yields."""


def classify_chunks(chunks: Iterable[Chunk], text_column: str, *, model: Model, jobs: int = 1,
                    engine: str = "local", client=None, max_chars: int = MAX_CHARS) -> Iterator[pd.DataFrame]:
    """Classify a stream of ``(frame, row_errors)`` chunks with :func:`classify_frame`; yields the classified
    frames in input order.

    ``engine="local"`` runs in this process (``jobs=1``) or in ``jobs`` local processes, at most ``2 × jobs``
    chunks in flight. ``engine="dask"`` needs a ``distributed.Client`` (see :func:`dask_client`). The output is
    the same on every path. Raises what :func:`classify_frame` raises, and ``BrokenProcessPool`` if a worker dies.
    """
    if engine == "dask":
        yield from _dask_chunks(chunks, text_column, model, client, max_chars)
    elif jobs <= 1:
        table = statutes.load_table()
        for frame, row_errors in chunks:
            yield classify_frame(frame, text_column, model=model, table=table, max_chars=max_chars,
                                 row_errors=row_errors)
    else:
        yield from _pooled_chunks(chunks, text_column, model, jobs, max_chars)


def _init_worker(model: Model, text_column: str, max_chars: int) -> None:
    _worker.update(model=model, text_column=text_column, max_chars=max_chars, table=statutes.load_table())


def _classify_in_worker(frame: pd.DataFrame, row_errors: Sequence[str] | None) -> pd.DataFrame:
    return classify_frame(frame, _worker["text_column"], model=_worker["model"], table=_worker["table"],
                          max_chars=_worker["max_chars"], row_errors=row_errors)


def _pool_context():
    """``fork`` where it is safe (Linux, and no other thread in this process): workers start at once and share
    the model copy-on-write. Otherwise ``forkserver`` (or ``spawn``), whose workers import the package afresh
    (a few seconds) and receive the model once each as an initializer argument."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["classifier.batch"])
        return ctx
    return multiprocessing.get_context("spawn")


def _pooled_chunks(chunks, text_column, model, jobs, max_chars) -> Iterator[pd.DataFrame]:
    pool = ProcessPoolExecutor(jobs, mp_context=_pool_context(), initializer=_init_worker,
                               initargs=(model, text_column, max_chars))
    pending: collections.deque = collections.deque()
    try:
        for frame, row_errors in chunks:
            pending.append(pool.submit(_classify_in_worker, frame, row_errors))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def dask_client(scheduler: str | None, jobs: int):
    """A ``distributed.Client`` for ``scheduler`` (``tcp://host:port``), or for a new local cluster of ``jobs``
    single-threaded workers (:data:`DASK_LOCAL`). Close it when done. Raises ``OSError`` if it cannot connect.

    Remote workers must be able to import this project (same version) to run :func:`classify_frame`.
    """
    from distributed import Client, LocalCluster
    if scheduler:
        return Client(scheduler, timeout="20s")
    return Client(LocalCluster(n_workers=max(1, jobs), **DASK_LOCAL))


_READ_ERROR = "__batch_read_error__"
"""A column that carries the reader's messages through Dask partitions; removed before classifying."""


def _classify_partition(part: pd.DataFrame, model: Model, text_column: str, max_chars: int) -> pd.DataFrame:
    row_errors = part[_READ_ERROR].tolist()
    return classify_frame(part.drop(columns=_READ_ERROR), text_column, model=model, max_chars=max_chars,
                          row_errors=row_errors)


def _dask_chunks(chunks, text_column, model, client, max_chars) -> Iterator[pd.DataFrame]:
    """Windows of chunks become dask.dataframe partitions; the model is scattered to every worker once."""
    import dask
    import dask.dataframe as dd
    if client is None:
        raise ValueError("the dask engine needs a distributed.Client (see dask_client)")
    model_on_workers = client.scatter(model, broadcast=True, hash=False)
    window = min(64, max(2, 4 * sum(client.nthreads().values())))  # chunks per compute, bounding memory
    chunks = iter(chunks)
    meta = None
    with dask.config.set({"dataframe.convert-string": False}):
        while True:
            batch = [c for _, c in zip(range(window), chunks)]
            if not batch:
                return
            frame = pd.concat([f for f, _ in batch])
            messages = [m for f, errs in batch for m in (errs if errs is not None else [""] * len(f))]
            if meta is None:
                meta = classify_frame(frame.iloc[:1], text_column, model=model, max_chars=max_chars).iloc[:0]
            frame = frame.assign(**{_READ_ERROR: pd.Series(messages, index=frame.index, dtype=object)})
            ddf = dd.from_pandas(frame, npartitions=len(batch), sort=False)
            yield ddf.map_partitions(_classify_partition, model_on_workers, text_column, max_chars,
                                     meta=meta).compute()


# ---- summary -------------------------------------------------------------------------------------------------
class Summary:
    """Running counts over classified chunks: rows, errors, articles, parts and (with a date column) articles by
    day. Memory is bounded by the number of distinct labels, parts and days, not by the rows."""

    def __init__(self, labels: Iterable[str], date_column: str | None = None):
        self.labels = list(labels)
        self.date_column = date_column
        self.rows = self.errors = self.undated = 0
        self.articles: collections.Counter = collections.Counter()
        self.parts: collections.Counter = collections.Counter()
        self.by_day: collections.Counter = collections.Counter()

    def add(self, out: pd.DataFrame) -> None:
        """Count one classified chunk (the output of :func:`classify_frame`)."""
        done = out["error"] == ""
        self.rows += len(out)
        self.errors += int((~done).sum())
        for col, counter in (("articles", self.articles), ("parts", self.parts)):
            counter.update(out.loc[done, col].str.split(";").explode().tolist())
        if self.date_column is not None:
            days = _days(out.loc[done, self.date_column])
            self.undated += int(days.isna().sum())
            pairs = pd.DataFrame({"day": days, "a": out.loc[done, "articles"].str.split(";")}).dropna().explode("a")
            self.by_day.update(zip(pairs["day"], pairs["a"]))

    def article_counts(self) -> dict[str, int]:
        """Counts per article label in the model's order, then ``none``."""
        return {k: self.articles.get(k, 0) for k in [*self.labels, "none"]}

    def line(self, seconds: float) -> str:
        rate = self.rows / seconds if seconds > 0 else 0.0
        counts = ", ".join(f"{k}: {v}" for k, v in self.article_counts().items())
        return f"classified {self.rows} rows in {seconds:.1f} s ({rate:,.0f} rows/s); errors: {self.errors}; {counts}"


def _days(values: pd.Series) -> pd.Series:
    """Dates of a column of mixed values (ISO strings, datetimes, Excel dates) as ``YYYY-MM-DD``; NaN if none."""
    parsed = pd.to_datetime(values.astype(str).where(values.notna()), errors="coerce", format="mixed", utc=True)
    return parsed.dt.strftime("%Y-%m-%d").astype(object).where(parsed.notna())

