"""The saved model: manifest, hash checks, only reviewed types, and no loading of a foreign or altered file."""
import json
import shutil

import numpy as np
import pytest
import skops.io as sio

from classifier import persist
from classifier.incident import corpus_hash


@pytest.fixture
def saved(model, tmp_path):
    persist.save(model, corpus_hash(), {"note": "test"}, tmp_path)
    return tmp_path


def test_manifest_records_what_the_model_was_built_from(saved, model):
    m = json.loads((saved / "manifest.json").read_text())
    assert m["training_data_sha256"] == corpus_hash()
    assert m["labels"] == model.labels and len(m["thresholds"]) == len(model.labels)
    assert {"scikit-learn", "numpy", "skops", "python"} <= set(m["libraries"])


def test_model_file_needs_only_reviewed_types(saved):
    assert set(sio.get_untrusted_types(file=saved / "model.skops")) <= set(persist.TRUSTED_TYPES)


def test_reloaded_model_predicts_the_same(saved, model):
    again = persist.load(corpus_hash(), saved)
    texts = ["menim hesabima kimse girib", "DDoS attack took the ministry portal offline for a day"]
    assert np.allclose(again.label_proba(again.features(texts)), model.label_proba(model.features(texts)))


def test_altered_model_file_is_refused(saved):
    with (saved / "model.skops").open("ab") as f:
        f.write(b"tampered")
    with pytest.raises(persist.ModelError, match="does not match its manifest"):
        persist.load(corpus_hash(), saved)


def test_replaced_model_file_is_refused(saved, tmp_path):
    other = tmp_path / "other.skops"
    sio.dump({"x": 1}, other)
    shutil.copy(other, saved / "model.skops")
    with pytest.raises(persist.ModelError):
        persist.load(corpus_hash(), saved)


def test_model_from_other_data_is_stale(saved):
    assert "training_data/ has changed" in persist.staleness("0" * 64, saved)
    with pytest.raises(persist.ModelError):
        persist.load("0" * 64, saved)


def test_missing_model_is_reported(tmp_path):
    assert "no model manifest" in persist.staleness(corpus_hash(), tmp_path)
