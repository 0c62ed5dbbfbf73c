"""The model as tables for a researcher: its strongest terms, and where held-out paragraphs err.

Tables need pandas (the ``fzgap[notebook]`` extra). :func:`heldout_frame` fits models (it needs
the training code and scikit-learn, which ship with fzgap), so it is imported only when called.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzgap.corpus import require
from fzgap.model.areas import AREA_NAMES_ZH, AREAS
from fzgap.model.errors import ModelError
from fzgap.model.scorer import RanksTerms, Scorer, load_model

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ERROR_KINDS", "confusion_frame", "heldout_frame", "misclassified", "strongest_terms"]

#: How a paragraph is wrong about one area: labelled but not predicted, or the reverse.
ERROR_KINDS: dict[str, str] = {"missed": "漏判 missed", "false_alarm": "误判 false alarm"}


def strongest_terms(
    n: int = 10, model: Scorer | str | os.PathLike[str] | None = None, kind: str | None = None
) -> pd.DataFrame:
    """The terms that raise each area's score most, by the model's coefficients.

    Parameters
    ----------
    n : int
        Terms per area.
    model : Scorer or path, optional
        A loaded scorer or a model folder (default: the shipped model).
    kind : {'word', 'char'}, optional
        Only jieba word terms or only character n-grams (default: both, ranked together).

    Returns
    -------
    pandas.DataFrame
        One row per (area, term), areas in ``AREAS`` order, strongest first: ``area``,
        ``area_zh``, ``rank`` (1 = strongest), ``term``, ``kind`` (``word`` / ``char``), ``weight``.

    Raises
    ------
    fzgap.model.errors.ModelError
        The model cannot be loaded, or does not weigh terms (it does not implement
        :class:`~fzgap.model.scorer.RanksTerms`).
    """
    pd = require("pandas")
    scorer = model if isinstance(model, Scorer) else load_model(model)
    if not isinstance(scorer, RanksTerms):
        raise ModelError(f"a model of kind {scorer.kind!r} does not list its strongest terms")
    rows = [
        {
            "area": area,
            "area_zh": AREA_NAMES_ZH[area],
            "rank": rank,
            "term": t.term,
            "kind": t.kind,
            "weight": round(t.weight, 4),
        }
        for area in AREAS
        for rank, t in enumerate(scorer.top_terms(area, n, kind), 1)
    ]
    return pd.DataFrame(rows, columns=["area", "area_zh", "rank", "term", "kind", "weight"])


def heldout_frame(
    held: str | Sequence[str] = "real",
    *,
    jobs: int = 1,
    data: str | os.PathLike[str] | None = None,
    features: str = "both",
    progress: bool = False,
) -> pd.DataFrame:
    """Held-out predictions, one row per paragraph: fit without its report, then predict it.

    Parameters
    ----------
    held : 'real', 'all' or sequence of str
        ``'real'`` holds out each real report in turn (three folds, about a minute on two
        cores); ``'all'`` every report and authored batch (the leave-one-report-out of
        ``fzgap evaluate``, many minutes); or the named reports and batches.
    jobs : int
        Folds fitted in parallel.
    data : path, optional
        A folder of labelled ``.jsonl`` (default: the data shipped with fzgap).
    features : {'both', 'words', 'chars'}
        The feature set of the fitted models (``both`` is the shipped one).
    progress : bool
        Print a line on stderr as each fold finishes.

    Returns
    -------
    pandas.DataFrame
        ``report``, ``index``, ``section``, ``source``, ``text``, ``expected`` and
        ``predicted`` (tuples of area ids), ``<area>_score`` and ``<area>_threshold`` per area
        (the fold's), and ``wrong`` (the areas where prediction and label differ).

    Examples
    --------
    >>> held = fzgap.heldout_frame(jobs=2)  # doctest: +SKIP
    >>> fzgap.confusion_frame(held)  # doctest: +SKIP
    """
    pd = require("pandas")
    from fzgap.train.corpus import load_corpus
    from fzgap.train.heldout import heldout_predictions

    say = (lambda msg: print(msg, file=sys.stderr)) if progress else None
    corpus = load_corpus(None if data is None else Path(data))
    rows = heldout_predictions(corpus, held, jobs, features, say)
    columns = ["report", "index", "section", "source", "text", "expected", "predicted"]
    columns += [f"{a}_score" for a in AREAS] + [f"{a}_threshold" for a in AREAS] + ["wrong"]
    records = [
        {
            "report": r.report,
            "index": r.index,
            "section": r.section,
            "source": r.source,
            "text": r.text,
            "expected": r.labels,
            "predicted": r.predicted,
            **{f"{a}_score": r.scores[a] for a in AREAS},
            **{f"{a}_threshold": r.thresholds[a] for a in AREAS},
            "wrong": r.wrong,
        }
        for r in rows
    ]
    return pd.DataFrame(records, columns=columns)


def confusion_frame(heldout: pd.DataFrame) -> pd.DataFrame:
    """Per-area confusion counts and scores of held-out predictions.

    Parameters
    ----------
    heldout : pandas.DataFrame
        The table of :func:`heldout_frame` (or any with ``expected`` and ``predicted`` tuples).

    Returns
    -------
    pandas.DataFrame
        Indexed by area id: ``area_zh``, ``TP``, ``FP``, ``FN``, ``TN``, ``precision``,
        ``recall``, ``f1`` (0 where undefined) and ``support`` (labelled paragraphs).
    """
    pd = require("pandas")
    rows = []
    for area in AREAS:
        truth = [area in labels for labels in heldout["expected"]]
        guess = [area in labels for labels in heldout["predicted"]]
        tp = sum(t and g for t, g in zip(truth, guess))
        fp = sum(g and not t for t, g in zip(truth, guess))
        fn = sum(t and not g for t, g in zip(truth, guess))
        tn = len(truth) - tp - fp - fn
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        rows.append(
            {
                "area": area,
                "area_zh": AREA_NAMES_ZH[area],
                "TP": tp,
                "FP": fp,
                "FN": fn,
                "TN": tn,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
                "support": tp + fn,
            }
        )
    return pd.DataFrame(rows).set_index("area")


def misclassified(heldout: pd.DataFrame, area: str | None = None) -> pd.DataFrame:
    """The wrong calls of held-out predictions, the most confidently wrong first.

    Parameters
    ----------
    heldout : pandas.DataFrame
        The table of :func:`heldout_frame`.
    area : str, optional
        Only this area's mistakes.

    Returns
    -------
    pandas.DataFrame
        One row per (paragraph, wrong area): ``report``, ``index``, ``section``, ``area``,
        ``area_zh``, ``error`` (a key of :data:`ERROR_KINDS`), ``score``, ``threshold``,
        ``distance`` (how far the score sits on the wrong side of the threshold), ``expected``
        and ``predicted`` (Chinese area names), ``text``. Sorted by distance, largest first;
        ties by report, paragraph and area order.
    """
    pd = require("pandas")
    if area is not None and area not in AREAS:
        raise ValueError(f"unknown area {area!r}; areas: {', '.join(AREAS)}")
    zh = lambda labels: "、".join(AREA_NAMES_ZH[a] for a in labels) or "—"
    rows: list[dict[str, Any]] = []
    for row in heldout.to_dict("records"):
        for a in row["wrong"]:
            if area is not None and a != area:
                continue
            score, cut = row[f"{a}_score"], row[f"{a}_threshold"]
            rows.append(
                {
                    "report": row["report"],
                    "index": row["index"],
                    "section": row["section"],
                    "area": a,
                    "area_zh": AREA_NAMES_ZH[a],
                    "error": "missed" if a in row["expected"] else "false_alarm",
                    "score": round(score, 4),
                    "threshold": round(cut, 4),
                    "distance": round(abs(score - cut), 4),
                    "expected": zh(row["expected"]),
                    "predicted": zh(row["predicted"]),
                    "text": row["text"],
                }
            )
    rows.sort(key=lambda x: (-x["distance"], x["report"], x["index"], AREAS.index(x["area"])))
    columns = ["report", "index", "section", "area", "area_zh", "error", "score", "threshold"]
    columns += ["distance", "expected", "predicted", "text"]
    return pd.DataFrame(rows, columns=columns)
