"""The TF-IDF one-vs-rest scorer (manifest kind ``tfidf-ovr``): the first
:class:`~fzgap.model.scorer.Scorer`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fzgap.model.areas import AREAS
from fzgap.model.artifact import KIND, load_pipeline
from fzgap.model.scorer import Explanation, TermWeight, register_kind

__all__ = ["TfidfScorer", "KIND"]


class TfidfScorer:
    """The shipped scorer: a fitted TF-IDF + one-vs-rest pipeline, verified and loaded.

    Parameters
    ----------
    pipeline : sklearn.pipeline.Pipeline
        Fitted pipeline ending in :class:`~fzgap.model.classifier.ThresholdedOneVsRest`.
    manifest : dict
        The artifact's manifest.
    """

    def __init__(self, pipeline: Any, manifest: dict[str, Any]) -> None:
        self.pipeline = pipeline
        self.manifest = manifest
        self.areas: tuple[str, ...] = AREAS
        self.thresholds: dict[str, float] = dict(zip(AREAS, map(float, pipeline[-1].thresholds_)))
        self._names: np.ndarray | None = None

    kind = KIND

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities, shape (len(texts), 5), in ``AREAS`` order."""
        if len(texts) == 0:
            return np.zeros((0, len(AREAS)))
        return self.pipeline.predict_proba(list(texts))

    def explain(self, text: str, top: int = 8) -> Explanation:
        """The terms that pushed each area's score up or down for ``text``.

        Parameters
        ----------
        text : str
            One paragraph.
        top : int
            How many terms to keep per direction and area.
        """
        features = self.pipeline[-2]
        clf = self.pipeline[-1]
        x = self.pipeline[:-1].transform([text]).tocsr()
        if self._names is None:
            self._names = features.get_feature_names_out()
        names = self._names
        coefs = clf.coef_matrix()
        idx, vals = x.indices, x.data
        scores = self.predict_proba([text])[0]
        up: dict[str, tuple[TermWeight, ...]] = {}
        down: dict[str, tuple[TermWeight, ...]] = {}
        for k, area in enumerate(AREAS):
            contrib = vals * coefs[k, idx]
            order = np.argsort(-contrib, kind="stable")
            terms = [TermWeight(*_split_name(names[idx[j]]), float(contrib[j])) for j in order]
            up[area] = tuple(t for t in terms if t.weight > 0)[:top]
            down[area] = tuple(t for t in reversed(terms) if t.weight < 0)[:top]
        return Explanation(
            text,
            {a: round(float(s), 4) for a, s in zip(AREAS, scores)},
            dict(self.thresholds),
            up,
            down,
        )


def _split_name(name: str) -> tuple[str, str]:
    prefix, _, term = name.partition("__")
    return term, ("word" if prefix == "words" else "char")


def _load(directory: Path, manifest: dict[str, Any]) -> TfidfScorer:
    pipeline, manifest = load_pipeline(directory)
    return TfidfScorer(pipeline, manifest)


register_kind(KIND, _load)
