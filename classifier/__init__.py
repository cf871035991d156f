"""Chapter 30 offence classifier: incident text → candidate articles, part, elements and penalties, with evidence.

Public API:

- :func:`analyse` — one text → :class:`Analysis` (candidates with calibrated probabilities, the part chosen by
  the statute data and why, elements shown / not evident, sanctions for the offence date, explanations);
- :func:`analyse_frame` / :func:`classify_frame` — a DataFrame of incidents → one result row per input row;
- :func:`get_model` — the model, built from ``training_data/`` on first use when missing or stale;
- :func:`analysis_markdown`, :func:`analysis_html` — reports of an analysis;
- errors: :class:`TextError` (bad input text), :class:`ModelError` (saved model unusable),
  :class:`ColumnError` (missing text column).

A reference for training, not legal advice.
"""
from .analyse import analyse, analyse_frame
from .batch import ColumnError, classify_frame
from .candidate import Analysis, Candidate, ElementCheck, Finding
from .persist import ModelError
from .render import analysis_html, analysis_markdown
from .text import TextError, normalise
from .training import get_model

__all__ = [
    "Analysis", "Candidate", "ColumnError", "ElementCheck", "Finding", "ModelError", "TextError", "analyse",
    "analyse_frame", "analysis_html", "analysis_markdown", "classify_frame", "get_model", "normalise",
]
