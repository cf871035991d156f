"""Every text up to the length limit is analysed in linear time: properties of the searches, not a stopwatch.

Python's ``re`` backtracks, so a search is linear in the text only if each attempt reads a bounded stretch of it
and each position is attempted a bounded number of times. These tests check both without timing anything:

- every pattern tried at many positions of an analysed text (the cues and their scouts, the amount, the currency
  hint, "min manat", the institution words) matches at most a bounded number of characters, read from the
  pattern itself (its maximum width); the few unbounded ones are a single character class repeated, which reads
  each character once;
- the amount search makes at most one attempt per character and gives each attempt a window of at most
  :data:`~classifier.findings.damage.AMOUNT_WIDTH` + 1 characters, on the inputs that made it quadratic (issue 13:
  a currency word and 8,000 digits took 7.9 s) and on random mixtures of their pieces up to the length limit.

``bench/slow_inputs.py`` times the slowest inputs against ordinary text of the same length.
"""
import importlib
import random
import re
import sys

try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse

import pytest

import statutes
from classifier.findings import cues, damage
from classifier.text import MAX_CHARS, normalise

WIDTH_LIMIT = 200
"""The most characters any analysed-text pattern may match (the longest today is a cue of about 170)."""


def max_width(pattern: re.Pattern) -> int:
    return sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[1]


def is_one_class_repeated(pattern: re.Pattern) -> bool:
    """``\\d\\d*``, ``\\w+``: one character class, repeated; each character is read once, whatever the text."""
    classes = set()
    for op, av in sre_parse.parse(pattern.pattern, pattern.flags):
        if op == sre_parse.MAX_REPEAT:
            inner = list(av[2])
            if len(inner) != 1:
                return False
            op, av = inner[0]
        if op != sre_parse.IN:
            return False
        classes.add(repr(av))
    return len(classes) == 1


def analysed_text_patterns() -> dict[str, re.Pattern]:
    found = {}
    for group, items in cues.compiled().items():
        for key, patterns in items.items():
            for i, cue in enumerate(patterns):
                found[f"cue {group}/{key}/{i}"] = cue.pattern
                if cue.scout is not None:
                    found[f"scout {group}/{key}/{i}"] = cue.scout
    found["amount"] = damage._AMOUNT
    found["currency hint"] = damage._CURRENCY_HINT
    found["min manat"] = damage._MIN_MANAT
    circumstances = importlib.import_module("classifier.findings.circumstances")
    found["institution words"] = circumstances._names_an_institution(statutes.load_table().institution_words).__self__
    return found


PATTERNS = analysed_text_patterns()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_analysed_text_pattern_matches_a_bounded_stretch(name):
    assert max_width(PATTERNS[name]) <= WIDTH_LIMIT


def test_the_amount_width_is_the_patterns_own():
    assert max_width(damage._AMOUNT) == damage.AMOUNT_WIDTH


def test_unbounded_patterns_are_one_character_class_repeated():
    """The runs of digits the amount search starts from; the word finder of the explanations."""
    from classifier.analysis import explain
    for pattern in (damage._DIGITS, explain._WORD):
        assert max_width(pattern) > WIDTH_LIMIT and is_one_class_repeated(pattern)
    assert not is_one_class_repeated(re.compile(r"\w+\s+")) and not is_one_class_repeated(re.compile(r"(\w+)+"))


def test_the_check_catches_an_unbounded_cue():
    assert max_width(re.compile(r"(сет\w*)\s+(\w+\s+){0,2}(банк\w*)")) > WIDTH_LIMIT
    assert max_width(re.compile(r"(сет\w{0,30})\s{1,10}(\w{1,30}\s{1,10}){0,2}(банк\w{0,30})")) <= WIDTH_LIMIT


class CountingPattern:
    """The amount pattern, counting its attempts and the characters each attempt is given."""

    def __init__(self, pattern: re.Pattern):
        self._pattern, self.attempts, self.widest = pattern, 0, 0

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        self.attempts += 1
        self.widest = max(self.widest, min(endpos, len(string)) - pos)
        return self._pattern.match(string, pos, endpos)


SLOW = {  # the probe's slowest inputs, as pieces to repeat after a currency word
    "digits": "1", "1.000.000…": ".000", "5,000,…": ",000", "1 000 000…": " 000", "1.1.1.": "1.", "$1$1": "$1",
    "тысяч": "1 тысяч2", "manat1": "manat1",
}
_PIECES = ["1", "000", ".", ",", " ", "\u00a0", "$", "€", "manat", "man.", "azn", "тыс.", "тысяч", "min", "k",
           "mln", "usd", "dollarlar", "x", "-", "12", "\n"]


def bounded_work(text: str, monkeypatch) -> bool:
    """Whether finding the amounts of ``text`` makes at most one attempt per character, each in a bounded window."""
    counter = CountingPattern(damage._AMOUNT)
    monkeypatch.setattr(damage, "_AMOUNT", counter)
    damage.find_amounts(text)
    monkeypatch.undo()
    return counter.attempts <= len(text) and counter.widest <= damage.AMOUNT_WIDTH + 1


@pytest.mark.parametrize("piece", SLOW.values(), ids=SLOW.keys())
def test_the_amount_search_does_bounded_work_per_character(piece, monkeypatch):
    for length in (1_000, MAX_CHARS):
        assert bounded_work(("stole 5 manat " + piece * MAX_CHARS)[:length], monkeypatch)


def test_random_mixtures_of_the_pieces_take_bounded_work_per_character(monkeypatch):
    rng = random.Random(13)
    for _ in range(40):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 6000)))[:MAX_CHARS]
        assert bounded_work(normalise(text), monkeypatch)
