"""The ready model, once per process: loaded from ``models/`` if it matches the current data and code, otherwise
built first (about half a minute)."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from ..corpus import corpus_hash
from . import persist
from .fitted import Model

_lock = threading.Lock()
_cache: dict[str, Model] = {}


def get_model(directory: Path | None = None, log=None) -> Model:
    """The ready model: loaded from ``models/`` if it matches the current data, otherwise built first.

    Thread-safe; cached per directory for the life of the process (worker processes forked later share it).
    Raises what :func:`~classifier.model.training.build` raises when the model must be built from bad data.
    """
    d = Path(directory or persist.model_dir())
    key = str(d.resolve())
    with _lock:
        if key in _cache:
            return _cache[key]
        try:
            model = persist.load(corpus_hash(), d)
        except persist.ModelError as exc:
            (log or (lambda m: print(m, file=sys.stderr, flush=True)))(f"Model needs building: {exc}.")
            from .training import build  # scikit-learn is imported only to build
            model = build(d, log=log)
        _cache[key] = model
        return model
