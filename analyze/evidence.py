"""Evidence in text: sentences, and the strong facts (figures with units, named documents) they carry."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["split_sentences", "split_clauses", "strong_facts", "is_weak_only"]

_SENT = re.compile(r"[^。；;！!？?]+[。；;！!？?]*")
_DOC = re.compile(r"《[^《》]{2,60}》")
_DOCNO = re.compile(r"[〔\[(（]\s*20\d{2}\s*[〕\])）]\s*\d{1,4}\s*号")
_CASE = re.compile(r"[“\"][^”\"]{2,30}[”\"](?:案|一案|案件)")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at 。；！？ (keeping the punctuation); never loses text."""
    parts = [m.group(0) for m in _SENT.finditer(text)]
    return [p for p in parts if p.strip()] or [text]


_CLAUSE = re.compile(r"[^，,。；;！!？?：:]+[，,。；;！!？?：:]*")


def split_clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses at commas and colons (keeping the punctuation)."""
    return [m.group(0) for m in _CLAUSE.finditer(sentence) if m.group(0).strip()] or [sentence]


@lru_cache(maxsize=8)
def _figure_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    return re.compile(rf"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:{alternatives})")


def strong_facts(text: str, units: tuple[str, ...]) -> list[str]:
    """The strong facts of a (normalised) text: figures with a unit, 《named documents》, 〔2023〕N号, named cases.

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


def is_weak_only(text: str, units: tuple[str, ...]) -> bool:
    """True when a text reports no strong fact (only verbs such as 加强、推进、落实)."""
    return not strong_facts(text, units)
