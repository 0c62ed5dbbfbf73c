"""``AreaModel``: the loaded classifier as strings in, scores and labels out, with explanations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from fzgap.model.areas import AREAS
from fzgap.model.artifact import load_pipeline

__all__ = ["AreaModel", "Classification", "TermWeight", "Explanation", "load_model"]


@dataclass(frozen=True, slots=True)
class Classification:
    """Areas of one paragraph: those at or above threshold, and every area's probability."""

    text: str
    labels: tuple[str, ...]
    scores: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """The ``fzgap classify --format jsonl`` row."""
        return {"text": self.text, "labels": list(self.labels), "scores": self.scores}


@dataclass(frozen=True, slots=True)
class TermWeight:
    """A feature's push on an area's score: tf-idf value times coefficient."""

    term: str
    kind: str  # "word" or "char"
    weight: float

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {"term": self.term, "kind": self.kind, "weight": round(self.weight, 4)}


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why each area scored as it did for one paragraph."""

    text: str
    scores: dict[str, float]
    thresholds: dict[str, float]
    up: dict[str, tuple[TermWeight, ...]]
    down: dict[str, tuple[TermWeight, ...]]

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form."""
        return {
            "text": self.text,
            "scores": self.scores,
            "thresholds": self.thresholds,
            "up": {a: [t.to_dict() for t in ts] for a, ts in self.up.items()},
            "down": {a: [t.to_dict() for t in ts] for a, ts in self.down.items()},
        }


class AreaModel:
    """A verified, loaded classifier.

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

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities, shape (len(texts), 5), in ``AREAS`` order."""
        if len(texts) == 0:
            return np.zeros((0, len(AREAS)))
        return self.pipeline.predict_proba(list(texts))

    def labels_of(self, scores: np.ndarray) -> tuple[str, ...]:
        """Areas whose score reaches their threshold, for one row of scores."""
        return tuple(a for a, s in zip(AREAS, scores) if s >= self.thresholds[a])

    def classify(self, texts: Sequence[str]) -> list[Classification]:
        """Classify paragraphs.

        Parameters
        ----------
        texts : sequence of str
            One paragraph each.

        Returns
        -------
        list of Classification
        """
        proba = self.predict_proba(texts)
        return [
            Classification(t, self.labels_of(row), {a: round(float(s), 4) for a, s in zip(AREAS, row)})
            for t, row in zip(texts, proba)
        ]

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
        return Explanation(text, {a: round(float(s), 4) for a, s in zip(AREAS, scores)}, dict(self.thresholds), up, down)


def _split_name(name: str) -> tuple[str, str]:
    prefix, _, term = name.partition("__")
    return term, ("word" if prefix == "words" else "char")


@lru_cache(maxsize=4)
def _cached(path: str | None) -> AreaModel:
    pipeline, manifest = load_pipeline(Path(path) if path else None)
    return AreaModel(pipeline, manifest)


def load_model(path: str | Path | None = None) -> AreaModel:
    """Load and verify a model folder (default: the model shipped with fzgap); cached per path.

    Raises
    ------
    fzgap.model.errors.ModelError
        When the artifact is missing, tampered with or incompatible.
    """
    return _cached(str(Path(path).resolve()) if path else None)
