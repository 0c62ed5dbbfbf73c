"""Heading recognition: numbering styles, their levels, run-in headings and joined items."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fzgap.analyze.text import SENTENCE_ENDS

__all__ = [
    "Marker",
    "match_marker",
    "split_joined_items",
    "heading_parts",
    "looks_like_heading",
    "STYLE_RANK",
]

_CN = "一二三四五六七八九十"
_CN_VALUES = {c: i for i, c in enumerate(_CN, 1)}

# Styles in the order official documents nest them (公文: 一、 > (一) > 1. > (1)); 一是 items sit
# lowest.
STYLE_RANK: dict[str, int] = {
    "part": 0,
    "cn": 1,
    "cn_paren": 2,
    "num": 3,
    "num_paren": 4,
    "circled": 5,
    "shi": 6,
    "di": 6,
}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第([{_CN}]+)(?:部分|章|篇)\s*")),
    ("cn", re.compile(rf"^([{_CN}]{{1,3}})\s*[、.．]\s*")),
    ("cn_paren", re.compile(rf"^[(（]\s*([{_CN}]{{1,3}})\s*[)）]\s*[、.．]?\s*")),
    # "9.2024年工作安排": a year may follow the number directly; "1.5万元" is a figure.
    ("num", re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d)|\.(?=20\d{2}\s*年))\s*")),
    ("num_paren", re.compile(r"^[(（]\s*(\d{1,2})\s*[)）]\s*")),
    ("circled", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    ("shi", re.compile(rf"^([{_CN}]{{1,3}})是\s*[,，:：]?\s*")),
    ("di", re.compile(rf"^第([{_CN}]{{1,3}})\s*[,，、:：]\s*")),
)
_HEADING_MAX = 40
_COMMA = re.compile(r"[,，]")
# Every pattern opens with one of these or a digit (``\d``: a decimal digit, as ``isdecimal``):
# a line starting otherwise has no marker.
_MARKER_START = frozenset(f"第{_CN}(（①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker at the start of a line."""

    style: str
    number: int
    end: int  # offset where the text after the marker starts


def _cn_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s in _CN_VALUES:
        return _CN_VALUES[s]
    if s.startswith("十"):
        return 10 + _CN_VALUES.get(s[1:], 0)
    if s.endswith("十"):
        return _CN_VALUES.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_VALUES.get(s[0], 0) * 10 + _CN_VALUES.get(s[2], 0)
    return 0


def match_marker(text: str) -> Marker | None:
    """Return the numbering marker that starts ``text`` (normalised), if any."""
    first = text[:1]
    return _match_patterns(text) if first in _MARKER_START or first.isdecimal() else None


def _match_patterns(text: str) -> Marker | None:
    """:func:`match_marker` without the quick test of the first character."""
    for style, pattern in _PATTERNS:
        m = pattern.match(text)
        if m:
            raw = m.group(1)
            number = (
                "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(raw) + 1 if style == "circled" else _cn_number(raw)
            )
            if number and m.end() < len(text):
                return Marker(style, number, m.end())
    return None


def heading_parts(text: str, marker: Marker | None) -> tuple[str | None, bool]:
    """Split a line into its heading and say whether the line is a heading alone.

    Returns ``(heading, standalone)``: ``heading`` is the title the line announces
    (``None`` when it has none), ``standalone`` is true when nothing follows it.
    """
    body = text[marker.end :] if marker else text
    if marker is None:
        return None, False
    stripped = body.rstrip()
    inner = stripped.rstrip("。.:：")
    if (
        stripped[-1:] not in ";；"
        and len(inner) <= _HEADING_MAX
        and not any(c in SENTENCE_ENDS for c in inner)
        # A short sentence with commas that ends in 。 is a list item, not a title.
        and not (stripped.endswith("。") and len(inner) > 24 and _COMMA.search(inner))
    ):
        return text.rstrip().rstrip("。.:："), True
    cut = min((i for i, c in enumerate(body) if c in "。；;！!？?:："), default=-1)
    if 0 < cut <= _HEADING_MAX:
        return text[: marker.end + cut], False
    return None, False


_UNNUMBERED_MAX = 30
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:件|次|人|个|项|%|万|亿|名|家|份)")
_TWO_HANZI = re.compile(r"[\u4e00-\u9fff]{2}")


def looks_like_heading(norm: str, following: str | None) -> bool:
    """Tell whether an unnumbered line has a heading's shape and place.

    A heading is short, has no sentence punctuation, does not end a lead-in with ``：`` and
    is followed by text (a body paragraph or a heading under it).

    Parameters
    ----------
    norm : str
        The normalised line.
    following : str or None
        The next line of the report (``None`` at the end).
    """
    s = norm.strip()
    if following is None or not 2 <= len(s.replace(" ", "")) <= _UNNUMBERED_MAX:
        return False
    if any(c in s for c in SENTENCE_ENDS + ":：|") or s[-1] in ",，、":
        return False
    # Figures with units belong to statements, not to titles.
    if _FIGURE.search(s):
        return False
    return bool(_TWO_HANZI.search(s))


_JOINED = {
    "shi": lambda n: rf"{_to_cn(n)}是",
    "cn_paren": lambda n: rf"[(（]{_to_cn(n)}[)）]",
}


def _to_cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    return "十" + (_CN[n - 11] if n > 10 else "")


def split_joined_items(text: str) -> list[str]:
    """Split a line that a web page joined from several numbered items (一是……。二是……).

    The split points are the item markers, each after a sentence end, numbered in order;
    a lead-in sentence before the first marker stays a piece of its own. Text is never
    lost: the pieces concatenate to the input.
    """
    # Either style's first marker holds one of these: a line with none is never split.
    if "一是" in text or "一)" in text or "一）" in text:
        return _split_items(text)
    return [text]


def _split_items(text: str) -> list[str]:
    """:func:`split_joined_items` without the quick test for a first marker."""
    for make in _JOINED.values():
        first = re.search(rf"(?:^|(?<=[。；;:：!！?？]))\s*{make(1)}", text)
        if not first:
            continue
        cuts = [first.start() + (len(first.group(0)) - len(first.group(0).lstrip()))]
        n, pos = 2, first.end()
        while True:
            m = re.compile(rf"(?<=[。；;!！?？])\s*{make(n)}").search(text, pos)
            if not m:
                break
            cuts.append(m.start() + (len(m.group(0)) - len(m.group(0).lstrip())))
            n, pos = n + 1, m.end()
        if len(cuts) < 2:
            continue
        if cuts[0] > 0 and text[: cuts[0]].rstrip()[-1:] not in "。；;:：!！?？":
            cuts = cuts[1:] if len(cuts) > 2 else []
            if not cuts:
                continue
        points = ([0] if cuts[0] > 0 else []) + cuts + [len(text)]
        pieces = [text[a:b] for a, b in zip(points, points[1:])]
        return [p for p in pieces if p]
    return [text]
