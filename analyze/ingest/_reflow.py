"""Rejoin hard-wrapped lines into paragraphs: one rule for PDF pages and for text pasted from them.

A PDF knows where each line starts and ends; pasted text only knows how long its lines are
(where they stop is found by :mod:`fzgap.analyze.ingest._margin`). Both are reduced to the
same question per line — does it reach the right margin, does the next one start indented —
and :func:`join_lines` answers the rest the same way for both.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fzgap.analyze.text import SENTENCE_ENDS, WIDE_RUNS

__all__ = [
    "Line",
    "group_lines",
    "join_lines",
    "join_text",
    "display_width",
    "ends_sentence",
]

# Numbering that opens a heading or a list item, and the 公文 parts that open a line of their own.
# Run-in items (一是……；二是……) are left out: they run on inside a paragraph far more often than
# they start one, and segmentation splits them wherever they stand.
_ITEM_START = re.compile(
    r"^(?:第[一二三四五六七八九十]+(?:部分|章|篇)"
    r"|[一二三四五六七八九十]{1,3}\s*[、．.]"
    r"|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|\d{1,2}\s*(?:[、．]|\.(?!\d))"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"
    r"|附件\s*\d*\s*[:：]|附表|特此报告|抄送\s*[:：]|注\s*\d*\s*[:：])"
)
#: Characters of ambiguous width that reports use often (quotes, dashes, ·, ×, ①, Ⅲ), one
#: column each as :func:`_char_width` says (checked by tests).
#: (A table to delete them with: a regular expression of them takes longer to compile.)
_ONE_COLUMN = dict.fromkeys(
    [0xB7, 0xD7, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026]
    + [*range(0x2160, 0x216C), *range(0x2460, 0x2474)]
)
_CLOSERS = "”’」』）)》〉]】"
_STOPS = SENTENCE_ENDS + "：:"
#: Indentation marks paragraphs when at least this share of the lines that follow a line short of
#: the margin are indented, and at least this many lines follow one (a title and a signature
#: alone prove nothing).
_INDENT_SHARE, _MIN_STARTS = 0.8, 5


@dataclass(frozen=True, slots=True)
class Line:
    """A line as laid out, with what the layout tells about it.

    Attributes
    ----------
    text : str
        The stripped text.
    full : bool
        The line reaches the right margin, so the text may run on into the next line.
    indented : bool
        The line starts right of the left margin (a paragraph's first line, a centred title).
    alone : bool
        The line is a block of its own whatever its shape (a table row, a styled heading).
    after_gap : bool
        A blank line stands before it in text whose blank lines separate paragraphs (it
        ends a paragraph only after a sentence end: page breaks leave blank lines too).
    """

    text: str
    full: bool = False
    indented: bool = False
    alone: bool = False
    after_gap: bool = False


def display_width(text: str) -> float:
    """Columns a line takes on a page: 1 for Chinese and full-width characters, 1/2 for ASCII.

    Parameters
    ----------
    text : str

    Returns
    -------
    float
    """
    if text.isascii():
        return 0.5 * len(text) + 1.5 * text.count("\t")
    # Most characters of a report are ideographs and CJK punctuation, each one column wide.
    rest = WIDE_RUNS.sub("", text)
    wide = len(text) - len(rest)
    if not rest.isascii():
        narrow = rest.translate(_ONE_COLUMN)
        wide, rest = wide + len(rest) - len(narrow), narrow
    if rest.isascii():
        return wide + 0.5 * len(rest) + 1.5 * rest.count("\t")
    # Halves, ones and twos add up exactly in any order: count each character once.
    return wide + sum(_char_width(ch) * n for ch, n in Counter(rest).items())


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> float:
    if ch == "\t":
        return 2.0
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0
    return 0.0 if unicodedata.combining(ch) else 0.5


def join_text(a: str, b: str) -> str:
    """Join wrapped text: a space only between Latin letters (numbers and CJK wrap anywhere)."""
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return a + " " + b
    return a + b


def ends_sentence(text: str) -> bool:
    """Whether text ends a sentence or a lead-in: 。；！？ or a colon, before any closing quote.

    Parameters
    ----------
    text : str

    Returns
    -------
    bool
    """
    return text.rstrip(_CLOSERS)[-1:] in _STOPS


def _stands_alone(line: Line) -> bool:
    """A short line with no sentence in it and no closing punctuation: a heading, a name, a date."""
    s = line.text
    return (
        not line.full
        and display_width(s) <= 40
        and s[-1:] not in _STOPS + _CLOSERS + "，,、"
        and not any(c in SENTENCE_ENDS for c in s)
    )


def _continues(cur: Line, nxt: Line, by_indent: bool = False) -> bool:
    """Whether ``nxt`` carries on the paragraph that ``cur`` is part of.

    ``by_indent``: the text indents every paragraph's first line, so an unindented line goes on
    even after a line short of the margin, unless the shape of either line says otherwise.
    """
    if cur.alone or nxt.alone or nxt.indented:
        return False
    if not cur.full:
        if not by_indent or nxt.after_gap or _stands_alone(cur):
            return False
        return not (_ITEM_START.match(nxt.text) or _stands_alone(nxt))
    if ends_sentence(cur.text):
        if nxt.after_gap:
            return False
        # A full line may end a sentence mid-paragraph; only the next line's shape tells.
        return not (_ITEM_START.match(nxt.text) or _stands_alone(nxt))
    # Mid-sentence: an item marker here is a wrapped word ("一、二、三季度"), not a new item,
    # unless the line is itself a heading that ran up to the margin.
    return not (_ITEM_START.match(nxt.text) and _heading_like(cur.text))


def _indents_paragraphs(lines: Sequence[Line]) -> bool:
    """Whether paragraph starts are marked by indentation: lines after short ones are indented."""
    starts = [
        nxt.indented
        for cur, nxt in zip(lines, lines[1:])
        if not cur.full and not cur.alone and not nxt.alone
    ]
    return len(starts) >= _MIN_STARTS and sum(starts) >= _INDENT_SHARE * len(starts)


def _heading_like(text: str) -> bool:
    """A numbered line with no sentence in it (a heading that may fill a whole line)."""
    return (
        bool(_ITEM_START.match(text))
        and display_width(text) <= 45
        and text[-1:] not in "，,、"
        and not any(c in SENTENCE_ENDS for c in text)
    )


def group_lines(lines: Sequence[Line]) -> list[list[int]]:
    """Group wrapped lines into paragraphs: the indices of the lines of each paragraph.

    A line runs on into the next when it reaches the right margin and the next line is
    neither indented, after a paragraph gap, nor a block of its own. A full line that ends a
    sentence still runs on — inside long paragraphs that happens far more often than a
    paragraph ending flush with the margin — unless the next line opens a heading or list
    item (``一、`` ``（一）`` ``1.`` ``一是`` ``附件：`` …) or stands alone (a short line with no
    sentence: a heading, a signature, a date). In text that marks paragraph starts by
    indentation, an unindented line carries on after a short line too, by the same shapes
    (a wrapper may stop a line early, before a mark that may not end it).

    Parameters
    ----------
    lines : sequence of Line
        Lines in reading order, page furniture already removed.

    Returns
    -------
    list of list of int
        For each paragraph, the positions of its lines in ``lines``.
    """
    by_indent = _indents_paragraphs(lines)
    groups: list[list[int]] = []
    current: list[int] = []
    for i, ln in enumerate(lines):
        current.append(i)
        if i + 1 < len(lines) and _continues(ln, lines[i + 1], by_indent):
            continue
        groups.append(current)
        current = []
    return groups


def join_lines(lines: Sequence[Line]) -> list[str]:
    """Merge wrapped lines into paragraph texts (see :func:`group_lines` for when lines join).

    Numbers split at a line end are joined without a space (``共受理12`` / ``6件`` →
    ``共受理126件``), Latin words with one.

    Parameters
    ----------
    lines : sequence of Line
        Lines in reading order, page furniture already removed.

    Returns
    -------
    list of str
        Paragraph texts.
    """
    out = []
    for group in group_lines(lines):
        text = lines[group[0]].text
        for i in group[1:]:
            text = join_text(text, lines[i].text)
        out.append(text)
    return out
