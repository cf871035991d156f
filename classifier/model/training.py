"""Training: the model fitted on the train split of ``training_data/`` and saved (``python -m classifier train``).

Three heads share the features: the six article labels, the circumstance tags that select parts, and any offence.
:func:`train` is deterministic and uses the train split only:

1. 3-fold cross-validation on train (:data:`FOLDS`) gives out-of-fold decision values of the chosen classifier
   (:data:`CHOSEN`, a class-weighted linear SVM; ``kinds=CANDIDATES`` also tries logistic regression) for the
   labels, the tags and the offence-vs-none head (each head of each fold, and each final fit, is one call in
   worker processes, one per core, longest first: the same model as one process fits, faster by up to the number
   of free cores);
2. a sigmoid (Platt) calibration per label is fitted on those out-of-fold values, and a threshold per label is
   chosen to maximise F1 on the calibrated out-of-fold probabilities;
3. the candidate with the best out-of-fold macro-F1 is refitted on all of train (the corpus is counted once; each
   fold's vocabulary and IDF come from its train part by selecting columns, :func:`block_features`).

scikit-learn is used here only; the fitted vectorisers and heads are turned into plain arrays
(:class:`~classifier.model.fitted.Model`), which is all the classifier needs at run time.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

import statutes

from ..corpus import corpus_hash, load_corpus, validate
from ..text import normalise
from . import persist
from .features import CHAR, WORD, Block, Features
from .fitted import Head, Model, sigmoid
from .targets import TAGS, label_matrix, tag_matrix

SEED = 20261123
FOLDS = 3
"""Folds of the cross-validation that calibrates the heads and sets the thresholds: 3, 4 and 5 folds scored the same
on the dev set of real cases (macro-F1 0.785 / 0.783 / 0.784, offence-vs-none 0.929 / 0.926 / 0.929,
``bench/model_selection.py`` on the 40,278-incident corpus) and three fit the least (the build stays under two
minutes on two cores)."""
THRESHOLD_GRID = np.round(np.arange(0.20, 0.81, 0.025), 3)
CANDIDATES = ("logreg", "linear_svm")
CHOSEN = ("linear_svm",)
"""The kind the build fits: chosen over logistic regression on train CV and the dev set of real cases by
``bench/model_selection.py`` (same figures within 0.005, several times faster to fit). ``train(kinds=CANDIDATES)``
still compares both."""


def build_vectorizer() -> FeatureUnion:
    """Word 1–2-grams for readable explanations, char_wb 3–4-grams for Azerbaijani suffixes and typos, over
    folded text (no preprocessor: the caller folds once).

    Character 3–4-grams scored within 0.001 macro-F1 of 2–5-grams on 5-fold CV of train at half the
    vectorising cost (measured when the corpus was complete; see the model card)."""
    return FeatureUnion([
        ("word", TfidfVectorizer(lowercase=False, ngram_range=WORD["ngram_range"], min_df=2, sublinear_tf=True,
                                 token_pattern=WORD["token_pattern"], dtype=np.float32)),
        ("char", TfidfVectorizer(lowercase=False, analyzer="char_wb", ngram_range=CHAR["ngram_range"], min_df=2,
                                 sublinear_tf=True, dtype=np.float32)),
    ])


def build_classifier(kind: str) -> OneVsRestClassifier:
    """The one-vs-rest classifier of a candidate kind; raises ``ValueError`` for an unknown kind."""
    if kind == "logreg":
        est = LogisticRegression(C=8.0, class_weight="balanced", max_iter=3000, solver="liblinear", random_state=SEED)
    elif kind == "linear_svm":
        est = LinearSVC(C=0.5, class_weight="balanced", random_state=SEED)
    else:
        raise ValueError(f"unknown classifier {kind!r}; choose from {CANDIDATES}")
    return OneVsRestClassifier(est)


def fit_platt(decision: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Sigmoid calibration p = 1 / (1 + exp(-(a·d + b))) fitted by (nearly unregularised) logistic regression."""
    if y.min() == y.max():
        return 1.0, 0.0
    lr = LogisticRegression(C=1e4, max_iter=1000).fit(decision.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    scores = [f1_score(y, p >= t, zero_division=0) for t in THRESHOLD_GRID]
    return float(THRESHOLD_GRID[int(np.argmax(scores))])


def count_blocks(folded: list[str]) -> list[tuple[sp.csr_matrix, np.ndarray]]:
    """Term counts of every text in each block (word, char) with every term kept, and the terms in column order.

    Counting once lets cross-validation fit each fold's vocabulary and IDF by selecting columns instead of
    re-reading the texts (:func:`block_features`); the result equals a ``build_vectorizer()`` fitted on the fold."""
    vectorizers = [CountVectorizer(lowercase=False, ngram_range=WORD["ngram_range"],
                                   token_pattern=WORD["token_pattern"], dtype=np.float32),
                   CountVectorizer(lowercase=False, analyzer="char_wb", ngram_range=CHAR["ngram_range"],
                                   dtype=np.float32)]
    return [(v.fit_transform(folded).tocsr(), v.get_feature_names_out()) for v in vectorizers]


def block_features(blocks, fit_rows: np.ndarray, rows: list[np.ndarray], min_df: int = 2):
    """TF-IDF fitted on ``fit_rows`` (terms in at least ``min_df`` of them, their IDF) and applied to each index
    array of ``rows``; returns (one stacked CSR matrix per entry of ``rows``, the fitted :class:`Block` of each block)."""
    out, fitted = [[] for _ in rows], []
    names = ("word", "char") + tuple(f"extra{i}" for i in range(len(blocks) - 2))  # extras: model selection only
    for (counts, terms), name in zip(blocks, names):
        fit = counts[fit_rows]
        keep = np.flatnonzero(np.bincount(fit.indices, minlength=counts.shape[1]) >= min_df)
        tfidf = TfidfTransformer(sublinear_tf=True).fit(fit[:, keep])
        for k, r in enumerate(rows):
            out[k].append(tfidf.transform(counts[r][:, keep]))
        fitted.append(Block(name, terms[keep].tolist(), np.asarray(tfidf.idf_)))
    return [sp.hstack(o, format="csr") for o in out], fitted


def _folds(blocks, n: int):
    """The CV folds' (train rows, test rows, train features, test features), each fold fitted on its train part."""
    for tr, te in KFold(FOLDS, shuffle=True, random_state=SEED).split(np.arange(n)):
        (Xtr, Xte), _ = block_features(blocks, tr, [tr, te])
        yield tr, te, Xtr, Xte


def _fit(kind: str, X, target: np.ndarray) -> OneVsRestClassifier:
    return build_classifier(kind).fit(X, target)


def _fit_and_decide(kind: str, X, target: np.ndarray, X_test=None):
    """The classifier fitted on ``X``; with ``X_test``, its decision values there (n × outputs) instead."""
    clf = _fit(kind, X, target)
    return clf if X_test is None else clf.decision_function(X_test).reshape(X_test.shape[0], -1)


def _in_processes(calls, processes: int | None = None):
    """Run ``(function, *args)`` calls in worker processes, results in order: ``processes`` of them (default one
    per core), never more than the calls; with one, the calls run here.

    The folds and heads are independent fits; liblinear keeps its random generator in process-global state, so
    threads would interleave it and break determinism, while processes each own one (same results as one
    process, tested)."""
    from joblib import Parallel, cpu_count, delayed
    n = min(len(calls), processes or cpu_count())
    if n <= 1:
        return [f(*a) for f, *a in calls]
    # Large arrays reach the workers memory-mapped; copy-on-write ("c"), since liblinear's logistic regression
    # asks for writeable input and fails on read-only maps.
    return Parallel(n_jobs=n, backend="loky", mmap_mode="c")(delayed(f)(*a) for f, *a in calls)


def _cv_calls(kind: str, folds, targets: list[np.ndarray]) -> list[tuple]:
    """One call per (target, fold): the fold's test-part decision values, fitted on its train part. Targets come
    in the order given (the costly label and tag heads first, so the cheap offence head fills the idle core)."""
    return [(_fit_and_decide, kind, Xtr, t[tr], Xte) for t in targets for tr, te, Xtr, Xte in folds]


def _oof(folds, targets: list[np.ndarray], decisions: list[np.ndarray]) -> list[np.ndarray]:
    """The out-of-fold decision values of each target matrix, assembled from :func:`_cv_calls`' results."""
    out, k = [np.zeros(t.shape, dtype=float) for t in targets], 0
    for o in out:
        for tr, te, _, _ in folds:
            o[te] = decisions[k]
            k += 1
    return out


def _calibrate(dec: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    cal = np.array([fit_platt(dec[:, j], y[:, j]) for j in range(y.shape[1])])
    p = sigmoid(dec * cal[:, 0] + cal[:, 1])
    thr = np.array([best_threshold(p[:, j], y[:, j]) for j in range(y.shape[1])])
    return cal, thr, p


def to_features(vectorizer: FeatureUnion) -> Features:
    """The fitted union as our own :class:`~classifier.model.features.Features` (terms in column order, IDF)."""
    blocks = []
    for name, vec in vectorizer.transformer_list:
        terms = [""] * len(vec.vocabulary_)
        for term, j in vec.vocabulary_.items():
            terms[j] = term
        blocks.append(Block(name, terms, np.asarray(vec.idf_)))
    return Features(blocks)


def to_head(clf: OneVsRestClassifier) -> Head:
    """A fitted one-vs-rest classifier as weights (n_features × n_outputs) and intercepts."""
    return Head(np.vstack([e.coef_.ravel() for e in clf.estimators_]).T,
                np.array([float(np.ravel(e.intercept_)[0]) for e in clf.estimators_]))


def train(texts: list[str], y: np.ndarray, tag_y: np.ndarray, labels: list[str], tags: list[str],
          kinds: tuple[str, ...] = CHOSEN, processes: int | None = None) -> Model:
    """Fit the model on the train split (see the module docstring). Deterministic for the same data, whatever
    ``processes`` (worker processes for the fits; default one per core).

    Raises ``ValueError`` when a label or tag has no positive example.
    """
    t0 = time.perf_counter()
    for name, matrix, cols in (("label", y, labels), ("tag", tag_y, tags)):
        for j, lab in enumerate(cols):
            if matrix[:, j].sum() == 0:
                raise ValueError(f"{name} {lab} has no training example")
    folded = [normalise(t) for t in texts]
    blocks = count_blocks(folded)
    folds = list(_folds(blocks, len(folded)))
    everything = np.arange(len(folded))
    (X,), fitted = block_features(blocks, everything, [everything])
    targets = [y, tag_y, y.any(axis=1).astype(int)[:, None]]
    # With one candidate kind the final fits need no CV result, so they join the folds in one schedule (longest
    # first): the two cores stay busy to the end instead of waiting for the last fold, then for the last head.
    final = [(_fit_and_decide, kinds[0], X, t) for t in targets] if len(kinds) == 1 else []
    cv: dict = {"folds": FOLDS, "candidates": {}}
    best, best_score, best_oof = None, -1.0, None
    for k in kinds:
        results = _in_processes(final + _cv_calls(k, folds, targets), processes)
        heads, oof = results[:len(final)], _oof(folds, targets, results[len(final):])
        cal, thr, p = _calibrate(oof[0], y)
        pred = (p >= thr).astype(int)
        score = f1_score(y, pred, average="macro", zero_division=0)
        cv["candidates"][k] = {"macro_f1": round(float(score), 4),
                               "micro_f1": round(float(f1_score(y, pred, average="micro", zero_division=0)), 4)}
        if score > best_score:
            best, best_score, best_oof = k, score, oof
    del folds
    if not final:
        heads = _in_processes([(_fit_and_decide, best, X, t) for t in targets], processes)
    cal, thr, p = _calibrate(best_oof[0], y)
    tcal, tthr, tp = _calibrate(best_oof[1], tag_y)
    ocal, othr, op = _calibrate(best_oof[2], targets[2])
    cv["chosen"] = best
    cv["oof_label_proba"] = p  # kept in memory for the evaluation report; not persisted
    cv["oof_tag_proba"] = tp
    cv["oof_offence_proba"] = op[:, 0]
    label_clf, tag_clf, offence_clf = heads
    cv["train_seconds"] = round(time.perf_counter() - t0, 1)
    return Model(labels, tags, Features(fitted), to_head(label_clf), to_head(tag_clf), cal, thr, tcal, tthr, best,
                 to_head(offence_clf), ocal[0], float(othr[0]), cv)


def build(directory: Path | None = None, root: Path | None = None, log=None, processes: int | None = None) -> Model:
    """Train on the train split and save under ``models/`` (``processes``: see :func:`train`). Raises
    CorpusError/ValueError on invalid data."""
    log = log or (lambda m: print(m, file=sys.stderr, flush=True))
    t0 = time.perf_counter()
    table = statutes.load_table()
    train_df = load_corpus(root, split="train")
    problems = validate(train_df, table)
    if problems:
        raise ValueError(f"training_data/ has {len(problems)} problems, first: {problems[0]}")
    labels = list(table.labels)
    log(f"Building the model from {len(train_df)} training incidents ({FOLDS}-fold CV, calibration, thresholds)…")
    model = train(train_df["text"].tolist(), label_matrix(train_df["articles"], labels),
                  tag_matrix(train_df["circumstances"]), labels, TAGS, processes=processes)
    metrics = {"cv_train": dict(model.cv["candidates"]), "chosen": model.kind,
               "train_rows": len(train_df), "build_seconds": round(time.perf_counter() - t0, 1)}
    persist.save(model, corpus_hash(root), metrics, directory)
    log(f"Model built in {metrics['build_seconds']} s ({model.kind}; CV macro-F1 "
        f"{model.cv['candidates'][model.kind]['macro_f1']:.3f}); saved to {Path(directory or persist.model_dir())}")
    return model
