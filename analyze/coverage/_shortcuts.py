"""Shortcuts of the coverage rules: which paragraphs may be a hit for an area, decided for all
of them at once, and facts found once per text (the five areas read the same texts)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from fzgap.analyze.coverage._evidence import strong_facts
from fzgap.analyze.coverage._scoring import ScoredReport
from fzgap.analyze.segment import Paragraph
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist

__all__ = ["TEXT_CACHE", "candidates", "facts_once"]


# The five areas read the same texts; a bounded cache of pure functions of a text needs no
# owner and no clearing, and is safe when threads audit at once.
TEXT_CACHE = 8192


@lru_cache(maxsize=TEXT_CACHE)
def facts_once(text: str, units: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`strong_facts` of a text, computed once while it stays in the cache."""
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
    groups = report.sentence_scores
    sizes = np.fromiter((len(s) for s in groups), dtype=np.intp, count=len(groups))
    some = np.flatnonzero(sizes)
    if len(some):
        # One reduction over all sentences at once: a paragraph's rows start where the rows of
        # those before it end (paragraphs without sentences are left out of the starts).
        flat = np.concatenate([groups[i] for i in some])
        starts = np.cumsum(sizes[some]) - sizes[some]
        out[some] = np.maximum.reduceat(flat, starts, axis=0)
    return out
