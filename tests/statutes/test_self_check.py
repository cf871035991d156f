"""The structured sanctions agree with the law's own words, read independently of the data.

For every part and every dated wording, the numbers are extracted from the stored Azerbaijani sanction sentence
("iki min manatdan dörd min manatadək miqdarda cərimə" → fine 2000–4000 AZN) by the small parser below, which
knows nothing of the YAML structure, and compared with the structured sanctions. Current official texts are also
checked verbatim against the chapter's official text kept in the package.
"""
import re

import pytest

from statutes import load_table
from statutes.table import DATA_DIR

NUMBERS = {"bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8, "doqquz": 9, "on": 10}


def az_number(words: str) -> int:
    """'dörd min' → 4000, 'min' → 1000, 'iki' → 2."""
    parts = words.split()
    if parts[-1] == "min":
        return (NUMBERS[parts[0]] if len(parts) == 2 else 1) * 1000
    assert len(parts) == 1, words
    return NUMBERS[parts[0]]


WORD = "|".join(NUMBERS)
NUM = rf"((?:(?:{WORD}) )?min|{WORD})"
PATTERNS = {
    "fine": rf"{NUM} manatdan {NUM} manatadək miqdarda cərimə",
    "imprisonment": rf"(?:({WORD}) ildən )?({WORD}) ilədək müddətə azadlıqdan məhrum etmə",
    "restriction_of_liberty": rf"(?:({WORD}) ildən )?({WORD}) ilədək müddətə azadlığın məhdudlaşdırılması",
    "deprivation_of_right": rf"(?:({WORD}) ildən )?({WORD}) ilədək müddətə müəyyən vəzifə tutma və ya müəyyən fəaliyyətlə məşğul olma hüququndan məhrum edilməklə",
}


def _read(sentence: str, patterns: dict[str, str], value) -> dict[str, tuple]:
    """{kind: (min or None, max)} from the ``patterns`` found in ``sentence``; ``value(kind, word)`` reads a bound."""
    found = {}
    for kind, pattern in patterns.items():
        hits = re.findall(pattern, sentence)
        assert len(hits) <= 1, (kind, hits)
        if hits:
            low, high = hits[0]
            found[kind] = (value(kind, low) if low else None, value(kind, high))
    return found


def read_sanctions(sentence: str) -> dict[str, tuple]:
    """Extract {kind: (min or None, max)} from an Azerbaijani sanction sentence; amounts in AZN, terms in months."""
    return _read(sentence, PATTERNS, lambda kind, w: az_number(w) * (1 if kind == "fine" else 12))


def test_parser_reads_the_examples():
    assert read_sanctions("iki min manatdan dörd min manatadək miqdarda cərimə")["fine"] == (2000, 4000)
    assert read_sanctions("iki ildən dörd ilədək müddətə azadlıqdan məhrum etmə")["imprisonment"] == (24, 48)
    assert read_sanctions("min manatdan üç min manatadək miqdarda cərimə")["fine"] == (1000, 3000)


VERSIONS = [(p.id, i, v) for p in load_table().parts() for i, v in enumerate(p.versions)]


@pytest.mark.parametrize("part_id,index,version", VERSIONS, ids=[f"{p}-{v.effective_from}" for p, _, v in VERSIONS])
def test_structured_sanctions_equal_the_statute_words(part_id, index, version):
    words = read_sanctions(version.sanction_text_az)
    structured = {s.kind: (s.min, s.max) for s in version.sanctions}
    assert words == structured


def test_current_official_texts_are_verbatim():
    official = (DATA_DIR / "chapter30_official_az.txt").read_text(encoding="utf-8")
    for part in load_table().parts():
        current = part.versions[-1]
        assert current.text_status == "official", part.id
        assert current.text_az in official, part.id


def test_fifteen_parts_in_the_codes_order():
    ids = [p.id for p in load_table().parts()]
    assert ids == ["271.1", "271.2", "271.3", "272.1", "272.2", "272.3", "273.1", "273.2", "273.3", "273.4",
                   "273-1.1", "273-1.2", "273-1.3", "273-1.4", "273-2"]


EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
EN_WORD = "|".join(EN_NUMBERS)
EN_PATTERNS = {
    "fine": r"a fine of ([\d,]+) to ([\d,]+) manat",
    "imprisonment": rf"imprisonment for (?:({EN_WORD}) to |up to )({EN_WORD}) years",
    "restriction_of_liberty": rf"restriction of liberty for (?:({EN_WORD}) to |up to )({EN_WORD}) years",
    "deprivation_of_right": rf"deprivation of the right to hold certain positions or engage in certain activities for "
                            rf"(?:({EN_WORD}) to |up to )({EN_WORD}) years",
}


def read_sanctions_en(text: str) -> dict[str, tuple]:
    """Extract {kind: (min or None, max)} from our English rendering's "Punishment:" sentence."""
    return _read(text.split("Punishment:", 1)[1], EN_PATTERNS,
                 lambda kind, w: int(w.replace(",", "")) if kind == "fine" else EN_NUMBERS[w] * 12)


@pytest.mark.parametrize("part_id,index,version", VERSIONS, ids=[f"{p}-{v.effective_from}" for p, _, v in VERSIONS])
def test_the_english_rendering_of_each_wording_states_that_wordings_figures(part_id, index, version):
    assert read_sanctions_en(version.text_en) == {s.kind: (s.min, s.max) for s in version.sanctions}
