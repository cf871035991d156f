"""Part logic: the YAML table of cases (statute qualifiers directly, and through analyse())."""
from pathlib import Path

import pytest
import yaml

import statutes
from classifier.analysis import analyse

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "parts.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["select"], ids=[c["name"] for c in CASES["select"]])
def test_select(case):
    choice = statutes.load_table().select_part(case["label"], case["circumstances"], basic=case.get("basic"),
                                               on=statutes.parse_date(case.get("offence_date")), institutions=case.get("institutions"))
    assert choice.part == case["part"]
    assert choice.reason.text("en") and choice.reason.text("az")
    if "reason_article" in case:
        assert f"Art. {case['reason_article']}" in choice.reason.text("en")


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=c["known_failure"]))
                                  if "known_failure" in c else c for c in CASES["analyse"]],
                         ids=[c["name"] for c in CASES["analyse"]])
def test_analyse(model, case):
    a = analyse(case["text"], known_circumstances=case.get("known"), model=model,
                offence_date=statutes.parse_date(case.get("offence_date")))
    got = {c.label: c.part.part for c in a.selected}
    assert got == case["expect"]
    if not case["expect"]:
        assert a.verdict in ("out_of_scope", "low_confidence") and a.articles == ["none"]
