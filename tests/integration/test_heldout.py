"""Held-out predictions of one real report: the same calls as the evaluation behind the model card,
kept paragraph by paragraph."""

from __future__ import annotations

import pytest

import fzgap
from fzgap.model.areas import AREAS
from fzgap.train.corpus import load_corpus

pytestmark = pytest.mark.slow  # fits a model on the whole corpus

REPORT = "maojian-2023"  # the smallest real report: one fold


@pytest.fixture(scope="module")
def held():  # type: ignore[no-untyped-def]
    return fzgap.heldout_frame([REPORT])


def test_rows_are_the_held_out_reports_paragraphs_in_order(held) -> None:
    rows = [r for r in load_corpus().rows if r.report == REPORT]
    assert len(held) == len(rows) > 0
    assert list(held["index"]) == [r.index for r in rows]
    assert list(held["text"]) == [r.text for r in rows]
    assert list(held["expected"]) == [r.labels for r in rows]


def test_predictions_are_scores_at_or_above_the_folds_thresholds(held) -> None:
    for _, r in held.iterrows():
        assert r["predicted"] == tuple(a for a in AREAS if r[f"{a}_score"] >= r[f"{a}_threshold"])
        assert all(0.0 <= r[f"{a}_score"] <= 1.0 for a in AREAS)
        assert r["wrong"] == tuple(
            a for a in AREAS if (a in r["expected"]) != (a in r["predicted"])
        )
    # one fold, one set of thresholds
    assert all(held[f"{a}_threshold"].nunique() == 1 for a in AREAS)


def test_the_held_out_report_is_mostly_right(held) -> None:
    confusion = fzgap.confusion_frame(held)
    # a check that the fold learned the areas, not a target: never tune on these numbers
    assert confusion.loc["reconsideration", "recall"] >= 0.8
    assert confusion["f1"].mean() >= 0.6
    mistakes = fzgap.misclassified(held)
    assert len(mistakes) == sum(len(w) for w in held["wrong"])
