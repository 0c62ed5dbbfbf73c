"""The systems that leave-one-report-out evaluation compares, in one registry.

A system turns a corpus into held-out predictions: an indicator matrix in which every row was
predicted by a system that never saw that row's report. Add a system (another scorer, another
baseline) with :func:`register_system`; ``fzgap evaluate`` and the model card then include it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from fzgap.train.corpus import Corpus

__all__ = ["System", "SYSTEMS", "register_system", "Progress"]

Progress = Callable[[str], None]
#: (corpus, n_jobs, progress) → held-out indicator matrix.
Predict = Callable[[Corpus, int, Progress | None], np.ndarray]


@dataclass(frozen=True, slots=True)
class System:
    """A compared system: its name in tables, what it is, and how it predicts held-out rows."""

    name: str
    description: str
    predict: Predict
    learned: bool = True  # trained per fold (False: a fixed rule such as the keyword search)


#: Registered systems, in the order tables list them; the first is the shipped model.
SYSTEMS: dict[str, System] = {}


def register_system(system: System) -> System:
    """Add (or replace) a system; return it."""
    SYSTEMS[system.name] = system
    return system


def _tfidf(features: str) -> Predict:
    def predict(corpus: Corpus, n_jobs: int, progress: Progress | None) -> np.ndarray:
        from fzgap.train.evaluate import loro_predict

        return loro_predict(corpus, features, n_jobs=n_jobs, progress=progress)

    return predict


def _keywords(corpus: Corpus, n_jobs: int, progress: Progress | None) -> np.ndarray:
    from fzgap.train.baselines import keyword_predict

    return keyword_predict(corpus.texts)


register_system(
    System("model", "TF-IDF on jieba words and characters, one-vs-rest", _tfidf("both"))
)
register_system(System("keywords", "a reviewer's Ctrl-F for each area", _keywords, learned=False))
register_system(System("words-only", "the same classifier on jieba words only", _tfidf("words")))
register_system(
    System("chars-only", "the same classifier on character n-grams only", _tfidf("chars"))
)
