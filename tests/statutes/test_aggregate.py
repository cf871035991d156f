"""Several offences together: an aggregate of crimes (Art. 66.2), a repeat (Art. 16.1) or one act under two parts of
one article (an open question), from the YAML cases with sentence names."""
from pathlib import Path

import pytest
import yaml

from statutes import aggregate, parse_date, reference

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "aggregate.yaml").read_text(encoding="utf-8"))


def _bound(b):
    return None if b is None else [b.value, b.article]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case):
    on = parse_date(case.get("offence_date"))
    refs = [reference(p, offence_date=on, **case.get("facts", {})) for p in case["parts"]]
    kwargs = {"separate_episodes": case["separate_episodes"]} if "separate_episodes" in case else {}
    exp = case["expect"]
    if "error" in exp:
        with pytest.raises(ValueError, match=exp["error"]):
            aggregate(refs, **kwargs)
        return
    ag = aggregate(refs, **kwargs)
    if "crimes" in exp:
        assert [r.part for r in ag.crimes] == exp["crimes"]
    if "addition" in exp:
        assert _bound(ag.imprisonment_addition_max_months) == exp["addition"]
    if "absorption" in exp:
        assert _bound(ag.imprisonment_absorption_max_months) == exp["absorption"]
    others = {kind: _bound(b) for kind, b in ag.other_addition_max}
    for kind, bound in exp.get("others", {}).items():
        assert others[kind] == bound
    if "others_kinds" in exp:
        assert list(others) == exp["others_kinds"]
    for note_id, article in exp.get("notes", {}).items():
        assert (note_id, article) in [(n.id, n.article) for n in ag.notes], [(n.id, n.article) for n in ag.notes]
    if "open_question" in exp:
        assert exp["open_question"] in [q.id for q in ag.open_questions]
    if "category" in exp:
        assert [r.category for r in ag.crimes] == [exp["category"]]
    if "limitation_years" in exp:
        assert [r.limitation_years.value for r in ag.crimes] == [exp["limitation_years"]]


def test_every_aggregate_note_renders_in_both_languages():
    cases = [(["271.1", "273.1"], None), (["273.1", "273.2"], True), (["273.1", "273.2"], False),
             (["271.1", "271.2"], False), (["271.1", "271.3"], True), (["273-2", "273-2"], True)]
    for parts, sep in cases:
        ag = aggregate([reference(p, minor=True) for p in parts], separate_episodes=sep)
        for n in ag.notes:
            assert n.text("en") and n.text("az") and n.text("en") != n.text("az")


def test_references_with_different_dates_are_refused():
    with pytest.raises(ValueError, match="same offence date"):
        aggregate([reference("271.1", offence_date=parse_date("2016-01-01")), reference("272.1")])
