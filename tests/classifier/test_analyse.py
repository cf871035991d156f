"""The analyse() API: candidates, calibrated probabilities, elements, penalties, explanations and bad input."""
import datetime as dt

import numpy as np
import pytest

from classifier.analysis import analyse
from classifier.text import TextError
from statutes import NotCoveredError

RANSOM = ("Hackers broke into the servers of a commercial bank, encrypted the customer database and demanded a "
          "ransom; the bank says the damage exceeds 2 million manat and online banking was down for two days.")


def test_candidates_cover_every_label_ranked_by_probability(model):
    a = analyse(RANSOM, model=model)
    probs = [c.probability for c in a.candidates]
    assert sorted(c.label for c in a.candidates) == sorted(model.labels)
    assert probs == sorted(probs, reverse=True) and all(0 <= p <= 1 for p in probs)
    assert a.verdict == "offences" and "271" in a.articles and "273.1" in a.articles


def test_damage_is_converted_and_shown_as_an_element(model):
    a = analyse(RANSOM, model=model)
    assert a.damage_azn == 2_000_000
    c = next(c for c in a.selected if c.label == "273.1")
    damage = next(e for e in c.elements if e.id == "significant_damage")
    assert damage.shown and "2,000,000" in damage.note["en"]


def test_missing_damage_is_reported_as_not_shown(model):
    a = analyse("Someone deleted files from my laptop remotely.", model=model,
                known_circumstances={"significant_damage": False})
    c = next((c for c in a.candidates if c.label == "273.1"), None)
    if c is not None and c.elements:
        damage = next(e for e in c.elements if e.id == "significant_damage")
        assert not damage.shown and "not shown" in damage.note["en"]


def test_damage_below_threshold_is_explained(model):
    a = analyse("An intruder logged into the shop's server and deleted the price list; restoring it cost 400 manat.",
                model=model)
    for c in a.candidates:
        for e in c.elements:
            if e.id == "significant_damage":
                assert not e.shown and "does not exceed" in e.note["en"]


def test_explanations_are_spans_of_the_input(model):
    a = analyse(RANSOM, model=model)
    for c in a.selected:
        assert c.explanation
        for s in c.explanation:
            assert a.text[s.start:s.end] == s.text and s.weight > 0


def test_a_character_gram_before_the_first_word_adds_no_weight():
    """A text that opens with punctuation ("!!! моя страница взломана") matched the model's "!!!" gram before any
    word and divided by an empty word range (ZeroDivisionError on a corpus row)."""
    from classifier.analysis.explain import word_spans
    from classifier.text import normalise

    text = "!!! моя страница взломана"
    spans = word_spans(text, normalise(text), [("char__ !!! ", 3.0), ("word__взломана", 1.0)])
    assert [s.text for s in spans] == ["взломана"]


def test_evidence_spans_are_spans_of_the_input(model):
    text = "Bankın şöbə müdiri vəzifəsindən istifadə edərək sistemə daxil olub müştəri qeydlərini dəyişib."
    a = analyse(text, model=model)
    for f in a.circumstances:
        for s in f.evidence:
            assert a.text[s.start:s.end] == s.text


def test_offence_date_selects_the_wording_and_milder_law(model):
    text = "An attacker set up a rogue Wi-Fi hotspot in a cafe and captured customers' login traffic."
    now = analyse(text, model=model)
    then = analyse(text, model=model, offence_date=dt.date(2015, 5, 1))
    c_now = next(c for c in now.selected if c.label == "272")
    c_then = next(c for c in then.selected if c.label == "272")
    assert c_now.reference.punishment("fine").min.value == 2000
    assert c_then.reference.punishment("fine").min.value == 1000
    assert c_then.reference.punishment("restriction_of_liberty") is not None


def test_case_facts_reach_the_penalties(model):
    a = analyse("An attacker set up a rogue Wi-Fi hotspot in a cafe and captured customers' login traffic.",
                model=model, known_circumstances={"foreign_national": True})
    c = next(c for c in a.selected if c.label == "272")
    assert not c.reference.punishment("restriction_of_liberty").available


def test_several_offences_get_an_aggregate(model):
    a = analyse(RANSOM, model=model)
    assert a.aggregate is not None and a.aggregate.imprisonment_addition_max_months is not None


def test_one_incident_under_two_parts_of_one_article_is_one_act_with_the_open_question(model):
    a = analyse("Ransomware encrypted the accounting firm's file server and knocked its booking system offline for "
                "three days; restoring the data cost 9,000 manat.", model=model)
    assert {"273.1", "273.2"} <= {c.part.part for c in a.selected}
    assert a.aggregate.imprisonment_addition_max_months is None  # no figure that would choose a reading
    assert "oq-one-act-two-parts" in [q.id for q in a.aggregate.open_questions]
    assert [x.part for x in a.aggregate.one_act] == [None]


