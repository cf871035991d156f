"""Training: fitting the folds and heads in worker processes gives the model one process gives."""
import numpy as np
import pytest

from classifier.corpus import load_corpus
from classifier.model import TAGS, label_matrix, tag_matrix, train


@pytest.fixture(scope="module")
def sample():
    df = load_corpus(split="train").sample(700, random_state=3)
    labels = ["271", "272", "273.1", "273.2", "273-1", "273-2"]
    return df.text.tolist(), label_matrix(df.articles, labels), tag_matrix(df.circumstances), labels


def _fit(sample, processes):
    texts, y, tag_y, labels = sample
    return train(texts, y, tag_y, labels, list(TAGS), processes=processes)


def test_parallel_training_equals_training_in_one_process(sample):
    one, two = _fit(sample, 1), _fit(sample, 2)
    for head in ("label_head", "tag_head", "offence_head"):
        assert np.array_equal(getattr(one, head).W, getattr(two, head).W), head
        assert np.array_equal(getattr(one, head).b, getattr(two, head).b), head
    assert np.array_equal(one.thresholds, two.thresholds)
    assert np.array_equal(one.tag_thresholds, two.tag_thresholds)
    assert one.offence_threshold == two.offence_threshold
    assert np.array_equal(one.cv["oof_label_proba"], two.cv["oof_label_proba"])
