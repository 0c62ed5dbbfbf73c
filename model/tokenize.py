"""Tokenisation for training: the shipped segmenter and dictionary, as a picklable callable."""

from __future__ import annotations

import re
from functools import lru_cache

from fzgap.model.segmenter import get_segmenter
from fzgap.model.textnorm import normalize, normalize_all

__all__ = ["JiebaTokenizer", "prepare", "prepare_all", "USER_DICT"]

USER_DICT = "userdict.txt"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def prepare(text: str) -> str:
    """Analysis form of a paragraph for the features: normalised, every number written as 0."""
    return _NUMBER.sub("0", normalize(text))


def prepare_all(texts) -> list[str]:
    """:func:`prepare` over a sequence of paragraphs (the pipeline's first step)."""
    norms = normalize_all(list(texts))
    block = "\x00".join(norms)
    if block.count("\x00") != len(norms) - 1:
        return [_NUMBER.sub("0", t) for t in norms]
    # One pass over the block: a number never holds or crosses the NUL between two texts.
    return _NUMBER.sub("0", block).split("\x00") if norms else []


@lru_cache(maxsize=65536)
def _cut(text: str, user_dict: bool) -> tuple[str, ...]:
    """Cached: leave-one-report-out evaluation cuts the same paragraphs once per fold."""
    return tuple(get_segmenter(None if user_dict else "").words(text))


class JiebaTokenizer:
    """Split prepared text into jieba words, keeping domain terms (行政复议, 第一责任人 …) whole.

    Parameters
    ----------
    user_dict : bool
        Load the domain dictionary shipped with the model (default True).

    Notes
    -----
    Instances are picklable and hold no segmenter state; the dictionary is loaded once per
    process on first use. Words are jieba's with HMM off (see :mod:`fzgap.model.segmenter`:
    the faster engine gives the same words).
    """

    def __init__(self, user_dict: bool = True) -> None:
        self.user_dict = user_dict

    def __call__(self, text: str) -> list[str]:
        """Return the words of ``text`` (punctuation and spaces dropped)."""
        return list(_cut(text, self.user_dict))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JiebaTokenizer) and other.user_dict == self.user_dict

    def __hash__(self) -> int:
        return hash((JiebaTokenizer, self.user_dict))

    def __repr__(self) -> str:
        return f"JiebaTokenizer(user_dict={self.user_dict})"
