"""fzgap.analyze: the runtime pipeline, from a report file to an audit.

``ingest`` → ``segment`` → ``coverage`` (scores from any :class:`~fzgap.model.scorer.Scorer`)
→ ``records`` → ``render``; ``batch`` runs many files. Names are imported on first use, so that
importing one stage does not load the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fzgap.analyze.audit import analyze_document, analyze_file, analyze_text
    from fzgap.analyze.errors import InputError
    from fzgap.analyze.ingest import Block, Document, load_document
    from fzgap.analyze.records import AuditReport
    from fzgap.analyze.segment import Paragraph, SegmentedReport, segment

_HOME = {
    "analyze_document": "fzgap.analyze.audit",
    "analyze_file": "fzgap.analyze.audit",
    "analyze_text": "fzgap.analyze.audit",
    "InputError": "fzgap.analyze.errors",
    "Block": "fzgap.analyze.ingest",
    "Document": "fzgap.analyze.ingest",
    "load_document": "fzgap.analyze.ingest",
    "AuditReport": "fzgap.analyze.records",
    "Paragraph": "fzgap.analyze.segment",
    "SegmentedReport": "fzgap.analyze.segment",
    "segment": "fzgap.analyze.segment",
}
__all__ = [
    "analyze_document",
    "analyze_file",
    "analyze_text",
    "AuditReport",
    "Block",
    "Document",
    "InputError",
    "load_document",
    "Paragraph",
    "segment",
    "SegmentedReport",
]


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'fzgap.analyze' has no attribute {name!r}")
