"""fzgap: audit annual rule-of-law reports (法治政府建设年度报告) for checklist coverage.

The public entry points are re-exported here and imported on first use, so that
``import fzgap`` (and ``fzgap --help``) stays quick; see ``fzgap.analyze`` for the pipeline.
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
    from fzgap.corpus import Corpus, audit_corpus
    from fzgap.errors import FzgapError
    from fzgap.modelview import confusion_frame, heldout_frame, misclassified, strongest_terms

_HOME = {
    "AuditReport": "fzgap.analyze.records",
    "analyze_document": "fzgap.analyze.audit",
    "analyze_file": "fzgap.analyze.audit",
    "analyze_text": "fzgap.analyze.audit",
    "audit_corpus": "fzgap.corpus",
    "confusion_frame": "fzgap.modelview",
    "heldout_frame": "fzgap.modelview",
    "misclassified": "fzgap.modelview",
    "strongest_terms": "fzgap.modelview",
    "Corpus": "fzgap.corpus",
    "Block": "fzgap.analyze.ingest",
    "Document": "fzgap.analyze.ingest",
    "FzgapError": "fzgap.errors",
    "InputError": "fzgap.analyze.errors",
    "Paragraph": "fzgap.analyze.segment",
    "SegmentedReport": "fzgap.analyze.segment",
    "load_document": "fzgap.analyze.ingest",
    "segment": "fzgap.analyze.segment",
}
__all__ = [
    "analyze_document",
    "analyze_file",
    "analyze_text",
    "AuditReport",
    "audit_corpus",
    "confusion_frame",
    "Corpus",
    "Block",
    "Document",
    "FzgapError",
    "heldout_frame",
    "InputError",
    "load_document",
    "misclassified",
    "Paragraph",
    "segment",
    "SegmentedReport",
    "strongest_terms",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":  # importlib.metadata costs ~60 ms: only when asked
        from importlib import metadata

        try:
            return metadata.version("fzgap")
        except metadata.PackageNotFoundError:  # running from a source tree without install
            return "0.0.0"
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'fzgap' has no attribute {name!r}")
