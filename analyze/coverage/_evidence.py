"""Evidence in text: sentences, and the strong facts (figures with units, named documents) they
carry."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from fzgap.analyze.text import CLAUSE_ENDS, SENTENCE_ENDS

__all__ = [
    "split_sentences",
    "split_clauses",
    "strong_facts",
    "fact_phrases",
    "PHRASE_MAX",
    "CLAUSE",
]

#: Longest phrase shown around a fact (characters).
PHRASE_MAX = 32

_SENT = re.compile(f"[^{SENTENCE_ENDS}]+[{SENTENCE_ENDS}]*")
_DOC = re.compile(r"《[^《》]{2,60}》")
_DOCNO = re.compile(r"[〔\[(（]\s*20\d{2}\s*[〕\])）]\s*\d{1,4}\s*号")
_CASE = re.compile(r"[“\"][^”\"]{2,30}[”\"](?:案|一案|案件)")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at 。；！？ (keeping the punctuation); never loses text."""
    return [p for p in _SENT.findall(text) if p.strip()] or [text]


#: A clause: a run of text and the clause or sentence marks that end it.
CLAUSE = re.compile(f"[^{CLAUSE_ENDS}{SENTENCE_ENDS}]+[{CLAUSE_ENDS}{SENTENCE_ENDS}]*")


def split_clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses at commas and colons (keeping the punctuation)."""
    return [c for c in CLAUSE.findall(sentence) if c.strip()] or [sentence]


@lru_cache(maxsize=8)
def _figure_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    # A figure starts where a run of digits starts: without the look-behind every digit of a
    # long run would start a new scan of the run, and two \s* around an optional word would
    # split a run of spaces every possible way (both quadratic in the length). The look-behind
    # follows the first digit (the same test: no digit or point before it) so that the pattern
    # opens with a digit, which the regex engine skips to without trying every position.
    return re.compile(rf"\d(?<![\d.]\d)\d*(?:\.\d+)?\s*(?:[余多]\s*)?(?:{alternatives})")


def strong_facts(text: str, units: tuple[str, ...]) -> list[str]:
    """The strong facts of a (normalised) text: figures with a unit, 《named documents》,
    〔2023〕N号, named cases.

    Parameters
    ----------
    text : str
        Normalised text.
    units : tuple of str
        Units that make a number a reported figure (件, 次, 人, % …).
    """
    return [m.group(0) for m in _fact_matches(text, units)]


def _fact_matches(text: str, units: tuple[str, ...]) -> list[re.Match[str]]:
    """Matches of every strong fact, documents first (the order reasons quote them in)."""
    found: list[re.Match[str]] = []
    # Each pattern needs a character most texts lack: skip its scan where that one is absent.
    if "《" in text:
        found += _DOC.finditer(text)
    if "号" in text:
        found += _DOCNO.finditer(text)
    if "“" in text or '"' in text:
        found += _CASE.finditer(text)
    # Only Arabic figures: Chinese numerals are mostly set phrases (三项制度, 一次办好).
    found += _figure_pattern(units).finditer(text)
    return found


_BOUNDARY = set(SENTENCE_ENDS + CLAUSE_ENDS + "、")
_OPEN, _CLOSE = '《“"(（〔[', '》”")）〕]'
_BOUNDARY_RE = re.compile(f"[{re.escape(''.join(sorted(_BOUNDARY)))}]")
_MARK = re.compile(f"[{re.escape(''.join(sorted(_BOUNDARY)) + _OPEN + _CLOSE)}]")


def _inside_brackets(text: str, i: int) -> bool:
    """Whether position ``i`` sits inside 《》, quotes or brackets (no clause boundary there)."""
    depth = 0
    for ch in text[:i]:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return depth > 0


class _Marks(NamedTuple):
    """A text's clause boundaries outside brackets, and where its bracket depth changes."""

    bounds: list[int]  # positions of the boundaries, in order
    at: list[int]  # positions of the brackets that change the depth, in order
    depth: list[int]  # the depth after each of them

    def inside(self, i: int) -> bool:
        """Whether position ``i`` sits inside brackets (``_inside_brackets(text, i)``)."""
        j = bisect_left(self.at, i)
        return j > 0 and self.depth[j - 1] > 0


def _marks(text: str) -> _Marks:
    """The :class:`_Marks` of ``text``, from one scan of its brackets and boundaries."""
    if not any(ch in text for ch in _OPEN):  # depth 0 throughout: every boundary counts
        return _Marks([m.start() for m in _BOUNDARY_RE.finditer(text)], [], [])
    bounds, at, depths, depth = [], [], [], 0
    for m in _MARK.finditer(text):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if not depth:
                continue
            depth -= 1
        else:
            if not depth:
                bounds.append(m.start())
            continue
        at.append(m.start())
        depths.append(depth)
    return _Marks(bounds, at, depths)


def _phrase_bounds(text: str, start: int, end: int, marks: _Marks) -> tuple[int, int]:
    """The clause around ``text[start:end]``, cut to ``PHRASE_MAX`` characters around it
    (``marks``: :func:`_marks` of ``text``)."""
    inside = marks.inside
    bounds = marks.bounds
    # The clause runs from just after the last boundary before the fact to the first one after.
    j = bisect_left(bounds, start)
    lo = bounds[j - 1] + 1 if j else 0
    j = bisect_left(bounds, end, j)
    hi = bounds[j] if j < len(bounds) else len(text)
    if hi - lo > PHRASE_MAX:
        # A long clause: what the fact counts stands just before it; never cut a number.
        clause_lo = lo
        # A long document name keeps only the verb before it (印发、落实、制定 …).
        room = 2 if text[start] == "《" else min(14, PHRASE_MAX - (end - start))
        lo, hi = max(lo, start - max(2, room)), end
        while lo > clause_lo and text[lo - 1].isascii() and text[lo - 1].isalnum():
            lo -= 1
        if inside(lo):
            lo = max(clause_lo, max(text.rfind(ch, 0, lo) for ch in _OPEN))
    while lo < start and text[lo] == " ":
        lo += 1
    # Close a bracket the phrase opened: 《办法》(清政办发〔2024〕11号) keeps its ")".
    if hi < len(text) and text[hi] in _CLOSE and _inside_brackets(text[lo:], hi - lo):
        hi += 1
    return lo, hi


def fact_phrases(text: str, units: tuple[str, ...]) -> list[tuple[str, str, int, int]]:
    """Each strong fact of ``text`` with the phrase that says what it counts.

    Parameters
    ----------
    text : str
        Normalised text (a sentence or a paragraph).
    units : tuple of str
        Units that make a number a reported figure.

    Returns
    -------
    list of (fact, phrase, start, end)
        The fact as matched (``4件``), its clause (``受理行政复议案件4件``) and the clause's span
        in ``text``; facts whose phrases overlap (a document and its number) share one entry.
    """
    out: list[tuple[str, str, int, int]] = []
    matches = _fact_matches(text, units)
    if not matches:
        return out
    marks = _marks(text)
    for m in matches:
        lo, hi = _phrase_bounds(text, m.start(), m.end(), marks)
        # A document number beside its document is one fact: merge overlapping phrases.
        for i, (fact, _, a, b) in enumerate(out):
            if lo < b and a < hi:
                lo, hi = min(a, lo), max(b, hi)
                out[i] = (fact, text[lo:hi], lo, hi)
                break
        else:
            out.append((m.group(0), text[lo:hi], lo, hi))
    return out