@pytest.mark.parametrize("bad,error", [("", TextError), ("   ", TextError), (b"\xff\xfe\x00", TextError)])
def test_bad_text(model, bad, error):
    with pytest.raises(error):
        analyse(bad, model=model)


def test_date_before_2012_is_not_covered(model):
    with pytest.raises(NotCoveredError):
        analyse(RANSOM, model=model, offence_date=dt.date(2010, 1, 1))


def test_long_text_is_truncated_with_a_warning(model):
    a = analyse(RANSOM + " x" * 30_000, model=model)
    assert a.warnings and a.verdict == "offences"


def test_texts_longer_than_any_training_incident_carry_a_dilution_warning(model):
    from classifier.analysis import LONG_TEXT
    from classifier.corpus import load_corpus
    assert load_corpus(split="train").text.str.len().max() <= LONG_TEXT  # what the warning claims
    incident = "Someone logged into the bank's server with a stolen password and copied the client database."
    assert not any("long" in w for w in analyse(incident, model=model).warnings)
    filler = " The annual meeting of shareholders will take place in April at the head office."
    text = incident + filler * (LONG_TEXT // len(filler) + 1)
    warnings = analyse(text, model=model).warnings
    assert any(f"{len(text):,} characters, longer than any training incident" in w for w in warnings)


def test_decision_from_column_blocks_equals_the_stacked_product(model):
    texts = ["Someone logged into the bank's server with a stolen password", "Şifrəni oğurlayıb hesaba daxil olub"]
    X = model.features(texts)
    width = model.extractor.word.width
    blocks = [X[:, :width].tocsr(), X[:, width:].tocsr()]
    np.testing.assert_allclose(model.decision(blocks), model.decision(X), rtol=0, atol=1e-9)
    with pytest.raises(ValueError, match="columns"):
        model.decision(blocks[:1])


def test_an_offence_date_must_be_a_date(model):
    with pytest.raises(TypeError, match="parse_date"):
        analyse(RANSOM, model=model, offence_date="2015-05-01")


@pytest.mark.parametrize("text,shown_by", [
    ("He wrote a ransomware program on his laptop; it caused damage of 5,000 manat.", "not_needed"),
    ("He sold a ransomware kit on a forum so that buyers could break into company networks; damage 5,000 manat.", None),
])
def test_the_273_1_1_purpose_is_not_asked_of_production(model, text, shown_by):
    import statutes
    from classifier.analysis.elements import elements
    from classifier.findings import find
    from classifier.text import fold
    table = statutes.load_table()
    folded = fold(text)
    found = find(text, folded, dict.fromkeys(model.tags, 0.0), dict.fromkeys(model.tags, 1.0), table, {}, None)
    choice = table.select_part("273-1", (), basic="273-1.1")
    purpose = next(e for e in elements("273-1", choice, found, table) if e.id == "purpose_271_273")
    assert purpose.shown
    assert (purpose.note.key if purpose.note else None) == (f"classifier.{shown_by}" if shown_by else None)


@pytest.mark.parametrize("text,words", [
    (RANSOM, "demanded a ransom"),
    ("A botnet flooded the ministry website with requests for two days.", "flooded"),
    ("He used my stolen password to log into my e-mail and read my letters.", "stolen password"),
    ("Hakerlər bankın serverlərinə daxil olub bazanı şifrələyib və fidyə tələb ediblər.", "fidyə"),
    ("Şöbə müdiri müştərilərin hesablarına icazəsiz daxil olub və 25 min manat köçürüb.", "manat köçürüb"),
], ids=["ransom", "flood", "stolen-password", "az-ransom", "az-transfer"])
def test_intent_is_inferred_from_the_conduct_with_the_words_that_show_it(model, text, words):
    a = analyse(text, model=model)
    intents = [e for c in a.candidates if c.elements for e in c.elements if e.id == "intent"]
    assert intents and all(e.shown and e.inferred for e in intents)
    assert any(words in s.text for e in intents for s in e.evidence)
    assert "inferred" in intents[0].note.en and "niyyət" in intents[0].note.az


def test_intent_stays_not_evident_when_the_text_leaves_it_open(model):
    a = analyse("Someone logged into my account.", model=model)
    intents = [e for c in a.candidates if c.elements for e in c.elements if e.id == "intent"]
    assert intents and not any(e.shown or e.inferred for e in intents)


def test_explanations_show_phrases_without_stop_words_or_repeats(model):
    a = analyse(RANSOM + " Hackers demanded it for three days.", model=model)
    for c in a.selected:
        words = [w.lower() for s in c.explanation for w in s.text.split()]
        shown = [s.text.lower() for s in c.explanation]
        assert not {"for", "three", "days", "the"} & {s for s in shown}
        assert len(shown) == len(set(shown)) and words.count("hackers") <= 1
    assert any(" " in s.text for c in a.selected for s in c.explanation)  # neighbouring words form a phrase
