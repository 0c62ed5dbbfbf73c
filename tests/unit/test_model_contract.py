"""Estimator contract: clone round-trip, not-fitted error, identical predictions after joblib,
determinism."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import joblib
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from fzgap.model.classifier import ThresholdedOneVsRest, best_threshold, build_pipeline
from fzgap.train.corpus import load_corpus


@pytest.fixture(scope="module")
def small():
    corpus = load_corpus()
    rows = corpus.rows[::5]
    from fzgap.train.corpus import Corpus

    return Corpus(tuple(rows), "subset")


@pytest.fixture(scope="module")
def fitted(small):
    pipe = build_pipeline(cv=3)
    return pipe.fit(small.texts, small.indicator(), clf__groups=small.groups)


def test_clone_round_trip_keeps_params() -> None:
    est = ThresholdedOneVsRest(C=3.0, cv=4, random_state=7)
    assert clone(est).get_params() == est.get_params()
    pipe = build_pipeline("words", C=2.0)
    assert clone(pipe).get_params()["clf__C"] == 2.0


def test_not_fitted_raises() -> None:
    with pytest.raises(NotFittedError):
        ThresholdedOneVsRest().predict(np.zeros((1, 3)))


def test_fit_returns_self_and_sets_trailing_underscore_attributes(small) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(analyzer="char").fit_transform(small.texts)
    est = ThresholdedOneVsRest(cv=3)
    assert est.fit(X, small.indicator()) is est
    assert est.thresholds_.shape == (5,) and hasattr(est, "estimator_")
    assert "thresholds_" not in ThresholdedOneVsRest().__dict__


def test_joblib_round_trip_gives_identical_predictions(fitted, small) -> None:
    buf = io.BytesIO()
    joblib.dump(fitted, buf)
    buf.seek(0)
    again = joblib.load(buf)
    texts = small.texts[:50] + [
        "全年办理行政复议案件66件。",
        "县长主持召开常务会议专题研究法治建设。",
    ]
    np.testing.assert_array_equal(again.predict_proba(texts), fitted.predict_proba(texts))
    np.testing.assert_array_equal(again.predict(texts), fitted.predict(texts))


def test_best_threshold_separates_perfectly_ranked_scores() -> None:
    y = np.array([0, 0, 1, 1, 1])
    s = np.array([0.1, 0.3, 0.6, 0.7, 0.9])
    t = best_threshold(y, s)
    assert 0.3 < t < 0.6


def test_training_is_deterministic_across_processes(tmp_path: Path) -> None:
    script = (
        "import sys, hashlib, joblib, io\n"
        "from fzgap.train.corpus import load_corpus, Corpus\n"
        "from fzgap.model.classifier import build_pipeline\n"
        "c = load_corpus(); rows = c.rows[::7]; c = Corpus(tuple(rows), 'x')\n"
        "p = build_pipeline(cv=3).fit(c.texts, c.indicator(), clf__groups=c.groups)\n"
        "from fzgap.model.artifact import sha256_file, ARTIFACT_NAME\n"
        "from fzgap.train.export import export_pipeline\n"
        "d = sys.argv[1]; export_pipeline(p, d, {}); "
        "print(sha256_file(__import__('pathlib').Path(d) / ARTIFACT_NAME))\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / seed)],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert len(digests) == 1 and len(next(iter(digests))) == 64
