"""Model selection: every candidate scored on cross-validation of train (the build's folds unless a variant says),
the dev set of real cases, both test splits and the behavioural suite (articles only: minimum functionality and
invariance), with prediction speed.

    python bench/model_selection.py [VARIANT ...]      # all variants when none is named

Prints one JSON line per variant. The dev set decides (see reports/model_selection.md); thresholds always come
from out-of-fold train predictions. Each fold's TF-IDF is fitted on the fold's train part only (the counts are
made once and the fold's columns selected, which equals a vectoriser fitted on the fold).
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from classifier.corpus import load_corpus  # noqa: E402
from classifier.evaluation.behaviour import cases  # noqa: E402
from classifier.model import label_matrix  # noqa: E402
from classifier.model.fitted import OWN_EVIDENCE, choose_labels  # noqa: E402
from classifier.model.training import FOLDS, _calibrate, block_features, count_blocks  # noqa: E402
from classifier.text import normalise  # noqa: E402

LABELS = ["271", "272", "273.1", "273.2", "273-1", "273-2"]
AZ_SUFFIX = re.compile(r"(lar|ler|nin|nin|nun|in|un|da|de|dan|den|ya|ye|a|e|i|u|si|su|ni|nu|miz|niz|im|um|ib|ub|mis|"
                       r"mus|di|du|ir|ur|ar|er|maq|mek|ma|me|la|le|li|lu|siz|suz|dir|dur|ki|yib|yub|acaq|ecek)+$")


def ru_lemmas(folded: str, _morph=[]) -> str:
    if not _morph:
        import pymorphy3
        _morph.append(pymorphy3.MorphAnalyzer())
    return " ".join(_morph[0].parse(w)[0].normal_form for w in re.findall(r"[а-яё]{3,}", folded))


def az_stems(folded: str) -> str:
    return " ".join(AZ_SUFFIX.sub("", w) for w in re.findall(r"\b[a-z]{5,}\b", folded))


EXTRA = {"ru": ru_lemmas, "az": az_stems}


def estimator(kind: str, C: float):
    if kind == "svm":
        return LinearSVC(C=C, class_weight="balanced")
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=3000)


def heads(X, y, kind, C, weights):
    return [estimator(kind, C).fit(X, y[:, j], sample_weight=weights) for j in range(y.shape[1])]


def decide(hs, X):
    return np.column_stack([h.decision_function(X) for h in hs])


def choose(p, thr, p_any=None, thr_any=None, companion=1.0, own_evidence=OWN_EVIDENCE):
    """The model's decision rule; without an offence head (``p_any`` None) labels at their thresholds only."""
    found = (lambda rows: p_any[rows] >= thr_any) if p_any is not None else (lambda rows: np.zeros(len(rows), bool))
    return choose_labels(p, thr, found, companion, own_evidence).astype(int)


def suite_scores(texts: dict[str, np.ndarray], suite) -> dict:
    said = {t: tuple(row) for t, row in texts.items()}
    mft = [(said[c.text] == (0,) * 6) if c.expected == "none" else bool(said[c.text][LABELS.index(c.expected)])
           for c in suite if c.kind == "mft"]
    inv = [said[c.text] == said[c.base] for c in suite if c.kind == "inv"]
    return {"mft": float(np.mean(mft)), "inv": float(np.mean(inv))}


