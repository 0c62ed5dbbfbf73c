"""The shipped scorer (kind ``tfidf-linear``): TF-IDF + one-vs-rest logistic regression, plain data.

Inference needs only numpy and the segmenter: the word and character vocabularies, their idf
weights, the coefficients and intercepts of the five logistic regressions, the thresholds and
the user dictionary, all read from the model folder's ``.npz`` (``docs/model-format.md``).
Scores equal the scikit-learn pipeline it was exported from (``fzgap.train.export``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from fzgap.model.areas import AREAS
from fzgap.model.artifact import KIND, PICKLE_KIND, load_arrays
from fzgap.model.errors import ModelError
from fzgap.model.features import Rows, tfidf_blocks
from fzgap.model.scorer import Explanation, TermWeight, register_kind
from fzgap.model.segmenter import get_segmenter
from fzgap.model.spans import inner_rows
from fzgap.model.tokenize import prepare_all
from fzgap.model.vocabulary import CharVocabulary, WordVocabulary, split_terms

__all__ = ["LinearScorer", "KIND", "FEATURES", "ARRAYS"]

#: The feature settings this scorer computes; a manifest must state exactly these.
FEATURES: dict[str, Any] = {
    "words": {"ngram_range": [1, 2], "sublinear_tf": True, "norm": "l2", "dtype": "float32"},
    "chars": {"ngram_range": [2, 4], "sublinear_tf": True, "norm": "l2", "dtype": "float32"},
}
#: Array name → dtype kind and number of dimensions.
ARRAYS = {
    "word_terms": ("u", 1),
    "word_idf": ("f", 1),
    "char_terms": ("u", 1),
    "char_idf": ("f", 1),
    "coef": ("f", 2),
    "intercept": ("f", 1),
    "user_dict": ("u", 1),
}
#: Texts per block: bounds the memory of one call on a large batch.
_BLOCK = 4096
#: Terms per step of the scores' sums.
_SUM_CHUNK = 32768


class LinearScorer:
    """TF-IDF features and one linear model per area, from plain arrays.

    Parameters
    ----------
    arrays : dict of str to ndarray
        The artifact's arrays (see ``ARRAYS``).
    manifest : dict
        The model folder's manifest (thresholds, provenance).
    """

    kind = KIND

    def __init__(self, arrays: dict[str, np.ndarray], manifest: dict[str, Any]) -> None:
        self.manifest = manifest
        self.thresholds: dict[str, float] = {a: float(manifest["thresholds"][a]) for a in AREAS}
        self.words = WordVocabulary(split_terms(arrays["word_terms"]))
        self.chars = CharVocabulary(
            split_terms(arrays["char_terms"]), tuple(FEATURES["chars"]["ngram_range"])
        )
        self.word_idf = arrays["word_idf"].astype(np.float32)
        self.char_idf = arrays["char_idf"].astype(np.float32)
        self.idf = np.concatenate([self.word_idf, self.char_idf])
        self.coef = np.ascontiguousarray(arrays["coef"], dtype=np.float64)
        # A column's five weights side by side: one gather per term instead of five.
        self._coef_by_col = np.ascontiguousarray(self.coef.T)
        self.intercept = arrays["intercept"].astype(np.float64)
        self.user_dict = arrays["user_dict"].tobytes().decode("utf-8")
        n_word, n_char = len(self.words), len(self.chars)
        if (
            self.word_idf.shape != (n_word,)
            or self.char_idf.shape != (n_char,)
            or self.coef.shape != (len(AREAS), n_word + n_char)
            or self.intercept.shape != (len(AREAS),)
        ):
            raise ValueError("array shapes do not fit together")

    @property
    def segmenter(self):
        """The process's segmenter for this model's user dictionary."""
        return get_segmenter(self.user_dict)

    def features(self, texts: Sequence[str]) -> Rows:
        """TF-IDF rows of ``texts`` in CSR order (word columns, then characters offset by the
        word count).

        Runs of text already cut in this call are not cut again: a paragraph's sentences and
        clauses reuse the paragraph's words.
        """
        return self._features(prepare_all(texts))

    def _features(self, prepared: list[str]) -> Rows:
        """TF-IDF rows of texts already prepared."""
        n, n_word = len(prepared), len(self.words)
        wd, wc = self.words.lookup_ids(*self.segmenter.word_ids(prepared, self.words.ids))
        cd, cc = self.chars.lookup(prepared)
        return tfidf_blocks(
            np.concatenate([wd, cd]), np.concatenate([wc, cc + n_word]), n, self.idf, [n_word]
        )

    def decision_function(
        self, texts: Sequence[str], within: Sequence[int] | None = None
    ) -> np.ndarray:
        """Linear scores before the logistic, shape (len(texts), 5).

        Parameters
        ----------
        texts : sequence of str
        within : sequence of int, optional
            For each text, the index of another text of ``texts`` that holds it (a sentence's
            paragraph), or -1: its features are then taken from that text's
            (:mod:`fzgap.model.spans`), with the same scores.
        """
        out = np.zeros((len(texts), len(AREAS)))
        if within is not None and len(within) != len(texts):
            raise ValueError("within must give one index per text")
        if within is not None and len(texts) > 8 * _BLOCK:
            within = None  # one block holds every text and its holder: bound its memory
        step = len(texts) if within is not None else _BLOCK
        for start in range(0, len(texts), max(step, 1)):
            prepared = prepare_all(texts[start : start + step])
            # Equal prepared texts have equal rows (a one-sentence paragraph and its sentence):
            # each is scored once.
            distinct = {t: i for i, t in enumerate(dict.fromkeys(prepared))}
            if within is None:
                rows = self._features(list(distinct))
            else:
                rows = inner_rows(
                    self, list(distinct), _distinct_within(prepared, distinct, within)
                )
            if rows.val.size == 0:
                continue
            sums = self._sums(rows)
            if len(distinct) == len(prepared):
                out[start : start + len(prepared)] = sums
            else:
                out[start : start + len(prepared)] = sums[[distinct[t] for t in prepared]]
        return out + self.intercept

    def _sums(self, rows: Rows) -> np.ndarray:
        """Each row's dot product with the five areas' coefficients."""
        counts = np.bincount(rows.doc, minlength=rows.n_docs)
        ends = np.cumsum(counts)
        sums = np.zeros((rows.n_docs, len(AREAS)))
        # Whole documents of about _SUM_CHUNK terms at a time: the terms' weights (40 bytes a
        # term) then stay in cache and in memory already mapped, where one product of a whole
        # block allocates tens of MB afresh.
        first = 0
        while first < rows.n_docs:
            lo = int(ends[first] - counts[first])
            last = max(int(np.searchsorted(ends, lo + _SUM_CHUNK, side="right")), first + 1)
            hi = int(ends[last - 1])
            if hi > lo:
                # np.take along an axis gathers rows several times faster than fancy indexing.
                contrib = np.take(self._coef_by_col, rows.col[lo:hi], axis=0)
                contrib *= rows.val[lo:hi].astype(np.float64)[:, None]
                # Rows are sorted by document: one reduceat adds each document's terms in
                # order, as a CSR product does, for all five areas in one pass.
                # Documents with no term are left out of the segments (they score 0): an
                # empty one at the end would start past the last term, and clamping that start
                # cut the last term off the document before it.
                n = counts[first:last]
                full = np.flatnonzero(n)
                sums[first + full] = np.add.reduceat(contrib, (np.cumsum(n) - n)[full], axis=0)
            first = last
        return sums

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities, shape (len(texts), 5), in ``AREAS`` order."""
        return self.predict_proba_within(texts, None)

    def predict_proba_within(
        self, texts: Sequence[str], within: Sequence[int] | None
    ) -> np.ndarray:
        """:meth:`predict_proba`, the texts held by others featurised from those (``within``:
        see :meth:`decision_function`); the same scores."""
        if len(texts) == 0:
            return np.zeros((0, len(AREAS)))
        return 1.0 / (1.0 + np.exp(-self.decision_function(texts, within)))

    def term(self, col: int) -> tuple[str, str]:
        """The term of a feature column and its kind (``word`` or ``char``)."""
        n_word = len(self.words)
        if col < n_word:
            return self.words.terms[col], "word"
        return self.chars.terms[col - n_word], "char"

    def top_terms(self, area: str, n: int = 10, kind: str | None = None) -> tuple[TermWeight, ...]:
        """The terms whose presence raises ``area``'s score most: the largest coefficients.

        Parameters
        ----------
        area : str
            An area id of ``AREAS``.
        n : int
            How many terms to return.
        kind : {'word', 'char'}, optional
            Only jieba word terms (uni- and bigrams) or only character n-grams; both by default.

        Returns
        -------
        tuple of TermWeight
            Strongest first, ``weight`` the coefficient; equal coefficients keep feature order
            (words before characters, each in vocabulary order), so the order is the same on
            every run. Only positive coefficients are returned.
        """
        if area not in AREAS:
            raise ValueError(f"unknown area {area!r}; areas: {', '.join(AREAS)}")
        if kind not in (None, "word", "char"):
            raise ValueError(f"kind must be 'word', 'char' or None, not {kind!r}")
        coef = self.coef[AREAS.index(area)]
        n_word = len(self.words)
        lo, hi = {None: (0, len(coef)), "word": (0, n_word), "char": (n_word, len(coef))}[kind]
        block = coef[lo:hi]
        order = np.argsort(-block, kind="stable")[: max(n, 0)]
        return tuple(
            TermWeight(*self.term(lo + int(j)), float(block[j])) for j in order if block[j] > 0
        )

    def explain(self, text: str, top: int = 8) -> Explanation:
        """The terms that pushed each area's score up or down for ``text``.

        Parameters
        ----------
        text : str
            One paragraph.
        top : int
            How many terms to keep per direction and area.
        """
        rows = self.features([text])
        scores = self.predict_proba([text])[0]
        up: dict[str, tuple[TermWeight, ...]] = {}
        down: dict[str, tuple[TermWeight, ...]] = {}
        for k, area in enumerate(AREAS):
            contrib = rows.val * self.coef[k, rows.col]
            order = np.argsort(-contrib, kind="stable")
            terms = [TermWeight(*self.term(int(rows.col[j])), float(contrib[j])) for j in order]
            up[area] = tuple(t for t in terms if t.weight > 0)[:top]
            down[area] = tuple(t for t in reversed(terms) if t.weight < 0)[:top]
        return Explanation(
            text,
            {a: round(float(s), 4) for a, s in zip(AREAS, scores)},
            dict(self.thresholds),
            up,
            down,
        )


