"""Text normalisation shared by training and analysis: one form for every input."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["normalize", "to_halfwidth", "conversion_gate", "GATE_FILE"]

# Full-width ASCII block (！ to ～) maps to ASCII by a fixed offset; the ideographic space to a space.
_HALFWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000\ufeff]+")
#: Characters without which zhconv's conversion to simplified leaves a text unchanged.
GATE_FILE = "zhconv_gate.txt"


def conversion_gate(table: dict[str, str]) -> frozenset[str]:
    """The characters of ``table`` (zhconv's ``zh-hans`` table) that a conversion can start from.

    zhconv replaces the longest key of its table found at each position. A key whose
    replacement equals itself changes nothing, so a text changes only where a changing key
    occurs in it, and a changing key occurs only if its first differing character does.
    Hence a text that holds none of the returned characters is converted to itself.
    """
    out: set[str] = set()
    for key, value in table.items():
        if key == value:
            continue
        if len(key) == len(value):
            out.add(next(k for k, v in zip(key, value) if k != v))
        else:
            out.update(key)
    return frozenset(out)


@lru_cache(maxsize=1)
def _gate() -> frozenset[str]:
    """The shipped gate (computed by :func:`conversion_gate`; a test checks it against zhconv)."""
    text = resources.files("fzgap.model").joinpath(GATE_FILE).read_text(encoding="utf-8")
    return frozenset(text.replace("\n", ""))


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
    # zhconv is slow and most lines hold no traditional character: skip it where it cannot
    # change anything (an exact test, see conversion_gate).
    if not _gate().isdisjoint(text):
        import zhconv

        text = zhconv.convert(text, "zh-hans")
    return _SPACES.sub(" ", text).strip()
