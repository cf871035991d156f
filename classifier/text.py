"""Text normalisation for Azerbaijani, English and Russian incident text, and input checks.

Azerbaijani is often typed without its letters ("sindirib", "shifre", "hesabina daxil olub"), and Python's
``str.lower`` turns "İ" into two code points and "I" into "i" where Azerbaijani wants "ı". :func:`normalise`
gives one form for all of these: NFC, Azerbaijani-aware lower case, then ə ş ç ğ ı ö ü folded to e s c g i o u
(and Russian ё to е). Folding keeps the length of the text, so spans found in the folded text are spans of
the original (after NFC).
"""
from __future__ import annotations

import unicodedata

from i18n import LocalisedError, Text, figure

MAX_CHARS = 20_000
"""Texts longer than this are truncated for analysis (with a warning): incident descriptions are far shorter."""

_FOLDS = {"ə": "e", "ş": "s", "ç": "c", "ğ": "g", "ı": "i", "ö": "o", "ü": "u", "ё": "е", "ä": "e", "ñ": "n"}
_FOLD = str.maketrans(_FOLDS)


class TextError(LocalisedError, ValueError):
    """The input cannot be analysed (empty, whitespace only, binary or not text); the message says why.

    Raised with a :class:`~i18n.Text` (``classifier.error_*`` in the catalogue): ``str(exc)`` is the English
    message, :meth:`message` gives it in any language (the app shows it in the page's language)."""


def az_lower(text: str) -> str:
    """Lower-case with Azerbaijani/Turkish dotted and dotless i, keeping one character per character."""
    out = []
    for ch in text:
        if ch == "İ":
            out.append("i")
        elif ch == "I":
            out.append("ı")
        else:
            low = ch.lower()
            out.append(low if len(low) == 1 else ch)
    return "".join(out)


def fold_per_char(text: str) -> str:
    """The reference definition of :func:`fold`, one character at a time (kept for the equality test and for
    text with a Greek capital sigma, whose lower case depends on its neighbours)."""
    return az_lower(text).translate(_FOLD)


def fold(text: str) -> str:
    """Lower-case and fold Azerbaijani letters to their keyboard forms; same length as ``text``.

    Whole-string operations, equal to :func:`fold_per_char` for every character (a test checks all of them):
    "İ" is the only character whose lower case is longer, and it is replaced first.
    """
    if text.isascii():
        return text.lower()
    if "Σ" in text:
        return fold_per_char(text)
    text = text.replace("İ", "i").replace("I", "ı").lower()
    for letter, plain in _FOLDS.items():  # str.replace per letter: many times faster than translate on long text
        if letter in text:
            text = text.replace(letter, plain)
    return text


def normalise(text: str) -> str:
    """The model's view of a text: NFC, then :func:`fold`. A module-level function so the model can be saved."""
    return fold(unicodedata.normalize("NFC", text))


def prepare(text: object, max_chars: int = MAX_CHARS) -> tuple[str, list[Text]]:
    """Check and clean one input text; returns (NFC text, warnings).

    Raises
    ------
    TextError
        For a non-string, bytes that are not UTF-8, text with NUL or mostly control characters (binary),
        or text with no letters at all (empty, whitespace only, only punctuation/digits).
    """
    warnings: list[Text] = []
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise TextError(Text("classifier.error_not_utf8")) from None
    if not isinstance(text, str):
        raise TextError(Text("classifier.error_type", type=type(text).__name__))
    if "\x00" in text:
        raise TextError(Text("classifier.error_nul"))
    text = unicodedata.normalize("NFC", text)
    if len(text) > max_chars:
        warnings.append(Text("classifier.truncated", n=figure(len(text)), max=figure(max_chars)))
        text = text[:max_chars]
    sample = text[:5000]
    control = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cs") and c not in "\n\r\t")
    if sample and control / len(sample) > 0.1:
        raise TextError(Text("classifier.error_control"))
    if "\ufffd" in sample and sample.count("\ufffd") / len(sample) > 0.05:
        raise TextError(Text("classifier.error_misencoded"))
    if not any(c.isalpha() for c in text):
        raise TextError(Text("classifier.error_empty"))
    if sum(1 for c in text if c.isalpha()) < 10:
        warnings.append(Text("classifier.short_text"))
    return text, warnings
