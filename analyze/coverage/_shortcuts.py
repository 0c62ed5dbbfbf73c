"""Shortcuts of the coverage rules: which paragraphs may be a hit for an area, decided for all
of them at once, what the five areas read of a report, computed once for the five, and facts
found once per text (the five areas read the same texts)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from fzgap.analyze.coverage._evidence import fact_phrases, strong_facts
from fzgap.analyze.coverage._scoring import ScoredReport
from fzgap.analyze.records import Fact
from fzgap.analyze.segment import Paragraph
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist

__all__ = [
    "TEXT_CACHE",
    "ReportView",
    "best_sentence",
    "candidates",
    "facts_once",
    "phrases_of",
    "report_view",
]


# The five areas read the same texts; a bounded cache of pure functions of a text needs no
# owner and no clearing, and is safe when threads audit at once.
TEXT_CACHE = 8192


@lru_cache(maxsize=TEXT_CACHE)
def facts_once(text: str, units: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`strong_facts` of a text, computed once while it stays in the cache."""
    return tuple(strong_facts(text, units))


@lru_cache(maxsize=TEXT_CACHE)  # the five areas ask it of the same texts
def phrases_of(norm: str, text: str, units: tuple[str, ...]) -> tuple[Fact, ...]:
    """The first six facts of ``text`` in their phrases, spans located in the paragraph's text
    ``norm``.

    Parameters
    ----------
    norm : str
        The paragraph's normalised text.
    text : str
        The part of it the facts are taken from.
    units : tuple of str
        Units that make a number a reported figure.
    """
    out = []
    for fact, phrase, lo, hi in fact_phrases(text, units)[:6]:
        at = norm.find(phrase)
        start, end = (at, at + len(phrase)) if at >= 0 else (lo, hi)
        out.append(Fact(fact, phrase, start, end))
    return tuple(out)


def best_sentence(
    sents: tuple[str, ...], scores: np.ndarray, about: list[int], units: tuple[str, ...]
) -> int:
    """The sentence to show: among those about the area, the one with most strong facts; else the
    best scored.

    Parameters
    ----------
    sents : tuple of str
        A paragraph's sentences.
    scores : numpy.ndarray
        Their scores for the area.
    about : list of int
        The sentences about the area (scored at least its floor), in order.
    units : tuple of str
        Units that make a number a reported figure.
    """
    if not len(sents):
        return 0
    if len(about) == 1:
        return about[0]
    if about:
        return max(about, key=lambda i: (len(facts_once(sents[i], units)), scores[i], -i))
    return int(np.argmax(scores))


@dataclass(frozen=True, slots=True)
class ReportView:
    """What the rules of every area read of a scored report."""

    report: ScoredReport
    body: list[Paragraph]
    index: np.ndarray  # the body paragraphs' indices
    best: np.ndarray  # (n_body, 5): each body paragraph's highest sentence score per area
    scores: list[list[float]]  # report.scores as Python floats (the same values)
    tops: list[int]  # each paragraph's best scored area (np.argmax of its row)
    body_chars: int  # the length of the body paragraphs' text


# The five areas of a report ask for its view in turn: the last one is kept (a report audited
# meanwhile by another thread only costs the view again).
_last: ReportView | None = None


def report_view(report: ScoredReport) -> ReportView:
    """The :class:`ReportView` of ``report`` (made once for the areas that ask in turn).

    Parameters
    ----------
    report : ScoredReport
    """
    global _last
    held = _last
    if held is not None and held.report is report:
        return held
    body = [p for p in report.report.paragraphs if p.kind == "body"]
    index = np.fromiter((p.index for p in body), dtype=np.intp, count=len(body))
    best = _best_sentence_scores(report)[index] if len(body) else np.zeros((0, len(AREAS)))
    tops = report.scores.argmax(axis=1).tolist() if report.scores.size else []
    chars = sum(len(p.norm) for p in body)
    held = _last = ReportView(report, body, index, best, report.scores.tolist(), tops, chars)
    return held


def candidates(view: ReportView, k: int, cl: Checklist) -> np.ndarray:
    """Which body paragraphs may be a hit for area ``k``: the rules' own conditions for
    returning nothing, over all paragraphs at once (most are far from most areas)."""
    rules, report, body = cl.rules, view.report, view.body
    thr = report.thresholds[AREAS[k]]
    floor = max(thr, rules.passing_min_score)
    score = report.scores[view.index, k] if len(body) else np.zeros(0)
    factor = np.array(
        [
            rules.section_threshold_factor
            if AREAS[k] == "first_responsibility" and p.section == "first_responsibility"
            else 1.0
            for p in body
        ]
    ).reshape(-1)
    clause = np.array([report.clauses.get((p.index, k), ("", 0.0))[1] for p in body]).reshape(-1)
    return (
        (score >= factor * max(thr, rules.min_evidence_score))
        | (score >= factor * floor)
        | ((score >= thr / 2) & (view.best[:, k] >= floor))
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
