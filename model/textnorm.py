"""Text normalisation shared by training and analysis: one form for every input."""

from __future__ import annotations

import re
import unicodedata

import zhconv

__all__ = ["normalize", "to_halfwidth"]

# Full-width ASCII block (！ to ～) maps to ASCII by a fixed offset; the ideographic space to a
# space.
_HALFWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000\ufeff]+")


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII letters, digits and punctuation to their half-width forms."""
    return text.translate(_HALFWIDTH)


def normalize(text: str) -> str:
    """Return the analysis form of ``text``.

    Traditional characters become simplified, full-width digits, letters and punctuation
    become half-width, and runs of spaces collapse to one. The text shown to users is
    never replaced by this form.

    Parameters
    ----------
    text : str
        Text as written.

    Returns
    -------
    str
        Normalised text.
    """
    text = unicodedata.normalize("NFC", text)
    text = to_halfwidth(text)
    if any(ord(c) > 0x2E7F for c in text):
        text = zhconv.convert(text, "zh-hans")
    return _SPACES.sub(" ", text).strip()
