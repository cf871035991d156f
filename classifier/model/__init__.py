"""The offence model: features of folded text, two linear heads (article labels, circumstance tags), calibration.

- :class:`Model` (:mod:`.fitted`) — plain arrays: what classification needs, without scikit-learn;
- :class:`Features`, :class:`Block` (:mod:`.features`) — our own TF-IDF of folded text, equal to the fitted
  vectorisers';
- :func:`get_model` (:mod:`.store`) — the ready model, once per process, built on first use when missing or stale;
- :mod:`.training` — cross-validation, calibration and the fit (scikit-learn), and :func:`build` from the corpus;
- :mod:`.persist` — the model file and its manifest, loaded safely (:class:`ModelError`);
- :mod:`.targets` — the labels and circumstance tags the model learns (:data:`TAGS`, :data:`GROUP_TAGS`).

:func:`build` and :func:`train` are imported on use, so that classification never imports scikit-learn.
"""
from .features import Block, Features
from .fitted import Head, Model, sigmoid
from .persist import ModelError, model_dir
from .store import get_model
from .targets import GROUP_TAGS, TAGS, label_matrix, tag_matrix

__all__ = ["Block", "Features", "GROUP_TAGS", "Head", "Model", "ModelError", "TAGS", "build", "get_model",
           "label_matrix", "model_dir", "sigmoid", "tag_matrix", "train"]


def __getattr__(name: str):
    if name in ("build", "train"):
        from . import training
        return getattr(training, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
