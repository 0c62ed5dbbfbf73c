"""Typed errors: every bad input becomes one of these, with a one-line message."""

from __future__ import annotations

from fzgap.errors import FzgapError

__all__ = [
    "InputError",
    "NotFoundError",
    "NotAFileError",
    "FileTooLargeError",
    "EmptyDocumentError",
    "BinaryDataError",
    "EncodingDetectionError",
    "UnsupportedFormatError",
    "FormatMismatchError",
    "CorruptDocumentError",
    "NoTextLayerError",
    "NotChineseError",
    "TimeBudgetError",
    "HostileDocumentError",
]


class InputError(FzgapError):
    """A document could not be read; ``source`` names the file (or ``<bytes>``)."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class NotFoundError(InputError):
    """The path does not exist."""


class NotAFileError(InputError):
    """The path is a directory or another non-regular file."""


class FileTooLargeError(InputError):
    """The input is over the configured size limit."""


class EmptyDocumentError(InputError):
    """The input holds no text (empty, blank, or only site chrome)."""


class BinaryDataError(InputError):
    """The input is binary data, not a report."""


class EncodingDetectionError(InputError):
    """The text encoding could not be determined with confidence."""


class UnsupportedFormatError(InputError):
    """The input is a known format fzgap does not read (legacy .doc, images …)."""


class FormatMismatchError(InputError):
    """The file extension names one format and the content is another."""


class CorruptDocumentError(InputError):
    """A DOCX or PDF file is damaged."""


class NoTextLayerError(InputError):
    """A PDF has no text layer (a scan)."""


class NotChineseError(InputError):
    """The input holds no Chinese text: it is not a report in Chinese."""


class TimeBudgetError(InputError):
    """Reading or analysing the input took longer than its time budget."""


class HostileDocumentError(InputError):
    """The input is built to exhaust memory or time (a zip bomb, nesting without end)."""
