"""The evaluation report's charts: reliability (calibration) and where the labels go (confusion)."""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .metrics import confusion_counts  # noqa: E402


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
