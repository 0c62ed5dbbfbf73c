"""Ingestion: the bytes of any file a supervisor receives (text, HTML, DOCX, PDF) become a
``Document``.

Encodings are detected, site chrome is removed, and every bad input raises a typed
:class:`~fzgap.analyze.errors.InputError` with a one-line message. Names are imported on first
use: reading a file's bytes or decoding text does not load the HTML, layout and chrome readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fzgap.analyze.ingest._decoding import decode_text
    from fzgap.analyze.ingest._document import Block, BlockHint, Document
    from fzgap.analyze.ingest._files import DEFAULT_MAX_BYTES, read_file_bytes
    from fzgap.analyze.ingest._load import (
        REPORT_SUFFIXES,
        TEXT_EXTENSIONS,
        load_document,
        sniff_format,
    )

_HOME = {
    "Block": "_document",
    "BlockHint": "_document",
    "DEFAULT_MAX_BYTES": "_files",
    "Document": "_document",
    "REPORT_SUFFIXES": "_load",
    "TEXT_EXTENSIONS": "_load",
    "decode_text": "_decoding",
    "load_document": "_load",
    "read_file_bytes": "_files",
    "sniff_format": "_load",
}
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


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
