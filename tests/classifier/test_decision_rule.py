"""The decision rule: labels at their thresholds, and the offence head's fallback only for a label with some
evidence of its own."""
import numpy as np

from classifier.model.fitted import OWN_EVIDENCE, choose_labels

THRESHOLDS = np.array([0.5, 0.4, 0.6])


def _offence_found(rows):
    return np.ones(len(rows), dtype=bool)


def test_labels_at_their_thresholds_are_chosen_without_asking_the_offence_head():
    asked = []
    P = np.array([[0.55, 0.1, 0.61], [0.1, 0.39, 0.2]])
    chosen = choose_labels(P, THRESHOLDS, lambda rows: asked.append(list(rows)) or np.zeros(len(rows), bool))
    assert chosen.tolist() == [[True, False, True], [False, False, False]]
    assert asked == [[1]]


def test_the_fallback_chooses_the_label_closest_to_its_threshold():
    P = np.array([[0.30, 0.35, 0.30]])  # 0.6, 0.875 and 0.5 of their thresholds
    assert choose_labels(P, THRESHOLDS, _offence_found, own_evidence=OWN_EVIDENCE).tolist() == [[False, True, False]]


def test_the_fallback_names_no_label_that_has_almost_no_evidence_of_its_own():
    """An offence head that fires on "an employee lost an unencrypted laptop" must not turn the largest of three
    near-zero probabilities into an offence (it flipped between 272 and 273.1 as a date changed)."""
    P = np.array([[0.08, 0.07, 0.04], [0.30, 0.05, 0.02]])
    chosen = choose_labels(P, THRESHOLDS, _offence_found, own_evidence=OWN_EVIDENCE)
    assert chosen.tolist() == [[False, False, False], [True, False, False]]
    assert choose_labels(P, THRESHOLDS, _offence_found).tolist() == [[False, True, False], [True, False, False]]