def experiment(name, train, sets, suite, kind="svm", C=0.5, extra=(), v1_weight=1.0, offence_head=True,
               companion=1.0, folds=FOLDS, own_evidence=OWN_EVIDENCE):
    t0 = time.time()
    suite_texts = sorted({c.text for c in suite if c.kind in ("mft", "inv")} |
                         {c.base for c in suite if c.kind == "inv"})
    evals = {**{k: v.text.tolist() for k, v in sets.items()}, "suite": suite_texts}
    folded = [normalise(t) for t in train.text.tolist() + [t for v in evals.values() for t in v]]
    blocks = count_blocks(folded)
    for e in extra:
        v = CountVectorizer(lowercase=False, dtype=np.float32)
        blocks.append((v.fit_transform([EXTRA[e](f) for f in folded]).tocsr(), v.get_feature_names_out()))
    n = len(train)
    y = label_matrix(train.articles, LABELS)
    Y = np.hstack([y, y.any(1, keepdims=True).astype(int)])
    w = np.where(train.file.str.match(r"train/writer-[a-g]\.csv"), v1_weight, 1.0)

    def features(fit, rows):
        return block_features(blocks, fit, rows)[0]

    dec = np.zeros(Y.shape)
    for tr, te in KFold(folds, shuffle=True, random_state=1).split(np.arange(n)):
        Xtr, Xte = features(tr, [tr, te])
        dec[te] = decide(heads(Xtr, Y[tr], kind, C, w[tr]), Xte)
    cal, thr, p = _calibrate(dec, Y)
    res = {"variant": name}
    pred = choose(p[:, :6], thr[:6], p[:, 6] if offence_head else None, thr[6], companion, own_evidence)
    res["cv_macro"] = f1_score(y, pred, average="macro", zero_division=0)
    starts = np.cumsum([n] + [len(v) for v in evals.values()])
    rows = [np.arange(a, b) for a, b in zip(starts[:-1], starts[1:])]
    everything = np.arange(n)
    mats = features(everything, [everything] + rows)
    hs = heads(mats[0], Y, kind, C, w)
    for (ename, texts), X in zip(evals.items(), mats[1:]):
        t1 = time.perf_counter()
        pe = 1 / (1 + np.exp(-(decide(hs, X) * cal[:, 0] + cal[:, 1])))
        pred = choose(pe[:, :6], thr[:6], pe[:, 6] if offence_head else None, thr[6], companion, own_evidence)
        if ename == "suite":
            res.update(suite_scores(dict(zip(texts, pred)), suite))
            continue
        ye = label_matrix(sets[ename].articles, LABELS)
        res[f"{ename}_macro"] = f1_score(ye, pred, average="macro", zero_division=0)
        res[f"{ename}_any"] = f1_score(ye.any(1), pred.any(1), zero_division=0)
        if ename == "dev":
            for lang in ("en", "az", "ru"):
                m = (sets[ename].lang == lang).values
                res[f"dev_{lang}"] = f1_score(ye[m], pred[m], average="macro", zero_division=0)
            res["heads_ms_per_1000"] = round(1000 * (time.perf_counter() - t1) / len(texts) * 1000, 1)
    res["seconds"] = round(time.time() - t0)
    return res


VARIANTS = {
    "current features, linear SVM C=0.5, offence head": {},
    "no offence head": {"offence_head": False},
    "4-fold CV for calibration and thresholds": {"folds": 4},
    "5-fold CV for calibration and thresholds": {"folds": 5},
    "companions at 0.6 of their threshold": {"companion": 0.6},
    "fallback label needs no share of its threshold": {"own_evidence": 0.0},
    "fallback label needs 0.25 of its threshold": {"own_evidence": 0.25},
    "companions at 0.8 of their threshold": {"companion": 0.8},
    "v2 rows only": {"train": "v2"},
    "v1 rows weighted 0.5": {"v1_weight": 0.5},
    "logistic regression C=8": {"kind": "logreg", "C": 8.0},
    "linear SVM C=0.25": {"C": 0.25},
    "linear SVM C=1": {"C": 1.0},
    "+ Russian lemmas (pymorphy3)": {"extra": ("ru",)},
    "+ Azerbaijani suffixes stripped": {"extra": ("az",)},
}


def main(names: list[str]) -> None:
    train = load_corpus(split="train")
    sets = {s: load_corpus(split=s) for s in ("dev", "test", "test_v2")}
    suite = cases()
    for name in names or list(VARIANTS):
        kw = dict(VARIANTS[name])
        data = train[~train.file.str.match(r"train/writer-[a-g]\.csv")] if kw.pop("train", None) == "v2" else train
        r = experiment(name, data, sets, suite, **kw)
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}, ensure_ascii=False),
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
