"""Segmentation: a ``Document`` becomes paragraphs that know their kind, heading path and section.

Section types follow ``ANNOTATION.md``: preamble, achievement, first_responsibility,
deficiency, plan, annex, other. Headings are found by their numbering, or by their shape and
place when they have none; sections come from the headings where they name one, and otherwise
from what each paragraph says, decoded in the order of a report (:func:`decode_sections`).
"""

from __future__ import annotations

from fzgap.analyze.segment._agreement import section_agreement
from fzgap.analyze.segment._decode import TRANSITIONS, decode_sections
from fzgap.analyze.segment._headings import (
    STYLE_RANK,
    Marker,
    heading_parts,
    looks_like_heading,
    match_marker,
    split_joined_items,
)
from fzgap.analyze.segment._sections import (
    is_first_responsibility_heading,
    is_merged_heading,
    section_of_heading,
    section_of_text,
)
from fzgap.analyze.segment._segment import Kind, Paragraph, SegmentedReport, segment
from fzgap.analyze.segment._typing import content_evidence

__all__ = [
    "Kind",
    "Marker",
    "Paragraph",
    "STYLE_RANK",
    "SegmentedReport",
    "TRANSITIONS",
    "content_evidence",
    "decode_sections",
    "heading_parts",
    "is_first_responsibility_heading",
    "is_merged_heading",
    "looks_like_heading",
    "match_marker",
    "section_agreement",
    "section_of_heading",
    "section_of_text",
    "segment",
    "split_joined_items",
]
