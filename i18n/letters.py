"""Capital and small first letters, with Azerbaijani's dotted and dotless i (``i`` ↔ ``İ``, ``ı`` ↔ ``I``), which
``str.upper``/``str.lower`` get wrong."""
from __future__ import annotations

_AZ_UPPER = {"i": "İ", "ı": "I"}
_AZ_LOWER = {"İ": "i", "I": "ı"}


def cap(text: str, lang: str) -> str:
    """Upper-case the first letter (``i`` → ``İ``, ``ı`` → ``I`` in Azerbaijani).

    >>> cap("istənilən", "az"), cap("ıslaq", "az"), cap("fine", "en")
    ('İstənilən', 'Islaq', 'Fine')
    """
    first = _AZ_UPPER.get(text[:1], text[:1].upper()) if lang == "az" else text[:1].upper()
    return first + text[1:]


def decap(text: str, lang: str) -> str:
    """Lower-case the first letter (``İ`` → ``i``, ``I`` → ``ı`` in Azerbaijani)."""
    first = _AZ_LOWER.get(text[:1], text[:1].lower()) if lang == "az" else text[:1].lower()
    return first + text[1:]
