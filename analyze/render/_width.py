"""Display width in a terminal: Chinese characters take two columns, ANSI colours none."""

from __future__ import annotations

import re

from wcwidth import wcswidth, wcwidth

from fzgap.analyze.text import WIDE_RUNS

__all__ = ["width", "pad", "truncate", "wrap"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_NARROW = re.compile("[\x20-\x7e\u00b7\u2010-\u2027\u2030-\u205e]*")


def width(text: str) -> int:
    """Columns ``text`` takes (colour codes take none; unprintable characters count as one)."""
    plain = _ANSI.sub("", text) if "\x1b" in text else text
    rest = WIDE_RUNS.sub("", plain)
    # The common case, without a call per character: ideographs and CJK punctuation (two
    # columns), general punctuation such as “” and … (one), printable ASCII (one). None of them
    # joins a grapheme, so the sum is what wcswidth gives.
    if _NARROW.fullmatch(rest):
        return 2 * (len(plain) - len(rest)) + len(rest)
    w = wcswidth(plain)
    return w if w >= 0 else sum(max(0, wcwidth(c)) or 1 for c in plain)


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


def _token_start(text: str, i: int) -> int:
    """Where the ASCII word or number around position ``i`` starts (a cut must not split it)."""
    while i > 0 and text[i - 1].isascii() and (text[i - 1].isalnum() or text[i - 1] in ".%"):
        i -= 1
    return i


def _fit(text: str, columns: int) -> int:
    """Where to cut ``text`` so that it fits in ``columns`` display columns, moved back to the
    start of a number or ASCII word that the cut would split."""
    used, cut = 0, 0
    for i, ch in enumerate(text):
        w = max(0, wcwidth(ch))
        if used + w > columns:
            break
        used += w
        cut = i + 1
    if cut < len(text) and text[cut].isascii() and text[cut].isalnum():
        cut = _token_start(text, cut) or cut
    return cut


def truncate(text: str, columns: int, ellipsis: str = "…") -> str:
    """``text`` cut to ``columns`` display columns, ending in ``…``; never inside a number or
    an ASCII word."""
    if width(text) <= columns:
        return text
    cut = _fit(text, columns - width(ellipsis))
    return text[:cut].rstrip() + ellipsis


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most ``columns`` display columns, breaking between characters of Chinese text
    and never inside a number or an ASCII word."""
    lines: list[str] = []
    rest = text
    while width(rest) > columns:
        cut = _fit(rest, columns)
        # A closing punctuation mark never starts a line.
        while cut > 1 and rest[cut : cut + 1] in tuple("，。；：、）》”"):
            cut -= 1
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*lines, rest] if rest or not lines else lines
