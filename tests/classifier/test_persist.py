"""The saved model: manifest, hash checks, plain arrays only, and no loading of a foreign or altered file.

(The model file was a skops archive of scikit-learn objects; it is now plain arrays read with
``allow_pickle=False``, so the checks on skops' trusted types became the check that nothing but the model's
arrays is in the file.)"""
import io
import json

import numpy as np
import pytest

from classifier.corpus import corpus_hash
from classifier.model import persist


@pytest.fixture
def saved(model, tmp_path):
    persist.save(model, corpus_hash(), {"note": "test"}, tmp_path)
    return tmp_path


def test_manifest_records_what_the_model_was_built_from(saved, model):
    m = json.loads((saved / "manifest.json").read_text())
    assert m["training_data_sha256"] == corpus_hash()
    assert m["labels"] == model.labels and len(m["thresholds"]) == len(model.labels)
    assert {"scikit-learn", "numpy", "python"} <= set(m["libraries"])


def test_model_file_holds_only_the_model_arrays(saved):
    with np.load(saved / persist.MODEL_FILE, allow_pickle=False) as npz:
        assert sorted(npz.files) == sorted(persist.ARRAYS)
        assert all(npz[k].dtype != object for k in npz.files)


def test_reloaded_model_predicts_the_same(saved, model):
    again = persist.load(corpus_hash(), saved)
    texts = ["menim hesabima kimse girib", "DDoS attack took the ministry portal offline for a day"]
    assert np.allclose(again.label_proba(again.features(texts)), model.label_proba(model.features(texts)))


def test_altered_model_file_is_refused(saved):
    with (saved / persist.MODEL_FILE).open("ab") as f:
        f.write(b"tampered")
    with pytest.raises(persist.ModelError, match="does not match its manifest"):
        persist.load(corpus_hash(), saved)


def test_replaced_model_file_is_refused(saved):
    buf = io.BytesIO()
    np.savez(buf, x=np.arange(3))
    (saved / persist.MODEL_FILE).write_bytes(buf.getvalue())
    with pytest.raises(persist.ModelError):
        persist.load(corpus_hash(), saved)


def test_a_file_with_other_arrays_is_refused_even_if_the_manifest_matches(saved):
    import hashlib
    buf = io.BytesIO()
    np.savez(buf, x=np.array([object()], dtype=object))
    (saved / persist.MODEL_FILE).write_bytes(buf.getvalue())
    m = json.loads((saved / "manifest.json").read_text())
    m["model_sha256"] = hashlib.sha256(buf.getvalue()).hexdigest()
    (saved / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(persist.ModelError, match="not the model's arrays|unreadable"):
        persist.load(corpus_hash(), saved)


def test_model_from_other_data_is_stale(saved):
    assert "training_data/ has changed" in persist.staleness("0" * 64, saved)
    with pytest.raises(persist.ModelError):
        persist.load("0" * 64, saved)


def test_missing_model_is_reported(tmp_path):
    assert "no model manifest" in persist.staleness(corpus_hash(), tmp_path)
