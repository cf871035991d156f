"""One evaluation set (a frozen test split or the dev set of real cases) scored with its baselines, and the targets.

:func:`score_set` predicts a set with the model's own decision rule (:meth:`~classifier.model.Model.choose`), and
measures in the same run the keyword-rule baseline, the majority baseline and "always an offence" (every text
labelled 271, the baseline real breach reports make look good on offence-vs-none). Nothing here fits anything:
the sets are only ever predicted.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

import statutes

from ..model import label_matrix
from .baseline import keyword_predict, majority_predict
from .metrics import group_macro, part_accuracy, predict_parts, scores

TARGETS = {
    "dev": {"macro_f1": 0.75, "any_f1": 0.92, "language_macro_f1": 0.70},
    "test": {"macro_f1": 0.85, "any_f1": 0.95, "min_label_f1": 0.75},
    "test_v2": {"macro_f1": 0.85, "any_f1": 0.95, "min_label_f1": 0.75},
}
"""The quality targets of issue #12 per set (the behavioural suite's are in :mod:`.behaviour`)."""


@dataclass
class SetResult:
    """A set's figures: the model's scores, the baselines', per language and register, part accuracy."""

    name: str
    frame: pd.DataFrame
    y: np.ndarray
    proba: np.ndarray
    pred: np.ndarray
    model: dict
    baselines: dict[str, dict]
    by_lang: pd.DataFrame
    by_register: pd.DataFrame
    part_accuracy: float
    part_pairs: int

    def summary(self) -> pd.DataFrame:
        """macro-F1, micro-F1 and offence-vs-none F1 of the model and of each baseline, one column each."""
        cols = {"model": self.model, **self.baselines}
        return pd.DataFrame({name: [s["macro_f1"], s["micro_f1"], s["any_f1"]] for name, s in cols.items()},
                            index=pd.Index(["macro-F1", "micro-F1", "offence-vs-none F1"], name=self.name))

    def targets(self) -> list[tuple[str, float, bool]]:
        """(target, value, met) for each of the set's targets in :data:`TARGETS`."""
        t, out = TARGETS[self.name], []
        out.append((f"{self.name}: macro-F1 ≥ {t['macro_f1']}", self.model["macro_f1"], self.model["macro_f1"] >= t["macro_f1"]))
        out.append((f"{self.name}: offence-vs-none F1 ≥ {t['any_f1']}", self.model["any_f1"], self.model["any_f1"] >= t["any_f1"]))
        if "min_label_f1" in t:
            low = float(self.model["per_label"].f1.min())
            out.append((f"{self.name}: lowest label F1 ≥ {t['min_label_f1']}", low, low >= t["min_label_f1"]))
        if "language_macro_f1" in t:
            for lang, row in self.by_lang.iterrows():
                out.append((f"{self.name}: macro-F1 ({lang}) ≥ {t['language_macro_f1']}", row.macro_f1,
                            row.macro_f1 >= t["language_macro_f1"]))
        return out

    def errors(self, labels: list[str]) -> pd.DataFrame:
        """The incidents whose predicted article set differs from the gold one (for reading errors)."""
        wrong = np.flatnonzero((self.pred != self.y).any(axis=1))
        said = [";".join(lab for lab, v in zip(labels, row) if v) or "none" for row in self.pred[wrong]]
        f = self.frame.iloc[wrong]
        return pd.DataFrame({"id": f.id.values, "lang": f.lang.values, "gold": f.articles.values, "predicted": said,
                             "text": f.text.values})


def score_set(name: str, frame: pd.DataFrame, model, train_y: np.ndarray, table: statutes.StatuteTable) -> SetResult:
    """Predict ``frame`` and score it next to the baselines (see the module docstring)."""
    labels = model.labels
    y = label_matrix(frame.articles, labels)
    X = model.features(frame.text.tolist())
    proba = model.label_proba(X)
    pred = model.choose(proba, X).astype(int)
    always = np.zeros_like(y)
    always[:, labels.index("271")] = 1
    baselines = {"keyword rules": scores(y, keyword_predict(frame.text.tolist(), labels), labels),
                 "majority": scores(y, majority_predict(train_y, len(frame)), labels),
                 "always an offence (271)": scores(y, always, labels)}
    acc, pairs = part_accuracy(frame, pred, predict_parts(model, frame.text.tolist(), table), labels)
    return SetResult(name, frame, y, proba, pred, scores(y, pred, labels), baselines,
                     group_macro(frame, y, pred, "lang"), group_macro(frame, y, pred, "register"), acc, pairs)
