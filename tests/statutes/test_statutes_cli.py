"""``python -m statutes``: golden exports, readable cards, clear errors."""
import json
from pathlib import Path

import pytest

from statutes.cli import main

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("args,golden", [
    (["export", "--format", "json"], "export_current.json"),
    (["export", "--format", "csv", "--on", "2015-03-01"], "export_2015-03-01.csv"),
    (["show", "272.1", "--on", "2016-01-01"], "show_272.1_2016.txt"),
    (["show", "273-1.4", "--lang", "az"], "show_273-1.4_az.txt"),
])
def test_output_matches_golden_file(capsys, args, golden):
    assert main(args) == 0
    assert capsys.readouterr().out == (GOLDEN / golden).read_text(encoding="utf-8")


def test_export_has_the_promised_keys_and_general_part_minima(capsys):
    main(["export"])
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 15
    first = records[0]
    assert list(first)[:9] == ["part", "article", "category", "fine_azn", "restriction_of_liberty_months",
                               "imprisonment_months", "deprivation_of_right_months", "deprivation_mandatory",
                               "effective_from"]  # the keys that were there stay as they are, in their order
    assert first["imprisonment_months"] == [3, 24] and first["deprivation_of_right_months"] == [12, 24]
    assert {r["category"] for r in records} == {"minor", "less_grave"}


def test_export_cites_the_general_part_minima_and_the_category_paragraph(capsys):
    main(["export"])
    records = {r["part"]: r for r in json.loads(capsys.readouterr().out)}
    assert records["271.1"]["imprisonment_months_source"] == ["55.2", "271.1"]
    assert records["271.1"]["deprivation_of_right_months_source"] == ["46.1", "271.1"]
    assert records["272.1"]["restriction_of_liberty_months_source"] == ["52-1.4", "272.1"]
    assert records["271.1"]["fine_azn_source"] == ["271.1", "271.1"]
    assert records["271.3"]["fine_azn_source"] is None
    assert records["271.1"]["category_source"] == "15.2" and records["271.3"]["category_source"] == "15.3"


@pytest.mark.parametrize("args,words", [
    (["show", "274.1"], "no part '274.1'"),
    (["show", "271.1", "--on", "2001-01-01"], "before the 2012 rewrite"),
    (["export", "--on", "yesterday"], "YYYY-MM-DD"),
])
def test_errors_exit_1_with_a_message(capsys, args, words):
    assert main(args) == 1
    assert words in capsys.readouterr().err


def test_the_azerbaijani_card_has_no_english_header_kind_or_reconstruction_note(capsys):
    assert main(["show", "271.1", "--on", "2016-01-01", "--lang", "az"]) == 0
    card = capsys.readouterr().out
    assert "Maddə 271:" in card and "Art. " not in card
    assert "Current official text" not in card and "[object]" not in card
    assert "qaytarılıb" in card  # the reconstruction note in Azerbaijani


@pytest.mark.parametrize("part", ["271.3", "272.3", "273.4"])
@pytest.mark.parametrize("lang,main_word,alternative", [("en", "main", "alternative"), ("az", "əsas", "alternativ")])
def test_a_single_main_punishment_is_not_called_an_alternative(capsys, part, lang, main_word, alternative):
    assert main(["show", part, "--lang", lang]) == 0
    sanctions = capsys.readouterr().out.split("\n\n")
    block = next(b for b in sanctions if b.startswith(("Sanctions:", "Sanksiyalar:")))
    assert f"({main_word})" in block and f"({alternative})" not in block
