"""Word segmentation engines: jieba (the reference) and rjieba (its Rust port), cut identically.

fzgap cuts text as jieba 0.42 does with HMM off and the domain dictionary added word by word:
the text is split into runs of 汉字/letters/digits (jieba's own pattern) and every run is cut
on its own. :class:`Segmenter` does that splitting itself and hands each run to the engine, so
the result never depends on how an engine splits text, and runs seen before in one call are
not cut again. rjieba gives the same words as jieba on every run of the labelled corpus and
the sample reports (``tests/unit/test_segmenter.py``) at many times the speed; jieba is the
fallback when rjieba is not installed, and ``FZGAP_SEGMENTER=jieba`` forces it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from itertools import chain, count, repeat
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "Segmenter",
    "get_segmenter",
    "engine_name",
    "read_user_dict",
    "parse_user_dict",
    "RUN",
    "KEEP",
    "ENGINES",
]

#: jieba 0.42's run pattern (``jieba.re_han_default``): each run is cut independently.
_RUN_BODY = "[\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+"
RUN = re.compile(f"({_RUN_BODY})")
#: A token is kept as a feature only if it holds a 汉字, a letter or the number placeholder 0.
KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0]")
_ODD = re.compile(r"[1-9+#&._%\-]")
#: A character jieba yields alone that :data:`KEEP` keeps (a 汉字 past the runs' range).
_LONE_CHAR = re.compile("[\u9fd6-\u9fff]")
#: A run, or such a lone character.
_PIECE = re.compile(_RUN_BODY + "|" + _LONE_CHAR.pattern)
#: :data:`_PIECE`, or the NUL that ends a text in a block of texts.
_PIECE_OR_NUL = re.compile(_PIECE.pattern + "|\x00")
#: Every run sorts before it, every lone character of :data:`_PIECE` from it on.
_LONE = "\u9fd6"
#: Engines in order of preference.
ENGINES = ("rjieba", "jieba")
_LOCK = threading.Lock()
_NEWLINE = -2
_CACHE: dict[tuple[str, str], Segmenter] = {}
UserDict = tuple[tuple[str, int | None, str | None], ...]


def read_user_dict() -> str:
    """The domain dictionary shipped with fzgap (``model/userdict.txt``), as text."""
    return resources.files("fzgap.model").joinpath("userdict.txt").read_text(encoding="utf-8")


def parse_user_dict(text: str) -> UserDict:
    """Entries of a jieba user dictionary: one ``word [freq] [tag]`` a line."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if parts:
            freq = int(parts[1]) if len(parts) > 1 else None
            out.append((parts[0], freq, parts[2] if len(parts) > 2 else None))
    return tuple(out)


def engine_name() -> str:
    """The engine this process uses: ``FZGAP_SEGMENTER`` if set, else the first installed."""
    wanted = os.environ.get("FZGAP_SEGMENTER", "").strip().lower()
    if wanted:
        if wanted not in ENGINES:
            raise ValueError(f"FZGAP_SEGMENTER must be one of {', '.join(ENGINES)}, not {wanted!r}")
        return wanted
    try:
        _rjieba_class()
    except ImportError:
        return "jieba"
    return "rjieba"


