"""Scores for a segmented report: every paragraph, sentence and sub-item clause, from one scorer."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from fzgap.analyze.coverage._evidence import split_clauses, split_sentences
from fzgap.analyze.segment import Paragraph, SegmentedReport
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist
from fzgap.model.scorer import Scorer

__all__ = ["ScoredReport", "score_report"]


@dataclass(frozen=True, slots=True)
class ScoredReport:
    """A segmented report with the model's scores for every paragraph and every sentence."""

    report: SegmentedReport
    scores: np.ndarray  # (n_paragraphs, 5)
    sentences: tuple[tuple[str, ...], ...]  # normalised sentences of each paragraph
    shown: tuple[tuple[str, ...], ...]  # the same sentences as written (for evidence)
    sentence_scores: tuple[np.ndarray, ...]  # (n_sentences, 5) per paragraph
    thresholds: dict[str, float]
    clauses: dict[
        tuple[int, int], tuple[str, float]
    ]  # (paragraph, area) -> best clause carrying a sub-item, its score


def score_report(report: SegmentedReport, scorer: Scorer, checklist: Checklist) -> ScoredReport:
    """Score a report's paragraphs, their sentences and the clauses that carry a sub-item's wording.

    Parameters
    ----------
    report : SegmentedReport
    scorer : Scorer
        Any implementation of :class:`fzgap.model.scorer.Scorer`.
    checklist : Checklist

    Returns
    -------
    ScoredReport
    """
    paragraphs = report.paragraphs
    scores = scorer.predict_proba([p.text for p in paragraphs])
    sentences = tuple(
        tuple(split_sentences(p.norm)) if p.kind == "body" else (p.norm,) for p in paragraphs
    )
    flat = [s for group in sentences for s in group]
    flat_scores = scorer.predict_proba(flat) if flat else np.zeros((0, len(AREAS)))
    bounds = np.cumsum([0] + [len(g) for g in sentences])
    per = tuple(flat_scores[bounds[i] : bounds[i + 1]] for i in range(len(sentences)))
    shown = tuple(
        tuple(split_sentences(p.text)) if p.kind == "body" else (p.text,) for p in paragraphs
    )
    clauses = _clauses(scorer, checklist, paragraphs, sentences)
    return ScoredReport(report, scores, sentences, shown, per, dict(scorer.thresholds), clauses)


def _clauses(
    scorer: Scorer,
    cl: Checklist,
    paragraphs: tuple[Paragraph, ...],
    sentences: tuple[tuple[str, ...], ...],
) -> dict[tuple[int, int], tuple[str, float]]:
    """Score the clauses that carry a sub-item's wording: a passing mention may be one clause
    long."""
    keys: list[tuple[int, int, str]] = []
    for p, group in zip(paragraphs, sentences):
        if p.kind != "body":
            continue
        for sentence in group:
            for clause in split_clauses(sentence):
                for k, spec in enumerate(cl.areas):
                    if any(sub.found_in(clause) for sub in spec.subitems):
                        keys.append((p.index, k, clause))
    if not keys:
        return {}
    scores = scorer.predict_proba([c for _, _, c in keys])
    best: dict[tuple[int, int], tuple[str, float]] = {}
    for (i, k, clause), row in zip(keys, scores):
        if row[k] > best.get((i, k), ("", -1.0))[1]:
            best[(i, k)] = (clause, float(row[k]))
    return best
