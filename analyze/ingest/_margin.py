"""Where the lines of hard-wrapped text stop, measured in display columns or in characters.

Pasted text keeps no geometry: a line reaches the right margin when its width falls in the band
where most lines of the text stop mid-sentence. Widths are display columns (a Chinese or
full-width character takes one, a half-width digit or letter half of one), or characters for a
plain-text wrapper that counts them.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from fzgap.analyze.ingest._reflow import display_width, ends_sentence

__all__ = ["Margin", "find_margin"]


@dataclass(frozen=True, slots=True)
class Margin:
    """Where the lines of wrapped text stop: a band of widths, in one measure.

    A word processor stops every line at the same column, give or take one kept off a
    punctuation mark; a plain-text wrapper or a retyped page may stop anywhere in a band of
    a few columns. Lines that stop in the band were broken by the layout.
    """

    low: float
    high: float
    measure: str  # "columns" (display width) or "chars"

    def of(self, text: str, lead: float = 0.0) -> float:
        """The width of a line in this margin's measure, its indentation included."""
        return lead + (display_width(text) if self.measure == "columns" else float(len(text)))

    def full(self, text: str, lead: float = 0.0) -> bool:
        """Whether a line reaches the margin, so its paragraph may go on in the next line."""
        # A sentence that stops within the band was broken there too: half-width digits and
        # letters leave lines half a column short that no Chinese character would have fitted.
        return self.of(text, lead) >= self.low


#: Wrapped text: at least this many lines, and this share of them, stop in the band.
_MIN_FULL, _MIN_SHARE = 5, 0.3
#: Most lines stopping in the band break mid-sentence; at most this share end one.
_MAX_ENDING = 0.5
#: Lines longer than the band: at most this share (a title, an unwrapped table row).
_MAX_OVER = 0.2
#: A band is at most this wide, relative to its width (36–40 columns is a band; 20–40 is not).
_BAND = 0.12
_LOW, _HIGH = 14.0, 100.0


def _band(widths: list[float], endings: list[bool]) -> tuple[float, float, int] | None:
    """The densest band of widths where lines stop mid-sentence: ``(low, high, lines in it)``."""
    open_widths = sorted(w for w, e in zip(widths, endings) if not e and _LOW <= w <= _HIGH)
    best: tuple[int, float, float] | None = None
    for i, low in enumerate(open_widths):
        top = low + max(1.0, _BAND * low)
        # The widths from ``low`` up to ``top``: a run of the sorted list.
        end = bisect_right(open_widths, top, i)
        if best is None or end - i >= best[0]:
            best = (end - i, low, open_widths[end - 1])
    if best is None:
        return None
    n, low, high = best
    # The window reaches as far left as it may; the band starts where its lines thin out.
    inside = sorted((w for w in open_widths if low <= w <= high), reverse=True)
    return inside[math.ceil(0.9 * n) - 1], high, n


def _margin(widths: list[float], endings: list[bool], measure: str) -> tuple[Margin, float] | None:
    """The margin of the lines in one measure, with the share of lines that reach it."""
    cand = [(w, e) for w, e in zip(widths, endings) if w >= 8]
    band = _band([w for w, _ in cand], [e for _, e in cand])
    if band is None:
        return None
    low, high, _ = band
    inside = [e for w, e in cand if low <= w <= high + 0.5]
    over = sum(1 for w, _ in cand if w > high + 3)
    if (
        len(inside) < _MIN_FULL
        or len(inside) < _MIN_SHARE * len(cand)
        or over > _MAX_OVER * len(cand)
        or sum(inside) > _MAX_ENDING * len(inside)
    ):
        return None
    return Margin(low, high, measure), len(inside) / len(cand)


def find_margin(texts: Sequence[str], leads: Sequence[float] | None = None) -> Margin | None:
    """Detect hard-wrapped text and where its lines stop.

    Text is wrapped when many of its lines stop in a narrow band of widths, most of them
    mid-sentence, and few run longer. Width is measured both in display columns (a PDF's
    layout, where digits take half a column) and in characters (a plain-text wrapper); the
    measure in which more lines line up wins.

    Parameters
    ----------
    texts : sequence of str
        Stripped lines, tables and page furniture excluded.
    leads : sequence of float, optional
        Display width of each line's indentation.

    Returns
    -------
    Margin or None
        ``None`` when the text is not hard-wrapped (one paragraph a line).
    """
    leads = leads or [0.0] * len(texts)
    endings = [ends_sentence(t) for t in texts]
    found = []
    for measure in ("columns", "chars"):
        probe = Margin(0.0, 0.0, measure)
        widths = [probe.of(t, lead) for t, lead in zip(texts, leads)]
        result = _margin(widths, endings, measure)
        if result is not None:
            found.append(result)
    if not found:
        return None
    return max(found, key=lambda r: r[1])[0]
