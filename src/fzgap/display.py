"""Tables as a notebook shows them: statuses in the audit's colours, paragraphs left-aligned.

:func:`styled` wraps any table of :mod:`fzgap.corpus` or :mod:`fzgap.modelview` in a pandas
``Styler`` (the ``fzgap[notebook]`` extra); the data are unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fzgap.analyze.constants import STATUS_FILL
from fzgap.corpus import require

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = ["TEXT_COLUMNS", "styled"]

#: Columns of running Chinese text, which read left to right and are left-aligned.
TEXT_COLUMNS: tuple[str, ...] = ("text", "reasons", "facts", "missing_parts", "title", "name")


def _is_status(value: object) -> bool:
    """Whether a cell holds a status id (covered, thin, missing)."""
    return isinstance(value, str) and value in STATUS_FILL


def _fill(value: object) -> str:
    """The CSS of a status cell (none for any other value)."""
    colour = STATUS_FILL.get(value) if isinstance(value, str) else None
    return f"background-color: #{colour}" if colour else ""


def styled(frame: pd.DataFrame, precision: int = 4) -> Styler:
    """A table for reading: status cells filled green / amber / red, text columns left-aligned.

    Parameters
    ----------
    frame : pandas.DataFrame
        e.g. ``corpus.frame()``, ``corpus.evidence_frame()`` or ``fzgap.misclassified(...)``.
    precision : int
        Decimals shown for floats (scores, thresholds, shares).

    Returns
    -------
    pandas.io.formats.style.Styler
        Displays as HTML in Jupyter; ``.data`` is ``frame``.
    """
    require("pandas")
    statuses = [c for c in frame.columns if frame[c].map(_is_status).any()]
    text = [c for c in frame.columns if c in TEXT_COLUMNS]
    style = frame.style.format(precision=precision)
    if statuses:
        style = style.map(_fill, subset=statuses)
    if text:
        style = style.set_properties(subset=text, **{"text-align": "left"})
    return style
