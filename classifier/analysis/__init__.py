"""One incident analysed: candidates with calibrated probabilities, the part and why, the elements shown or not
evident, penalties and consequences for the offence date, explanations, and its reports.

- :func:`analyse` (:mod:`.analyse`) → :class:`Analysis` (:mod:`.results`: also :class:`Candidate`,
  :class:`ElementCheck`, :class:`Finding`);
- :mod:`.elements` — the element checks of a candidate's part; :mod:`.explain` — the words that pushed a label;
- :func:`analysis_markdown`, :func:`analysis_html` (:mod:`.render`) — reports of an analysis.
"""
from .analyse import CASE_FACTS, LONG_TEXT, analyse, known_facts
from .render import analysis_html, analysis_markdown
from .results import Analysis, Candidate, ElementCheck, Finding

__all__ = ["Analysis", "CASE_FACTS", "Candidate", "ElementCheck", "Finding", "LONG_TEXT", "analyse",
           "analysis_html", "analysis_markdown", "known_facts"]
