"""Segmentation: a ``Document`` becomes ordered paragraphs that know their kind, heading path and
section.

Section types follow ``ANNOTATION.md``: preamble, achievement, first_responsibility,
deficiency, plan, other.
"""

from __future__ import annotations

from fzgap.analyze.segment._headings import (
    STYLE_RANK,
    Marker,
    heading_parts,
    match_marker,
    split_joined_items,
)
from fzgap.analyze.segment._sections import (
    is_first_responsibility_heading,
    section_of_heading,
    section_of_text,
)
from fzgap.analyze.segment._segment import Kind, Paragraph, SegmentedReport, segment

__all__ = [
    "Kind",
    "Marker",
    "Paragraph",
    "STYLE_RANK",
    "SegmentedReport",
    "heading_parts",
    "is_first_responsibility_heading",
    "match_marker",
    "section_of_heading",
    "section_of_text",
    "segment",
    "split_joined_items",
]
