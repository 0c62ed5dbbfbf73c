"""The shipped model's strongest terms per area: the checklist's own words, in a fixed order."""

from __future__ import annotations

import numpy as np
import pytest

import fzgap
from fzgap.model.areas import AREA_NAMES_ZH, AREAS
from fzgap.model.errors import ModelError
from fzgap.model.scorer import RanksTerms, Scorer, load_model


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_model()


@pytest.mark.parametrize(
    ("area", "term"),
    [
        ("decision", "决策"),
        ("enforcement", "执法"),
        ("reconsideration", "复议"),
        ("publicity", "普法"),
        ("first_responsibility", "主要负责人"),
    ],
)
def test_each_area_is_led_by_its_own_word(model, area, term) -> None:
    top = model.top_terms(area, 3, kind="word")
    assert term in [t.term for t in top]
    assert all(t.kind == "word" and t.weight > 0 for t in top)


def test_reconsideration_terms_are_about_reconsideration_and_litigation(model) -> None:
    words = {t.term for t in model.top_terms("reconsideration", 10, kind="word")}
    assert {"复议", "行政复议", "应诉"} <= words
    assert "普法" not in words


def test_weights_are_the_coefficients_strongest_first(model) -> None:
    k = AREAS.index("publicity")
    columns = {t: i for i, t in enumerate(model.words.terms)}
    top = model.top_terms("publicity", 50, kind="word")
    weights = [t.weight for t in top]
    assert weights == sorted(weights, reverse=True)
    assert weights == pytest.approx([model.coef[k, columns[t.term]] for t in top])
    assert weights[0] == pytest.approx(float(model.coef[k, : len(model.words)].max()))


def test_equal_coefficients_keep_vocabulary_order(model) -> None:
    # character n-grams of one phrase (政执, 政执法, 行政执 …) often share a coefficient exactly
    n_word = len(model.words)
    column = {t: n_word + i for i, t in enumerate(model.chars.terms)}
    top = model.top_terms("enforcement", 300, kind="char")
    ties = 0
    for a, b in zip(top, top[1:]):
        assert a.weight >= b.weight
        if a.weight == b.weight:
            ties += 1
            assert column[a.term] < column[b.term]
    assert ties > 0
    assert model.top_terms("enforcement", 300, kind="char") == top


def test_both_kinds_ranked_together(model) -> None:
    both = model.top_terms("decision", 40)
    assert {t.kind for t in both} == {"word", "char"}
    merged = sorted(
        model.top_terms("decision", 40, "word") + model.top_terms("decision", 40, "char"),
        key=lambda t: -t.weight,
    )
    assert [t.weight for t in both] == [t.weight for t in merged[:40]]


def test_only_positive_weights_and_edge_sizes(model) -> None:
    k = AREAS.index("reconsideration")
    positives = int((model.coef[k] > 0).sum())
    assert len(model.top_terms("reconsideration", positives + 100)) == positives
    assert model.top_terms("reconsideration", 0) == ()
    with pytest.raises(ValueError, match="unknown area"):
        model.top_terms("budget", 5)
    with pytest.raises(ValueError, match="kind"):
        model.top_terms("decision", 5, kind="phrase")


def test_strongest_terms_table(model) -> None:
    table = fzgap.strongest_terms(n=6)
    assert list(table.columns) == ["area", "area_zh", "rank", "term", "kind", "weight"]
    assert list(table["area"]) == [a for a in AREAS for _ in range(6)]
    assert list(table["rank"]) == list(range(1, 7)) * len(AREAS)
    assert set(table["area_zh"]) == set(AREA_NAMES_ZH.values())
    rec = table[table["area"] == "reconsideration"]
    assert list(rec["term"]) == [t.term for t in model.top_terms("reconsideration", 6)]
    assert table.equals(fzgap.strongest_terms(n=6, model=model))


class _NoTerms:
    """A scorer that scores but has no per-term weights (e.g. a neural model)."""

    kind = "constant"
    thresholds = dict.fromkeys(AREAS, 0.5)
    manifest: dict[str, object] = {}

    def predict_proba(self, texts):  # type: ignore[no-untyped-def]
        return np.full((len(texts), len(AREAS)), 0.5)

    def explain(self, text, top=8):  # type: ignore[no-untyped-def]
        raise NotImplementedError


def test_a_model_without_term_weights_is_refused_in_one_line() -> None:
    scorer = _NoTerms()
    assert isinstance(scorer, Scorer) and not isinstance(scorer, RanksTerms)
    with pytest.raises(ModelError, match="kind 'constant' does not list its strongest terms"):
        fzgap.strongest_terms(model=scorer)
