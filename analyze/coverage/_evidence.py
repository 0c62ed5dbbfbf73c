"""Evidence in text: sentences, and the strong facts (figures with units, named documents) they
carry."""

from __future__ import annotations

import re
from functools import lru_cache

from fzgap.analyze.text import CLAUSE_ENDS, SENTENCE_ENDS

__all__ = ["split_sentences", "split_clauses", "strong_facts"]

_SENT = re.compile(f"[^{SENTENCE_ENDS}]+[{SENTENCE_ENDS}]*")
_DOC = re.compile(r"《[^《》]{2,60}》")
_DOCNO = re.compile(r"[〔\[(（]\s*20\d{2}\s*[〕\])）]\s*\d{1,4}\s*号")
_CASE = re.compile(r"[“\"][^”\"]{2,30}[”\"](?:案|一案|案件)")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at 。；！？ (keeping the punctuation); never loses text."""
    parts = [m.group(0) for m in _SENT.finditer(text)]
    return [p for p in parts if p.strip()] or [text]


_CLAUSE = re.compile(f"[^{CLAUSE_ENDS}{SENTENCE_ENDS}]+[{CLAUSE_ENDS}{SENTENCE_ENDS}]*")


def split_clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses at commas and colons (keeping the punctuation)."""
    return [m.group(0) for m in _CLAUSE.finditer(sentence) if m.group(0).strip()] or [sentence]


@lru_cache(maxsize=8)
def _figure_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    return re.compile(rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:{alternatives})")


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
    facts: list[str] = []
    for pattern in (_DOC, _DOCNO, _CASE):
        facts += [m.group(0) for m in pattern.finditer(text)]
    # Only Arabic figures: Chinese numerals are mostly set phrases (三项制度, 一次办好).
    facts += [m.group(0) for m in _figure_pattern(units).finditer(text)]
    return facts
