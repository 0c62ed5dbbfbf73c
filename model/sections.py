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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from fzgap.model.areas import SECTIONS
from fzgap.model.errors import ModelError
from fzgap.model.textnorm import normalize

__all__ = ["SectionModel", "section_terms", "load_section_model", "SECTION_MODEL_NAME"]

SECTION_MODEL_NAME = "section_model.json"
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


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

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Probability of each section type (columns in ``SECTIONS`` order) for each text.

        Parameters
        ----------
        texts : list of str

        Returns
        -------
        numpy.ndarray of shape (len(texts), len(SECTIONS))
        """
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
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

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
