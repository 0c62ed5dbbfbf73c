"""Coverage: the checklist rules of ``ANNOTATION.md`` applied to a scored report.

:func:`score_report` asks a scorer for every paragraph, sentence and sub-item clause;
:func:`assess_area` decides covered / thin / missing with reasons and evidence;
:func:`assess_structure` checks the parts a report must have.
"""

from __future__ import annotations

from fzgap.analyze.coverage._evidence import split_clauses, split_sentences, strong_facts
from fzgap.analyze.coverage._rules import BY_CONTENT_NOTE, MAX_EVIDENCE, assess_area, is_generic
from fzgap.analyze.coverage._scoring import ScoredReport, score_report
from fzgap.analyze.coverage._structure import PARTS, assess_structure

__all__ = [
    "BY_CONTENT_NOTE",
    "MAX_EVIDENCE",
    "PARTS",
    "ScoredReport",
    "assess_area",
    "assess_structure",
    "is_generic",
    "score_report",
    "split_clauses",
    "split_sentences",
    "strong_facts",
]
