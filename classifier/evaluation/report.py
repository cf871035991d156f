"""``python -m classifier evaluate``: the evaluation report on the dev set of real cases, both test splits, the
behavioural suite and the cross-validation of train the build ran.

Writes ``reports/evaluation.md``: the targets of issue #12 and whether they are met; per set the model's macro,
micro and offence-vs-none F1 next to the baselines measured in the same run (keyword rules, majority, always an
offence), per label, per language and per register, part accuracy; the behavioural suite's pass rates; CV of
train, thresholds, calibration, robustness to unrelated text; ``reliability.png`` and ``confusion.png`` (dev
set); and ``reports/dev_errors.md``, every dev incident the model gets wrong. The evaluation sets are only ever
predicted here; nothing is tuned on them.
"""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

import statutes
from i18n.escape import markdown as escape_markdown

from ..corpus import load_corpus
from ..model import label_matrix, tag_matrix
from ..model.fitted import OWN_EVIDENCE
from ..model.training import build
from . import behaviour
from .metrics import ece, scores
from .sets import score_set
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
SETS = ("dev", "test", "test_v2")
"""The evaluation sets: the dev set of real cases (the judge), the frozen v1 test split, the v2 test split."""


def _target_rows(results: dict, suite: pd.DataFrame) -> pd.DataFrame:
    rows = [row for name in SETS for row in results[name].targets()]
    for kind, row in suite.iterrows():
        rows.append((f"behavioural suite: {kind} pass rate ≥ {row.target}", row["all"], row["all"] >= row.target))
    return pd.DataFrame(rows, columns=["target", "value", "met"]).set_index("target")


def _errors_report(result, labels: list[str]) -> str:
    errors = result.errors(labels)
    lines = ["# Dev-set errors", "", f"Written by `python -m classifier evaluate`: the {len(errors)} of "
             f"{len(result.frame)} dev incidents whose predicted articles differ from the gold ones (gold labels "
             "adjudicated, see `training_data/dev/README.md`). Read them before and after every model change.", "",
             "| id | lang | gold | predicted | text (first 220 characters) |", "|---|---|---|---|---|"]
    for r in errors.itertuples(index=False):
        text = r.text[:220].replace("|", "/").replace("\n", " ").replace("\r", " ")
        lines.append(f"| {r.id} | {r.lang} | {r.gold} | {r.predicted} | {escape_markdown(text)} |")
    return "\n".join(lines) + "\n"


