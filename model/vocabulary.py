"""Vocabularies of the classifier's features, looked up on integer keys instead of a Python
dictionary per n-gram: each word of the vocabulary gets an id, a bigram the key
``id1 * n_words + id2``; each character gets an id ``1..A`` (0 for any character the vocabulary
never holds), an n-gram the base-``A + 1`` number of its ids. Also the artifact's storage form of
the terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain, count, repeat

import numpy as np

from fzgap.model.keytable import KeyTable

__all__ = ["WordVocabulary", "CharVocabulary", "join_terms", "split_terms", "codes_of"]

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


class WordVocabulary:
    """Lookup of word unigrams and ``"w1 w2"`` bigrams, from the terms in column order."""

    def __init__(self, terms: list[str]) -> None:
        self.terms = terms
        # Every word of every term in order, from one split; a term's width is its spaces + 1.
        flat = " ".join(terms).split(" ") if terms else []
        width = np.fromiter(map(str.count, terms, repeat(" ")), dtype=np.int64, count=len(terms))
        width += 1
        if (width > 2).any():
            bad = terms[int(np.flatnonzero(width > 2)[0])]
            raise ValueError(f"word term {bad!r} is neither a word nor a bigram")
        # Words get ids in order of first appearance; any order would do.
        self.ids: dict[str, int] = dict(zip(dict.fromkeys(flat), count()))
        n = len(self.ids)
        wid = np.fromiter(map(self.ids.__getitem__, flat), dtype=np.int64, count=len(flat))
        offset = np.cumsum(width) - width
        first = wid[offset]
        bi = np.flatnonzero(width == 2)
        second = wid[offset[bi] + 1]
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
        # The terms NUL-separated (no term holds a NUL): their lengths are the gaps between
        # the NULs, found with the code points in one pass.
        codes = codes_of(_SEP.join(terms) + _SEP) if terms else np.zeros(0, dtype=np.int64)
        ends = np.flatnonzero(codes == 0)
        if len(ends) != len(terms):
            raise ValueError("a character n-gram holds a NUL")
        starts = np.r_[0, ends[:-1] + 1] if len(ends) else ends
        lengths = ends - starts
        present = np.zeros(int(codes.max()) + 1 if len(codes) else 1, dtype=bool)
        present[codes] = True
        present[0] = False
        alphabet = np.flatnonzero(present)
        self.base = len(alphabet) + 1
        lo, hi = ngram_range
        if self.base**hi >= 2**63:
            raise ValueError("character vocabulary too large for 64-bit n-gram keys")
        self.table = np.zeros(len(present), dtype=np.int64)
        self.table[alphabet] = np.arange(1, len(alphabet) + 1)
        self.tables: dict[int, KeyTable] = {}
        ids = self.table[codes]
        for n in range(lo, hi + 1):
            at = starts[lengths == n]
            keys = np.zeros(len(at), dtype=np.int64)
            for k in range(n):
                keys = keys * self.base + ids[at + k]
            self.tables[n] = KeyTable(keys, np.flatnonzero(lengths == n))
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
            codes = codes_of(_WHITE.sub(" ", block))
            ends = codes == 0
            doc_of = np.cumsum(ends) - ends
        else:
            texts = [_WHITE.sub(" ", t) for t in texts]
            lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
            codes = codes_of(_SEP.join(texts) + _SEP)
            doc_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        out_doc, out_col = [], []
        for _, pos, col in self.lookup_positions(codes):
            out_doc.append(doc_of[pos])
            out_col.append(col)
        if not out_doc:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(out_doc), np.concatenate(out_col)

    def collapses(self, text: str) -> bool:
        """Whether the analyzer would collapse white space in ``text`` (moving its positions)."""
        return _WHITE.search(text) is not None

    def lookup_positions(self, codes: np.ndarray) -> list[tuple[int, np.ndarray, np.ndarray]]:
        """Per n-gram size: where each vocabulary n-gram of a block starts, and its column.

        ``codes`` are the code points of NUL-joined prepared texts whose white space is
        already collapsed (or holds no run to collapse: :meth:`collapses`); positions ascend
        within each size.
        """
        ids = self._ids(codes)
        lo, hi = self.ngram_range
        out = []
        keys = ids.copy()
        for n in range(1, hi + 1):
            if n > 1:
                keys = keys[:-1] * self.base + ids[n - 1 :]
            if n < lo or not len(self.tables[n]):
                continue
            cols = self.tables[n].get(keys)
            pos = np.flatnonzero(cols >= 0)
            out.append((n, pos, cols[pos]))
        return out


def codes_of(text: str) -> np.ndarray:
    """Code points of ``text``, as int64."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(
        np.int64
    )
