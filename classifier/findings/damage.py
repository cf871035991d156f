"""Damage amounts in incident text: numbers with a currency, converted to manat, compared with the threshold.

Recognises forms such as "12 000 manat", "15 min manat", "$4,500", "USD 3.2 million", "€12k", "2,3 млн рублей",
"5000 AZN". Rates come from ``classifier/data/currency.yaml``; the threshold from the statute table
(Note 1 to Art. 273), never from code.

Speed: one regular expression describes an amount, but scanning every position of a text with it dominated
bulk classification. Every amount either starts at the first digit of a run of digits (a number never starts
inside one), or starts with a currency word at most :data:`PREFIX_REACH` characters before its first digit, or is
"min manat"; :func:`find_amounts` therefore tries the expression only at those positions, in order, which yields
exactly the matches of a full scan (a test compares both on the corpus and on generated strings).

Linear time: every repetition in the expression is bounded (a number has at most 15 digits, or up to seven groups
of three, and at most 6 decimals; a word ending at most 15 letters), so an amount spans at most
:data:`AMOUNT_WIDTH` characters; each attempt is given a window of that many and one more, and the starts are
distinct positions, so the search reads each character a bounded number of times. With unbounded repetitions a
currency word followed by 8,000 digits took 8 s (each of 8,000 attempts read to the end of the run);
``tests/classifier/test_linear_time.py`` checks the bounds.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..text import normalise
from .cues import Scan, Span

RATES_FILE = Path(__file__).resolve().parents[1] / "data" / "currency.yaml"

_ENDING = r"\w{0,15}"
"""A currency word's inflection ("manatliq", "долларов"); bounded so an amount's start is near its digits."""
_CURRENCY_WORDS = [
    (rf"(?:azn|manat{_ENDING}|man\.|₼|манат{_ENDING})", "AZN"),
    (rf"(?:usd|\$|us dollars?|dollars?|dollar{_ENDING}|доллар{_ENDING})", "USD"),
    (r"(?:eur|€|euros?|avro|евро)", "EUR"),
    (rf"(?:gbp|£|pounds?|funt{_ENDING}|фунт{_ENDING})", "GBP"),
    (rf"(?:rub|₽|rubl{_ENDING}|рубл{_ENDING}|руб\.?)", "RUB"),
    (rf"(?:try|lira|лир{_ENDING})", "TRY"),
    (r"(?:gel|lari|лари)", "GEL"),
]
PREFIX_REACH = len("dollar") + 15 + 1
"""The furthest an amount's start can be before its first digit: the longest currency word ("dollar" or
"доллар" with a 15-letter ending), then one space."""
_FIRST = frozenset("am₼мu$dдe€еg£pfфr₽рtlл")
"""The characters a currency word can start with."""
_CURRENCY_HINT = re.compile("azn|manat|man\\.|₼|манат|usd|\\$|dollar|доллар|eur|€|avro|евро|gbp|£|pound|funt|фунт|rub|₽|руб"
                            "|try|lira|лир|gel|lari|лари")
"""A substring of every currency word above: a text without one holds no amount (checked before any scan)."""
_SCALE = (rf"(?:k|min|thousand|тыс\.?|тысяч{_ENDING}|mln|million|milyon|млн\.?|миллион{_ENDING}|bn|billion|milyard"
          r"|млрд\.?)")
_NUMBER = r"(?:\d{1,3}(?:[ \u00a0.,]\d{3}){1,6}|\d{1,15})(?:[.,]\d{1,6})?"
_CUR_PRE = "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_CURRENCY_WORDS))
_CUR_POST = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CURRENCY_WORDS))
_SCALE_END = r"(?![a-zа-яё])"
_AMOUNT = re.compile(
    rf"(?:{_CUR_PRE})\s?(?P<num1>{_NUMBER})(?:\s?(?P<scale1>{_SCALE}){_SCALE_END})?"
    rf"|(?<!\d)(?P<num2>{_NUMBER})(?:\s?(?P<scale2>{_SCALE}){_SCALE_END})?\.?\s?(?:{_CUR_POST})"
    rf"|\b(?P<thousand>min)\s(?P<c_az>manat{_ENDING})"
)
AMOUNT_WIDTH = 80
"""The most characters one amount spans (a test checks it against the expression). Each attempt is given that and
one more (its look-ahead's): the window never changes a match, and bounds what an attempt can read."""
_DIGITS = re.compile(r"\d\d*")  # not \d+: a pattern that starts with a character class lets re skip ahead fast
_MIN_MANAT = re.compile(r"min\smanat")
_GROUPED = re.compile(r"(\d{1,3}(?:[ .,]\d{3})+)(?:[.,](\d{1,2}))?")
_SEPARATOR = re.compile(r"[ .,]")
_MULT = {"k": 1e3, "min": 1e3, "thousand": 1e3, "тыс": 1e3, "тысяч": 1e3, "mln": 1e6, "million": 1e6, "milyon": 1e6,
         "млн": 1e6, "миллион": 1e6, "bn": 1e9, "billion": 1e9, "milyard": 1e9, "млрд": 1e9}


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str
    azn: float
    span: Span


@functools.lru_cache(maxsize=1)
def rates() -> dict:
    return yaml.load(RATES_FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _number(raw: str) -> float:
    """'12 000', '12,000', '12.000' → 12000; '2,3' → 2.3; '12,345.50' → 12345.5."""
    raw = raw.replace("\u00a0", " ").strip()
    m = _GROUPED.fullmatch(raw)
    if m:
        return float(_SEPARATOR.sub("", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
    return float(raw.replace(",", ".").replace(" ", ""))


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.rstrip(".")
    for key, mult in _MULT.items():
        if w.startswith(key):
            return mult
    return 1.0


def _starts(folded: str) -> list[int]:
    """Every position where an amount can start, ascending: the first digit of each run of digits, each position
    up to :data:`PREFIX_REACH` before a run that can start with a currency word (the run follows a word
    character, a currency sign or a full stop, directly or after one space) and each "min manat".

    A window never reaches back into the previous run: an amount that starts before that run has its first
    digit there, so that run's own window covers it."""
    starts: list[int] = []
    done = 0
    for run in _DIGITS.finditer(folded):
        a, b = run.span()
        before = folded[a - 1] if a else ""
        if before.isspace() and a >= 2:
            before = folded[a - 2]
        if before and (before.isalnum() or before in "_.$€£₼₽"):
            starts.extend(p for p in range(max(done, a - PREFIX_REACH), a) if folded[p] in _FIRST)
        starts.append(a)
        done = b
    if "min" in folded and (more := [m.start() for m in _MIN_MANAT.finditer(folded)]):
        starts = sorted(set(starts).union(more))
    return starts


def _matches(folded: str) -> Iterator[re.Match]:
    """The matches of ``_AMOUNT.finditer(folded)``, found by trying only the positions of :func:`_starts`, each
    in a window of :data:`AMOUNT_WIDTH` + 1 characters."""
    end = 0
    for p in _starts(folded):
        if p >= end and (m := _AMOUNT.match(folded, p, p + AMOUNT_WIDTH + 1)):
            end = m.end()
            yield m


def find_amounts(text: str, folded: str | None = None) -> list[Amount]:
    """All money amounts with a recognisable currency in ``text`` (NFC), converted to manat.

    ``folded`` may pass ``normalise(text)`` when the caller already has it."""
    folded = normalise(text) if folded is None else folded
    if not _CURRENCY_HINT.search(folded):
        return []
    table = rates()["rates_to_azn"]
    out = []
    for m in _matches(folded):
        gd = m.groupdict()
        cur = next((_CURRENCY_WORDS[i][1] for i in range(len(_CURRENCY_WORDS)) if gd.get(f"p{i}") or gd.get(f"c{i}")), None)
        num, scale = gd.get("num1") or gd.get("num2"), gd.get("scale1") or gd.get("scale2")
        if gd.get("thousand"):  # "min manat" = one thousand manat
            cur, value = "AZN", 1000.0
        else:
            try:
                value = _number(num) * _scale(scale)
            except ValueError:
                continue
        start, end = m.start(), m.end()
        while end > start and folded[end - 1] in " .":
            end -= 1
        out.append(Amount(value, cur, value * table[cur], Span(start, end, text[start:end], "amount")))
    return out


NEAR = 120
"""Characters between an amount and a damage cue for the amount to count as the damage."""


def stated_damage(scan: Scan, known_damage: tuple[float, str] | None = None,
                  decides: float | None = None) -> tuple[float | None, Span | None]:
    """The damage a text states, in manat, and its span: the largest amount near a damage cue (or the largest
    amount when none is near one); ``known_damage`` (amount, currency code) overrides the text.

    With ``decides`` (a threshold; bulk classification) the amount returned need only fall on the same side of
    it, and be zero or not, as that choice: when every amount does, no damage words are searched.

    Raises ``KeyError`` for an unknown currency code in ``known_damage``."""
    if known_damage is not None:
        amount, currency = known_damage
        return float(amount) * rates()["rates_to_azn"][currency], None
    amounts = find_amounts(scan.text, scan.folded)
    if not amounts:
        return None, None
    if len(amounts) == 1:  # nothing to choose between: skip the search for damage words
        return amounts[0].azn, amounts[0].span
    if decides is not None and len({(a.azn > decides, a.azn == 0) for a in amounts}) == 1:
        best = max(amounts, key=lambda a: a.azn)  # any choice decides the same
        return best.azn, best.span
    damage_spans = scan.find("circumstances", "significant_damage", limit=20)
    near = [a for a in amounts if any(abs(a.span.start - s.start) < NEAR for s in damage_spans)] or amounts
    best = max(near, key=lambda a: a.azn)
    return best.azn, best.span