def evaluate(out_dir: Path | None = None) -> dict:
    """Build the model from train (so CV figures are fresh), score the dev set, both test splits and the
    behavioural suite next to the baselines, and write ``reports/evaluation.md`` and ``reports/dev_errors.md``;
    returns the headline figures. Raises what building the model raises (invalid training data)."""
    out_dir = Path(out_dir or REPORT_DIR)
    out_dir.mkdir(parents=True, exist_ok=True)
    table = statutes.load_table()
    t0 = time.perf_counter()
    model = build()
    train_df = load_corpus(split="train")
    labels = model.labels
    y_tr = label_matrix(train_df.articles, labels)
    results = {name: score_set(name, load_corpus(split=name), model, y_tr, table) for name in SETS}
    dev, test = results["dev"], results["test"]
    oof = model.cv["oof_label_proba"]
    cv = scores(y_tr, (oof >= model.thresholds).astype(int), labels)
    suite = behaviour.run(model, table)
    rates = behaviour.pass_rates(suite)
    robust = robustness(model, test.frame.text.tolist(), test.frame.lang.tolist(), test.y)
    reliability_plot(dev.proba, dev.y, out_dir / "reliability.png")
    confusion_plot(dev.y, dev.pred, labels, out_dir / "confusion.png")
    tag_y = tag_matrix(train_df.circumstances)
    tag_f1 = f1_score(tag_y, model.cv["oof_tag_proba"] >= model.tag_thresholds, average=None, zero_division=0)
    targets = _target_rows(results, rates)

    figures = {f"{name}_{k}": float(r.model[k]) for name, r in results.items() for k in ("macro_f1", "micro_f1", "any_f1")}
    figures.update({f"{name}_min_label_f1": float(r.model["per_label"].f1.min()) for name, r in results.items()})
    figures.update({f"dev_{lang}_macro_f1": float(v) for lang, v in dev.by_lang.macro_f1.items()})
    figures.update({f"suite_{k}": float(v) for k, v in rates["all"].items()})
    figures.update({"cv_macro_f1": cv["macro_f1"], "keyword_dev_macro_f1": dev.baselines["keyword rules"]["macro_f1"],
                    "ece_dev": ece(dev.proba, dev.y), "part_accuracy_dev": dev.part_accuracy,
                    "targets_met": int(targets.met.sum()), "targets": len(targets)})
    thr = pd.DataFrame({"threshold": model.thresholds, "dev F1": dev.model["per_label"].f1.values,
                        "CV F1": cv["per_label"].f1.values}, index=pd.Index(labels, name="label"))
    tags = pd.DataFrame({"CV F1": tag_f1, "threshold": model.tag_thresholds}, index=pd.Index(model.tags, name="circumstance tag"))
    sizes = ", ".join(f"{name} {len(r.frame)}" for name, r in results.items())
    folds = model.cv["folds"]
    lines = [
        "# Evaluation report", "",
        f"Generated by `python -m classifier evaluate` on {dt.date.today().isoformat()} in {time.perf_counter() - t0:.0f} s. "
        f"Model: {model.kind}, trained on {len(train_df)} train incidents (v1 and v2); evaluation sets: {sizes} "
        "incidents, never used for training or for tuning thresholds (thresholds come from out-of-fold train "
        "predictions). **The dev set of real, publicly reported cases is the judge**; the test splits guard against "
        "regressions. Baselines measured in the same run.", "",
        "## Targets", "", markdown_table(targets), "",
        f"{int(targets.met.sum())} of {len(targets)} targets met.", "",
    ]
    for name, title in (("dev", "Dev set (real cases, re-told)"), ("test", "Test split v1 (frozen)"),
                        ("test_v2", "Test split v2 (frozen)")):
        r = results[name]
        lines += [f"## {title}", "", markdown_table(r.summary()), "",
                  f"Part accuracy given the right article: {r.part_accuracy:.3f} over {r.part_pairs} pairs.", "",
                  "Per label:", "", markdown_table(r.model["per_label"]), "",
                  "Per language:", "", markdown_table(r.by_lang), "",
                  "Per register:", "", markdown_table(r.by_register), ""]
    lines += [
        "## Behavioural suite", "",
        f"{len(suite)} cases from `training_data/behaviour/` (see its README): minimum functionality, invariance, "
        "direction, per language (`az-plain`: Azerbaijani typed without its letters).", "",
        markdown_table(rates), "",
        "Pass rate per test:", "", markdown_table(behaviour.per_test(suite)), "",
        f"## Cross-validation of train ({folds}-fold)", "", markdown_table(cv["per_label"]), "",
        f"macro-F1 {cv['macro_f1']:.3f}, offence-vs-none F1 {cv['any_f1']:.3f}.", "",
        "## Thresholds (tuned on out-of-fold train predictions only)", "", markdown_table(thr), "",
        f"Offence head threshold {model.offence_threshold:.3f}: when no label reaches its threshold but the offence "
        f"head does, the label closest to its threshold is chosen if it reaches {OWN_EVIDENCE} of it.", "",
        f"Calibration on dev: Brier score {float(np.mean((dev.proba - dev.y) ** 2)):.4f}, expected calibration error "
        f"{ece(dev.proba, dev.y):.4f} ({folds}-fold CV of train: {ece(oof, y_tr):.4f}).", "",
        "## Robustness to unrelated text (test v1, padded)", "",
        "Each test incident padded with sentences that describe no offence (`classifier/data/unrelated_text.yaml`, "
        "used for this measurement only).", "", markdown_table(robust), "",
        f"## Circumstance tags ({folds}-fold CV of train; they select the part)", "", markdown_table(tags), "",
        "## Charts (dev set)", "", "![Reliability](reliability.png)", "", "![Confusion](confusion.png)", "",
    ]
    (out_dir / "evaluation.md").write_text("\n".join(lines), encoding="utf-8")
    (out_dir / "dev_errors.md").write_text(_errors_report(dev, labels), encoding="utf-8")
    return figures
