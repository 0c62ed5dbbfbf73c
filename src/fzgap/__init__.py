"""fzgap: audit annual rule-of-law reports (法治政府建设年度报告) for checklist coverage.

The public entry points are re-exported here; see ``fzgap.analyze`` for the pipeline.
"""

from __future__ import annotations

from importlib import metadata as _metadata

from fzgap.analyze.audit import analyze_document, analyze_file, analyze_text
from fzgap.analyze.document import Block, Document
from fzgap.analyze.records import AuditReport
from fzgap.analyze.errors import FzgapError, InputError
from fzgap.analyze.ingest import load_document
from fzgap.analyze.segment import Paragraph, SegmentedReport, segment

try:
    __version__ = _metadata.version("fzgap")
except _metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "AuditReport",
    "analyze_document",
    "analyze_file",
    "analyze_text",
    "Block",
    "Document",
    "FzgapError",
    "InputError",
    "Paragraph",
    "SegmentedReport",
    "load_document",
    "segment",
    "__version__",
]
