"""The scorer protocol: strings in, one score per area out, with explanations; and loading a scorer.

Any classifier can serve the analyzer and the trainer if it implements :class:`Scorer`.
A model folder's manifest names its ``kind``; :func:`load_model` picks the loader registered
for that kind (the shipped one is ``tfidf-linear``, :class:`fzgap.model.linear.LinearScorer`,
a pure-data model: loading a model folder never unpickles anything).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from fzgap.model.areas import AREAS
from fzgap.model.artifact import default_model_dir, read_manifest
from fzgap.model.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "Scorer",
    "RanksTerms",
    "ScoresWithin",
    "Classification",
    "TermWeight",
    "Explanation",
    "labels_of",
    "classify",
    "load_model",
    "register_kind",
    "DEFAULT_KIND",
]


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
    """A feature's push on an area's score: in an explanation its tf-idf value times its
    coefficient, in :meth:`RanksTerms.top_terms` the coefficient alone."""

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


@runtime_checkable
class Scorer(Protocol):
    """What the analyzer and the trainer need of a classifier: strings in, scores out.

    Attributes
    ----------
    kind : str
        The manifest ``kind`` this implementation loads.
    thresholds : dict
        Area id → the score at which the area is assigned.
    manifest : dict
        The model folder's manifest (provenance: artifact and data hashes, metrics).
    """

    kind: str
    thresholds: dict[str, float]
    manifest: dict[str, Any]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Scores, shape (len(texts), 5), in ``AREAS`` order."""
        ...

    def explain(self, text: str, top: int = 8) -> Explanation:
        """The terms that pushed each area's score up or down for ``text``."""
        ...


@runtime_checkable
class ScoresWithin(Protocol):
    """A scorer that takes the features of texts held by others from those texts (a report's
    sentences and clauses from its paragraphs), for the same scores with less work."""

    def predict_proba_within(
        self, texts: Sequence[str], within: Sequence[int] | None
    ) -> np.ndarray:
        """Scores as ``predict_proba``; ``within[i]``: the index of the text holding text i."""
        ...


@runtime_checkable
class RanksTerms(Protocol):
    """A scorer that can list the terms it weighs most per area (the shipped linear one can).

    Optional beside :class:`Scorer`: a classifier without per-term weights need not offer it.
    """

    def top_terms(self, area: str, n: int = 10, kind: str | None = None) -> tuple[TermWeight, ...]:
        """The ``n`` terms that raise ``area``'s score most, strongest first."""
        ...


def labels_of(scorer: Scorer, scores: np.ndarray) -> tuple[str, ...]:
    """Areas whose score reaches their threshold, for one row of scores."""
    return tuple(a for a, s in zip(AREAS, scores) if s >= scorer.thresholds[a])


def classify(scorer: Scorer, texts: Sequence[str]) -> list[Classification]:
    """Classify paragraphs: labels at or above threshold and every area's score.

    Parameters
    ----------
    scorer : Scorer
    texts : sequence of str
        One paragraph each.

    Returns
    -------
    list of Classification
    """
    proba = scorer.predict_proba(texts)
    return [
        Classification(
            t, labels_of(scorer, row), {a: round(float(s), 4) for a, s in zip(AREAS, row)}
        )
        for t, row in zip(texts, proba)
    ]


#: The kind of a manifest that names none (pickled folders written before kinds existed).
DEFAULT_KIND = "tfidf-ovr"
Loader = Callable[[Path, dict[str, Any]], Scorer]
_LOADERS: dict[str, Loader] = {}


def register_kind(kind: str, loader: Loader) -> None:
    """Make :func:`load_model` load model folders whose manifest says ``kind`` with
    ``loader(folder, manifest)``."""
    _LOADERS[kind] = loader


def _loader(kind: str) -> Loader:
    if kind not in _LOADERS:
        import fzgap.model.linear  # noqa: F401  (registers the shipped kind and refuses pickles)
    if kind not in _LOADERS:
        raise ModelError(
            f"unknown model kind {kind!r} "
            f"(this fzgap loads: {', '.join(sorted(_LOADERS) or [DEFAULT_KIND])})"
        )
    return _LOADERS[kind]


@lru_cache(maxsize=4)
def _cached(path: str | None) -> Scorer:
    directory = Path(path) if path else default_model_dir()
    manifest = read_manifest(directory)
    if directory.is_file():
        directory = directory.parent
    return _loader(manifest.get("kind", DEFAULT_KIND))(directory, manifest)


def load_model(path: str | os.PathLike[str] | None = None) -> Scorer:
    """Load and verify a model folder (default: the model shipped with fzgap); cached per path.

    Raises
    ------
    fzgap.model.errors.ModelError
        When the folder is missing, tampered with, of an unknown kind or incompatible.
    """
    return _cached(str(Path(path).resolve()) if path else None)
