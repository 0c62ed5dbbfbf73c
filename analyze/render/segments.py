"""A segmented report (``fzgap segment``): a readable listing, or one JSON object per paragraph."""

from __future__ import annotations

import json

from fzgap.analyze.segment import SegmentedReport

__all__ = ["render_segments_text", "render_segments_jsonl"]


def render_segments_text(report: SegmentedReport) -> str:
    """One line per paragraph: index, section, kind, then the text indented by heading level."""
    head = [
        f"# title: {report.title or '-'}",
        f"# unit: {report.unit or '-'}",
        f"# year: {report.year or '-'}",
    ]
    rows = []
    for p in report.paragraphs:
        indent = "  " * ((p.level or 1) - 1) if p.kind == "heading" else ""
        rows.append(f"{p.index:>4}  {p.section:<20} {p.kind:<7} {indent}{p.text}")
    return "\n".join(head + rows) + "\n"


def render_segments_jsonl(report: SegmentedReport) -> str:
    """One JSON object per paragraph."""
    return "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in report.paragraphs)
