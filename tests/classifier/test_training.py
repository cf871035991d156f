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


def test_out_of_fold_values_come_from_the_fold_that_held_the_row_out(sample):
    """Each row's out-of-fold probability is the calibrated decision of the classifier fitted without its fold
    (a schedule that mixed up folds or heads would put another fold's values there)."""
    from sklearn.model_selection import KFold

    from classifier.model.fitted import sigmoid
    from classifier.model.training import FOLDS, SEED, _folds, build_classifier, count_blocks
    from classifier.text import normalise

    texts, y, tag_y, labels = sample
    model = _fit(sample, 2)
    blocks = count_blocks([normalise(t) for t in texts])
    tr, te, Xtr, Xte = next(_folds(blocks, len(texts)))
    assert np.array_equal(te, next(KFold(FOLDS, shuffle=True, random_state=SEED).split(texts))[1])
    for target, cal, key in ((y, model.calibration, "oof_label_proba"), (tag_y, model.tag_calibration, "oof_tag_proba")):
        d = build_classifier(model.kind).fit(Xtr, target[tr]).decision_function(Xte)
        assert np.allclose(model.cv[key][te], sigmoid(d * cal[:, 0] + cal[:, 1])), key


def test_with_two_candidate_kinds_the_final_heads_are_fitted_after_the_choice(sample):
    texts, y, tag_y, labels = sample
    from classifier.model.training import CANDIDATES
    both = train(texts, y, tag_y, labels, list(TAGS), kinds=CANDIDATES, processes=2)
    alone = train(texts, y, tag_y, labels, list(TAGS), kinds=(both.kind,), processes=2)
    assert set(both.cv["candidates"]) == set(CANDIDATES)
    assert np.array_equal(both.label_head.W, alone.label_head.W)
    assert np.array_equal(both.offence_head.W, alone.offence_head.W)
