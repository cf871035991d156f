"""The labelled corpus: format, labels valid against the statute table, sizes and balance, splits, duplicates."""
import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from classifier.corpus import COLUMNS, REGISTERS, load_corpus, split_labels, validate

AGGRAVATED_AND_INFRA = ["271.2", "271.3", "272.2", "272.3", "273.3", "273.4", "273-1.4"]
LABELS = ["271", "272", "273.1", "273.2", "273-1", "273-2"]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_every_row_is_valid_against_the_statute_table(corpus):
    problems = validate(corpus)
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_required_columns(corpus):
    assert all(c in corpus.columns for c in COLUMNS)


def test_splits_are_disjoint(corpus):
    train, test = corpus[corpus.split == "train"], corpus[corpus.split == "test"]
    assert not set(train.id) & set(test.id)
    assert not set(train.text.str.lower()) & set(test.text.str.lower())
    assert not set(train.file) & set(test.file), "train and test come from different writers' files"


def test_sizes_and_balance(corpus):
    for split, minimum, per_label in (("train", 2400, 200), ("test", 600, 50)):
        df = corpus[corpus.split == split]
        assert len(df) >= minimum
        arts = df.articles.map(split_labels)
        for lab in LABELS:
            assert arts.map(lambda a: lab in a).sum() >= per_label, (split, lab)
        assert (df.articles == "none").mean() >= 0.30
        assert (arts.map(len) >= 2).mean() >= 0.15
    parts = corpus.parts.map(lambda p: set(split_labels(p)))
    for p in AGGRAVATED_AND_INFRA + ["273-1.1", "273-1.2", "273-1.3"]:
        assert parts.map(lambda s: p in s).sum() >= 40, p


def test_languages_registers_and_lengths(corpus):
    share = corpus.lang.value_counts(normalize=True)
    assert share["en"] >= 0.45 and share["az"] >= 0.35 and share["ru"] >= 0.10
    az = corpus[corpus.lang == "az"].text
    no_letters = ~az.str.contains("[əşçğıöüİƏŞÇĞÖÜ]")
    assert no_letters.mean() >= 0.20
    reg = corpus.register.value_counts(normalize=True)
    for r in REGISTERS:
        assert reg[r] >= 0.08, r
    words = corpus.text.str.split().map(len)
    assert (words < 15).any() and (words > 150).any()


def test_no_near_duplicates_within_or_across_splits(corpus):
    """Character 5-gram Jaccard similarity below 0.7 for every pair of incidents."""
    texts = corpus.text.str.lower().str.split().str.join(" ").tolist()
    X = CountVectorizer(analyzer="char", ngram_range=(5, 5), binary=True, lowercase=False).fit_transform(texts)
    X = X.astype(np.float32).tocsr()
    sizes = np.asarray(X.sum(axis=1)).ravel()
    pairs = []
    for start in range(0, X.shape[0], 400):
        inter = (X[start:start + 400] @ X.T).toarray()
        union = sizes[start:start + 400, None] + sizes[None, :] - inter
        jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        for i, j in zip(*np.nonzero(jac >= 0.7)):
            if start + i < j:
                pairs.append((corpus.id[start + i], corpus.id[j], round(float(jac[i, j]), 2)))
    assert pairs == []
