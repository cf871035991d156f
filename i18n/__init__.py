"""Bilingual text for the library and the app: one localised-text type, one message catalogue, one number
formatter and one escaping module.

- :class:`Text` — a ``str`` holding the English wording that can render itself in Azerbaijani (``text("az")``),
  made from a catalogue key and parameters (:func:`say` renders at once) or from fixed wordings (titles in the
  statute data); :func:`localised` renders a message that may or may not be one, and :class:`LocalisedError` is the
  mixin of errors raised with one (``str(exc)`` English, ``exc.message(lang)`` any language);
- ``catalogue.yaml`` — every message of the library and the app, keyed ``area.name``, each in every language of
  :data:`LANGS` (a test checks that every key has both, that both use the same placeholders, and that every key
  the code uses is defined); ``key@variant`` is a variant of ``key`` for one audience (``bulk.zip@page``: the app's
  wording, which names no command-line option), chosen by ``Text.text(lang, variant)``;
- :func:`number`, :func:`figure`, :func:`quantity` (:mod:`.numbers`) — how figures (and figures with their unit) are
  written; :func:`cap` (:mod:`.letters`) — a capital first letter, with Azerbaijani's dotted and dotless i;
- :mod:`.escape` — user text made inert for Markdown and HTML.

Why one YAML catalogue rather than gettext ``.po`` files: the messages are keyed by id (``statutes.in_force``),
not by their English wording, so editing an English sentence never orphans its translation; both languages sit
side by side for the reviewers of the legal wording; and there is no compile step or runtime dependency.
This package depends on nothing of ours: statutes, classifier, quiz and the app all stand on it.
"""
from __future__ import annotations

from .catalogue import LANGS, LANGUAGES, LocalisedError, Text, catalogue, keys, localised, say
from .letters import cap, decap
from .numbers import UNITS, figure, number, quantity

__all__ = ["LANGS", "LANGUAGES", "LocalisedError", "Text", "UNITS", "cap", "catalogue", "decap", "figure", "keys",
           "localised", "number", "quantity", "say"]
