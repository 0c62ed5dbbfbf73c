"""fzgap.analyze: the runtime pipeline, from a report file to an audit."""

from fzgap.analyze.document import Block, Document
from fzgap.analyze.errors import FzgapError, InputError
from fzgap.analyze.ingest import load_document
from fzgap.analyze.segment import Paragraph, SegmentedReport, segment

__all__ = ["Block", "Document", "FzgapError", "InputError", "Paragraph", "SegmentedReport", "load_document", "segment"]
