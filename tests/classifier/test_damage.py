"""Damage amounts with currencies, converted to manat with the documented rates."""
import random

import pytest

from classifier.findings import damage
from classifier.findings.damage import find_amounts, rates
from classifier.corpus import load_corpus
from classifier.text import normalise


@pytest.mark.parametrize("text,value,currency", [
    ("ziyan 12 000 manat təşkil edib", 12000, "AZN"),
    ("losses of $4,500", 4500, "USD"),
    ("USD 3.2 million stolen", 3_200_000, "USD"),
    ("ущерб 2,3 млн рублей", 2_300_000, "RUB"),
    ("ziyan 15 min manat", 15000, "AZN"),
    ("min manat ziyan dəyib", 1000, "AZN"),
    ("cost €12k to restore", 12000, "EUR"),
    ("5000 AZN", 5000, "AZN"),
    ("убыток 150 тыс. руб.", 150000, "RUB"),
    ("1,2 milyon manat", 1_200_000, "AZN"),
])
def test_amounts_are_found(text, value, currency):
    found = find_amounts(text)
    assert [(a.value, a.currency) for a in found] == [(value, currency)]
    assert found[0].azn == pytest.approx(value * rates()["rates_to_azn"][currency])


@pytest.mark.parametrize("text", ["the 2019 report listed 3 servers", "manat", "room 101 on floor 5"])
def test_numbers_without_currency_are_not_amounts(text):
    assert find_amounts(text) == []


def test_span_text_is_the_original_text():
    text = "Zərər 12 000 manat olub"
    a = find_amounts(text)[0]
    assert text[a.span.start:a.span.end] == a.span.text == "12 000 manat"


def _full_scan(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in damage._AMOUNT.finditer(folded)]


def _fast(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in damage._matches(folded)]


def test_trying_only_candidate_starts_finds_what_a_full_scan_finds_in_the_corpus():
    texts = [normalise(t) for t in load_corpus().text]
    assert sum(bool(_full_scan(t)) for t in texts) > 100  # the corpus has amounts to compare
    assert [t for t in texts if _fast(t) != _full_scan(t)] == []


_PIECES = ["12", "000", " ", "  ", "\u00a0", ".", ",", "5", "1234,567.89", "manat", "manatliq", "man.", "azn", "₼",
           "$", "us dollars", "dollarlarla", "доллар", "€", "eur", "euro", "avro", "£", "funt", "₽", "руб.", "rubl",
           "lira", "lari", "gel", "try", "min", "k", "mln", "тыс.", "milyon", "x", "ab", "-", "(", "_", "\n"]


def test_trying_only_candidate_starts_finds_what_a_full_scan_finds_in_generated_strings():
    rng = random.Random(273)
    texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 14))) for _ in range(20000)]
    assert sum(bool(_full_scan(t)) for t in texts) > 2000
    assert [t for t in texts if _fast(t) != _full_scan(t)] == []
