"""The paragraph classifier: TF-IDF on jieba words and characters, one-vs-rest logistic regression,
per-area thresholds chosen by cross-validation."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, KFold, cross_val_predict
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.validation import check_is_fitted

from fzgap.model.tokenize import JiebaTokenizer, prepare_all

__all__ = ["ThresholdedOneVsRest", "build_pipeline", "best_threshold", "FEATURE_SETS"]

FEATURE_SETS = ("both", "words", "chars")


def best_threshold(y_true: np.ndarray, scores: np.ndarray) -> float:
    """The score cut that maximises F1 on held-out predictions (ties go to the lower cut)."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], y_true[order].astype(float)
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    positives = y.sum()
    if positives == 0:
        return 0.5
    f1 = 2 * tp / (tp + fp + positives)
    # Only cut between distinct scores.
    distinct = np.r_[s[1:] != s[:-1], True]
    f1 = np.where(distinct, f1, -1)
    k = int(np.argmax(f1))
    upper = s[k]
    lower = s[k + 1] if k + 1 < len(s) else 0.0
    return float((upper + lower) / 2)


class ThresholdedOneVsRest(ClassifierMixin, BaseEstimator):
    """One-vs-rest logistic regression over the areas, with one decision threshold per area.

    Thresholds are chosen on out-of-fold probabilities (grouped by report when groups are
    given), maximising each area's F1; then the model is refit on all data.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of each logistic regression.
    class_weight : str or None
        Passed to :class:`~sklearn.linear_model.LogisticRegression`.
    cv : int
        Folds for choosing the thresholds.
    random_state : int
        Seed for the fold shuffle (when no groups are given) and the solver.
    """

    def __init__(
        self,
        C: float = 8.0,
        class_weight: str | None = "balanced",
        cv: int = 5,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.random_state = random_state

    def _base(self) -> OneVsRestClassifier:
        return OneVsRestClassifier(
            LogisticRegression(
                C=self.C,
                class_weight=self.class_weight,
                solver="liblinear",
                random_state=self.random_state,
                max_iter=1000,
            )
        )

    def fit(self, X, y, groups=None) -> ThresholdedOneVsRest:
        """Fit on features ``X`` and the indicator matrix ``y`` (n_samples × n_areas)."""
        y = np.asarray(y, dtype=int)
        if y.ndim != 2:
            raise ValueError("y must be an indicator matrix of shape (n_samples, n_areas)")
        if groups is not None and len(set(groups)) >= self.cv:
            splitter = GroupKFold(n_splits=self.cv)
            oof = cross_val_predict(
                self._base(), X, y, cv=splitter, groups=groups, method="predict_proba"
            )
        else:
            splitter = KFold(n_splits=self.cv, shuffle=True, random_state=self.random_state)
            oof = cross_val_predict(self._base(), X, y, cv=splitter, method="predict_proba")
        self.thresholds_ = np.array([best_threshold(y[:, k], oof[:, k]) for k in range(y.shape[1])])
        self.estimator_ = self._base().fit(X, y)
        self.classes_ = np.arange(y.shape[1])
        self.n_features_in_ = X.shape[1]
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Probability of each area, shape (n_samples, n_areas)."""
        check_is_fitted(self, "estimator_")
        return self.estimator_.predict_proba(X)

    def predict(self, X) -> np.ndarray:
        """Indicator matrix: 1 where an area's probability reaches its threshold."""
        return (self.predict_proba(X) >= self.thresholds_).astype(int)

    def coef_matrix(self) -> np.ndarray:
        """Coefficients, shape (n_areas, n_features), for explanations."""
        check_is_fitted(self, "estimator_")
        return np.vstack([e.coef_.ravel() for e in self.estimator_.estimators_])


def _words() -> TfidfVectorizer:
    return TfidfVectorizer(
        tokenizer=JiebaTokenizer(),
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 2),
        min_df=2,
        sublinear_tf=True,
        dtype=np.float32,
    )


def _chars() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char",
        lowercase=False,
        ngram_range=(2, 4),
        min_df=2,
        max_features=120_000,
        sublinear_tf=True,
        dtype=np.float32,
    )


def build_pipeline(
    features: str = "both", C: float = 8.0, cv: int = 5, random_state: int = 0
) -> Pipeline:
    """The fzgap classifier: features, then :class:`ThresholdedOneVsRest`.

    Parameters
    ----------
    features : {'both', 'words', 'chars'}
        jieba words (uni- and bigrams), character 2–4-grams, or both side by side.
    C, cv, random_state
        Passed to :class:`ThresholdedOneVsRest`.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Fit with ``pipeline.fit(texts, Y, clf__groups=groups)``.
    """
    if features not in FEATURE_SETS:
        raise ValueError(f"features must be one of {FEATURE_SETS}, not {features!r}")
    parts = []
    if features in ("both", "words"):
        parts.append(("words", _words()))
    if features in ("both", "chars"):
        parts.append(("chars", _chars()))
    return Pipeline(
        [
            # Normalise once (simplified, half-width, numbers as 0); both feature sets read the
            # result.
            ("prepare", FunctionTransformer(prepare_all)),
            ("features", FeatureUnion(parts)),
            ("clf", ThresholdedOneVsRest(C=C, cv=cv, random_state=random_state)),
        ]
    )
