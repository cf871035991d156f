"""Words of the quiz in English and Azerbaijani, and how figures of the law are written in each language.

Templates live in the message catalogue (``i18n/catalogue.yaml``): each generator module names its area
(``quiz.<module>``) and calls :func:`say`, which falls back to the shared ``quiz.*`` words. Figures are never
typed here: :func:`span` and friends only format numbers that come from the statute table (:func:`i18n.number`).
"""
from __future__ import annotations

import datetime as dt
import re

import i18n
from i18n import cap, decap  # noqa: F401  (the quiz's words use them from here)
from statutes import StatuteTable

COMMON = "quiz"
"""The catalogue area of words shared by every question kind (``i18n/catalogue.yaml``, keys ``quiz.*``)."""

UNIT_KEY = {"AZN": "manat", "months": "months"}


def say(area: str, key: str, lang: str, **params) -> str:
    """Render catalogue entry ``<area>.<key>`` in ``lang`` (falls back to the shared ``quiz.<key>``)."""
    full = f"{area}.{key}"
    return i18n.say(full if full in i18n.catalogue() else f"{COMMON}.{key}", lang, **params)


def num(x: float, lang: str) -> str:
    """A figure as written in the language: ``4,000`` in English, ``4000`` in Azerbaijani; no trailing ``.0``."""
    return i18n.figure(x).text(lang)


def plain(x: float) -> str:
    """A figure for machines (numerical answers): ``24``, ``13.5``."""
    return i18n.number(x, digits=4)


def amount(x: float, unit: str, lang: str) -> str:
    """``2,000 manat`` / ``24 months`` (``unit`` as in the statute data: ``AZN`` or ``months``)."""
    return say(COMMON, UNIT_KEY[unit], lang, n=num(x, lang))


def span(lo: float, hi: float, unit: str, lang: str) -> str:
    """A range as the Code states it: ``2,000 to 4,000 manat`` / ``2000 manatdan 4000 manatadək``."""
    return say(COMMON, f"span_{unit}", lang, lo=num(lo, lang), hi=num(hi, lang))


def art(part_or_article: str, lang: str, inline: bool = True) -> str:
    return say(COMMON, "art_inline" if inline else "art", lang, id=part_or_article)


def note_ref(def_id: str, lang: str) -> str:
    """``Note 3 to Art. 271`` from a definition id such as ``271-note-3``."""
    article, n = def_id.rsplit("-note-", 1)
    return say(COMMON, "note", lang, n=n, article=article, n_sfx=ordinal_suffix(n), article_sfx=ordinal_suffix(article))


_REF = re.compile(r"^(?P<article>[\w.-]+?)(?:,\s*|\s*\()Note(?: (?P<note>\d+))?\)?$")


def split_ref(where: str) -> tuple[str, str | None]:
    """``"271, Note 3"`` or ``"271 (Note 3)"`` → ``("271", "3")``; ``"308, Note"`` → ``("308", "")``;
    ``"34.2"`` → ``("34.2", None)``."""
    m = _REF.match(where.strip())
    return (m.group("article"), m.group("note") or "") if m else (where.strip(), None)


def circumstance_ref(table: StatuteTable, cid: str, lang: str) -> str:
    """Where a circumstance comes from: ``Note 1 to Art. 273`` for a Note, else ``Art. 34.2``."""
    article, note = split_ref(table.circumstances[cid].article)
    if note is None:
        return art(article, lang)
    if not note:
        return say(COMMON, "note_plain", lang, article=article, article_sfx=ordinal_suffix(article))
    return note_ref(f"{article}-note-{note}", lang)


# Azerbaijani ordinal suffix by the number word that ends the numeral (vowel harmony): 1 bir → -ci, 3 üç → -cü …
_UNITS = {"1": "-ci", "2": "-ci", "3": "-cü", "4": "-cü", "5": "-ci", "6": "-cı", "7": "-ci", "8": "-ci", "9": "-cu"}
_TENS = {"1": "-cu", "2": "-ci", "3": "-cu", "4": "-cı", "5": "-ci", "6": "-cı", "7": "-ci", "8": "-ci", "9": "-cı"}


def ordinal_suffix(numeral: str) -> str:
    """The Azerbaijani ordinal suffix for the number that ends ``numeral`` (``271`` → ``-ci``, ``273`` → ``-cü``)."""
    digits = "".join(ch for ch in numeral.rsplit("-", 1)[-1].rsplit(".", 1)[-1] if ch.isdigit()) or "0"
    if digits[-1] != "0":
        return _UNITS[digits[-1]]
    if len(digits) >= 2 and digits[-2] != "0":
        return _TENS[digits[-2]]
    return "-cü" if len(digits) >= 3 and digits[-3] != "0" else "-ci"


def label_title(table: StatuteTable, label: str, lang: str) -> str:
    """The option text for a classification label: ``Art. 271: <its title>`` (:meth:`StatuteTable.label_title`)."""
    if label == "none":
        return say(COMMON, "label_none", lang)
    return say(COMMON, "label", lang, id=label, title=table.label_title(label).text(lang))


def statute_quote(table: StatuteTable, part_id: str, lang: str, on: dt.date | None = None) -> str:
    """The sanction of a part in the Code's words, in the wording of ``on``: the official Azerbaijani sentence, or
    our English rendering of the same wording."""
    version = table.version_on(part_id, on)
    if lang == "az":
        return "“" + version.sanction_text_az + "”"
    text = version.text_en
    return "“" + (text.split("Punishment:", 1)[-1].strip() if "Punishment:" in text else text) + "”"


def date_text(d: dt.date | str, lang: str) -> str:
    """A date as people write it: ``31 May 2017`` / ``31 may 2017``."""
    d = dt.date.fromisoformat(d) if isinstance(d, str) else d
    return f"{d.day} {say(COMMON, f'month_{d.month}', lang)} {d.year}"


def truth_labels(lang: str) -> tuple[str, str]:
    return say(COMMON, "true", lang), say(COMMON, "false", lang)
