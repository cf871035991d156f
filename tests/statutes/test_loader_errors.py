"""A bad statute file fails loudly, naming the file and the key path (one fixture per failure mode)."""
from pathlib import Path

import pytest

from statutes.errors import StatuteDataError
from statutes.loader import load_file
from statutes.schema import Article

BAD = Path(__file__).parent / "bad"

CASES = [
    ("duplicate_key", "parts[0].kind", "duplicate key 'kind'"),
    ("unknown_key", "parts[0].penalty_note", "Extra inputs are not permitted"),
    ("min_gt_max", "parts[0].versions[1].sanctions[0]", "min 5000 > max 4000"),
    ("unordered_dates", "parts[0]", "not in date order"),
    ("overlapping_dates", "parts[0]", "overlap"),
    ("overlapping_end", "parts[0]", "overlap"),
    ("unquoted_id", "parts[0].id", "unquoted id 273.10"),
    ("unquoted_include", "parts[0].includes[0]", "unquoted id 273.1"),
    ("bad_date", "parts[0].versions[1].effective_from", "date"),
    ("wrong_unit", "parts[0].versions[1].sanctions[0]", "unit months does not fit kind fine"),
    ("bad_kind", "parts[0].versions[1].sanctions[0].kind", "Input should be"),
    ("missing_field", "parts[0].versions[0].category", "Field required"),
    ("invalid_yaml", "", "invalid YAML"),
]


def test_valid_fixture_loads():
    article = load_file(BAD / "_valid.yaml", Article)
    assert article.parts[0].versions[1].sanctions[0].max == 4000


@pytest.mark.parametrize("name,path,words", CASES, ids=[c[0] for c in CASES])
def test_bad_file_names_file_and_key_path(name, path, words):
    with pytest.raises(StatuteDataError) as info:
        load_file(BAD / f"{name}.yaml", Article)
    err = info.value
    assert err.file == f"{name}.yaml"
    assert err.path == path
    assert words in str(err)
    assert str(err).startswith(f"{name}.yaml: ")


def test_every_fixture_has_a_case():
    fixtures = {p.stem for p in BAD.glob("*.yaml") if not p.stem.startswith("_")}
    assert fixtures == {c[0] for c in CASES}
