"""Cue patterns: the fast search gives exactly the matches of a plain scan."""
import re

import pytest

from classifier.findings import cues
from classifier.corpus import load_corpus
from classifier.text import normalise


@pytest.fixture(scope="module")
def folded_corpus() -> list[str]:
    return [normalise(t) for t in load_corpus().text]


def test_most_cues_are_searched_through_a_scout():
    compiled = [c for items in cues.compiled().values() for pats in items.values() for c in pats]
    assert sum(c.scout is not None for c in compiled) > len(compiled) / 2


def test_fast_search_finds_what_a_plain_scan_finds(folded_corpus):
    differ = []
    for group, items in cues.compiled().items():
        for key, patterns in items.items():
            for cue in patterns:
                for text in folded_corpus:
                    plain = [m.span() for m in cue.pattern.finditer(text)]
                    if [m.span() for m in cue.finditer(text)] != plain:
                        differ.append((group, key, cue.pattern.pattern[:40], text[:60]))
    assert differ == []


def test_a_word_boundary_is_honoured_at_the_scouted_position():
    cue = cues.Cue(r"\b(bank)\b")
    assert [m.span() for m in cue.finditer("databank bank banks")] == [(9, 13)]
    assert [m.group() for m in cue.finditer("bank")] == [m.group() for m in re.finditer(r"\b(bank)\b", "bank")]
