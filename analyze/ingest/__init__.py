"""Ingestion: the bytes of any file a supervisor receives (text, HTML, DOCX, PDF) become a
``Document``.

Encodings are detected, site chrome is removed, and every bad input raises a typed
:class:`~fzgap.analyze.errors.InputError` with a one-line message.
"""

from __future__ import annotations

from fzgap.analyze.ingest._decoding import decode_text
from fzgap.analyze.ingest._document import Block, BlockHint, Document
from fzgap.analyze.ingest._load import (
    DEFAULT_MAX_BYTES,
    REPORT_SUFFIXES,
    TEXT_EXTENSIONS,
    load_document,
    read_file_bytes,
    sniff_format,
)

__all__ = [
    "Block",
    "BlockHint",
    "DEFAULT_MAX_BYTES",
    "Document",
    "REPORT_SUFFIXES",
    "TEXT_EXTENSIONS",
    "decode_text",
    "load_document",
    "read_file_bytes",
    "sniff_format",
]
