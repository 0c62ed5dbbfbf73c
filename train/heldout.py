"""Held-out predictions paragraph by paragraph: where the model goes wrong, so labels go there.

The folds are those of :func:`fzgap.train.evaluate.loro_predict` (a model fitted on every other
report and batch predicts the held-out one, thresholds chosen inside that fit); here each
held-out paragraph keeps its text, its labels, the fold's scores and thresholds. Nothing is
tuned on these predictions: they show where more labelled paragraphs would help.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from joblib import Parallel, delayed

from fzgap.model.areas import AREAS
from fzgap.model.classifier import build_pipeline
from fzgap.train.corpus import Corpus

__all__ = ["HeldOut", "fit_fold", "heldout_groups", "heldout_predictions"]


@dataclass(frozen=True, slots=True)
class HeldOut:
    """One held-out paragraph: its labels, and what the model that never saw it predicted."""

    report: str
    index: int
    section: str
    source: str
    text: str
    labels: tuple[str, ...]
    predicted: tuple[str, ...]
    scores: dict[str, float]
    thresholds: dict[str, float]

    @property
    def wrong(self) -> tuple[str, ...]:
        """Areas predicted but not labelled, or labelled but not predicted, in ``AREAS`` order."""
        return tuple(a for a in AREAS if (a in self.labels) != (a in self.predicted))


def heldout_groups(corpus: Corpus, held: str | Sequence[str] = "real") -> list[str]:
    """The groups to hold out: ``'real'`` (the real reports), ``'all'`` or a list of names.

    Raises
    ------
    ValueError
        A named group that the corpus does not have, or an unknown keyword.
    """
    groups = sorted({r.group for r in corpus.rows})
    if held == "all":
        return groups
    if held == "real":
        return sorted({r.group for r in corpus.rows if r.source != "authored"})
    if isinstance(held, str):
        raise ValueError(f"held must be 'real', 'all' or a list of report names, not {held!r}")
    unknown = sorted(set(held) - set(groups))
    if unknown:
        raise ValueError(f"no such reports or batches in the corpus: {', '.join(unknown)}")
    return sorted(set(held))


def fit_fold(
    features: str, texts: list[str], y: np.ndarray, groups: np.ndarray, held: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fit on every group but ``held``; return the held rows' indices, their probabilities
    (rows × areas) and the fit's per-area thresholds."""
    train = groups != held
    pipe = build_pipeline(features)
    pipe.fit([t for t, k in zip(texts, train) if k], y[train], clf__groups=groups[train])
    test_idx = np.flatnonzero(~train)
    proba = pipe.predict_proba([texts[i] for i in test_idx])
    return test_idx, proba, pipe.named_steps["clf"].thresholds_


def heldout_predictions(
    corpus: Corpus,
    held: str | Sequence[str] = "real",
    n_jobs: int = 1,
    features: str = "both",
    progress: Callable[[str], None] | None = None,
) -> tuple[HeldOut, ...]:
    """Predict each held-out report (or batch) with a model fitted on everything else.

    Parameters
    ----------
    corpus : Corpus
        The labelled paragraphs (:func:`fzgap.train.corpus.load_corpus`).
    held : 'real', 'all' or sequence of str
        The real reports (the default: three folds), every report and batch (the full
        leave-one-report-out of ``fzgap evaluate``), or these groups.
    n_jobs : int
        Folds fitted in parallel.
    features : {'both', 'words', 'chars'}
        The feature set of the fitted pipelines.
    progress : callable, optional
        Called with a one-line message as each fold finishes.

    Returns
    -------
    tuple of HeldOut
        The held-out paragraphs in corpus order.
    """
    names = heldout_groups(corpus, held)
    texts, y, groups = corpus.texts, corpus.indicator(), corpus.groups
    results = Parallel(n_jobs=n_jobs, return_as="generator")(
        delayed(fit_fold)(features, texts, y, groups, g) for g in names
    )
    out: dict[int, HeldOut] = {}
    for done, (idx, proba, cuts) in enumerate(results, 1):
        thresholds = {a: float(c) for a, c in zip(AREAS, cuts)}
        for i, row in zip(idx, proba):
            r = corpus.rows[int(i)]
            out[int(i)] = HeldOut(
                r.report,
                r.index,
                r.section,
                r.source,
                r.text,
                r.labels,
                tuple(a for a, s, c in zip(AREAS, row, cuts) if s >= c),
                {a: float(s) for a, s in zip(AREAS, row)},
                thresholds,
            )
        if progress:
            progress(f"fold {done}/{len(names)}")
    return tuple(out[i] for i in sorted(out))
