"""Form checks: which parts the 督察工作规定 requires a report to have, and which it has."""

from __future__ import annotations

from fzgap.analyze.records import Structure, StructurePart
from fzgap.analyze.segment import SegmentedReport

__all__ = ["PARTS", "assess_structure"]

#: Required parts of a report (督察工作规定): id, name, section type.
PARTS: tuple[tuple[str, str, str], ...] = (
    ("S1", "主要举措和成效", "achievement"),
    ("S2", "存在的不足和原因", "deficiency"),
    ("S3", "党政主要负责人履行第一责任人职责情况", "first_responsibility"),
    ("S4", "下一年度主要安排", "plan"),
)


def assess_structure(report: SegmentedReport) -> Structure:
    """Which required parts the report has, with the heading that opens each."""
    parts = []
    for pid, name, section in PARTS:
        members = [p for p in report.paragraphs if p.section == section and p.kind != "title"]
        heading = next((p.text for p in members if p.kind == "heading"), None)
        if heading is None and members and members[0].headings:
            heading = members[0].headings[-1]
        parts.append(
            StructurePart(
                pid, name, section, bool(members), heading, sum(p.kind == "body" for p in members)
            )
        )
    return Structure(tuple(parts), report.title, report.unit, report.year)
