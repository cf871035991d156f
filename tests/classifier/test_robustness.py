"""The padding used to measure robustness to unrelated text."""
import numpy as np
import pytest
from sklearn.metrics import f1_score

from classifier.corpus import load_corpus
from classifier.evaluation.robustness import padded, robustness, unrelated_sentences
from classifier.model import label_matrix


def test_every_language_has_the_same_number_of_unrelated_sentences():
    pools = unrelated_sentences()
    assert set(pools) == {"en", "az", "ru"}
    assert len({len(v) for v in pools.values()}) == 1 and len(pools["en"]) >= 6


def test_unrelated_sentences_alone_bring_no_label_to_its_threshold(model):
    """The padding's assumption: no label's own evidence in these sentences reaches its threshold. (With the
    third-round corpus, where councils were mostly victims, a filler sentence about a council's budget reached
    273-2's; rounds 4-5 wrote institutions' ordinary business as `none`.)"""
    from classifier.text import normalise
    for sentences in unrelated_sentences().values():
        assert (model.label_proba(model.blocks([normalise(t) for t in sentences])) < model.thresholds).all()


def test_unrelated_sentences_alone_suggest_no_offence(model):
    """(The offence-vs-none head reads a lone press-office header as an offence; the fallback named its nearest label
    until a label needed 0.4 of its own threshold, ``OWN_EVIDENCE``.)"""
    for sentences in unrelated_sentences().values():
        assert model.predict(sentences).sum() == 0


def test_padding_keeps_the_text_and_adds_distinct_sentences_of_its_language():
    texts, langs = ["Şifrəni oğurlayıb hesaba daxil olub.", "Someone hacked the mail."], ["az", "xx"]
    out = padded(texts, langs, 1, 2, seed=3)
    assert out == padded(texts, langs, 1, 2, seed=3)
    for text, lang, result in zip(texts, langs, out):
        pool = unrelated_sentences()["az" if lang == "az" else "en"]
        before, after = result.split(text)
        added = [s for s in pool if s in result]
        assert len(added) == 3 and sum(s in before for s in added) == 1 and sum(s in after for s in added) == 2


def test_asking_for_more_sentences_than_a_language_has_is_refused():
    with pytest.raises(ValueError, match="has"):
        padded(["x"], ["en"], 50, 50)


def test_no_padding_scores_the_texts_themselves(model):
    df = load_corpus(split="test").sample(80, random_state=5)
    y = label_matrix(df.articles, model.labels)
    table = robustness(model, df.text.tolist(), df.lang.tolist(), y, levels=((0, 0), (2, 4)))
    pred = model.predict(df.text.tolist())
    assert table.macro_f1.iloc[0] == pytest.approx(f1_score(y, pred, average="macro", zero_division=0))
    assert table["added characters (mean)"].iloc[0] == 0 and table["added characters (mean)"].iloc[1] > 200
    assert np.isfinite(table.any_offence_f1).all()
