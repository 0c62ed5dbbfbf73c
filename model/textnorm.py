"""Text normalisation shared by training and analysis: one form for every input."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "normalize",
    "normalize_all",
    "to_halfwidth",
    "conversion_gate",
    "needs_conversion",
    "GATE_FILE",
]

# Full-width ASCII block (！ to ～) maps to ASCII by a fixed offset; the ideographic space to a
# space.
_HALFWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000\ufeff]+")
#: What a text must hold for zhconv to change it: changing characters, then changing keys.
GATE_FILE = "zhconv_gate.txt"


def conversion_gate(
    table: dict[str, str],
) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """What a text must hold for zhconv's conversion to simplified to change it.

    zhconv replaces the longest key of its table (``zh-hans``) found at each position; a key
    whose replacement equals itself changes nothing. So a text changes only if a changing key
    occurs in it: a single traditional character, or one of the few multi-character keys
    made of characters that are all unchanged alone (反覆 → 反复, 沈默 → 沉默).

    Returns
    -------
    (frozenset of str, tuple of (str, str))
        The changing single characters, and the other changing keys with their replacements.
    """
    changing = {k for k, v in table.items() if k != v}
    chars = frozenset(k for k in changing if len(k) == 1)
    keys = tuple(sorted(k for k in changing if len(k) > 1 and chars.isdisjoint(k)))
    return chars, tuple((k, table[k]) for k in keys)


@lru_cache(maxsize=1)
def _gate() -> tuple[frozenset[str], re.Pattern[str] | None, frozenset[str]]:
    """The shipped gate: changing characters, the other changing keys, and their changed characters.

    The file holds one changing character a line, then one ``key replacement`` pair a line
    (see :func:`conversion_gate`; a test checks the file against zhconv).
    """
    text = resources.files("fzgap.model").joinpath(GATE_FILE).read_text(encoding="utf-8")
    chars: set[str] = set()
    keys: list[str] = []
    changed: set[str] = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 1:
            chars.add(parts[0])
        elif len(parts) == 2:
            keys.append(parts[0])
            # A key occurs only where all its characters do, so also the ones it changes.
            changed.update(set(parts[0]) - set(parts[1]) or set(parts[0]))
    pattern = re.compile("|".join(map(re.escape, keys))) if keys else None
    return frozenset(chars), pattern, frozenset(changed)


@lru_cache(maxsize=1)
def _suspect_table() -> np.ndarray:
    """Per code point: whether it is a changing character or a character a changing key changes."""
    import numpy as np

    chars, _, changed = _gate()
    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in chars | changed]] = True
    return table


def needs_conversion(text: str) -> bool:
    """Whether zhconv could change ``text`` (False: converting it gives it back unchanged)."""
    chars, keys, changed = _gate()
    if not chars.isdisjoint(text):
        return True
    # A regex alternation is slow; most texts hold none of the keys' changed characters.
    if keys is None or changed.isdisjoint(text):
        return False
    return keys.search(text) is not None


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
    if needs_conversion(text):
        import zhconv

        text = zhconv.convert(text, "zh-hans")
    return _SPACES.sub(" ", text).strip()


#: Joins texts into one block: a starter no character composes with, no space, digit or key.
_JOIN = "\x00"


def normalize_all(texts: Sequence[str]) -> list[str]:
    """:func:`normalize` of each text, computed over all of them at once (same result).

    Each step works on the texts joined by a NUL, which no step changes, joins or moves: NFC
    composes nothing with it, it is no space to collapse or strip, and no zhconv key holds it.
    Texts that themselves hold a NUL take the one-by-one path.
    """
    block = _JOIN.join(texts)
    if block.count(_JOIN) != len(texts) - 1:
        return [normalize(t) for t in texts]
    import numpy as np  # not at import: every command imports this module

    block = unicodedata.normalize("NFC", block)
    codes = np.frombuffer(block.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    wide, ideo = (codes >= 0xFF01) & (codes <= 0xFF5E), codes == 0x3000
    if wide.any() or ideo.any():
        codes = codes.copy()
        codes[wide] -= 0xFEE0
        codes[ideo] = 0x20
        block = codes.tobytes().decode("utf-32-le", "surrogatepass")
    # Only lines holding a character of the gate can need zhconv (著 and 覆 are common): one
    # gather through a table of those characters finds them.
    at = np.flatnonzero(_suspect_table()[codes])
    if len(at):
        starts = np.flatnonzero(codes == ord(_JOIN))
        lines = block.split(_JOIN)
        # Lines in order, each once (np.unique would load numpy.ma: 18 ms of start-up).
        for k in dict.fromkeys(np.searchsorted(starts, at).tolist()):
            if needs_conversion(lines[k]):
                import zhconv

                lines[k] = zhconv.convert(lines[k], "zh-hans")
        block = _JOIN.join(lines)
    return [t.strip() for t in _SPACES.sub(" ", block).split(_JOIN)]
