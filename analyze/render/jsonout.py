"""JSON (one report, indented) and JSON Lines (one report a line)."""

from __future__ import annotations

import json

from fzgap.analyze.records import AuditReport

__all__ = ["render_json", "render_jsonl_line"]


def render_json(report: AuditReport) -> str:
    """The documented schema, indented."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_jsonl_line(report: AuditReport) -> str:
    """The documented schema on one line."""
    return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
