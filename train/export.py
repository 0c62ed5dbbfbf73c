"""Export a fitted scikit-learn pipeline to the pure-data model that fzgap loads at run time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from fzgap.model.areas import AREAS
from fzgap.model.artifact import KIND, save_arrays
from fzgap.model.linear import FEATURES, LinearScorer
from fzgap.model.segmenter import read_user_dict
from fzgap.model.vocabulary import join_terms

__all__ = ["pipeline_arrays", "export_pipeline", "export_scorer", "TOKENIZER"]

#: How the words were cut; recorded in the manifest (the dictionary itself is in the artifact).
TOKENIZER = {
    "reference": "jieba 0.42 (HMM off, user dictionary added word by word)",
    "numbers": "every number written as 0",
    "user_dict": "the artifact's user_dict array",
}


def _vectorizers(pipe: Any) -> dict[str, Any]:
    union = pipe.named_steps["features"]
    found = dict(union.transformer_list)
    if set(found) != {"words", "chars"}:
        raise ValueError("only pipelines with both the words and chars feature sets export")
    for name, vec in found.items():
        want = FEATURES[name]
        got = {
            "ngram_range": list(vec.ngram_range),
            "sublinear_tf": bool(vec.sublinear_tf),
            "norm": vec.norm,
            "dtype": np.dtype(vec.dtype).name,
        }
        if got != want or vec.lowercase or not vec.use_idf:
            raise ValueError(f"the {name} vectorizer's settings {got} are not {want}")
    if found["words"].tokenizer.user_dict is not True:
        raise ValueError("the words vectorizer must cut with the shipped user dictionary")
    return found


def _terms(vec: Any) -> list[str]:
    vocab = vec.vocabulary_
    terms = [""] * len(vocab)
    for term, col in vocab.items():
        terms[col] = term
    return terms


def pipeline_arrays(pipe: Any) -> dict[str, np.ndarray]:
    """The plain arrays of a fitted pipeline (see :data:`fzgap.model.linear.ARRAYS`)."""
    vecs = _vectorizers(pipe)
    clf = pipe.named_steps["clf"]
    intercepts = np.array([float(e.intercept_[0]) for e in clf.estimator_.estimators_])
    return {
        "word_terms": join_terms(_terms(vecs["words"])),
        "word_idf": vecs["words"].idf_.astype(np.float32),
        "char_terms": join_terms(_terms(vecs["chars"])),
        "char_idf": vecs["chars"].idf_.astype(np.float32),
        "coef": clf.coef_matrix().astype(np.float64),
        "intercept": intercepts,
        "user_dict": np.frombuffer(read_user_dict().encode("utf-8"), dtype=np.uint8),
    }


def _manifest_part(pipe: Any) -> dict[str, Any]:
    thresholds = pipe.named_steps["clf"].thresholds_
    return {
        "kind": KIND,
        "features": FEATURES,
        "tokenizer": TOKENIZER,
        "thresholds": dict(zip(AREAS, (round(float(t), 6) for t in thresholds))),
    }


def export_pipeline(pipe: Any, directory: str | Path, manifest: dict[str, Any]) -> Path:
    """Write the pure-data artifact and manifest of a fitted pipeline; return the manifest path."""
    return save_arrays(pipeline_arrays(pipe), directory, {**manifest, **_manifest_part(pipe)})


def export_scorer(pipe: Any, manifest: dict[str, Any] | None = None) -> LinearScorer:
    """The run-time scorer of a fitted pipeline, in memory (as loading its export would give)."""
    full = {**(manifest or {}), **_manifest_part(pipe)}
    return LinearScorer(pipeline_arrays(pipe), full)
