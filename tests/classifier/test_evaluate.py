"""Evaluation metrics: expected calibration error, multi-label error counts, part accuracy, keyword baseline."""
import numpy as np
import pandas as pd
import pytest

from classifier.evaluation.baseline import keyword_predict, majority_predict
from classifier.evaluation.metrics import confusion_counts, ece, part_accuracy


def test_ece_is_zero_for_perfect_calibration_and_large_for_overconfidence():
    y = np.array([1, 0, 1, 0] * 25)
    assert ece(y.astype(float), y) == pytest.approx(0.0)
    assert ece(np.full(100, 0.95), np.r_[np.ones(50), np.zeros(50)]) == pytest.approx(0.45)


def test_confusion_counts_place_hits_misses_and_spurious_labels():
    y = np.array([[1, 0], [1, 1], [0, 0], [0, 1], [0, 0]])
    p = np.array([[1, 0], [1, 0], [0, 1], [1, 0], [0, 0]])
    m = confusion_counts(y, p, ["a", "b"])
    assert m.tolist() == [[2, 0, 0], [1, 0, 1], [0, 1, 1]]


def test_part_accuracy_counts_only_predicted_articles():
    df = pd.DataFrame({"articles": ["271;273.1", "272", "none"], "parts": ["271.3;273.4", "272.1", "none"]})
    labels = ["271", "272", "273.1"]
    pred = np.array([[1, 0, 1], [0, 0, 0], [0, 0, 0]])
    parts = [["271.3", "272.1", "273.1"], ["271.1", "272.1", "273.1"], ["271.1", "272.1", "273.1"]]
    acc, n = part_accuracy(df, pred, parts, labels)
    assert (acc, n) == (0.5, 2)


def test_baselines():
    labels = ["271", "272", "273.1", "273.2", "273-1", "273-2"]
    kw = keyword_predict(["Hackerlər serveri sındırıb", "DDoS hücumu saytı iflic edib", "nothing here"], labels)
    assert kw[0, 0] == 1 and kw[1, 3] == 1 and kw[2].sum() == 0
    assert majority_predict(np.array([[1, 0], [0, 0], [0, 0]]), 2).tolist() == [[0, 0], [0, 0]]


def test_report_tables_keep_counts_as_integers():
    import pandas as pd

    from classifier.evaluation.report import markdown_table as _table
    df = pd.DataFrame({"f1": [0.91234, 0.5], "support": [252, 7]}, index=pd.Index(["271", "272"], name="label"))
    assert _table(df).splitlines()[2:] == ["| 271 | 0.912 | 252 |", "| 272 | 0.500 | 7 |"]
