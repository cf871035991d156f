"""The offence model: TF-IDF features (words and character n-grams) → one-vs-rest linear classifiers.

Two heads share the features: one for the six article labels, one for the circumstance tags that select parts.
Training (:func:`train`) is deterministic and uses the train split only:

1. 5-fold cross-validation on train gives out-of-fold decision values for each candidate classifier
   (logistic regression and a linear SVM, both class-weighted);
2. a sigmoid (Platt) calibration per label is fitted on those out-of-fold values, and a threshold per label is
   chosen to maximise F1 on the calibrated out-of-fold probabilities;
3. the candidate with the best out-of-fold macro-F1 is refitted on all of train.

An incident is out of scope ("none") when no label reaches its threshold.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from .text import normalise

SEED = 20261123
FOLDS = 5
THRESHOLD_GRID = np.round(np.arange(0.20, 0.81, 0.025), 3)
CANDIDATES = ("logreg", "linear_svm")


def build_vectorizer() -> FeatureUnion:
    """Word 1–2-grams for readable explanations, char_wb 3–4-grams for Azerbaijani suffixes and typos.

    Character 3–4-grams scored within 0.001 macro-F1 of 2–5-grams on 5-fold CV of train at half the
    vectorising cost (measured when the corpus was complete; see the model card)."""
    return FeatureUnion([
        ("word", TfidfVectorizer(preprocessor=normalise, ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                 token_pattern=r"(?u)\b\w\w+\b", dtype=np.float32)),
        ("char", TfidfVectorizer(preprocessor=normalise, analyzer="char_wb", ngram_range=(3, 4), min_df=2,
                                 sublinear_tf=True, dtype=np.float32)),
    ])


def build_classifier(kind: str) -> OneVsRestClassifier:
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


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    scores = [f1_score(y, p >= t, zero_division=0) for t in THRESHOLD_GRID]
    return float(THRESHOLD_GRID[int(np.argmax(scores))])


@dataclass
class Model:
    """A fitted model: the shared vectorizer, the two heads, calibration and thresholds."""

    labels: list[str]
    tags: list[str]
    vectorizer: FeatureUnion
    label_clf: OneVsRestClassifier
    tag_clf: OneVsRestClassifier
    calibration: np.ndarray  # (n_labels, 2): a, b
    thresholds: np.ndarray  # (n_labels,)
    tag_calibration: np.ndarray
    tag_thresholds: np.ndarray
    kind: str
    cv: dict = field(default_factory=dict)

    @property
    def pipeline(self) -> Pipeline:
        """The bare scikit-learn pipeline (features → article head), e.g. for benchmarks."""
        return Pipeline([("features", self.vectorizer), ("clf", self.label_clf)])

    def features(self, texts: list[str]):
        """TF-IDF features: the union's parts stacked directly (same matrix as ``vectorizer.transform``,
        without the per-call joblib and validation overhead that dominates single-text latency)."""
        blocks = [t.transform(texts) for _, t in self.vectorizer.transformer_list]
        return sp.hstack(blocks, format="csr")

    def _linear(self, head: str) -> tuple[np.ndarray, np.ndarray]:
        cache = self.__dict__.setdefault("_linear_cache", {})
        if head not in cache:
            clf = self.label_clf if head == "labels" else self.tag_clf
            cache[head] = (np.vstack([e.coef_.ravel() for e in clf.estimators_]).T,
                           np.array([float(np.ravel(e.intercept_)[0]) for e in clf.estimators_]))
        return cache[head]

    def decision(self, X, head: str = "labels") -> np.ndarray:
        """Decision values X·w + b for every label (or tag): the one-vs-rest decision_function in one product.

        ``X`` may also be a list of column blocks in the feature union's order (word, char), which spares bulk
        classification from stacking them; the sum of the block products equals X·w up to rounding."""
        W, b = self._linear(head)
        if not isinstance(X, list):
            return np.asarray(X @ W) + b
        out, start = np.zeros((X[0].shape[0], W.shape[1])) + b, 0
        for block in X:
            out += block @ W[start:start + block.shape[1]]
            start += block.shape[1]
        if start != W.shape[0]:
            raise ValueError(f"the blocks have {start} columns; the model has {W.shape[0]} features")
        return out

    def label_proba(self, X) -> np.ndarray:
        """Calibrated probability of each article label, shape (n, n_labels)."""
        return sigmoid(self.decision(X) * self.calibration[:, 0] + self.calibration[:, 1])

    def tag_proba(self, X) -> np.ndarray:
        return sigmoid(self.decision(X, "tags") * self.tag_calibration[:, 0] + self.tag_calibration[:, 1])

    def predict(self, texts: list[str]) -> np.ndarray:
        """0/1 matrix of labels at or above their thresholds."""
        return (self.label_proba(self.features(texts)) >= self.thresholds).astype(int)

    def coefficients(self, head: str = "labels") -> np.ndarray:
        """Per-label weight vectors (n_labels, n_features), for explanations."""
        return self._linear(head)[0].T


def _folds(texts: list[str]):
    """Vectorise each of the CV folds once (fit on the fold's train part only)."""
    arr = np.array(texts, dtype=object)
    for tr, te in KFold(FOLDS, shuffle=True, random_state=SEED).split(arr):
        vec = build_vectorizer()
        yield tr, te, vec.fit_transform(arr[tr]), vec.transform(arr[te])


def _oof(folds, y: np.ndarray, kind: str) -> np.ndarray:
    out = np.zeros(y.shape, dtype=float)
    for tr, te, Xtr, Xte in folds:
        out[te] = build_classifier(kind).fit(Xtr, y[tr]).decision_function(Xte)
    return out


def _calibrate(dec: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    cal = np.array([fit_platt(dec[:, j], y[:, j]) for j in range(y.shape[1])])
    p = sigmoid(dec * cal[:, 0] + cal[:, 1])
    thr = np.array([best_threshold(p[:, j], y[:, j]) for j in range(y.shape[1])])
    return cal, thr, p


def train(texts: list[str], y: np.ndarray, tag_y: np.ndarray, labels: list[str], tags: list[str],
          kinds: tuple[str, ...] = CANDIDATES) -> Model:
    """Fit the model on the train split (see the module docstring). Deterministic for the same data.

    Raises ``ValueError`` when a label or tag has no positive example.
    """
    t0 = time.perf_counter()
    for name, matrix, cols in (("label", y, labels), ("tag", tag_y, tags)):
        for j, lab in enumerate(cols):
            if matrix[:, j].sum() == 0:
                raise ValueError(f"{name} {lab} has no training example")
    folds = list(_folds(texts))
    cv: dict = {"folds": FOLDS, "candidates": {}}
    best, best_score, best_dec = None, -1.0, None
    for k in kinds:
        dec = _oof(folds, y, k)
        cal, thr, p = _calibrate(dec, y)
        pred = (p >= thr).astype(int)
        score = f1_score(y, pred, average="macro", zero_division=0)
        cv["candidates"][k] = {"macro_f1": round(float(score), 4),
                               "micro_f1": round(float(f1_score(y, pred, average="micro", zero_division=0)), 4)}
        if score > best_score:
            best, best_score, best_dec = k, score, dec
    cal, thr, p = _calibrate(best_dec, y)
    tcal, tthr, tp = _calibrate(_oof(folds, tag_y, best), tag_y)
    cv["chosen"] = best
    cv["oof_label_proba"] = p  # kept in memory for the evaluation report; not persisted
    cv["oof_tag_proba"] = tp
    del folds
    vec = build_vectorizer()
    X = vec.fit_transform(texts)
    label_clf = build_classifier(best).fit(X, y)
    tag_clf = build_classifier(best).fit(X, tag_y)
    cv["train_seconds"] = round(time.perf_counter() - t0, 1)
    return Model(labels, tags, vec, label_clf, tag_clf, cal, thr, tcal, tthr, best, cv)
