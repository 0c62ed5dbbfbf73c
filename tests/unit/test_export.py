"""The pure-data model gives the sklearn pipeline's features, labels and scores on the corpus."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from fzgap.model.classifier import build_pipeline
from fzgap.model.scorer import load_model
from fzgap.train.corpus import Corpus, load_corpus
from fzgap.train.export import export_scorer
from fzgap.train.fit import fit_pipeline, train_model

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "examples").glob("*.txt")) + sorted(
    (ROOT.parent / "shared" / "corpus" / "reports").glob("*.txt")
)
EDGE = [
    "",
    "   ",
    "abc",
    "２０２４年办理案件１２件",
    "甲  乙\t\t丙\n\n丁",
    "。。。",
    "乾隆年間，批覆「規範」",
]


def _texts() -> list[str]:
    """Every labelled paragraph, every line of the sample (and real) reports, and edge cases."""
    lines = [
        line.strip()
        for path in REPORTS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return load_corpus().texts + lines + EDGE


@pytest.fixture(scope="module")
def subset_pipeline():
    corpus = load_corpus()
    small = Corpus(tuple(corpus.rows[::4]), "subset")
    return build_pipeline(cv=3).fit(small.texts, small.indicator(), clf__groups=small.groups)


def test_exported_features_are_the_pipelines_bit_for_bit(subset_pipeline) -> None:
    texts = _texts()
    scorer = export_scorer(subset_pipeline)
    want = subset_pipeline[:-1].transform(texts).tocsr()
    rows = scorer.features(texts)
    got = sp.csr_matrix((rows.val, (rows.doc, rows.col)), shape=want.shape)
    want.sort_indices()
    got.sort_indices()
    np.testing.assert_array_equal(got.indptr, want.indptr)
    np.testing.assert_array_equal(got.indices, want.indices)
    np.testing.assert_array_equal(got.data, want.data)


def test_exported_scores_and_labels_equal_the_pipelines(subset_pipeline) -> None:
    texts = _texts()
    scorer = export_scorer(subset_pipeline)
    want = subset_pipeline.predict_proba(texts)
    got = scorer.predict_proba(texts)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-9)
    thresholds = np.array([scorer.thresholds[a] for a in scorer.thresholds])
    assert (got >= thresholds).tolist() == (want >= thresholds).tolist()


def test_explanations_name_the_terms_that_move_the_score(subset_pipeline) -> None:
    scorer = export_scorer(subset_pipeline)
    expl = scorer.explain("全年办理行政复议案件66件，纠错率12%。")
    terms = {t.term for t in expl.up["reconsideration"]}
    assert "行政复议" in terms or "复议" in " ".join(terms)
    assert all(t.weight > 0 for t in expl.up["reconsideration"])


@pytest.mark.slow
def test_a_trained_model_folder_scores_as_the_fitted_pipeline(tmp_path) -> None:
    corpus = load_corpus()
    pipe = fit_pipeline(corpus)
    train_model(corpus, tmp_path / "m")
    texts = _texts()
    np.testing.assert_allclose(
        load_model(tmp_path / "m").predict_proba(texts),
        pipe.predict_proba(texts),
        rtol=0,
        atol=1e-9,
    )
