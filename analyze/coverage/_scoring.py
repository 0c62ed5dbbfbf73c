"""Scores for a segmented report: every paragraph, sentence and sub-item clause, from one scorer."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

import numpy as np

from fzgap.analyze.coverage._evidence import CLAUSE, split_sentences
from fzgap.analyze.segment import Paragraph, SegmentedReport
from fzgap.analyze.text import CLAUSE_ENDS, SENTENCE_ENDS
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist
from fzgap.model.scorer import Scorer, ScoresWithin

__all__ = ["ScoredReport", "score_report", "subitems_in"]

_MARKS = CLAUSE_ENDS + SENTENCE_ENDS  # what ends a clause
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
    tests = list(zip(held.found, held.narrows, held.skips))
    keys: list[tuple[int, int, str]] = []
    for p, group in zip(paragraphs, sentences):
        if p.kind != "body":
            continue
        # The clauses are looked for in the sentences run together; each clause is a span of it.
        text = "".join(group)
        spans: list[tuple[int, int]] | None = None
        per_area = []
        for k, (found, narrows, pattern) in enumerate(tests):
            if pattern is not None:
                first = pattern.search(text)
                if first is None:
                    continue
                spans = spans or _clause_spans(text, group)
                hits = _clauses_hit(pattern, text, spans, first)
            elif narrows and not found(text):
                continue
            else:
                spans = spans or _clause_spans(text, group)
                hits = [found(text[a:b]) for a, b in spans]
            if any(hits):
                per_area.append((k, hits))
        if len(per_area) == 1:
            k, hits = per_area[0]
            keys += [(p.index, k, text[a:b]) for (a, b), hit in zip(spans or (), hits) if hit]
        elif per_area:
            for j, (a, b) in enumerate(spans or ()):
                keys += [(p.index, k, text[a:b]) for k, hits in per_area if hits[j]]
    return keys


def _clause_spans(text: str, group: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the clauses of :func:`split_clauses` of each sentence stand in ``text`` (the
    sentences of ``group`` run together), in order."""
    spans: list[tuple[int, int]] = []
    at = 0
    for sentence in group:
        # A clause ends with all the marks after it, so the clauses run on from the first one
        # (after any marks that open the sentence); only the last can be blank (no mark ends it).
        parts = CLAUSE.findall(sentence)
        if parts and not parts[-1].strip():
            parts.pop()
        if parts:
            ends = list(
                accumulate(
                    map(len, parts), initial=at + len(sentence) - len(sentence.lstrip(_MARKS))
                )
            )
            spans += zip(ends, ends[1:])
        else:
            spans.append((at, at + len(sentence)))
        at += len(sentence)
    return spans


def _clauses_hit(
    pattern: re.Pattern[str],
    text: str,
    spans: list[tuple[int, int]],
    first: re.Match[str],
) -> list[bool]:
    """Which clauses (``spans`` of ``text``, in order) an assertion-free ``pattern`` finds a match
    in (``first``: its search of the whole text).

    A search from a clause's start finds the leftmost match at or after it: the clauses that end
    before that match has begun hold none, and the clause it begins in holds it if it ends there
    too. Only a match that runs past its clause's end needs a search of the clause alone; without
    anchors or look-arounds a search bounded by ``pos`` and ``endpos`` is one of the clause text.
    """
    hit = [False] * len(spans)
    j, n = 0, len(spans)
    m: re.Match[str] | None = first
    while m is not None:
        start = m.start()
        # (An empty clause at the match's start holds it: the pattern matches an empty text.)
        while j < n and spans[j][1] <= start and spans[j][0] < start:
            j += 1
        if j == n:
            break
        lo, hi = spans[j]
        if lo <= start:  # else the match began between clauses: look again from this one's start
            hit[j] = m.end() <= hi or pattern.search(text, lo, hi) is not None
            j += 1
        m = pattern.search(text, spans[j][0]) if j < n else None
    return hit


@dataclass(frozen=True, slots=True)
class _Matchers:
    """A checklist's wording tests, built once per checklist."""

    checklist: Checklist
    found: list[Callable[[str], bool]]  # per area: carries any of its sub-items' wording
    narrows: list[bool]  # per area: a text it misses can be skipped with all its parts
    skips: list[re.Pattern[str] | None]  # per narrowing area: its patterns joined in one
    each: list[tuple[tuple[str, Callable[[str], bool]], ...]]  # per area: (sub-item, test)


_MATCHERS: dict[int, _Matchers] = {}


def _matchers(cl: Checklist) -> _Matchers:
    """The wording tests of ``cl`` (built on first use)."""
    held = _MATCHERS.get(id(cl))
    if held is None or held.checklist is not cl:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        # Where an area's patterns match only what they hold (no anchor or look-around), a
        # text they miss has no clause they match: most areas are ruled out per paragraph
        # or sentence.
        narrows = [_free_of_assertions(spec.subitems) for spec in cl.areas]
        held = _MATCHERS[id(cl)] = _Matchers(
            cl,
            [_any_subitem(spec.subitems) for spec in cl.areas],
            narrows,
            [_joined(spec.subitems) if n else None for spec, n in zip(cl.areas, narrows)],
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


def _joined(subitems) -> re.Pattern[str] | None:
    """The sub-items' patterns in one alternation, or None where they cannot join."""
    patterns = [pat for sub in subitems for pat in sub.patterns]
    # Joined, a pattern's group numbers shift: only patterns without back-references join.
    if not patterns or not all(
        pat.flags == patterns[0].flags and not _BACKREF.search(pat.pattern) for pat in patterns
    ):
        return None
    try:
        return re.compile("|".join(f"(?:{pat.pattern})" for pat in patterns), patterns[0].flags)
    except re.error:  # e.g. inline flags that must start a pattern: keep them apart
        return None


def _any_subitem(subitems) -> Callable[[str], bool]:
    """Whether a text carries any of the sub-items' wording, in one regex search."""
    if not any(sub.patterns for sub in subitems):
        return lambda _text: False
    joined = _joined(subitems)
    if joined is not None:
        return lambda text: joined.search(text) is not None
    return lambda text: any(sub.found_in(text) for sub in subitems)
