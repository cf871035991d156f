"""Saving and loading the model safely, with a manifest that says exactly what it was built from.

The model is plain arrays (terms, IDF weights, head weights), written with :func:`numpy.savez` to
``models/model.npz`` beside ``models/manifest.json``. Loading reads the file once: its SHA-256 must equal the
one in the manifest this project wrote, the manifest must name the current ``training_data/`` (corpus hash) and
feature code, and the arrays are read with ``allow_pickle=False``, so no object is ever deserialised. A model file
from anywhere else is never loaded: there is no API that takes a user's model.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import platform
import zipfile
from pathlib import Path

import numpy as np

from .features import Block, Features
from .fitted import Head, Model

MODEL_DIR_ENV = "CYBERCRIME_MODEL_DIR"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "models"
MODEL_FILE, MANIFEST_FILE = "model.npz", "manifest.json"
FORMAT = 3
ARRAYS = ("word_terms", "word_idf", "char_terms", "char_idf", "label_W", "label_b", "tag_W", "tag_b", "offence_W",
          "offence_b")
"""The arrays of the model file, and nothing else."""
CODE_FILES = ("features.py", "fitted.py", "training.py", "targets.py", "../text.py")
"""The source files that define the features, normalisation and targets: a change to any of them rebuilds."""


class ModelError(RuntimeError):
    """The saved model is missing, stale, altered or unreadable; the message says which and what to do."""


def model_dir() -> Path:
    return Path(os.environ.get(MODEL_DIR_ENV) or DEFAULT_DIR)


def code_sha256() -> str:
    h = hashlib.sha256()
    for name in CODE_FILES:
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()


def library_versions() -> dict[str, str]:
    import scipy
    import sklearn
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "scipy": scipy.__version__}


def save(model: Model, corpus_sha256: str, metrics: dict, directory: Path | None = None) -> Path:
    """Write the model and its manifest atomically; returns the manifest path."""
    d = Path(directory or model_dir())
    d.mkdir(parents=True, exist_ok=True)
    word, char = model.extractor.blocks
    buf = io.BytesIO()
    np.savez(buf, word_terms=np.array(word.terms, dtype=str), word_idf=word.idf, char_terms=np.array(char.terms, dtype=str),
             char_idf=char.idf, label_W=model.label_head.W, label_b=model.label_head.b, tag_W=model.tag_head.W,
             tag_b=model.tag_head.b, offence_W=model.offence_head.W, offence_b=model.offence_head.b)
    data = buf.getvalue()
    manifest = {
        "format": FORMAT,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "training_data_sha256": corpus_sha256,
        "code_sha256": code_sha256(),
        "model_sha256": hashlib.sha256(data).hexdigest(),
        "libraries": library_versions(),
        "kind": model.kind,
        "labels": model.labels,
        "tags": model.tags,
        "thresholds": model.thresholds.tolist(),
        "calibration": model.calibration.tolist(),
        "tag_thresholds": model.tag_thresholds.tolist(),
        "tag_calibration": model.tag_calibration.tolist(),
        "offence_calibration": model.offence_calibration.tolist(),
        "offence_threshold": model.offence_threshold,
        "metrics": metrics,
    }
    tmp = d / (MODEL_FILE + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, d / MODEL_FILE)
    mtmp = d / (MANIFEST_FILE + ".tmp")
    mtmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(mtmp, d / MANIFEST_FILE)
    return d / MANIFEST_FILE


def read_manifest(directory: Path | None = None) -> dict:
    """The manifest as a dict; raises :class:`ModelError` when it is missing or unreadable."""
    path = Path(directory or model_dir()) / MANIFEST_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"no model manifest at {path}; build the model with `python -m classifier train`") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"the model manifest {path} is unreadable ({exc}); rebuild with `python -m classifier train`") from None


def _manifest_problem(m: dict, corpus_sha256: str) -> str | None:
    if m.get("format") != FORMAT:
        return "the model was saved in an older format"
    if m.get("training_data_sha256") != corpus_sha256:
        return "training_data/ has changed since the model was built"
    if m.get("code_sha256") != code_sha256():
        return "the model code (features, normalisation or targets) has changed since the model was built"
    return None


def _read(d: Path, m: dict) -> tuple[bytes | None, str | None]:
    """The model file's bytes if they match the manifest, else (None, why)."""
    try:
        data = (d / MODEL_FILE).read_bytes()
    except FileNotFoundError:
        return None, f"the model file {d / MODEL_FILE} is missing"
    if hashlib.sha256(data).hexdigest() != m.get("model_sha256"):
        return None, "the model file does not match its manifest (altered or replaced)"
    return data, None


def staleness(corpus_sha256: str, directory: Path | None = None) -> str | None:
    """Why the saved model cannot be used (missing, other data or code, altered), or None."""
    d = Path(directory or model_dir())
    try:
        m = read_manifest(d)
    except ModelError as exc:
        return str(exc)
    return _manifest_problem(m, corpus_sha256) or _read(d, m)[1]


def load(corpus_sha256: str, directory: Path | None = None) -> Model:
    """Load the project's own saved model after the checks above, reading the file once.

    Raises
    ------
    ModelError
        If the model is missing, stale or altered, or the file is not the arrays this module writes.
    """
    d = Path(directory or model_dir())
    m = read_manifest(d)
    problem = _manifest_problem(m, corpus_sha256)
    data, problem = (None, problem) if problem else _read(d, m)
    if problem:
        raise ModelError(problem)
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            if sorted(npz.files) != sorted(ARRAYS):
                raise ModelError(f"the model file holds {sorted(npz.files)}, not the model's arrays")
            a = {k: npz[k] for k in ARRAYS}
    except (ValueError, OSError, zipfile.BadZipFile) as exc:
        raise ModelError(f"the model file is unreadable ({exc}); rebuild with `python -m classifier train`") from None
    features = Features([Block("word", a["word_terms"].tolist(), a["word_idf"]),
                         Block("char", a["char_terms"].tolist(), a["char_idf"])])
    return Model(m["labels"], m["tags"], features, Head(a["label_W"], a["label_b"]), Head(a["tag_W"], a["tag_b"]),
                 np.array(m["calibration"]), np.array(m["thresholds"]), np.array(m["tag_calibration"]),
                 np.array(m["tag_thresholds"]), m["kind"], Head(a["offence_W"], a["offence_b"]),
                 np.array(m["offence_calibration"]), float(m["offence_threshold"]), {"metrics": m.get("metrics", {})})
