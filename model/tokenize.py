"""Tokenisation: jieba with the domain dictionary, as a picklable module-level callable."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources

from fzgap.model.textnorm import normalize

__all__ = ["JiebaTokenizer", "prepare", "prepare_all", "USER_DICT"]

USER_DICT = "userdict.txt"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0]")
_LOCK = threading.Lock()
_TOKENIZERS: dict[bool, object] = {}


def prepare(text: str) -> str:
    """Analysis form of a paragraph for the features: normalised, every number written as 0."""
    return _NUMBER.sub("0", normalize(text))


def prepare_all(texts) -> list[str]:
    """:func:`prepare` over a sequence of paragraphs (the pipeline's first step)."""
    return [prepare(t) for t in texts]


def _jieba(user_dict: bool):
    """One shared jieba tokenizer per process (its dictionary takes a second to load)."""
    with _LOCK:
        tok = _TOKENIZERS.get(user_dict)
        if tok is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.initialize()
            if user_dict:
                with (
                    resources.files("fzgap.model")
                    .joinpath(USER_DICT)
                    .open("r", encoding="utf-8") as fh
                ):
                    for line in fh:
                        parts = line.split()
                        if parts:
                            tok.add_word(
                                parts[0],
                                int(parts[1]) if len(parts) > 1 else None,
                                parts[2] if len(parts) > 2 else None,
                            )
            _TOKENIZERS[user_dict] = tok
        return tok


@lru_cache(maxsize=65536)
def _cut(text: str, user_dict: bool) -> tuple[str, ...]:
    return tuple(w for w in _jieba(user_dict).lcut(text, HMM=False) if _KEEP.search(w))


class JiebaTokenizer:
    """Split prepared text into jieba words, keeping domain terms (行政复议, 第一责任人 …) whole.

    Parameters
    ----------
    user_dict : bool
        Load the domain dictionary shipped with the model (default True).

    Notes
    -----
    Instances are picklable and hold no jieba state; the dictionary is loaded once per
    process on first use. jieba's HMM guessing of unknown words is off so that results
    do not depend on it.
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
