"""The section classifier: what a paragraph's own words say about its section type.

A small multinomial logistic regression over character 1–2-grams (digits folded to ``0``, so
that a figure reads as a figure, whatever its value). It is stored as plain JSON (terms, idf,
weights): loading it runs no code. Training lives in :mod:`fzgap.train.sections`.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from fzgap.model.areas import SECTIONS
from fzgap.model.errors import ModelError
from fzgap.model.textnorm import normalize, normalize_all
from fzgap.model.vocabulary import CharVocabulary

__all__ = ["SectionModel", "section_terms", "load_section_model", "SECTION_MODEL_NAME"]

SECTION_MODEL_NAME = "section_model.json"
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
#: What the joined lookup would change or split on (it collapses runs of white space and
#: joins texts with a NUL): texts holding either are looked up one by one.
_WHITE, _SEP = re.compile(r"\s\s+"), "\x00"


def section_terms(text: str) -> list[str]:
    """Character 1- and 2-grams of the normalised text, figures folded to ``0``.

    Parameters
    ----------
    text : str
        A paragraph as written.

    Returns
    -------
    list of str
    """
    s = _DIGITS.sub("0", normalize(text).replace(" ", ""))
    return list(s) + [s[i : i + 2] for i in range(len(s) - 1)]


@dataclass(frozen=True, slots=True)
class SectionModel:
    """Weights of the section classifier (see module docstring)."""

    vocabulary: dict[str, int]
    idf: np.ndarray  # (n_terms,)
    coef: np.ndarray  # (n_sections, n_terms)
    intercept: np.ndarray  # (n_sections,)

    def predict_proba(
        self, texts: Sequence[str], normalized: Sequence[str] | None = None
    ) -> np.ndarray:
        """Probability of each section type (columns in ``SECTIONS`` order) for each text.

        Parameters
        ----------
        texts : sequence of str
            Paragraphs as written.
        normalized : sequence of str, optional
            Their :func:`~fzgap.model.textnorm.normalize` forms, when the caller has them.

        Returns
        -------
        numpy.ndarray of shape (len(texts), len(SECTIONS))
        """
        norms = list(normalized) if normalized is not None else normalize_all(texts)
        folded = [_DIGITS.sub("0", t.replace(" ", "")) for t in norms]
        if not any(_WHITE.search(t) for t in folded) and not any(_SEP in t for t in folded):
            return self._proba_of_folded(folded)
        return self._proba_one_by_one(texts)

    def _proba_of_folded(self, folded: list[str]) -> np.ndarray:
        """:meth:`predict_proba` of digit-folded texts, all rows at once."""
        vocab = _char_vocabulary(self)
        doc, col = vocab.lookup(folded)
        n_docs, n_cols = len(folded), len(self.idf)
        key, counts = np.unique(doc * n_cols + col, return_counts=True)
        d, c = key // n_cols, key % n_cols
        # Sublinear tf times idf, as the vectorizer it was trained with; L2 norm per row.
        x = (1.0 + np.log(counts.astype(float))) * self.idf[c]
        norm = np.sqrt(np.bincount(d, weights=x * x, minlength=n_docs))
        x = x / np.where(norm > 0, norm, 1.0)[d]
        z = np.tile(self.intercept, (n_docs, 1))
        for k in range(len(self.intercept)):
            z[:, k] += np.bincount(d, weights=self.coef[k, c] * x, minlength=n_docs)
        return _softmax(z)

    def _proba_one_by_one(self, texts: Sequence[str]) -> np.ndarray:
        """:meth:`predict_proba`, text by text (texts the joined lookup cannot take)."""
        # Sparse: a paragraph holds a few hundred of the thousands of terms, and a dense row
        # per paragraph cost more than the rest of the section typing together.
        z = np.tile(self.intercept, (len(texts), 1))
        for row, text in enumerate(texts):
            counts = Counter(map(self.vocabulary.get, section_terms(text)))
            counts.pop(None, None)
            if not counts:
                continue
            cols = np.fromiter(counts, dtype=np.intp, count=len(counts))
            # Sublinear tf times idf, as the vectorizer it was trained with.
            tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), float, len(counts))
            x = tf * self.idf[cols]
            norm = float(np.linalg.norm(x))
            if norm:
                z[row] += self.coef[:, cols] @ (x / norm)
        return _softmax(z)

    def to_dict(self) -> dict[str, object]:
        """Plain-data form (the JSON file)."""
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "kind": "section-logreg",
            "sections": list(SECTIONS),
            "terms": terms,
            "idf": [round(float(v), 6) for v in self.idf],
            "coef": [[round(float(v), 6) for v in row] for row in self.coef],
            "intercept": [round(float(v), 6) for v in self.intercept],
        }


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


_VOCABULARIES: dict[int, tuple[SectionModel, CharVocabulary]] = {}


def _char_vocabulary(model: SectionModel) -> CharVocabulary:
    """The model's terms as a character 1–2-gram lookup, built once per model."""
    held = _VOCABULARIES.get(id(model))
    if held is None or held[0] is not model:
        terms = sorted(model.vocabulary, key=model.vocabulary.__getitem__)
        if len(_VOCABULARIES) >= 4:
            _VOCABULARIES.clear()
        held = _VOCABULARIES[id(model)] = (model, CharVocabulary(terms, (1, 2)))
    return held[1]


def _from_dict(d: dict[str, object], where: str) -> SectionModel:
    try:
        if d.get("kind") != "section-logreg" or list(d["sections"]) != list(SECTIONS):  # type: ignore[call-overload]
            raise ValueError("not a section model for these section types")
        terms = list(d["terms"])  # type: ignore[call-overload]
        idf = np.asarray(d["idf"], dtype=float)
        coef = np.asarray(d["coef"], dtype=float)
        intercept = np.asarray(d["intercept"], dtype=float)
        if coef.shape != (len(SECTIONS), len(terms)) or idf.shape != (len(terms),):
            raise ValueError("weights do not match the terms")
        if intercept.shape != (len(SECTIONS),):
            raise ValueError("intercepts do not match the sections")
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{where}: bad section model ({exc})") from None
    return SectionModel({t: i for i, t in enumerate(terms)}, idf, coef, intercept)


@lru_cache(maxsize=4)
def load_section_model(path: str | None = None) -> SectionModel:
    """Load the section classifier (default: the one shipped with the package).

    Raises
    ------
    ModelError
        One line naming the file, when it is missing or malformed.
    """
    if path is None:
        where = f"{SECTION_MODEL_NAME} (shipped)"
        source = resources.files("fzgap.model").joinpath(SECTION_MODEL_NAME)
    else:
        where, source = path, Path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{where}: cannot read section model ({exc})") from None
    if not isinstance(data, dict):
        raise ModelError(f"{where}: bad section model (not a JSON object)")
    return _from_dict(data, where)
