"""The base of every error fzgap raises on purpose.

A leaf module: every layer (model, train, analyze, the shell) may import it, and it imports nothing.
"""

from __future__ import annotations

__all__ = ["FzgapError"]


class FzgapError(Exception):
    """Base of every error fzgap raises on purpose; ``str(err)`` is one line."""
