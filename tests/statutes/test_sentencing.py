"""Sentencing reference: YAML cases with sentence names, aggregates, and bad input."""
from pathlib import Path

import pytest
import yaml

import datetime as dt

from statutes import NotCoveredError, UnknownPartError, aggregate, load_table, parse_date, reference

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "sentencing.yaml").read_text(encoding="utf-8"))


def _range(ref, kind):
    p = ref.punishment(kind)
    return None if p is None else [p.min.value if p.min else None, p.max.value]


def _articles(ref, kind):
    p = ref.punishment(kind)
    return [p.min.article if p.min else None, p.max.article]


ERRORS = {"not_covered": NotCoveredError}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case):
    exp = case["expect"]
    on, today = parse_date(case.get("offence_date")), parse_date(case.get("today"))
    if "error" in exp:
        with pytest.raises(ERRORS[exp["error"]]) as info:
            reference(case["part"], offence_date=on, **case.get("facts", {}))
        for words in exp.get("message", []):
            assert words in str(info.value)
        return
    ref = reference(case["part"], offence_date=on, today=today, **case.get("facts", {}))
    if "limitation_ends" in exp:
        assert ref.limitation_ends.isoformat() == exp["limitation_ends"]
    if "time_barred" in exp:
        assert ref.time_barred is exp["time_barred"]
    for kind in ("fine", "imprisonment", "restriction_of_liberty"):
        if kind in exp:
            assert _range(ref, kind) == exp[kind]
    for kind in ("fine", "imprisonment", "restriction_of_liberty"):
        if f"{kind}_articles" in exp:
            assert _articles(ref, kind) == exp[f"{kind}_articles"]
    if "available" in exp:
        assert [p.kind for p in ref.punishments if p.available] == exp["available"]
    if "category" in exp:
        assert ref.category == exp["category"]
    if "limitation_years" in exp:
        assert ref.limitation_years.value == exp["limitation_years"]
    if "limitation_article" in exp:
        assert ref.limitation_years.article == exp["limitation_article"]
    if "attempt_cap" in exp:
        assert ref.attempt_cap_months.value == exp["attempt_cap"]
    if "attempt_cap_article" in exp:
        assert ref.attempt_cap_months.article == exp["attempt_cap_article"]
    if "mitigation_cap" in exp:
        assert ref.mitigation_cap_months.value == exp["mitigation_cap"]
    if "open_question" in exp:
        assert exp["open_question"] in [q.id for q in ref.open_questions]
    if "no_open_question" in exp:
        assert exp["no_open_question"] not in [q.id for q in ref.open_questions]
    for words in exp.get("says", []):
        assert any(words in n.text("en") for n in ref.notes), [n.text("en") for n in ref.notes]
    for note_id, article in exp.get("notes", {}).items():
        assert (note_id, article) in [(n.id, n.article) for n in ref.notes], [(n.id, n.article) for n in ref.notes]
    if "unavailable" in exp:
        assert [p.kind for p in ref.punishments if not p.available] == exp["unavailable"]
    if "release_available" in exp:
        assert [r.id for r in ref.release if r.available] == exp["release_available"]
    if "effective_from" in exp:
        assert ref.effective_from.isoformat() == exp["effective_from"]


def test_every_note_renders_in_both_languages():
    ref = reference("271.3", offence_date=dt.date(2016, 1, 1), attempt=True, art60_conditions=True, foreign_national=True, minor=True)
    for note in ref.notes:
        en, az = note.text("en"), note.text("az")
        assert en and az and en != az


@pytest.mark.parametrize("part,on,error", [
    ("271.4", None, UnknownPartError),
    ("271.1", dt.date(2011, 12, 31), NotCoveredError),
    ("271.1", "2019-12-31", TypeError),  # the library takes dates; callers parse text
])
def test_bad_input(part, on, error):
    with pytest.raises(error):
        reference(part, offence_date=on)


@pytest.mark.parametrize("text", ["31/12/2019", "yesterday", "2019-13-01"])
def test_parse_date_names_the_expected_form(text):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(text)


def test_a_reference_keeps_the_wording_it_used():
    ref = reference("272.1", offence_date=dt.date(2016, 1, 1))
    assert ref.version.effective_from == ref.effective_from == dt.date(2012, 6, 29)
    assert ref.version == load_table().version_on("272.1", dt.date(2016, 1, 1))


@pytest.mark.parametrize("lang", ["en", "az"])
def test_release_lines_open_with_a_capital(lang):
    for part in load_table().parts():
        for r in reference(part.id).release:
            first = r.note.text(lang)[0]
            assert first == first.upper(), r.note.text(lang)


def test_each_punishment_states_its_range_with_unit_and_articles_in_both_languages():
    ref = reference("271.1")
    fine, prison = ref.punishment("fine"), ref.punishment("imprisonment")
    assert fine.span == "2,000 AZN – 4,000 AZN (Art. 271.1)" and fine.span.az == "2000 manat – 4000 manat (maddə 271.1)"
    assert prison.span == "3 months (Art. 55.2) – 2 years (Art. 271.1)"
    assert prison.span.az == "3 ay (maddə 55.2) – 2 il (maddə 271.1)"


def test_aggregate_figures_carry_their_unit():
    notes = [n for n in aggregate([reference("271.1"), reference("273.1")]).notes if n.id == "aggregate_other"]
    assert notes and all(("AZN" in n or "years" in n or "months" in n) for n in notes)
    assert all(("manat" in n.az or " il " in n.az or " ay " in n.az) for n in notes)


def test_a_minor_s_fine_span_states_only_its_maximum_with_art_85_2():
    fine = reference("271.1", minor=True).punishment("fine")
    assert fine.min is None
    assert fine.span == "up to 600 AZN (Art. 85.2)" and fine.span.az == "ən çoxu 600 manat (maddə 85.2)"
