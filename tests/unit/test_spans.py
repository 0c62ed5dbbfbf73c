"""Sentences and clauses featurised from their paragraph's words and n-grams: the same rows and
scores as featurising each on its own, bit for bit, on real reports and on the edge cases."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fzgap.analyze.coverage._evidence import split_clauses, split_sentences
from fzgap.analyze.ingest import load_document
from fzgap.analyze.segment import segment
from fzgap.model.scorer import load_model
from fzgap.model.spans import inner_rows
from fzgap.model.tokenize import prepare_all

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def model():
    return load_model(None)


def _units(path: Path) -> tuple[list[str], list[int]]:
    """A report's paragraphs, then each one's sentences and clauses, with their paragraph."""
    paragraphs = segment(load_document(path)).paragraphs
    units, within = [p.text for p in paragraphs], [-1] * len(paragraphs)
    for i, p in enumerate(paragraphs):
        for sentence in split_sentences(p.norm):
            parts = [sentence, *split_clauses(sentence)]
            units += parts
            within += [i] * len(parts)
    return units, within


def _same_rows(got, want) -> None:
    assert got.n_docs == want.n_docs
    np.testing.assert_array_equal(got.doc, want.doc)
    np.testing.assert_array_equal(got.col, want.col)
    np.testing.assert_array_equal(got.val, want.val)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_parts_of_real_reports_get_their_own_rows(model, path: Path, monkeypatch) -> None:
    units, within = _units(path)
    prepared = prepare_all(units)
    want = model._features(prepared)
    # The parts' rows must come from their paragraphs, not from featurising every text.
    plain = model._features
    monkeypatch.setattr(model, "_features", lambda texts: pytest.fail("fell back"))
    got = inner_rows(model, prepared, within)
    monkeypatch.setattr(model, "_features", plain)
    _same_rows(got, want)
    np.testing.assert_array_equal(
        model.predict_proba_within(units, within), model.predict_proba(units)
    )


@pytest.mark.parametrize(
    ("texts", "within"),
    [
        # Not found in its paragraph (an error of the caller's): featurised on its own.
        (["全年办理行政复议案件0件。", "行政执法全过程记录"], [-1, 0]),
        # The part's edges cut runs (行政复议 is one run): cut on its own, as jieba would.
        (["全年办理行政复议案件0件。", "政复议案", "行政", "复议案件0件。"], [-1, 0, 0, 0]),
        # Runs of white space, which the character analyzer collapses.
        (["推进 \n 依法决策，落实合法性审查。", "落实合法性审查。"], [-1, 0]),
        # A holder that is itself held, an index out of range, a text holding itself.
        (["落实合法性审查和集体讨论决定。", "合法性审查", "审查", "决定"], [-1, 0, 1, 9]),
        (["落实合法性审查。"], [0]),
        # Empty texts, texts without a run, lone 汉字 past the runs' range, letters and digits.
        (
            ["", "。，", "推进OA系统2.0上线，\u9fd6\u9fff字。", "OA系统2.0", "\u9fff字。"],
            [-1, -1, -1, 2, 2],
        ),
    ],
)
def test_edge_cases_give_each_texts_own_rows(model, texts: list[str], within: list[int]) -> None:
    prepared = prepare_all(texts)
    _same_rows(inner_rows(model, prepared, within), model._features(prepared))


def test_within_must_match_the_texts(model) -> None:
    with pytest.raises(ValueError, match="one index per text"):
        model.predict_proba_within(["落实合法性审查。"], [-1, 0])
