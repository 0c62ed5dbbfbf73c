"""Page furniture: page numbers, running headers and footers, rules — lines a page adds to a report.

One filter serves PDF pages and text pasted from them, so both lose the same lines.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from fzgap.analyze.text import SENTENCE_ENDS, looks_like_title

__all__ = ["furniture_mask", "is_page_number", "is_bare_number", "is_rule_line"]

_DASH = r"[-—–－~～·•\s]"
_N = r"(?:\d{1,4}|[一二三四五六七八九十百]{1,4})"
_PAGE_NUMBER = re.compile(
    rf"^{_DASH}*(?:"
    rf"第\s*{_N}\s*页(?:\s*[/,，、]?\s*共\s*{_N}\s*页)?"
    rf"|共\s*{_N}\s*页\s*[/,，、]?\s*第\s*{_N}\s*页"
    r"|(?P<a>\d{1,4})\s*/\s*(?P<b>\d{1,4})"
    r"|[Pp](?:age|\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    rf"){_DASH}*$"
)
# A number between dashes ("— 3 —", "-3-"): the dashes make it furniture wherever it stands.
_DASHED_NUMBER = re.compile(r"^[-—–－~～]+\s*\d{1,4}\s*[-—–－~～]+$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_RULE = re.compile(r"^[-—–－─━_＿=＝~～·•.。…*＊\s]{3,}$")
# Lines that are the report's own and may recur: numbered items, table rows, sentences.
_OWN = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．是]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．])"
)
_WHITE = re.compile(r"\s+")
_PAGE_IN_KEY = re.compile(r"第\d+页|共\d+页|^\d+|\d+$")
#: A running header or footer recurs at least this often.
_MIN_REPEATS = 3


def is_page_number(line: str) -> bool:
    """Tell whether ``line`` is a decorated page number (``— 3 —``, ``第3页 共6页``, ``3/6``).

    Parameters
    ----------
    line : str
        One stripped line.

    Returns
    -------
    bool
    """
    s = line.strip()
    if _DASHED_NUMBER.match(s):
        return True
    m = _PAGE_NUMBER.match(s)
    if not m:
        return False
    if m.group("a") is not None:
        # "3/6": page 3 of 6 — a fraction with a larger numerator is a value, not a page.
        return 0 < int(m.group("a")) <= int(m.group("b"))
    return True


def is_bare_number(line: str) -> bool:
    """Tell whether ``line`` is a number alone, as a page number between wrapped lines is."""
    return bool(_BARE_NUMBER.match(line.strip()))


def is_rule_line(line: str) -> bool:
    """Tell whether ``line`` is a horizontal rule drawn with characters (``————``, ``＿＿＿``)."""
    return bool(_RULE.match(line))


def _key(line: str) -> str:
    # Page numbers inside a header ("某县报告 第3页") change from page to page.
    return _PAGE_IN_KEY.sub("#", _WHITE.sub("", line))


def _recurring(line: str) -> bool:
    """Whether a line may be a running header or footer: short, no sentence, numbering or cells."""
    s = line.strip()
    return (
        2 <= len(s) <= 40
        and s[-1] not in SENTENCE_ENDS
        and "|" not in s
        and "\t" not in s
        and not _OWN.match(s)
    )


def _regular(positions: list[int], pages: Sequence[int] | None) -> bool:
    """Whether occurrences fall once a page: on distinct pages, or at roughly regular intervals."""
    if pages is not None:
        return len({pages[p] for p in positions}) >= _MIN_REPEATS
    # The first page may carry it at the very top, right before (or as) the title.
    later = [p for p in positions if p >= 3]
    anchors = ([max(p for p in positions if p < 3)] if len(later) < len(positions) else []) + later
    if len(later) < 2 or len(positions) < _MIN_REPEATS:
        return False
    gaps = [b - a for a, b in zip(anchors, anchors[1:])]
    median = sorted(gaps)[len(gaps) // 2]
    return median >= 6 and all(0.5 * median <= g <= 1.6 * median for g in gaps)


def furniture_mask(
    lines: Sequence[str], pages: Sequence[int] | None = None, *, bare_numbers: bool = False
) -> list[bool]:
    """Mark the lines that are page furniture rather than report text.

    Furniture is a page number in a decorated form, a horizontal rule, a bare number
    (only when ``bare_numbers``: in wrapped text, a number alone on a line is a page
    number), and a running header or footer: the same short line recurring at least three
    times, once a page. A running header that repeats the report's title is kept where
    it opens the report.

    Parameters
    ----------
    lines : sequence of str
        Stripped, non-empty lines in reading order.
    pages : sequence of int, optional
        The page of each line, when the layout is known (PDF).
    bare_numbers : bool
        Treat a number alone on a line as a page number.

    Returns
    -------
    list of bool
        ``True`` for each line to drop.
    """
    drop = [
        is_page_number(s) or is_rule_line(s) or (bare_numbers and is_bare_number(s)) for s in lines
    ]
    seen: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(lines):
        if not drop[i] and _recurring(s):
            seen[_key(s)].append(i)
    title = next((i for i in range(min(10, len(lines))) if looks_like_title(lines[i])), None)
    for positions in seen.values():
        if title is not None and positions[0] == title and len(positions) >= 2:
            # The title repeated further down is a running header, however short the report.
            for p in positions[1:]:
                drop[p] = True
        elif len(positions) >= _MIN_REPEATS and _regular(positions, pages):
            for p in positions:
                drop[p] = True
            first = positions[0]
            others = [i for i in range(min(3, len(lines))) if i not in positions]
            if (
                first < 3
                and looks_like_title(lines[first])
                and not any(looks_like_title(lines[i]) for i in others)
            ):
                drop[first] = False
    return drop
