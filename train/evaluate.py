"""Leave-one-report-out evaluation of the classifier beside its baselines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from joblib import Parallel, delayed
from sklearn.metrics import precision_recall_fscore_support

from fzgap.model.areas import AREAS
from fzgap.train.corpus import Corpus
from fzgap.train.heldout import fit_fold

__all__ = ["Scores", "Evaluation", "evaluate_corpus", "loro_predict", "score"]


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-area precision, recall, F1 and support, with the macro-F1."""

    precision: dict[str, float]
    recall: dict[str, float]
    f1: dict[str, float]
    support: dict[str, int]
    macro_f1: float

    def to_dict(self) -> dict[str, object]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
            "macro_f1": self.macro_f1,
        }


@dataclass(frozen=True)
class Evaluation:
    """Scores of every system on all held-out rows, and on the real reports' rows alone."""

    all: dict[str, Scores]
    real: dict[str, Scores]
    n_rows: int
    n_groups: int
    n_real: int
    real_reports: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {
            "rows": self.n_rows,
            "groups": self.n_groups,
            "real_rows": self.n_real,
            "real_reports": list(self.real_reports),
            "all": {k: v.to_dict() for k, v in self.all.items()},
            "real": {k: v.to_dict() for k, v in self.real.items()},
        }


def score(y_true: np.ndarray, y_pred: np.ndarray) -> Scores:
    """Per-area and macro scores of an indicator-matrix prediction."""
    p, r, f, s = precision_recall_fscore_support(
        y_true, y_pred, average=None, zero_division=0, labels=range(len(AREAS))
    )
    rnd = lambda v: round(float(v), 4)
    return Scores(
        dict(zip(AREAS, map(rnd, p))),
        dict(zip(AREAS, map(rnd, r))),
        dict(zip(AREAS, map(rnd, f))),
        dict(zip(AREAS, map(int, s))),
        rnd(np.mean(f)),
    )


def _fold(
    features: str, texts: list[str], y: np.ndarray, groups: np.ndarray, held: str
) -> tuple[np.ndarray, np.ndarray]:
    test_idx, proba, thresholds = fit_fold(features, texts, y, groups, held)
    return test_idx, (proba >= thresholds).astype(int)


def loro_predict(
    corpus: Corpus,
    features: str = "both",
    n_jobs: int = 1,
    progress: Callable[[str], None] | None = None,
) -> np.ndarray:
    """Predictions for every row from a model that never saw the row's report (or batch)."""
    texts, y, groups = corpus.texts, corpus.indicator(), corpus.groups
    held_out = sorted(set(groups))
    pred = np.zeros_like(y)
    # A generator, so that each finished fold can be reported while the others run.
    results = Parallel(n_jobs=n_jobs, return_as="generator")(
        delayed(_fold)(features, texts, y, groups, g) for g in held_out
    )
    for done, (idx, p) in enumerate(results, 1):
        pred[idx] = p
        if progress:
            progress(f"  {features}: fold {done}/{len(held_out)}")
    if progress:
        progress(f"  {features}: {len(held_out)} folds done")
    return pred


def evaluate_corpus(
    corpus: Corpus,
    n_jobs: int = 1,
    progress: Callable[[str], None] | None = None,
    systems: Sequence[str] | None = None,
) -> Evaluation:
    """Leave-one-report-out scores of every registered system (:mod:`fzgap.train.systems`).

    Each real report and each authored batch is held out in turn; a model trained on the
    rest predicts it. Nothing is tuned on these predictions.

    Parameters
    ----------
    corpus : Corpus
    n_jobs : int
        Parallel folds.
    progress : callable, optional
        Called with one-line progress messages.
    systems : sequence of str, optional
        Names of the systems to compare (default: all registered, in registry order).
    """
    from fzgap.train.systems import SYSTEMS

    names = list(systems) if systems is not None else list(SYSTEMS)
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        raise ValueError(f"unknown systems {unknown}; registered: {list(SYSTEMS)}")
    y = corpus.indicator()
    real = np.array([r.source != "authored" for r in corpus.rows])
    preds: dict[str, np.ndarray] = {}
    for name in names:
        if progress and SYSTEMS[name].learned:
            progress(f"leave-one-report-out: {name}")
        preds[name] = SYSTEMS[name].predict(corpus, n_jobs, progress)
    all_scores = {s: score(y, preds[s]) for s in names}
    real_scores = {s: score(y[real], preds[s][real]) for s in names} if real.any() else {}
    reports = tuple(sorted({r.report for r in corpus.rows if r.source != "authored"}))
    return Evaluation(
        all_scores, real_scores, len(y), len(set(corpus.groups)), int(real.sum()), reports
    )
