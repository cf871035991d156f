"""Chapter 30 offence classifier: incident text → candidate articles, part, elements and penalties, with evidence.

Public API (each name is imported on first use, so ``python -m classifier`` starts without loading what a command
does not need):

- :func:`analyse` — one text → :class:`Analysis` (candidates with calibrated probabilities, the part chosen by
  the statute data and why, elements shown / not evident, sanctions for the offence date, explanations);
- :func:`classify_frame` (also as :func:`analyse_frame`) — a DataFrame of incidents → one result row per input row;
- :func:`get_model` — the model, built from ``training_data/`` on first use when missing or stale;
- :func:`analysis_markdown`, :func:`analysis_html` — reports of an analysis;
- errors: :class:`TextError` (bad input text), :class:`ModelError` (saved model unusable),
  :class:`ColumnError` (missing text column).

Subpackages by concern: :mod:`.model` (features, training, persistence), :mod:`.findings` (cues, damage,
circumstances, the 273-1 variant), :mod:`.analysis` (candidates, elements, explanations, rendering), :mod:`.bulk`
(engines and readers/writers), :mod:`.evaluation`; plus :mod:`.text` (normalisation) and :mod:`.corpus`.

A reference for training, not legal advice.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "Analysis": "analysis", "Candidate": "analysis", "ElementCheck": "analysis", "Finding": "analysis",
    "analyse": "analysis", "analysis_html": "analysis", "analysis_markdown": "analysis",
    "ColumnError": "bulk", "classify_frame": "bulk", "analyse_frame": "bulk",
    "ModelError": "model", "get_model": "model",
    "TextError": "text", "normalise": "text",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{_WHERE[name]}", __name__)
    value = getattr(module, "classify_frame" if name == "analyse_frame" else name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
