"""The model's own errors: a bad model folder or a bad checklist file."""

from __future__ import annotations

from fzgap.errors import FzgapError

__all__ = ["ModelError", "ChecklistError"]


class ModelError(FzgapError):
    """A model artifact is missing, tampered with or incompatible."""


class ChecklistError(FzgapError):
    """A checklist file is malformed."""
