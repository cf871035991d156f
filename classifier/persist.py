"""Saving and loading the model safely, with a manifest that says exactly what it was built from.

The model is written with ``skops.io`` (no pickle) to ``models/model.skops`` beside ``models/manifest.json``.
Loading checks, before anything is deserialised, that the file's SHA-256 equals the one in the manifest this
project wrote, that it was built from the current ``training_data/`` (corpus hash) with the installed
scikit-learn, and then loads it trusting only the reviewed types in :data:`TRUSTED_TYPES`. A model file from
anywhere else is never loaded: there is no API that takes a user's model.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
from pathlib import Path

import numpy as np
import scipy
import sklearn
import skops
import skops.io as sio

from .model import Model

MODEL_DIR_ENV = "CYBERCRIME_MODEL_DIR"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_FILE, MANIFEST_FILE = "model.skops", "manifest.json"
FORMAT = 1
TRUSTED_TYPES = ["classifier.text.normalise"]
"""Types beyond skops' defaults that the model contains: our own module-level preprocessing function."""


class ModelError(RuntimeError):
    """The saved model is missing, stale, altered or unreadable; the message says which and what to do."""


def model_dir() -> Path:
    return Path(os.environ.get(MODEL_DIR_ENV) or DEFAULT_DIR)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


CODE_FILES = ("model.py", "text.py", "training.py")
"""The source files that define the features, normalisation and targets: a change to any of them rebuilds."""


def code_sha256() -> str:
    h = hashlib.sha256()
    for name in CODE_FILES:
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()


def library_versions() -> dict[str, str]:
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__, "skops": skops.__version__}


def save(model: Model, corpus_sha256: str, metrics: dict, directory: Path | None = None) -> Path:
    """Write the model and its manifest atomically; returns the manifest path."""
    d = Path(directory or model_dir())
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / (MODEL_FILE + ".tmp")
    sio.dump({"vectorizer": model.vectorizer, "label_clf": model.label_clf, "tag_clf": model.tag_clf}, tmp)
    manifest = {
        "format": FORMAT,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "training_data_sha256": corpus_sha256,
        "code_sha256": code_sha256(),
        "model_sha256": _sha256(tmp),
        "libraries": library_versions(),
        "kind": model.kind,
        "labels": model.labels,
        "tags": model.tags,
        "thresholds": model.thresholds.tolist(),
        "calibration": model.calibration.tolist(),
        "tag_thresholds": model.tag_thresholds.tolist(),
        "tag_calibration": model.tag_calibration.tolist(),
        "metrics": metrics,
    }
    os.replace(tmp, d / MODEL_FILE)
    mtmp = d / (MANIFEST_FILE + ".tmp")
    mtmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(mtmp, d / MANIFEST_FILE)
    return d / MANIFEST_FILE


def read_manifest(directory: Path | None = None) -> dict:
    path = Path(directory or model_dir()) / MANIFEST_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"no model manifest at {path}; build the model with `python -m classifier train`") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"the model manifest {path} is unreadable ({exc}); rebuild with `python -m classifier train`") from None


def staleness(corpus_sha256: str, directory: Path | None = None) -> str | None:
    """Why the saved model cannot be used (missing, other data, other scikit-learn, altered), or None."""
    d = Path(directory or model_dir())
    try:
        m = read_manifest(d)
    except ModelError as exc:
        return str(exc)
    if m.get("format") != FORMAT:
        return "the model was saved in an older format"
    if m.get("training_data_sha256") != corpus_sha256:
        return "training_data/ has changed since the model was built"
    if m.get("code_sha256") != code_sha256():
        return "the model code (features, normalisation or targets) has changed since the model was built"
    if m.get("libraries", {}).get("scikit-learn") != sklearn.__version__:
        return f"the model was built with scikit-learn {m.get('libraries', {}).get('scikit-learn')}, this is {sklearn.__version__}"
    if not (d / MODEL_FILE).exists():
        return f"the model file {d / MODEL_FILE} is missing"
    if _sha256(d / MODEL_FILE) != m.get("model_sha256"):
        return "the model file does not match its manifest (altered or replaced)"
    return None


def load(corpus_sha256: str, directory: Path | None = None) -> Model:
    """Load the project's own saved model after the checks above.

    Raises
    ------
    ModelError
        If the model is missing, stale, altered, or contains types outside :data:`TRUSTED_TYPES`.
    """
    d = Path(directory or model_dir())
    problem = staleness(corpus_sha256, d)
    if problem:
        raise ModelError(problem)
    m = read_manifest(d)
    untrusted = set(sio.get_untrusted_types(file=d / MODEL_FILE)) - set(TRUSTED_TYPES)
    if untrusted:
        raise ModelError(f"the model file contains unreviewed types {sorted(untrusted)}; refusing to load it")
    parts = sio.load(d / MODEL_FILE, trusted=TRUSTED_TYPES)
    return Model(m["labels"], m["tags"], parts["vectorizer"], parts["label_clf"], parts["tag_clf"],
                 np.array(m["calibration"]), np.array(m["thresholds"]), np.array(m["tag_calibration"]),
                 np.array(m["tag_thresholds"]), m["kind"], {"metrics": m.get("metrics", {})})

