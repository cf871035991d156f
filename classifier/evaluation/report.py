"""``python -m classifier evaluate``: the evaluation report on the frozen test split and on 5-fold CV of train.

Writes ``reports/evaluation.md`` with per-label precision/recall/F1, macro and micro F1, any-offence-vs-none F1,
per-language and per-register macro-F1, part accuracy given the right article, calibration (Brier score,
expected calibration error), the CV comparison of candidate classifiers, and the majority and keyword-rule
baselines measured in the same run; plus ``reliability.png`` and ``confusion.png``.
The test split is only ever predicted here; nothing is tuned on it.
"""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

import statutes

from ..corpus import load_corpus
from ..model import label_matrix, tag_matrix
from ..model.training import build
from .baseline import keyword_predict, majority_predict
from .metrics import ece, group_macro, part_accuracy, predict_parts, scores
from .plots import confusion_plot, reliability_plot
from .robustness import robustness


def markdown_table(df: pd.DataFrame, digits: int = 3) -> str:
    """A Markdown table of ``df`` (index first), floats to ``digits`` places."""
    cols = [df.index.name or ""] + [str(c) for c in df.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for idx, *values in df.itertuples(name=None):  # not iterrows: it would turn a row's counts into floats
        cells = [str(idx)] + [f"{v:.{digits}f}" if isinstance(v, (float, np.floating)) else str(v) for v in values]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)



REPORT_DIR = Path(__file__).resolve().parents[2] / "reports"


