"""TF-IDF features of folded text, computed by our own code from the fitted vocabulary and IDF weights.

Training fits scikit-learn's TF-IDF (:func:`~classifier.model.training.block_features`, equal to a fitted
``build_vectorizer()``) on folded
text; what the fit learned (each block's terms in column order and their IDF) is kept in a :class:`Block`, and
:class:`Features` computes the same matrix without scikit-learn: counts of the block's n-grams, sublinear TF
(``1 + log tf``), times IDF, each row L2-normalised over the block. A test compares it with the fitted
vectorisers on the whole corpus. Importing this module does not import scikit-learn, so the classifier starts fast.

Two blocks, in this order: ``word`` (tokens of two or more word characters, 1–2-grams: readable explanations)
and ``char`` (``char_wb`` 3–4-grams: Azerbaijani suffixes and typos). Each word's character n-gram columns are
cached (bounded), which makes bulk extraction several times faster than generating n-grams text by text.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

WORD = {"token_pattern": r"(?u)\b\w\w+\b", "ngram_range": (1, 2)}
CHAR = {"ngram_range": (3, 4)}
"""The blocks' settings, shared with training (``build_vectorizer``) so both sides cut text the same way."""


def char_wb_ngrams(word: str, low: int = CHAR["ngram_range"][0], high: int = CHAR["ngram_range"][1]) -> list[str]:
    """The ``char_wb`` n-grams of one word, padded with a space each side (a short word counts once)."""
    w = f" {word} "
    out = []
    for n in range(low, high + 1):
        if len(w) <= n:
            out.append(w)
            break
        out.extend(w[i:i + n] for i in range(len(w) - n + 1))
    return out


@dataclass
class Block:
    """One fitted block: its name (``word`` or ``char``), terms in column order and their IDF weights."""

    name: str
    terms: list[str]
    idf: np.ndarray
    vocabulary: dict[str, int] = field(init=False, repr=False)
    pairs: dict[tuple[str, str], int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.vocabulary = dict(zip(self.terms, range(len(self.terms))))
        self.pairs = {tuple(t.split(" ")): j for t, j in self.vocabulary.items() if " " in t}
        """Word bigrams by their two tokens, so a text's bigrams are looked up without joining strings."""

    @property
    def width(self) -> int:
        return len(self.terms)


class Features:
    """The feature blocks of folded texts: ``features(folded) → [word CSR, char CSR]`` (float32)."""

    CACHE_WORDS = 200_000

    def __init__(self, blocks: list[Block]):
        if [b.name for b in blocks] != ["word", "char"]:
            raise ValueError(f"expected the blocks word and char, got {[b.name for b in blocks]}")
        self.blocks = blocks
        self.word, self.char = blocks
        self._tokens = re.compile(WORD["token_pattern"]).findall
        self._cache: dict[str, bytes] = {}

    @property
    def names(self) -> list[str]:
        """Every column's name, ``block__term``, in column order (as scikit-learn's ``get_feature_names_out``)."""
        return [f"{b.name}__{t}" for b in self.blocks for t in b.terms]

    @property
    def width(self) -> int:
        return sum(b.width for b in self.blocks)

    def __call__(self, folded: list[str]) -> list[sp.csr_matrix]:
        """The blocks of ``folded`` texts (already :func:`~classifier.text.normalise`\\d), in column order."""
        return [self._tfidf(self.word, *self._word_indices(folded), len(folded)),
                self._tfidf(self.char, *self._char_indices(folded), len(folded))]

    def matrix(self, folded: list[str]) -> sp.csr_matrix:
        """The blocks of ``folded`` texts stacked into one CSR matrix."""
        return self.stack(self(folded))

    @staticmethod
    def stack(blocks: list[sp.csr_matrix]) -> sp.csr_matrix:
        """Blocks already computed, as one CSR matrix (for explanations)."""
        return sp.hstack(blocks, format="csr")

    def clear_cache(self) -> None:
        self._cache.clear()

    def __getstate__(self) -> dict:  # worker processes get the model without this process's word cache
        return {**self.__dict__, "_cache": {}}

    def _word_indices(self, docs: list[str]) -> tuple[np.ndarray, list[int]]:
        get, pair, out, sizes = self.word.vocabulary.get, self.word.pairs.get, array("i"), []
        for d in docs:
            tokens = self._tokens(d)
            before = len(out)
            out.extend([j for j in map(get, tokens) if j is not None])
            out.extend([j for j in map(pair, zip(tokens, tokens[1:])) if j is not None])
            sizes.append(len(out) - before)
        return np.frombuffer(out, dtype=np.int32), sizes

    def _char_indices(self, docs: list[str]) -> tuple[np.ndarray, list[int]]:
        cache, get, vocab = self._cache, self._cache.get, self.char.vocabulary.get
        pieces: list[bytes] = []
        sizes = []
        for d in docs:
            words = d.split()
            found = list(map(get, words))
            if None in found:
                if len(cache) >= self.CACHE_WORDS:
                    cache.clear()
                for k, w in enumerate(words):
                    if found[k] is None:
                        found[k] = cache[w] = array("i", [j for j in map(vocab, char_wb_ngrams(w))
                                                          if j is not None]).tobytes()
            pieces.extend(found)
            sizes.append(sum(map(len, found)) // 4)
        return np.frombuffer(bytearray(b"".join(pieces)), dtype=np.int32), sizes

    @staticmethod
    def _tfidf(block: Block, idx: np.ndarray, sizes: list[int], n: int) -> sp.csr_matrix:
        """Counts of the n-gram columns ``idx`` (``sizes`` per text) → sublinear TF × IDF, rows L2-normalised."""
        indptr = np.zeros(n + 1, dtype=np.int32)
        np.cumsum(sizes, out=indptr[1:])
        X = sp.csr_matrix((np.ones(len(idx), dtype=np.float32), idx, indptr), shape=(n, block.width))
        X.sum_duplicates()
        data = X.data
        np.log(data, out=data)
        data += 1.0
        data *= block.idf[X.indices]
        lengths = np.diff(X.indptr)
        filled = lengths > 0
        sums = np.zeros(n)
        sums[filled] = np.add.reduceat(np.square(data, dtype=np.float64), X.indptr[:-1][filled])
        scale = 1.0 / np.sqrt(np.where(sums > 0, sums, 1.0))  # in double, as scikit-learn's normalize
        X.data = (data * np.repeat(scale, lengths)).astype(np.float32)
        return X