def _distinct_within(
    prepared: list[str], distinct: dict[str, int], within: Sequence[int]
) -> list[int]:
    """``within`` over the distinct prepared texts (a text keeps its first occurrence's)."""
    out = [-1] * len(distinct)
    seen = [False] * len(distinct)
    for i, text in enumerate(prepared):
        j = distinct[text]
        if not seen[j]:
            seen[j] = True
            outer = within[i]
            if 0 <= outer < len(prepared):
                out[j] = distinct[prepared[outer]]
    return out


def _check_settings(directory: Path, manifest: dict[str, Any]) -> None:
    """Refuse a manifest whose feature settings this scorer does not compute."""
    if manifest.get("features") != FEATURES:
        raise ModelError(
            f"{directory}: the manifest's feature settings {manifest.get('features')} are not "
            "the ones this fzgap computes; retrain with `fzgap train`"
        )


def _load(directory: Path, manifest: dict[str, Any]) -> LinearScorer:
    """Loader for kind ``tfidf-linear``."""
    _check_settings(directory, manifest)
    arrays = load_arrays(directory, manifest)
    artifact = directory / manifest["artifact"]
    for name, (kind, ndim) in ARRAYS.items():
        arr = arrays.get(name)
        if arr is None or arr.dtype.kind != kind or arr.ndim != ndim:
            raise ModelError(f"{artifact}: array {name!r} is missing or of the wrong type")
    try:
        return LinearScorer(arrays, manifest)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{artifact}: inconsistent model data ({exc})") from None


def _refuse_pickle(directory: Path, manifest: dict[str, Any]) -> LinearScorer:
    """Folders of the old pickled kind: never unpickled, since a pickle can run any code."""
    raise ModelError(
        f"{directory}: this model is a pickle ({PICKLE_KIND}); fzgap no longer loads pickles, "
        "as loading one can run code; retrain it with `fzgap train`"
    )


register_kind(KIND, _load)
register_kind(PICKLE_KIND, _refuse_pickle)