def evaluate(out_dir: Path | None = None) -> dict:
    """Build the model from train (so CV figures are fresh), evaluate on test, write the report; returns figures."""
    out_dir = Path(out_dir or REPORT_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    table = statutes.load_table()
    t0 = time.perf_counter()
    model = build()
    df = load_corpus()
    train_df = df[df.split == "train"].reset_index(drop=True)
    test_df = df[df.split == "test"].reset_index(drop=True)
    labels = model.labels
    y_tr, y_te = label_matrix(train_df.articles, labels), label_matrix(test_df.articles, labels)

    p_te = model.label_proba(model.features(test_df.text.tolist()))
    pred = (p_te >= model.thresholds).astype(int)
    test = scores(y_te, pred, labels)
    oof = model.cv["oof_label_proba"]
    cv = scores(y_tr, (oof >= model.thresholds).astype(int), labels)
    kw = scores(y_te, keyword_predict(test_df.text.tolist(), labels), labels)
    maj = scores(y_te, majority_predict(y_tr, len(test_df)), labels)
    parts = predict_parts(model, test_df.text.tolist(), table)
    part_acc, part_n = part_accuracy(test_df, pred, parts, labels)
    brier = float(np.mean((p_te - y_te) ** 2))
    test_ece, cv_ece = ece(p_te, y_te), ece(oof, y_tr)
    by_lang = group_macro(test_df, y_te, pred, "lang")
    by_reg = group_macro(test_df, y_te, pred, "register")
    robust = robustness(model, test_df.text.tolist(), test_df.lang.tolist(), y_te)
    reliability_plot(p_te, y_te, out_dir / "reliability.png")
    confusion_plot(y_te, pred, labels, out_dir / "confusion.png")

    # tag head on CV (for part selection)
    tag_y = tag_matrix(train_df.circumstances)
    tag_f1 = f1_score(tag_y, model.cv["oof_tag_proba"] >= model.tag_thresholds, average=None, zero_division=0)

    figures = {"test_macro_f1": test["macro_f1"], "test_micro_f1": test["micro_f1"], "test_any_f1": test["any_f1"],
               "part_accuracy": part_acc, "ece": test_ece, "brier": brier, "keyword_macro_f1": kw["macro_f1"],
               "majority_macro_f1": maj["macro_f1"], "cv_macro_f1": cv["macro_f1"], "min_label_f1": float(test["per_label"].f1.min()),
               "padded_macro_f1": float(robust.macro_f1.iloc[-1])}
    summary = pd.DataFrame({
        "model (test)": [test["macro_f1"], test["micro_f1"], test["any_f1"]],
        "keyword rules (test)": [kw["macro_f1"], kw["micro_f1"], kw["any_f1"]],
        "majority (test)": [maj["macro_f1"], maj["micro_f1"], maj["any_f1"]],
        "model (5-fold CV of train)": [cv["macro_f1"], cv["micro_f1"], cv["any_f1"]],
    }, index=pd.Index(["macro-F1", "micro-F1", "any-offence-vs-none F1"], name="metric"))
    cand = pd.DataFrame(model.cv["candidates"]).T
    cand.index.name = "classifier (5-fold CV of train)"
    thr = pd.DataFrame({"threshold": model.thresholds, "test F1": test["per_label"].f1.values,
                        "CV F1": cv["per_label"].f1.values}, index=pd.Index(labels, name="label"))
    tags = pd.DataFrame({"CV F1": tag_f1, "threshold": model.tag_thresholds}, index=pd.Index(model.tags, name="circumstance tag"))
    targets = pd.DataFrame([
        ("macro-F1 ≥ 0.85", test["macro_f1"], test["macro_f1"] >= 0.85),
        ("every label F1 ≥ 0.75", figures["min_label_f1"], figures["min_label_f1"] >= 0.75),
        ("any-offence-vs-none F1 ≥ 0.95", test["any_f1"], test["any_f1"] >= 0.95),
        ("part accuracy ≥ 0.85", part_acc, part_acc >= 0.85),
        ("ECE ≤ 0.08", test_ece, test_ece <= 0.08),
        ("macro-F1 ≥ keyword baseline + 0.15", test["macro_f1"] - kw["macro_f1"], test["macro_f1"] - kw["macro_f1"] >= 0.15),
    ], columns=["target", "value", "met"]).set_index("target")
    lines = [
        "# Evaluation report", "",
        f"Generated by `python -m classifier evaluate` on {dt.date.today().isoformat()} in {time.perf_counter() - t0:.0f} s. "
        f"Model: {model.kind} (chosen by 5-fold CV macro-F1 on train), trained on {len(train_df)} train incidents; "
        f"frozen test split: {len(test_df)} incidents, never used for training or tuning. Baselines measured in the same run.",
        "", "## Targets (frozen test split)", "", markdown_table(targets), "",
        "## Headline figures", "", markdown_table(summary), "",
        f"Part accuracy given the right article: **{part_acc:.3f}** over {part_n} (incident, article) pairs where the article was predicted.",
        f"Calibration on test: Brier score {brier:.4f}, expected calibration error {test_ece:.4f} (5-fold CV of train: {cv_ece:.4f}).",
        "", "## Per label (test)", "", markdown_table(test["per_label"]), "",
        "## Per label (5-fold CV of train)", "", markdown_table(cv["per_label"]), "",
        "## Thresholds (tuned on out-of-fold train predictions only)", "", markdown_table(thr), "",
        "## Candidate classifiers compared (5-fold CV of train)", "", markdown_table(cand, 4), "",
        "## Per language (test)", "", markdown_table(by_lang), "",
        "## Per register (test)", "", markdown_table(by_reg), "",
        "## Robustness to unrelated text (test, padded)", "",
        "Each test incident padded with sentences that describe no offence (press-office headers, company "
        "descriptions, notices' boilerplate, news filler; `classifier/data/unrelated_text.yaml`, used for this "
        "measurement only). The features are L2-normalised, so unrelated words dilute the incident's evidence: "
        "read long documents with this in mind, or analyse the passage that describes the incident.", "",
        markdown_table(robust), "",
        "## Keyword-rule baseline per label (test)", "", markdown_table(kw["per_label"]), "",
        "## Circumstance tags (5-fold CV of train; they select the part)", "", markdown_table(tags), "",
        "## Charts", "", "![Reliability](reliability.png)", "", "![Confusion](confusion.png)", "",
    ]
    (out_dir / "evaluation.md").write_text("\n".join(lines), encoding="utf-8")
    return figures
