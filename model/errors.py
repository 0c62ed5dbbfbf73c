"""The base error of fzgap and the model's own errors (the ground floor defines them)."""

from __future__ import annotations

__all__ = ["FzgapError", "ModelError", "ChecklistError"]


class FzgapError(Exception):
    """Base of every error fzgap raises on purpose; ``str(err)`` is one line."""


class ModelError(FzgapError):
    """A model artifact is missing, tampered with or incompatible."""


class ChecklistError(FzgapError):
    """A checklist file is malformed."""
