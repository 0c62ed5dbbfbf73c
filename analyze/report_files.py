"""The files of one audited report in a batch folder: its rendering and its JSON, written
atomically, the JSON last (its presence marks the report as done for ``--resume``)."""

from __future__ import annotations

import json
from pathlib import Path

from fzgap.analyze.output import write_file
from fzgap.analyze.records import AuditReport
from fzgap.analyze.render import EXTENSIONS, render_one
from fzgap.analyze.render.jsonout import audit_json

__all__ = ["write_report_files", "jsonl_line"]


def jsonl_line(report: AuditReport) -> str:
    """The audit as one JSON line (for ``audits.jsonl``)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def write_report_files(report: AuditReport, fmt: str, out_dir: Path, stem: str) -> None:
    """Write ``stem.<fmt>`` (for text, md, html) and ``stem.json`` into ``out_dir``.

    Raises
    ------
    OutputError
        When a file cannot be written (the batch stops: the folder is unusable).
    """
    if fmt not in ("json", "jsonl", "csv", "xlsx"):
        data = render_one(report, fmt)
        write_file(
            data.encode("utf-8") if isinstance(data, str) else data,
            out_dir / (stem + EXTENSIONS[fmt]),
        )
    write_file(audit_json(report).encode("utf-8"), out_dir / (stem + ".json"))