@lru_cache(maxsize=1)
def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class, loaded without running the package's ``__init__``.

    Importing the package builds a default instance with the whole dictionary (0.1–0.3 s and
    tens of MB) that fzgap never uses, since it needs its own with the user dictionary.
    """
    import sys
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
    from importlib.util import find_spec, module_from_spec, spec_from_file_location

    name = "rjieba.rjieba"
    if name not in sys.modules:
        spec = find_spec("rjieba")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("rjieba is not installed")
        folder = Path(next(iter(spec.submodule_search_locations)))
        paths = [folder / f"rjieba{s}" for s in EXTENSION_SUFFIXES]
        path = next((p for p in paths if p.is_file()), None)
        if path is None:
            import rjieba  # an unusual layout: the ordinary import

            return rjieba.Jieba
        loader = ExtensionFileLoader(name, str(path))
        module = module_from_spec(spec_from_file_location(name, path, loader=loader))  # type: ignore[arg-type]
        # Registered first: a later `import rjieba` then reuses it (an extension loads once).
        sys.modules[name] = module
        try:
            loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
    return sys.modules[name].Jieba


def _jieba_cut(entries: UserDict) -> Callable[[str], list[str]]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word, freq, tag in entries:
        tok.add_word(word, freq, tag)
    return lambda run: tok.lcut(run, HMM=False)


def _rjieba_cut(entries: UserDict) -> Callable[[str], list[str]]:
    tok = _rjieba_class()()
    for word, freq, tag in entries:
        tok.add_word(word, freq, tag)
    return lambda run: tok.cut(run, False)


class Segmenter:
    """Cut prepared text into the words the model counts.

    Parameters
    ----------
    engine : {'rjieba', 'jieba'}
        The engine that cuts each run.
    user_dict : str
        A jieba user dictionary (``word [freq] [tag]`` per line); empty for none.

    Notes
    -----
    Build it with :func:`get_segmenter`, which shares one instance per process.
    """

    def __init__(self, engine: str, user_dict: str) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown segmenter engine {engine!r}")
        self.engine = engine
        entries = parse_user_dict(user_dict)
        self._cut = _rjieba_cut(entries) if engine == "rjieba" else _jieba_cut(entries)
        self._lookup: tuple[Mapping[str, int], dict[str, int]] | None = None
        self._dropped: tuple[Mapping[str, int], np.ndarray] | None = None

    def cut_run(self, run: str) -> list[str]:
        """Words of one run of 汉字, letters and digits, exactly as jieba cuts it."""
        return self._cut(run)

    def words(self, text: str, memo: dict[str, list[str]] | None = None) -> list[str]:
        """The kept words of ``text`` (punctuation and spaces dropped), in order.

        Parameters
        ----------
        text : str
            Prepared text (see :func:`fzgap.model.tokenize.prepare`).
        memo : dict, optional
            Runs already cut → their kept words; filled as runs are cut, so that the
            sentences and clauses of a paragraph reuse the paragraph's cuts.
        """
        pieces = RUN.split(text)
        memo = {} if memo is None else memo
        missing = [r for r in dict.fromkeys(pieces[1::2]) if r not in memo]
        if missing:
            self._cut_into(missing, memo)
        out: list[str] = []
        for k, piece in enumerate(pieces):
            if k % 2:  # re.split with one group: odd pieces are the runs
                out += memo[piece]
            elif piece:  # jieba yields the characters between runs one by one
                out += [c for c in piece if KEEP.match(c)]
        return out

    def word_ids(
        self, texts: Sequence[str], ids: Mapping[str, int]
    ) -> tuple[np.ndarray, np.ndarray]:
        """The kept words of many prepared texts as ids: ``ids[word]``, -1 for other words.

        The same words as :meth:`words` of each text, found without a Python object per word:
        each distinct run of all the texts is cut once (one engine call for all of them), its
        words looked up once, and the texts' id sequences gathered from those in numpy.

        Returns
        -------
        (ndarray of int64, ndarray of int64)
            The id of every kept word in order, and the index of the text it belongs to.
        """
        out, piece_doc, lengths = self.word_ids_by_piece(texts, ids)
        return out, np.repeat(piece_doc, lengths)

    def word_ids_by_piece(
        self, texts: Sequence[str], ids: Mapping[str, int]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`word_ids`, by piece: every kept word's id, and for each piece (run, or 汉字
        alone) of the texts in order, the text it is in and how many kept words it gives.

        Returns
        -------
        (ndarray of int64, ndarray of int64, ndarray of int64)
        """
        if not texts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        block = "\x00".join(texts)
        if block.count("\x00") == len(texts) - 1:
            # One pass over the block, a NUL piece between two texts (no piece holds a NUL).
            pieces = _PIECE_OR_NUL.findall(block)
            distinct = dict.fromkeys(pieces)
            distinct.pop("\x00", None)
        else:
            pieces = list(chain.from_iterable(_PIECE.findall(t) + ["\x00"] for t in texts))
            pieces.pop()
            distinct = dict.fromkeys(p for p in pieces if p != "\x00")
        if _LONE_CHAR.search(block) is None:
            runs, lone = list(distinct), []
        else:
            runs = [p for p in distinct if p < _LONE]
            lone = [p for p in distinct if p >= _LONE]
        order = dict(zip(chain(runs, lone), count()))
        order["\x00"] = -1
        seq = np.fromiter(map(order.__getitem__, pieces), dtype=np.int64, count=len(pieces))
        # Each text's pieces end at the NUL after it.
        ends = np.flatnonzero(seq < 0)
        per_text = np.diff(np.r_[-1, ends, len(seq)]) - 1
        seq = seq[seq >= 0]
        joined = "\n".join(runs)
        words = self._cut(joined) if runs else []
        for c in lone:
            words += ["\n", c] if words else [c]
        lookup = self._lookup_with_newline(ids)
        wid = np.fromiter(map(lookup.get, words, repeat(-1)), dtype=np.int64, count=len(words))
        newline = wid == _NEWLINE
        group = np.cumsum(newline)
        if len(runs) + len(lone) != (group[-1] + 1 if len(group) else 0):
            raise RuntimeError("the segmenter did not keep the runs apart")
        keep = ~newline
        # Only runs holding digits 1-9 or + # & . _ % - can yield a word without 汉字,
        # letter or 0 (which is dropped): only their words are checked one by one.
        odd = np.zeros(len(runs) + len(lone) + 1, dtype=bool)
        if runs:
            starts = np.cumsum(np.fromiter(map(len, runs), dtype=np.int64, count=len(runs)) + 1)
            at = [m.start() for m in _ODD.finditer(joined)]
            odd[np.searchsorted(starts, at, side="right")] = True
        for k in np.flatnonzero(keep & odd[group] & ((wid < 0) | self._unkept(ids)[wid])):
            keep[k] = KEEP.search(words[k]) is not None
        kept, kept_group = wid[keep], group[keep]
        counts = np.bincount(kept_group, minlength=len(runs) + len(lone))
        bounds = np.concatenate([[0], np.cumsum(counts)])
        # Ragged gather: the kept ids of each piece occurrence, one after the other.
        lengths = counts[seq]
        total = int(lengths.sum())
        shift = bounds[seq] - (np.cumsum(lengths) - lengths)
        out = kept[np.repeat(shift, lengths) + np.arange(total, dtype=np.int64)]
        piece_doc = np.repeat(np.arange(len(texts), dtype=np.int64), per_text)
        return out, piece_doc, lengths

    def _lookup_with_newline(self, ids: Mapping[str, int]) -> dict[str, int]:
        """``ids`` and the run separator as :data:`_NEWLINE` (built once for the last ``ids``)."""
        if self._lookup is None or self._lookup[0] is not ids:
            if "\n" in ids:
                raise ValueError("a vocabulary word holds a newline")
            self._lookup = (ids, {**ids, "\n": _NEWLINE})
        return self._lookup[1]

    def _unkept(self, ids: Mapping[str, int]) -> np.ndarray:
        """Per id of ``ids``: whether :data:`KEEP` would drop the word (index -1, -2: no)."""
        if self._dropped is None or self._dropped[0] is not ids:
            bad = np.zeros(max(ids.values(), default=-1) + 3, dtype=bool)
            for word, i in ids.items():
                bad[i] = KEEP.search(word) is None
            self._dropped = (ids, bad)
        return self._dropped[1]

    def _cut_into(self, runs: list[str], memo: dict[str, list[str]]) -> None:
        """Cut many runs in one engine call: a newline ends a run for jieba and rjieba alike."""
        # Split the engine's words at the newline words with string operations, not a loop:
        # a run holds no \x01, so neither does a word.
        joined = "\x01".join(self._cut("\n".join(runs)))
        groups = [g.split("\x01") for g in joined.split("\x01\n\x01")]
        if len(groups) != len(runs):
            raise RuntimeError("the segmenter did not keep the runs apart")
        for run, words in zip(runs, groups):
            # Only runs holding digits 1-9 or + # & . _ % - can yield a word without 汉字,
            # letter or 0.
            memo[run] = [w for w in words if KEEP.search(w)] if _ODD.search(run) else words


def get_segmenter(user_dict: str | None = None, engine: str | None = None) -> Segmenter:
    """The process's shared :class:`Segmenter` for a user dictionary (default: the shipped one)."""
    text = read_user_dict() if user_dict is None else user_dict
    name = engine or engine_name()
    with _LOCK:
        seg = _CACHE.get((name, text))
        if seg is None:
            seg = _CACHE[(name, text)] = Segmenter(name, text)
        return seg
