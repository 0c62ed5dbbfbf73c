"""Confusion counts and the list of mistakes, from held-out predictions written out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import fzgap
from fzgap.model.areas import AREAS
from fzgap.train.corpus import Corpus, Row, load_corpus
from fzgap.train.evaluate import score
from fzgap.train.heldout import HeldOut, heldout_groups

CUT = 0.5


def _row(report: str, index: int, labels: tuple[str, ...], scores: dict[str, float]) -> dict:
    full = {a: scores.get(a, 0.1) for a in AREAS}
    predicted = tuple(a for a in AREAS if full[a] >= CUT)
    held = HeldOut(
        report,
        index,
        "achievement",
        report,
        f"段落{index}",
        labels,
        predicted,
        full,
        dict.fromkeys(AREAS, CUT),
    )
    return {
        "report": held.report,
        "index": held.index,
        "section": held.section,
        "source": held.source,
        "text": held.text,
        "expected": held.labels,
        "predicted": held.predicted,
        **{f"{a}_score": full[a] for a in AREAS},
        **{f"{a}_threshold": CUT for a in AREAS},
        "wrong": held.wrong,
    }


@pytest.fixture()
def held() -> pd.DataFrame:
    return pd.DataFrame(
        [
            _row("r1", 0, ("reconsideration",), {"reconsideration": 0.9}),  # right
            _row("r1", 1, ("reconsideration",), {"reconsideration": 0.3}),  # missed by 0.2
            _row("r1", 2, (), {"publicity": 0.95}),  # false alarm by 0.45
            _row("r2", 0, ("decision", "publicity"), {"decision": 0.6, "publicity": 0.7}),
            _row("r2", 1, ("decision",), {"enforcement": 0.55}),  # missed 0.4, false alarm 0.05
            _row("r2", 2, (), {}),  # right: nothing
        ]
    )


def test_wrong_lists_both_kinds_of_mistake() -> None:
    h = HeldOut("r", 0, "plan", "r", "t", ("decision",), ("enforcement",), {}, {})
    assert h.wrong == ("decision", "enforcement")


def test_confusion_counts_per_area(held) -> None:
    c = fzgap.confusion_frame(held)
    assert list(c.index) == list(AREAS)
    assert c.loc["reconsideration", ["TP", "FP", "FN", "TN"]].tolist() == [1, 0, 1, 4]
    assert c.loc["publicity", ["TP", "FP", "FN", "TN"]].tolist() == [1, 1, 0, 4]
    assert c.loc["decision", ["TP", "FP", "FN", "TN"]].tolist() == [1, 0, 1, 4]
    assert c.loc["enforcement", ["TP", "FP", "FN", "TN"]].tolist() == [0, 1, 0, 5]
    assert c.loc["first_responsibility", ["TP", "FP", "FN", "TN"]].tolist() == [0, 0, 0, 6]
    assert c.loc["first_responsibility", "f1"] == 0.0  # no positives: 0, not a division error
    assert (c["support"] == c["TP"] + c["FN"]).all()


def test_confusion_scores_are_the_model_cards(held) -> None:
    indicator = lambda col: np.array([[a in v for a in AREAS] for v in held[col]], dtype=int)
    expected = score(indicator("expected"), indicator("predicted"))
    c = fzgap.confusion_frame(held)
    for a in AREAS:
        assert c.loc[a, "precision"] == pytest.approx(expected.precision[a], abs=1e-4)
        assert c.loc[a, "recall"] == pytest.approx(expected.recall[a], abs=1e-4)
        assert c.loc[a, "f1"] == pytest.approx(expected.f1[a], abs=1e-4)
        assert c.loc[a, "support"] == expected.support[a]


def test_mistakes_most_confident_first(held) -> None:
    m = fzgap.misclassified(held)
    assert list(zip(m["report"], m["index"], m["area"], m["error"])) == [
        ("r1", 2, "publicity", "false_alarm"),
        ("r2", 1, "decision", "missed"),
        ("r1", 1, "reconsideration", "missed"),
        ("r2", 1, "enforcement", "false_alarm"),
    ]
    assert list(m["distance"]) == pytest.approx([0.45, 0.4, 0.2, 0.05])
    assert list(m["expected"]) == ["—", "决策", "复议", "决策"]
    assert list(m["predicted"]) == ["普法", "执法", "—", "执法"]


def test_mistakes_of_one_area(held) -> None:
    m = fzgap.misclassified(held, area="decision")
    assert list(m["index"]) == [1] and list(m["report"]) == ["r2"]
    with pytest.raises(ValueError, match="unknown area"):
        fzgap.misclassified(held, area="budget")


def test_held_out_groups_real_all_and_named() -> None:
    corpus = load_corpus()
    real = heldout_groups(corpus, "real")
    assert real == sorted({r.report for r in corpus.rows if r.source != "authored"})
    assert len(real) >= 3
    every = heldout_groups(corpus, "all")
    assert set(real) < set(every) and every == sorted(set(corpus.groups))
    assert heldout_groups(corpus, [real[1], real[0], real[1]]) == sorted(real[:2])
    with pytest.raises(ValueError, match="no such reports or batches in the corpus: nowhere-2020"):
        heldout_groups(corpus, ["nowhere-2020"])
    with pytest.raises(ValueError, match="'real', 'all'"):
        heldout_groups(corpus, "some")


def test_held_out_groups_of_a_small_corpus() -> None:
    rows = (
        Row("a", 0, "t", (), (), "achievement", "a"),
        Row("b", 0, "t", (), (), "achievement", "authored"),
    )
    assert heldout_groups(Corpus(rows, "x"), "real") == ["a"]
    assert heldout_groups(Corpus(rows, "x"), "all") == ["a", "b"]
