"""Checks across data files: references, Art. 15 categories, General Part minima, article/file agreement."""
import shutil
from pathlib import Path

import pytest

from statutes import StatuteDataError, load_table
from statutes.table import DATA_DIR


@pytest.fixture
def data_copy(tmp_path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(DATA_DIR, d)
    return d


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file,old,new,where,words", [
    ("271.yaml", "category: minor", "category: less_grave", "271.yaml: parts[0].versions[0].category", "does not match Art. 15"),
    ("272.yaml", "  includes:\n  - '272.1'", "  includes:\n  - '271.1'", "272.yaml: parts[1].includes", "is not a part of article 272"),
    ("273.yaml", "amended_by: 707-VQD", "amended_by: 999-XQD", "273.yaml: parts[0].versions[1].amended_by", "unknown amending act"),
    ("labels.yaml", 'basic_parts: ["271.1"]', 'basic_parts: ["272.1"]', "labels.yaml: [0].basic_parts", "is not a part of article 271"),
    ("open_questions.yaml", 'applies_to: ["271.1", "271.2", "271.3"]', 'applies_to: ["271.1", "271.4"]',
     "open_questions.yaml: [1].applies_to", "'271.4' is not a part, circumstance or definition"),
    ("open_questions.yaml", "raised_by: [release:suspended_sentence]", "raised_by: [release:parole]",
     "open_questions.yaml: [7].raised_by", "unknown release in 'release:parole'"),
], ids=["category", "includes", "amended_by", "label", "open_question_subject", "open_question_trigger"])
def test_cross_file_error_names_file_and_path(data_copy, file, old, new, where, words):
    _edit(data_copy / file, old, new)
    with pytest.raises(StatuteDataError) as info:
        load_table(data_copy)
    assert str(info.value).startswith(where)
    assert words in str(info.value)


def test_missing_file_is_an_error(data_copy):
    (data_copy / "272.yaml").unlink()
    with pytest.raises(StatuteDataError, match="272.yaml"):
        load_table(data_copy)


def test_the_shipped_data_loads():
    assert len(load_table().parts()) == 15


def test_file_must_hold_its_own_article(data_copy):
    shutil.copy(data_copy / "273-2.yaml", data_copy / "273-1.yaml")
    with pytest.raises(StatuteDataError, match=r"^273-1.yaml: article: file 273-1.yaml holds article '273-2'"):
        load_table(data_copy)


def test_the_azerbaijani_272_1_object_keeps_the_electromagnetic_emissions_clause():
    element = load_table().part("272.1").elements[0]
    assert "electromagnetic emissions" in element.en
    assert "elektromaqnit şüalanması" in element.az


def test_the_purpose_of_273_1_1_governs_the_circulation_acts_not_production():
    purpose = next(e for e in load_table().part("273-1.1").elements if e.id == "purpose_271_273")
    assert purpose.not_needed_with == "production"
    assert "production needs none" in purpose.en
