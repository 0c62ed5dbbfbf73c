"""Features of texts that lie inside other texts of the same call, taken from the outer text.

A report's sentences and clauses are parts of its paragraphs. Their features need not be
computed again: jieba cuts each run of 汉字, letters and digits on its own, so the words of a
part are the words of the paragraph's runs that lie inside it, provided no run crosses the
part's edges; and a character n-gram of the part is an n-gram of the paragraph that lies inside
it. :func:`inner_rows` takes both from the paragraph's, by position. Where a condition does not
hold (the part is not found in its paragraph, a run crosses an edge, the text holds runs of
white space that the character analyzer collapses), the text is featurised on its own, so the
rows are always those of featurising every text by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from fzgap.model.features import Rows, tfidf_blocks
from fzgap.model.vocabulary import codes_of

if TYPE_CHECKING:
    from fzgap.model.linear import LinearScorer

__all__ = ["inner_rows"]

_SEP = "\x00"


def _run_tables() -> tuple[np.ndarray, np.ndarray]:
    """Per BMP code point: whether it belongs to a run, and whether it is a piece alone."""
    run = np.zeros(0x10000, dtype=bool)
    for lo, hi in (("\u4e00", "\u9fd5"), ("a", "z"), ("A", "Z"), ("0", "9")):
        run[ord(lo) : ord(hi) + 1] = True
    run[[ord(c) for c in "+#&._%-"]] = True
    lone = np.zeros(0x10000, dtype=bool)
    lone[0x9FD6:0xA000] = True
    return run, lone


_RUN, _LONE = _run_tables()


def _piece_spans(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end of every piece (run or lone character, as the segmenter finds them)."""
    bmp = np.minimum(codes, 0xFFFF)
    is_run = _RUN[bmp] & (codes < 0x10000)
    is_lone = _LONE[bmp] & (codes < 0x10000)
    edge = np.diff(is_run.astype(np.int8), prepend=np.int8(0), append=np.int8(0))
    run_starts, run_ends = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    starts = np.flatnonzero((edge[:-1] == 1) | is_lone)
    ends = np.empty(len(starts), dtype=np.int64)
    alone = is_lone[starts]
    ends[alone] = starts[alone] + 1
    ends[~alone] = run_ends
    if (~alone).sum() != len(run_starts):
        raise RuntimeError("piece spans out of step")
    return starts, ends


def _ragged(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``lo[i]..hi[i]`` one range after the other, and the range each belongs to."""
    lengths = np.maximum(hi - lo, 0)
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(lo), dtype=np.int64), lengths)
    shift = np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
    return shift + np.arange(total, dtype=np.int64), owner


def inner_rows(scorer: LinearScorer, prepared: Sequence[str], within: Sequence[int]) -> Rows:
    """TF-IDF rows of prepared texts, those inside another text taken from that text's.

    Parameters
    ----------
    scorer : LinearScorer
    prepared : sequence of str
        Prepared texts (:func:`fzgap.model.tokenize.prepare_all`).
    within : sequence of int
        For each text, the index of a text of ``prepared`` that holds it, or -1. An outer text
        must itself have -1.

    Returns
    -------
    Rows
        The same rows as ``scorer._features(prepared)``.
    """
    n = len(prepared)
    where = np.full(n, -1, dtype=np.int64)
    for i, (text, outer) in enumerate(zip(prepared, within)):
        if 0 <= outer < n and within[outer] < 0 and outer != i:
            where[i] = prepared[outer].find(text) if text else -1
    inner = np.flatnonzero(where >= 0)
    outer_of = np.asarray(within, dtype=np.int64)[inner] if len(inner) else inner
    bases = np.flatnonzero(where < 0)
    base_texts = [prepared[i] for i in bases.tolist()]
    block = _SEP.join(base_texts) + _SEP
    if not len(inner) or block.count(_SEP) != len(base_texts) or scorer.chars.collapses(block):
        return scorer._features(list(prepared))
    codes = codes_of(block)
    # Where each base text starts in the block, and where each inner text starts and ends.
    lengths = np.fromiter(map(len, base_texts), dtype=np.int64, count=len(base_texts))
    offset = np.full(n, -1, dtype=np.int64)
    offset[bases] = np.cumsum(lengths + 1) - (lengths + 1)
    a = offset[outer_of] + where[inner]
    b = a + np.fromiter((len(prepared[i]) for i in inner.tolist()), dtype=np.int64)

    seg, words = scorer.segmenter, scorer.words
    ids, piece_doc, per_piece = seg.word_ids_by_piece(base_texts, words.ids)
    starts, ends = _piece_spans(codes)
    if len(starts) != len(per_piece):
        return scorer._features(list(prepared))
    first = np.searchsorted(starts, a)
    stop = np.searchsorted(starts, b)
    # A run crossing an edge would be cut differently inside the part: featurise it alone.
    bad = ((first > 0) & (ends[np.maximum(first - 1, 0)] > a)) | (
        (stop > 0) & (ends[np.maximum(stop - 1, 0)] > b)
    )
    if bad.any():
        alone = set(inner[bad].tolist())
        return inner_rows(scorer, prepared, [-1 if i in alone else w for i, w in enumerate(within)])
    word_at = np.concatenate([[0], np.cumsum(per_piece)])
    take, owner = _ragged(word_at[first], word_at[stop])
    base_doc = bases[np.repeat(piece_doc, per_piece)]
    wd0, wc0 = words.lookup_ids(ids, base_doc)
    wd1, wc1 = words.lookup_ids(ids[take], inner[owner])

    out_doc, out_col = [wd0, wd1], [wc0, wc1]
    n_word = len(words)
    doc_of = np.cumsum(codes == 0) - (codes == 0)
    for size, pos, col in scorer.chars.lookup_positions(codes):
        out_doc.append(bases[doc_of[pos]])
        out_col.append(col + n_word)
        # The n-grams of each inner text: those starting in [a, b - size].
        at, owner = _ragged(np.searchsorted(pos, a), np.searchsorted(pos, b - size + 1))
        out_doc.append(inner[owner])
        out_col.append(col[at] + n_word)
    return tfidf_blocks(np.concatenate(out_doc), np.concatenate(out_col), n, scorer.idf, [n_word])
