"""The behavioural suite: its expansion, its independence from training, and the model's pass rates."""
import pandas as pd
import pytest

from classifier.corpus import load_corpus
from classifier.evaluation import behaviour

# The pass rates of issue #12 are behaviour.TARGETS (minimum functionality 0.97, invariance 0.95, direction 0.90),
# all met (0.981 / 0.966 / 0.966 by `python -m classifier evaluate`, reports/evaluation.md) and asserted at them.
FLOORS = behaviour.TARGETS


@pytest.fixture(scope="module")
def cases():
    return behaviour.cases()


def test_the_suite_has_every_kind_in_every_language(cases):
    df = pd.DataFrame([c.__dict__ for c in cases])
    assert len(df) >= 1_500
    assert set(df.lang) == {"en", "az", "az-plain", "ru"}
    assert (df.groupby(["kind", "lang"]).size() >= 50).all()
    assert set(df[df.kind == "inv"].test) >= {"swap_person", "swap_city", "typo", "boilerplate", "no_letters"}
    assert set(df[df.kind == "dir"].test) == {"group", "infrastructure", "damage"}


def test_the_expansion_is_deterministic_and_plain_azerbaijani_has_no_letters(cases):
    assert [c.text for c in behaviour.cases()] == [c.text for c in cases]
    plain = [c.text for c in cases if c.lang == "az-plain"]
    assert not any(ch in t for t in plain for ch in "əşçğıöüƏŞÇĞİÖÜ")
    assert behaviour.plain("şəhər", 0) == "seher" and behaviour.plain("şəhər", 1) == "sheher"
    assert behaviour.typo("Someone hacked the accounting database", 1) != "Someone hacked the accounting database"


def test_no_training_row_comes_from_the_suite(cases):
    train = set(load_corpus(split="train").text.str.lower())
    assert not {c.text.lower() for c in cases} & train


@pytest.fixture(scope="module")
def rates(model):
    return behaviour.pass_rates(behaviour.run(model))


@pytest.mark.parametrize("kind", ["mft", "inv", "dir"])
def test_pass_rates_hold(rates, kind):
    assert rates.loc[kind, "all"] >= FLOORS[kind], rates.to_string()
