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

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.metrics import f1_score, precision_recall_fscore_support  # noqa: E402

import statutes  # noqa: E402

from .baseline import keyword_predict, majority_predict  # noqa: E402
from .incident import load_corpus, split_labels  # noqa: E402
from .robustness import robustness  # noqa: E402
from .training import build, label_matrix, tag_matrix  # noqa: E402

REPORT_DIR = Path(__file__).resolve().parent.parent / "reports"


def ece(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over all (incident, label) probabilities, equal-width bins."""
    p, y = p.ravel(), y.ravel()
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (p >= lo) & (p < hi) if hi < 1 else (p >= lo) & (p <= hi)
        if m.any():
            total += m.mean() * abs(p[m].mean() - y[m].mean())
    return float(total)


def scores(y: np.ndarray, pred: np.ndarray, labels: list[str]) -> dict:
    pr, rc, f1, sup = precision_recall_fscore_support(y, pred, zero_division=0)
    return {
        "per_label": pd.DataFrame({"precision": pr, "recall": rc, "f1": f1, "support": sup}, index=labels),
        "macro_f1": f1_score(y, pred, average="macro", zero_division=0),
        "micro_f1": f1_score(y, pred, average="micro", zero_division=0),
        "any_f1": f1_score(y.any(1), pred.any(1), zero_division=0),
    }


def _group_macro(df: pd.DataFrame, y: np.ndarray, pred: np.ndarray, column: str) -> pd.DataFrame:
    rows = []
    for value, idx in df.groupby(column).indices.items():
        rows.append({column: value, "incidents": len(idx),
                     "macro_f1": f1_score(y[idx], pred[idx], average="macro", zero_division=0),
                     "any_offence_f1": f1_score(y[idx].any(1), pred[idx].any(1), zero_division=0)})
    return pd.DataFrame(rows).set_index(column)


def part_accuracy(df: pd.DataFrame, pred: np.ndarray, predicted_parts: list[list[str]], labels: list[str]) -> tuple[float, int]:
    """Share of (incident, gold article) pairs, where the article is also predicted, whose part is right."""
    right = total = 0
    for i, row in enumerate(df.itertuples(index=False)):
        arts, parts = split_labels(row.articles), split_labels(row.parts)
        for a, p in zip(arts, parts):
            j = labels.index(a)
            if pred[i, j]:
                total += 1
                right += predicted_parts[i][j] == p
    return (right / total if total else 0.0), total


def predict_parts(model, texts: list[str], table: statutes.StatuteTable) -> list[list[str]]:
    from .analyse import analyse
    out = []
    for t in texts:
        a = analyse(t, model=model, table=table)
        by = {c.label: c.part.part for c in a.candidates}
        out.append([by[lab] for lab in model.labels])
    return out


def _table(df: pd.DataFrame, digits: int = 3) -> str:
    """A Markdown table of ``df`` (index first), floats to ``digits`` places."""
    cols = [df.index.name or ""] + [str(c) for c in df.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for idx, *values in df.itertuples(name=None):  # not iterrows: it would turn a row's counts into floats
        cells = [str(idx)] + [f"{v:.{digits}f}" if isinstance(v, (float, np.floating)) else str(v) for v in values]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def reliability_plot(p: np.ndarray, y: np.ndarray, path: Path) -> None:
    edges = np.linspace(0, 1, 11)
    mids, obs, counts = [], [], []
    pr, yr = p.ravel(), y.ravel()
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (pr >= lo) & (pr <= hi if hi == 1 else pr < hi)
        if m.any():
            mids.append(pr[m].mean()); obs.append(yr[m].mean()); counts.append(int(m.sum()))
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    ax.plot(mids, obs, "o-", label="model (test split)")
    for x, yv, n in zip(mids, obs, counts):
        ax.annotate(str(n), (x, yv), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlabel("predicted probability"); ax.set_ylabel("observed frequency")
    ax.set_title("Reliability (all labels, frozen test split)")
    ax.legend(loc="upper left")
    fig.tight_layout(); fig.savefig(path, dpi=110); plt.close(fig)


def confusion_counts(y: np.ndarray, pred: np.ndarray, labels: list[str]) -> np.ndarray:
    """Where the labels go, for multi-label data: diagonal = gold labels predicted; (g, q) = gold g missed while
    q was predicted without being gold; last column = g missed with nothing wrong predicted; last row = q
    predicted spuriously with no gold label missed; bottom-right = incidents rightly predicted as none."""
    k = len(labels)
    m = np.zeros((k + 1, k + 1), dtype=int)
    for yi, pi in zip(y.astype(bool), pred.astype(bool)):
        hit, missed, extra = np.flatnonzero(yi & pi), np.flatnonzero(yi & ~pi), np.flatnonzero(~yi & pi)
        m[hit, hit] += 1
        if len(missed) and len(extra):
            for g in missed:
                m[g, extra] += 1
        elif len(missed):
            m[missed, k] += 1
        elif len(extra):
            m[k, extra] += 1
        if not yi.any() and not pi.any():
            m[k, k] += 1
    return m


def confusion_plot(y: np.ndarray, pred: np.ndarray, labels: list[str], path: Path) -> None:
    names = labels + ["(nothing)"]
    m = confusion_counts(y, pred, labels)
    fig, ax = plt.subplots(figsize=(6.5, 5.5))
    ax.imshow(np.log1p(m), cmap="Blues")
    ax.set_xticks(range(len(names)), names, rotation=45); ax.set_yticks(range(len(names)), names)
    for i in range(len(names)):
        for j in range(len(names)):
            ax.text(j, i, m[i, j], ha="center", va="center", fontsize=8,
                    color="white" if np.log1p(m[i, j]) > np.log1p(m.max()) / 2 else "black")
    ax.set_xlabel("predicted (or nothing wrongly predicted)"); ax.set_ylabel("gold (or nothing missed)")
    ax.set_title("Where the labels go (test split)")
    fig.tight_layout(); fig.savefig(path, dpi=110); plt.close(fig)


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
    by_lang = _group_macro(test_df, y_te, pred, "lang")
    by_reg = _group_macro(test_df, y_te, pred, "register")
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
        "", "## Targets (frozen test split)", "", _table(targets), "",
        "## Headline figures", "", _table(summary), "",
        f"Part accuracy given the right article: **{part_acc:.3f}** over {part_n} (incident, article) pairs where the article was predicted.",
        f"Calibration on test: Brier score {brier:.4f}, expected calibration error {test_ece:.4f} (5-fold CV of train: {cv_ece:.4f}).",
        "", "## Per label (test)", "", _table(test["per_label"]), "",
        "## Per label (5-fold CV of train)", "", _table(cv["per_label"]), "",
        "## Thresholds (tuned on out-of-fold train predictions only)", "", _table(thr), "",
        "## Candidate classifiers compared (5-fold CV of train)", "", _table(cand, 4), "",
        "## Per language (test)", "", _table(by_lang), "",
        "## Per register (test)", "", _table(by_reg), "",
        "## Robustness to unrelated text (test, padded)", "",
        "Each test incident padded with sentences that describe no offence (press-office headers, company "
        "descriptions, notices' boilerplate, news filler; `classifier/data/unrelated_text.yaml`, used for this "
        "measurement only). The features are L2-normalised, so unrelated words dilute the incident's evidence: "
        "read long documents with this in mind, or analyse the passage that describes the incident.", "",
        _table(robust), "",
        "## Keyword-rule baseline per label (test)", "", _table(kw["per_label"]), "",
        "## Circumstance tags (5-fold CV of train; they select the part)", "", _table(tags), "",
        "## Charts", "", "![Reliability](reliability.png)", "", "![Confusion](confusion.png)", "",
    ]
    (out_dir / "evaluation.md").write_text("\n".join(lines), encoding="utf-8")
    return figures
