"""Damage amounts in incident text: numbers with a currency, converted to manat, compared with the threshold.

Recognises forms such as "12 000 manat", "15 min manat", "$4,500", "USD 3.2 million", "€12k", "2,3 млн рублей",
"5000 AZN". Rates come from ``classifier/data/currency.yaml``; the threshold from the statute table
(Note 1 to Art. 273), never from code.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .cues import Span
from .text import normalise

RATES_FILE = Path(__file__).parent / "data" / "currency.yaml"

_CURRENCY_WORDS = [
    (r"(?:azn|manat\w*|man\.|₼|манат\w*)", "AZN"),
    (r"(?:usd|\$|us dollars?|dollars?|dollar\w*|доллар\w*)", "USD"),
    (r"(?:eur|€|euros?|avro|евро)", "EUR"),
    (r"(?:gbp|£|pounds?|funt\w*|фунт\w*)", "GBP"),
    (r"(?:rub|₽|rubl\w*|рубл\w*|руб\.?)", "RUB"),
    (r"(?:try|lira|лир\w*)", "TRY"),
    (r"(?:gel|lari|лари)", "GEL"),
]
_SCALE = r"(?:k|min|thousand|тыс\.?|тысяч\w*|mln|million|milyon|млн\.?|миллион\w*|bn|billion|milyard|млрд\.?)"
_NUMBER = r"(?:\d{1,3}(?:[ \u00a0.,]\d{3})+|\d+)(?:[.,]\d+)?"
_CUR_PRE = "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_CURRENCY_WORDS))
_CUR_POST = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CURRENCY_WORDS))
_SCALE_END = r"(?![a-zа-яё])"
_AMOUNT = re.compile(
    rf"(?:{_CUR_PRE})\s?(?P<num1>{_NUMBER})(?:\s?(?P<scale1>{_SCALE}){_SCALE_END})?"
    rf"|(?P<num2>{_NUMBER})(?:\s?(?P<scale2>{_SCALE}){_SCALE_END})?\.?\s?(?:{_CUR_POST})"
    r"|\b(?P<thousand>min)\s(?P<c_az>manat\w*)"
)
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
    return yaml.safe_load(RATES_FILE.read_text(encoding="utf-8"))


def _number(raw: str) -> float:
    """'12 000', '12,000', '12.000' → 12000; '2,3' → 2.3; '12,345.50' → 12345.5."""
    raw = raw.replace("\u00a0", " ").strip()
    m = re.fullmatch(r"(\d{1,3}(?:[ .,]\d{3})+)(?:[.,](\d{1,2}))?", raw)
    if m:
        return float(re.sub(r"[ .,]", "", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
    return float(raw.replace(",", ".").replace(" ", ""))


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.rstrip(".")
    for key, mult in _MULT.items():
        if w.startswith(key):
            return mult
    return 1.0


def find_amounts(text: str, folded: str | None = None) -> list[Amount]:
    """All money amounts with a recognisable currency in ``text`` (NFC), converted to manat.

    ``folded`` may pass ``normalise(text)`` when the caller already has it."""
    folded = normalise(text) if folded is None else folded
    table = rates()["rates_to_azn"]
    out = []
    for m in _AMOUNT.finditer(folded):
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
