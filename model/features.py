"""TF-IDF features in numpy: the same matrices as scikit-learn's ``TfidfVectorizer``, bit for bit.

Both vectorizers of the classifier (jieba words in uni- and bigrams; characters in 2–4-grams)
use raw counts, ``1 + log(tf)``, the fitted ``idf`` and an L2 norm per row, all in float32 as
the fitted vectorizers do. Vocabulary lookup works on integer keys with sorted arrays instead
of a Python dictionary per n-gram: each word of the vocabulary gets an id, a bigram the key
``id1 * n_words + id2``; each character gets an id ``1..A`` (0 for any character the vocabulary
never holds), an n-gram the base-``A + 1`` number of its ids.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, count, repeat

import numpy as np

from fzgap.model.keytable import KeyTable

__all__ = [
    "Rows",
    "WordVocabulary",
    "CharVocabulary",
    "tfidf_rows",
    "tfidf_blocks",
    "join_terms",
    "split_terms",
]

#: scikit-learn's char analyzer first collapses runs of white space (``\s\s+``) to one space.
_WHITE = re.compile(r"\s\s+")
_SEP = "\x00"


def join_terms(terms: Sequence[str]) -> np.ndarray:
    """Terms as one UTF-8 byte array, NUL-separated (the artifact's storage form)."""
    if any(_SEP in t for t in terms):
        raise ValueError("a vocabulary term holds a NUL character")
    return np.frombuffer(_SEP.join(terms).encode("utf-8"), dtype=np.uint8)


def split_terms(data: np.ndarray) -> list[str]:
    """Inverse of :func:`join_terms`."""
    text = data.tobytes().decode("utf-8")
    return text.split(_SEP) if text else []


@dataclass(frozen=True, slots=True)
class Rows:
    """Sparse rows in CSR order: ``doc`` ascending, ``col`` ascending within a doc."""

    doc: np.ndarray  # int64
    col: np.ndarray  # int64
    val: np.ndarray  # float32
    n_docs: int


class WordVocabulary:
    """Lookup of word unigrams and ``"w1 w2"`` bigrams, from the terms in column order."""

    def __init__(self, terms: list[str]) -> None:
        self.terms = terms
        parts = [t.split(" ") for t in terms]
        if any(len(p) > 2 for p in parts):
            bad = next(t for t, p in zip(terms, parts) if len(p) > 2)
            raise ValueError(f"word term {bad!r} is neither a word nor a bigram")
        # Words get ids in order of first appearance; any order would do.
        self.ids: dict[str, int] = dict(zip(dict.fromkeys(chain.from_iterable(parts)), count()))
        n = len(self.ids)
        width = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        first = np.fromiter(
            map(self.ids.__getitem__, (p[0] for p in parts)), dtype=np.int64, count=len(parts)
        )
        bi = np.flatnonzero(width == 2)
        second = np.fromiter(
            (self.ids[parts[c][1]] for c in bi.tolist()), dtype=np.int64, count=len(bi)
        )
        uni = np.flatnonzero(width == 1)
        self.uni_col = np.full(n, -1, dtype=np.int64)
        self.uni_col[first[uni]] = uni
        self.bigrams = KeyTable(first[bi] * n + second, bi)

    def __len__(self) -> int:
        return len(self.terms)

    def lookup(self, docs: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(doc, col) of every vocabulary unigram and bigram occurrence in tokenised docs."""
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
        flat = chain.from_iterable(docs)
        ids = np.fromiter(
            map(self.ids.get, flat, repeat(-1)), dtype=np.int64, count=int(lengths.sum())
        )
        return self.lookup_ids(ids, np.repeat(np.arange(len(docs), dtype=np.int64), lengths))

    def lookup_ids(self, ids: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(doc, col) of every vocabulary unigram and bigram occurrence, from word ids.

        Parameters
        ----------
        ids : ndarray of int64
            The id in :attr:`ids` of every word of every doc in order, -1 for other words.
        doc : ndarray of int64
            The doc of each word, ascending.
        """
        col = np.where(ids >= 0, self.uni_col[np.maximum(ids, 0)], -1)
        out_doc, out_col = [doc[col >= 0]], [col[col >= 0]]
        if len(ids) > 1 and len(self.bigrams):
            a, b = ids[:-1], ids[1:]
            same = (doc[:-1] == doc[1:]) & (a >= 0) & (b >= 0)
            cols = self.bigrams.get(np.where(same, a * len(self.ids) + b, -1))
            hit = cols >= 0
            out_doc.append(doc[:-1][hit])
            out_col.append(cols[hit])
        return np.concatenate(out_doc), np.concatenate(out_col)


class CharVocabulary:
    """Lookup of character n-grams (all of one length range), from the terms in column order."""

    def __init__(self, terms: list[str], ngram_range: tuple[int, int]) -> None:
        self.terms = terms
        self.ngram_range = ngram_range
        codes = np.sort(_codes("".join(terms)))
        alphabet = codes[_starts(codes)]
        self.base = len(alphabet) + 1
        lo, hi = ngram_range
        if self.base**hi >= 2**63:
            raise ValueError("character vocabulary too large for 64-bit n-gram keys")
        top = int(alphabet[-1]) if len(alphabet) else 0
        self.table = np.zeros(top + 1, dtype=np.int64)
        self.table[alphabet] = np.arange(1, len(alphabet) + 1)
        self.tables: dict[int, KeyTable] = {}
        lengths = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        starts = np.cumsum(lengths) - lengths
        ids = self._ids(_codes("".join(terms)))
        for n in range(lo, hi + 1):
            cols = np.flatnonzero(lengths == n)
            keys = np.zeros(len(cols), dtype=np.int64)
            for k in range(n):
                keys = keys * self.base + ids[starts[cols] + k]
            self.tables[n] = KeyTable(keys, cols)
        if sum(map(len, self.tables.values())) != len(terms):
            raise ValueError("character terms outside the n-gram range")

    def __len__(self) -> int:
        return len(self.terms)

    def _ids(self, codes: np.ndarray) -> np.ndarray:
        top = len(self.table) - 1
        return np.where(codes <= top, self.table[np.minimum(codes, top)], 0)

    def lookup(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(doc, col) of every vocabulary n-gram occurrence in prepared texts."""
        if not texts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        # One NUL after each text: its id is 0, so no n-gram spans two texts.
        block = _SEP.join(texts) + _SEP
        if block.count(_SEP) == len(texts):
            # White space never spans a NUL: collapsing it in the block collapses each text's.
            codes = _codes(_WHITE.sub(" ", block))
            ends = codes == 0
            doc_of = np.cumsum(ends) - ends
        else:
            texts = [_WHITE.sub(" ", t) for t in texts]
            lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
            codes = _codes(_SEP.join(texts) + _SEP)
            doc_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        ids = self._ids(codes)
        lo, hi = self.ngram_range
        out_doc, out_col = [], []
        keys = ids.copy()
        for n in range(1, hi + 1):
            if n > 1:
                # An n-gram holding an id 0 has a 0 digit: no vocabulary key has one.
                keys = keys[:-1] * self.base + ids[n - 1 :]
            if n < lo or not len(self.tables[n]):
                continue
            cols = self.tables[n].get(keys)
            hit = cols >= 0
            out_doc.append(doc_of[: len(keys)][hit])
            out_col.append(cols[hit])
        if not out_doc:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(out_doc), np.concatenate(out_col)


def _codes(text: str) -> np.ndarray:
    """Code points of ``text``."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(
        np.int64
    )


def tfidf_rows(doc: np.ndarray, col: np.ndarray, n_docs: int, n_cols: int, idf: np.ndarray) -> Rows:
    """Counts of (doc, col) occurrences → sublinear tf × idf, L2-normalised rows, as sklearn does.

    Parameters
    ----------
    doc, col : ndarray of int64
        One entry per occurrence of a vocabulary term.
    n_docs, n_cols : int
        Number of rows and of vocabulary terms.
    idf : ndarray of float32
        The fitted idf weights.
    """
    flat, counts = np.unique(doc * n_cols + col, return_counts=True)
    d, c = flat // n_cols, flat % n_cols
    val = counts.astype(np.float32)
    np.log(val, out=val)
    val += np.float32(1.0)
    val *= idf[c]
    # sklearn sums the squares (float32 products) in a double, row by row, in column order.
    sq = (val * val).astype(np.float64)
    norms = np.zeros(n_docs, dtype=np.float64)
    if len(d):
        starts = np.flatnonzero(np.r_[True, d[1:] != d[:-1]])
        norms[d[starts]] = _sequential_sums(sq, starts)
    scale = np.sqrt(norms)[d]
    val = (val.astype(np.float64) / scale).astype(np.float32)
    return Rows(d, c, val, n_docs)


def tfidf_blocks(
    doc: np.ndarray, col: np.ndarray, n_docs: int, idf: np.ndarray, splits: Sequence[int]
) -> Rows:
    """:func:`tfidf_rows` of vectorizers side by side, each row normalised within each block.

    Same values as one :func:`tfidf_rows` per block of columns with the blocks' rows
    concatenated, in CSR order of the whole width (one sort instead of one per block).

    Parameters
    ----------
    doc, col : ndarray of int64
        One entry per occurrence of a term, ``col`` over the whole width.
    n_docs : int
        Number of rows.
    idf : ndarray of float32
        The idf weights of all columns, blocks one after the other.
    splits : sequence of int
        Where each block after the first starts (``[n_words]`` for words, then characters).
    """
    n_cols = len(idf)
    # A 32-bit key sorts in half the time where it can hold every (doc, col).
    if n_docs * n_cols < 2**31:
        key = doc.astype(np.int32) * np.int32(n_cols) + col.astype(np.int32)
    else:
        key = doc * n_cols + col
    key.sort()
    first = _starts(key)
    counts = np.diff(first, append=len(key))
    key = key[first]
    d, c = (key // n_cols).astype(np.int64), (key % n_cols).astype(np.int64)
    del key, first
    val = counts.astype(np.float32)
    np.log(val, out=val)
    val += np.float32(1.0)
    val *= idf[c]
    # sklearn sums the squares (float32 products) in a double, row by row, in column order.
    starts = _starts(d * (len(splits) + 1) + np.searchsorted(np.asarray(splits), c, side="right"))
    norms = np.sqrt(_sequential_sums((val * val).astype(np.float64), starts))
    scale = np.repeat(norms, np.diff(starts, append=len(val)))
    val = (val.astype(np.float64) / scale).astype(np.float32)
    return Rows(d, c, val, n_docs)


def _starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    new = np.empty(len(values), dtype=bool)
    new[0] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    return np.flatnonzero(new)


def _sequential_sums(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Sum of each segment added left to right (numpy's own reductions sum pairwise)."""
    if not len(starts):
        return np.zeros(0, dtype=np.float64)
    lengths = np.diff(np.r_[starts, len(values)])
    out = np.zeros(len(starts), dtype=np.float64)
    # Segments of about one length (up to twice) as the rows of a matrix padded with zeros
    # (adding 0.0 changes no sum): cumsum adds left to right, along all the rows at once.
    group = np.ceil(np.log2(np.maximum(lengths, 1))).astype(np.int64)
    # The distinct groups, from bincount: np.unique would load numpy.ma (18 ms of start-up).
    for g in np.flatnonzero(np.bincount(group[lengths > 0])).tolist():
        seg = np.flatnonzero((group == g) & (lengths > 0))
        size = lengths[seg]
        row = np.repeat(np.arange(len(seg)), size)
        pos = np.arange(len(row)) - np.repeat(np.cumsum(size) - size, size)
        padded = np.zeros((len(seg), int(size.max())), dtype=np.float64)
        padded[row, pos] = values[np.repeat(starts[seg], size) + pos]
        out[seg] = np.cumsum(padded, axis=1)[:, -1]
    return out
