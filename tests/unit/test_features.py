"""Two vectorizers' TF-IDF rows in one pass equal each vectorizer's rows, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from fzgap.model.features import tfidf_blocks, tfidf_rows


@pytest.mark.parametrize(
    ("n_docs", "n_char"),
    [(1, 2500), (50, 2500), (3000, 2500), (3000, 800_000)],  # the last: keys past 32 bits
)
def test_side_by_side_rows_are_each_blocks_rows(n_docs: int, n_char: int) -> None:
    rng = np.random.default_rng(n_docs)
    n_word = 700
    idf = rng.uniform(1, 9, n_word + n_char).astype(np.float32)
    n = 40 * n_docs
    # Skewed columns, so that terms repeat within a row; some rows get nothing at all.
    doc = np.sort(rng.integers(0, n_docs, n))
    col = np.minimum(rng.zipf(1.3, n) - 1, n_word + n_char - 1)
    words, chars = col < n_word, col >= n_word
    w = tfidf_rows(doc[words], col[words], n_docs, n_word, idf[:n_word])
    c = tfidf_rows(doc[chars], col[chars] - n_word, n_docs, n_char, idf[n_word:])
    both_doc = np.concatenate([w.doc, c.doc])
    both_col = np.concatenate([w.col, c.col + n_word])
    order = np.lexsort((both_col, both_doc))
    got = tfidf_blocks(doc, col, n_docs, idf, [n_word])
    assert got.n_docs == n_docs
    np.testing.assert_array_equal(got.doc, both_doc[order])
    np.testing.assert_array_equal(got.col, both_col[order])
    np.testing.assert_array_equal(got.val, np.concatenate([w.val, c.val])[order])


def test_no_terms_give_no_rows() -> None:
    empty = np.zeros(0, dtype=np.int64)
    rows = tfidf_blocks(empty, empty, 3, np.ones(5, dtype=np.float32), [2])
    assert rows.n_docs == 3 and len(rows.doc) == len(rows.col) == len(rows.val) == 0


def test_row_norms_add_left_to_right_as_sklearn_does() -> None:
    from fzgap.model.features import _sequential_sums

    rng = np.random.default_rng(3)
    # Rows of very different lengths and magnitudes: a pairwise sum would differ in the last bits.
    lengths = np.r_[1, 2, 3, 700, rng.integers(1, 300, 200), 5000]
    values = rng.random(int(lengths.sum())) * 10.0 ** rng.integers(-8, 3, int(lengths.sum()))
    starts = np.cumsum(lengths) - lengths
    want = []
    for a, n in zip(starts.tolist(), lengths.tolist()):
        acc = 0.0
        for v in values[a : a + n].tolist():
            acc += v
        want.append(acc)
    assert _sequential_sums(values, starts).tolist() == want
    assert np.add.reduceat(values, starts).tolist() != want  # the test can tell the two apart


@pytest.mark.parametrize("chunk", [1, 3, 50, 599])
def test_scores_summed_in_steps_equal_one_product(monkeypatch, chunk: int) -> None:
    """The five areas' sums, whole documents a step at a time, equal the sums of the whole
    block in one step bit for bit, and each row's dot product; empty rows score 0 wherever
    the steps fall."""
    from fzgap.model import linear
    from fzgap.model.features import Rows
    from fzgap.model.scorer import load_model

    model = load_model()
    rng = np.random.default_rng(chunk)
    n_docs = 40
    doc = np.sort(rng.integers(0, n_docs, 600))
    doc = doc[(doc % 7) != 3]  # some documents have no term
    col = rng.integers(0, len(model.idf), len(doc))
    val = rng.uniform(0.01, 1, len(doc)).astype(np.float32)
    rows = Rows(doc, col, val, n_docs)
    want = np.zeros((n_docs, 5))
    for d, c, v in zip(doc.tolist(), col.tolist(), val.astype(np.float64).tolist()):
        want[d] += model.coef[:, c] * v
    monkeypatch.setattr(linear, "_SUM_CHUNK", 10**9)
    whole = model._sums(rows)
    monkeypatch.setattr(linear, "_SUM_CHUNK", chunk)
    got = model._sums(rows)
    np.testing.assert_array_equal(got, whole)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-12)
    assert (got[3::7] == 0).all()


def test_a_texts_scores_do_not_depend_on_the_texts_beside_it() -> None:
    """A text without any vocabulary term, after or between others in one call, changes no
    other text's scores (texts without terms at the end once cut the last term off the text
    before them)."""
    from fzgap.model.scorer import load_model

    model = load_model()
    texts = ["全年办理行政复议案件66件，纠错率12%。", "组织旁听庭审3次。", "推进规范公正文明执法"]
    alone = np.vstack([model.decision_function([t]) for t in texts])
    bare = ["。", "", "、", "——"]
    assert (model.features(bare).val.size, model.features(texts[:1]).val.size > 1) == (0, True)
    mixed = [texts[0], bare[0], texts[1], bare[1], bare[2], texts[2], bare[3]]
    got = model.decision_function(mixed)
    np.testing.assert_array_equal(got[[0, 2, 5]], alone)
    np.testing.assert_array_equal(got[[1, 3, 4, 6]], np.tile(model.intercept, (4, 1)))


def test_a_character_term_holding_a_nul_is_refused() -> None:
    """The terms' lengths are read off the NULs between them: a NUL inside one would shift
    every later column."""
    from fzgap.model.vocabulary import CharVocabulary

    assert CharVocabulary(["ab", "bcd"], (2, 4)).terms == ["ab", "bcd"]
    with pytest.raises(ValueError, match="NUL"):
        CharVocabulary(["a\x00bc", "de"], (2, 4))
