"""Shortcuts of the coverage rules: which paragraphs may be a hit for an area, decided for all
of them at once, and facts found once per report and text (the five areas read the same texts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from fzgap.analyze.coverage._evidence import strong_facts
from fzgap.analyze.coverage._scoring import ScoredReport
from fzgap.analyze.segment import Paragraph
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist

__all__ = ["candidates", "facts_once", "memo", "remember_report"]


_MEMO: dict[object, Any] = {}
_MEMO_OWNER: list[ScoredReport | None] = [None]
_MISSING = object()


def remember_report(report: ScoredReport) -> None:
    """Keep the memo below to one report's texts (its results depend on the texts alone)."""
    if _MEMO_OWNER[0] is not report:
        _MEMO.clear()
        _MEMO_OWNER[0] = report


def memo(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``, computed once per report: the five areas look at the same texts."""
    key = (fn, *args)
    # get, never a second lookup: another thread's report may clear the memo in between.
    value = _MEMO.get(key, _MISSING)
    if value is _MISSING:
        value = _MEMO[key] = fn(*args)
    return value


def facts_once(text: str, units: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`strong_facts`, once per report and text."""
    return memo(_facts_tuple, text, units)


def _facts_tuple(text: str, units: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(strong_facts(text, units))


def candidates(report: ScoredReport, body: list[Paragraph], k: int, cl: Checklist) -> np.ndarray:
    """Which body paragraphs may be a hit for area ``k``: the rules' own conditions for
    returning nothing, over all paragraphs at once (most are far from most areas)."""
    rules = cl.rules
    thr = report.thresholds[AREAS[k]]
    floor = max(thr, rules.passing_min_score)
    index = np.fromiter((p.index for p in body), dtype=np.intp, count=len(body))
    score = report.scores[index, k] if len(body) else np.zeros(0)
    factor = np.array(
        [
            rules.section_threshold_factor
            if AREAS[k] == "first_responsibility" and p.section == "first_responsibility"
            else 1.0
            for p in body
        ]
    ).reshape(-1)
    best = _best_sentence_scores(report)[index] if len(body) else np.zeros((0, len(AREAS)))
    clause = np.array([report.clauses.get((p.index, k), ("", 0.0))[1] for p in body]).reshape(-1)
    return (
        (score >= factor * max(thr, rules.min_evidence_score))
        | (score >= factor * floor)
        | ((score >= thr / 2) & (best[:, k] >= floor))
        | (clause >= rules.passing_min_score)
    )


def _best_sentence_scores(report: ScoredReport) -> np.ndarray:
    """Each paragraph's highest sentence score per area (-inf for a paragraph without any)."""
    out = np.full(report.scores.shape, -np.inf)
    for i, s in enumerate(report.sentence_scores):
        if len(s):
            out[i] = s.max(axis=0)
    return out
