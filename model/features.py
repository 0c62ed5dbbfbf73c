"""TF-IDF features in numpy: the same matrices as scikit-learn's ``TfidfVectorizer``, bit for bit.

Both vectorizers of the classifier (jieba words in uni- and bigrams; characters in 2–4-grams)
use raw counts, ``1 + log(tf)``, the fitted ``idf`` and an L2 norm per row, all in float32 as
the fitted vectorizers do. The occurrences come from the vocabularies of
:mod:`fzgap.model.vocabulary`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = ["Rows", "tfidf_rows", "tfidf_blocks"]


@dataclass(frozen=True, slots=True)
class Rows:
    """Sparse rows in CSR order: ``doc`` ascending, ``col`` ascending within a doc."""

    doc: np.ndarray  # int64
    col: np.ndarray  # int64
    val: np.ndarray  # float32
    n_docs: int


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
    # Segments of about one length (up to twice) as the rows of a matrix of windows that start
    # where they start: a prefix sum adds left to right, along all the rows at once, and its
    # entry ``length - 1`` is the segment's sum (what follows the segment is never added in).
    group = np.ceil(np.log2(np.maximum(lengths, 1))).astype(np.int64)
    padded = np.concatenate([values, np.zeros(int(lengths.max()))])
    # The distinct groups, from bincount: np.unique would load numpy.ma (18 ms of start-up).
    for g in np.flatnonzero(np.bincount(group[lengths > 0])).tolist():
        seg = np.flatnonzero((group == g) & (lengths > 0))
        size = lengths[seg]
        rows = sliding_window_view(padded, int(size.max()))[starts[seg]]
        out[seg] = np.cumsum(rows, axis=1)[np.arange(len(seg)), size - 1]
    return out
