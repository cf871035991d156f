"""The labelled corpus: format, labels valid against the statute table, the v2 brief's sizes and shape, the dev set
of real cases, disjoint splits, no near-duplicates and no template families."""
import re

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from classifier.corpus import COLUMNS, REGISTERS, SPLITS, corpus_files, load_corpus, split_labels, validate

AGGRAVATED_AND_INFRA = ["271.2", "271.3", "272.2", "272.3", "273.3", "273.4", "273-1.4"]
LABELS = ["271", "272", "273.1", "273.2", "273-1", "273-2"]
AZ_LETTERS = "[əşçğıöüİƏŞÇĞÖÜ]"
OFFENCE_WORDS = re.compile(r"hack|unauthori[sz]|breach|intrusion|ransomware|malware|compromis|cyber-?attack|"
                           r"icaz[əe]siz|s[ıi]nd[ıi]r|haker|взлом|хакер|несанкционир", re.IGNORECASE)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def train_v2(corpus):
    return corpus[(corpus.split == "train") & ~corpus.file.str.match(r"train/writer-[a-g]\.csv")]


def test_every_row_is_valid_against_the_statute_table(corpus):
    problems = validate(corpus)
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_required_columns_and_every_split_present(corpus):
    assert all(c in corpus.columns for c in COLUMNS)
    assert set(corpus.split) == set(SPLITS)


def test_only_incident_files_are_read(tmp_path):
    """Audits and labellers' files beside the incidents are not incidents."""
    for name in ("train/writer-a.csv", "dev/dev-en.csv", "dev/second_labels.csv", "audit/review.csv", "test_v2/notes.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    assert [f"{p.parent.name}/{p.name}" for p in corpus_files(tmp_path)] == ["dev/dev-en.csv", "train/writer-a.csv"]


def test_splits_are_disjoint(corpus):
    for a, b in (("train", "test"), ("train", "test_v2"), ("train", "dev"), ("test", "test_v2"), ("dev", "test_v2")):
        x, y = corpus[corpus.split == a], corpus[corpus.split == b]
        assert not set(x.id) & set(y.id), (a, b)
        assert not set(x.text.str.lower()) & set(y.text.str.lower()), (a, b)
        assert not set(x.file) & set(y.file), "different writers' files"


def test_train_sizes_and_balance(corpus, train_v2):
    train = corpus[corpus.split == "train"]
    assert len(train_v2) >= 12_000 and len(train) >= 15_000
    arts = train.articles.map(split_labels)
    for lab in LABELS:
        assert arts.map(lambda a: lab in a).sum() >= 1_200, lab
    assert (train.articles == "none").mean() >= 0.30
    parts = train.parts.map(lambda p: set(split_labels(p)))
    for p in AGGRAVATED_AND_INFRA + ["273-1.1", "273-1.2", "273-1.3"]:
        assert parts.map(lambda s: p in s).sum() >= 150, p


def test_languages_registers_and_lengths(corpus, train_v2):
    train = corpus[corpus.split == "train"]
    share = train.lang.value_counts(normalize=True)
    assert share["en"] >= 0.40 and share["az"] >= 0.35 and share["ru"] >= 0.15
    az = train[train.lang == "az"].text
    assert (~az.str.contains(AZ_LETTERS)).mean() >= 0.40
    assert set(train_v2.register) == set(REGISTERS)
    lengths = train_v2.text.str.len()
    assert (lengths < 200).mean() >= 0.20 and (lengths > 800).mean() >= 0.15


def test_hard_negatives_are_a_minority(corpus):
    """Most real none reports are lost devices, misdelivery, outages and scams: few use the offences' words."""
    for split in ("train", "test_v2"):
        none = corpus[(corpus.split == split) & (corpus.articles == "none")]
        assert none.text.str.contains(OFFENCE_WORDS).mean() <= 0.15, split


def test_test_v2_split(corpus):
    t = corpus[corpus.split == "test_v2"]
    assert len(t) >= 1_500
    arts = t.articles.map(split_labels)
    for lab in LABELS:
        assert arts.map(lambda a: lab in a).sum() >= 100, lab
    assert set(t.lang) == {"en", "az", "ru"}


def test_dev_set_of_real_cases():
    dev = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in corpus_files(splits=("dev",))])
    assert len(dev) >= 400
    counts = dev.lang.value_counts()
    assert counts["en"] >= 150 and counts["az"] >= 150 and counts["ru"] >= 100
    assert (~dev[dev.lang == "az"].text.str.contains(AZ_LETTERS)).mean() >= 0.40
    assert (dev.articles == "none").mean() >= 0.25
    assert dev.source_url.str.match(r"https?://\S+$").all()
    assert dev.jurisdiction.str.match(r"^[A-Z]{2}$").all() and dev.year.str.match(r"^(19|20)\d\d$").all()
    banned = "veris|vcdb|privacyrights|breachportal|oag\\.ca\\.gov|doj\\.nh\\.gov|atg\\.wa\\.gov"
    assert not dev.source_url.str.contains(banned).any(), "kept for independent evaluation"


def test_dev_set_was_labelled_twice_blind_and_adjudicated():
    dev = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in corpus_files(splits=("dev",))])
    second = pd.read_csv("training_data/dev/second_labels.csv", dtype=str, keep_default_na=False)
    adjudicated = pd.read_csv("training_data/dev/adjudication.csv", dtype=str, keep_default_na=False)
    assert set(second.id) == set(dev.id)
    both = dev.merge(second, on="id", suffixes=("", "_2"))
    agree = both.articles == both.articles_2
    assert agree.mean() >= 0.85
    disagree = set(both.id[~agree | (both.parts != both.parts_2)])
    assert disagree <= set(adjudicated.id)
    final = dev.set_index("id").loc[adjudicated.id]
    assert (final.articles.values == adjudicated.articles.values).all()


def _binary(texts, **kw):
    X = CountVectorizer(binary=True, dtype=np.float32, **kw).fit_transform(texts).tocsr()
    return X, np.asarray(X.sum(axis=1)).ravel(), X.T.tocsr()


def test_no_near_duplicates_within_or_across_splits(corpus):
    """Character 5-gram Jaccard similarity below 0.7 for every pair of incidents (train, tests, dev)."""
    texts = corpus.text.str.lower().str.split().str.join(" ").tolist()
    X, sizes, XT = _binary(texts, analyzer="char", ngram_range=(5, 5), lowercase=False)
    pairs = []
    for start in range(0, X.shape[0], 1000):
        inter = (X[start:start + 1000] @ XT).toarray()
        union = sizes[start:start + 1000, None] + sizes[None, :] - inter
        jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        pairs += [(corpus.id[start + i], corpus.id[j]) for i, j in zip(*np.nonzero(jac >= 0.7)) if start + i < j]
    assert pairs == []


def test_no_template_families(corpus):
    """No incident shares most (over half) of its word 4-grams with five or more others: rows were written whole,
    not filled into templates."""
    X, sizes, XT = _binary(corpus.text.tolist(), analyzer="word", ngram_range=(4, 4), token_pattern=r"(?u)\b\w+\b")
    families = []
    for start in range(0, X.shape[0], 1000):
        share = (X[start:start + 1000] @ XT).toarray() / np.maximum(sizes[start:start + 1000, None], 1)
        share[np.arange(share.shape[0]), start + np.arange(share.shape[0])] = 0
        many = ((share > 0.5).sum(axis=1) >= 5) & (sizes[start:start + 1000] >= 3)
        families += corpus.id[start + np.flatnonzero(many)].tolist()
    assert families == []
