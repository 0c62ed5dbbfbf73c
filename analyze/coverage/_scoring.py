"""Scores for a segmented report: every paragraph, sentence and sub-item clause, from one scorer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from fzgap.analyze.coverage._evidence import split_clauses, split_sentences
from fzgap.analyze.segment import Paragraph, SegmentedReport
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist
from fzgap.model.scorer import Scorer, ScoresWithin

__all__ = ["ScoredReport", "score_report", "subitems_in"]

_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\\g<")


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
    sentences = tuple(
        tuple(split_sentences(p.norm)) if p.kind == "body" else (p.norm,) for p in paragraphs
    )
    flat = [s for group in sentences for s in group]
    keys = _clause_keys(checklist, paragraphs, sentences)
    clause_texts = list(dict.fromkeys(c for _, _, c in keys))
    # One call: the scorer cuts each run of text once, so sentences and clauses reuse the
    # paragraph's words, and every unit is scored in the same matrix product.
    units = [p.text for p in paragraphs] + flat + clause_texts
    if not units:
        all_scores = np.zeros((0, len(AREAS)))
    elif isinstance(scorer, ScoresWithin):
        # Each sentence and clause lies inside its paragraph: the scorer takes their features
        # from the paragraph's (the same scores, less work).
        first: dict[str, int] = {}
        for i, _, clause in keys:
            first.setdefault(clause, i)
        within = [-1] * len(paragraphs)
        within += [i for i, group in enumerate(sentences) for _ in group]
        within += [first[c] for c in clause_texts]
        all_scores = scorer.predict_proba_within(units, within)
    else:
        all_scores = scorer.predict_proba(units)
    n, m = len(paragraphs), len(flat)
    scores, flat_scores = all_scores[:n], all_scores[n : n + m]
    bounds = np.cumsum([0] + [len(g) for g in sentences])
    per = tuple(flat_scores[bounds[i] : bounds[i + 1]] for i in range(len(sentences)))
    shown = tuple(
        tuple(split_sentences(p.text)) if p.kind == "body" else (p.text,) for p in paragraphs
    )
    row = {c: all_scores[n + m + j] for j, c in enumerate(clause_texts)}
    best: dict[tuple[int, int], tuple[str, float]] = {}
    for i, k, clause in keys:
        score = float(row[clause][k])
        if score > best.get((i, k), ("", -1.0))[1]:
            best[(i, k)] = (clause, score)
    return ScoredReport(report, scores, sentences, shown, per, dict(scorer.thresholds), best)


def _clause_keys(
    cl: Checklist,
    paragraphs: tuple[Paragraph, ...],
    sentences: tuple[tuple[str, ...], ...],
) -> list[tuple[int, int, str]]:
    """(paragraph, area, clause) for each clause carrying a sub-item's wording.

    A passing mention may be one clause long.
    """
    held = _matchers(cl)
    found, narrows = held.found, held.narrows
    keys: list[tuple[int, int, str]] = []
    for p, group in zip(paragraphs, sentences):
        if p.kind != "body":
            continue
        areas = [k for k, hit in enumerate(found) if not narrows[k] or hit(p.norm)]
        for sentence in group if areas else ():
            live = [k for k in areas if not narrows[k] or found[k](sentence)]
            for clause in split_clauses(sentence) if live else ():
                for k in live:
                    if found[k](clause):
                        keys.append((p.index, k, clause))
    return keys


@dataclass(frozen=True, slots=True)
class _Matchers:
    """A checklist's wording tests, built once per checklist."""

    checklist: Checklist
    found: list[Callable[[str], bool]]  # per area: carries any of its sub-items' wording
    narrows: list[bool]  # per area: a text it misses can be skipped with all its parts
    each: list[tuple[tuple[str, Callable[[str], bool]], ...]]  # per area: (sub-item, test)


_MATCHERS: dict[int, _Matchers] = {}


def _matchers(cl: Checklist) -> _Matchers:
    """The wording tests of ``cl`` (built on first use)."""
    held = _MATCHERS.get(id(cl))
    if held is None or held.checklist is not cl:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        held = _MATCHERS[id(cl)] = _Matchers(
            cl,
            [_any_subitem(spec.subitems) for spec in cl.areas],
            # Where an area's patterns match only what they hold (no anchor or look-around), a
            # text they miss has no clause they match: most areas are ruled out per paragraph
            # or sentence.
            [_free_of_assertions(spec.subitems) for spec in cl.areas],
            [
                tuple((sub.id, _any_subitem((sub,))) for sub in spec.subitems if sub.patterns)
                for spec in cl.areas
            ],
        )
    return held


def subitems_in(cl: Checklist, k: int, text: str) -> frozenset[str]:
    """The ids of area ``k``'s sub-items whose wording ``text`` carries (each sub-item's
    patterns in one search, after one search for all the area's patterns)."""
    held = _matchers(cl)
    if not held.found[k](text):
        return frozenset()
    return frozenset(sub for sub, found in held.each[k] if found(text))


#: What could let a pattern match a clause but not the sentence around it: anchors, word
#: boundaries, look-arounds, atomic groups and possessive quantifiers.
_ASSERTION = re.compile(r"[\^$]|\\[AbBZ]|\(\?[=!<>]|[*+?}]\+")


def _free_of_assertions(subitems) -> bool:
    """Whether a text none of these patterns matches has no part that one of them matches."""
    return not any(
        _ASSERTION.search(pat.pattern) or pat.flags & re.VERBOSE
        for sub in subitems
        for pat in sub.patterns
    )


def _any_subitem(subitems) -> Callable[[str], bool]:
    """Whether a text carries any of the sub-items' wording, in one regex search."""
    patterns = [pat for sub in subitems for pat in sub.patterns]
    if not patterns:
        return lambda _text: False
    # Joined, a pattern's group numbers shift: only patterns without back-references join.
    if all(pat.flags == patterns[0].flags and not _BACKREF.search(pat.pattern) for pat in patterns):
        try:
            joined = re.compile(
                "|".join(f"(?:{pat.pattern})" for pat in patterns), patterns[0].flags
            )
            return lambda text: joined.search(text) is not None
        except re.error:  # e.g. inline flags that must start a pattern: keep them apart
            pass
    return lambda text: any(sub.found_in(text) for sub in subitems)
