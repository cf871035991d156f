"""The scenario bank: big enough, bilingual, labelled as the label guide says and as the statute table selects."""
import re
import shutil
from pathlib import Path

import pytest

from quiz import QuizError, load_bank
from quiz.scenarios import DATA_DIR, NONE

AZ_LETTERS = re.compile("[əğışçöüƏĞİŞÇÖÜ]")


def test_bank_has_at_least_40_bilingual_scenarios(bank):
    assert len(bank.scenarios) >= 40
    for s in bank.scenarios:
        for text in (s.az, s.answer.az, s.decisive_fact.az):
            assert AZ_LETTERS.search(text), f"{s.id}: Azerbaijani text without Azerbaijani letters: {text[:60]}"
        assert s.en != s.az and s.answer.en != s.answer.az


def test_every_part_of_every_article_is_taught(bank):
    taught = {p for s in bank.scenarios for p in s.parts}
    assert taught == {p.id for p in bank.table.parts()}


def test_bank_has_missing_element_and_out_of_scope_cases(bank):
    assert any(s.missing and s.missing.part == "273.1" and s.missing.element == "significant_damage" for s in bank.scenarios)
    assert sum(s.missing is not None for s in bank.scenarios) >= 5
    assert sum(s.articles == [NONE] and s.missing is None for s in bank.scenarios) >= 3


def test_result_elements_are_tagged_as_the_label_guide_says(bank):
    for s in bank.scenarios:
        if "273.1" in s.articles:
            assert "significant_damage" in s.circumstances, s.id
        if "273.2" in s.articles:
            assert "serious_hindrance" in s.circumstances, s.id
        if s.articles == [NONE]:
            assert s.parts == [] and s.circumstances == [], s.id


def test_parts_follow_the_statute_tables_selection(bank):
    for s in bank.scenarios:
        assert {bank.choice(s, label).part for label in s.labels} == set(s.parts)


@pytest.mark.parametrize("old,new,words", [
    ("parts: ['271.2']\n  circumstances: [repeat]", "parts: ['271.1']\n  circumstances: [repeat]", "differ from the statute table"),
    ("articles: ['272']\n  parts: ['272.1']", "articles: ['274']\n  parts: ['272.1']", "unknown label '274'"),
    ("missing: {part: '273.1', element: significant_damage}", "missing: {part: '273.1', element: damage}", "not an element of 273.1"),
    ("- id: s02", "- id: s01", "duplicate scenario ids"),
])
def test_a_bank_that_disagrees_with_the_table_is_rejected(tmp_path: Path, old, new, words):
    for name in ("scenarios.yaml", "examples.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    text = (tmp_path / "scenarios.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "scenarios.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(QuizError, match=words):
        load_bank(tmp_path)
