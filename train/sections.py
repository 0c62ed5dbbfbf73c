"""Fit the section classifier on the labelled corpus and write it as plain JSON.

Every row of ``train/data`` carries its ``section``; the classifier learns what a paragraph's
own words say about it (the segmenter adds headings and order). ``python -m
fzgap.train.sections --out model/section_model.json`` refits the shipped file; the
leave-one-report-out figures of the whole segmenter come from
``benchmarks/bench_sections.py``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from fzgap.model.areas import SECTIONS
from fzgap.model.sections import SectionModel, section_terms
from fzgap.train.corpus import Corpus, load_corpus

__all__ = ["fit_section_model", "write_section_model", "main", "SECTION_PARAMS"]

#: The shipped configuration: vocabulary size, minimum document frequency, regularisation.
SECTION_PARAMS = {"max_features": 6000, "min_df": 2, "C": 4.0}


def fit_section_model(corpus: Corpus, exclude: frozenset[str] = frozenset()) -> SectionModel:
    """Fit the section classifier on every row whose report is not in ``exclude``.

    Parameters
    ----------
    corpus : Corpus
    exclude : frozenset of str
        Reports (batches) held out, for leave-one-report-out evaluation.

    Returns
    -------
    SectionModel
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [r for r in corpus.rows if r.report not in exclude]
    vec = TfidfVectorizer(
        analyzer=section_terms,
        sublinear_tf=True,
        min_df=SECTION_PARAMS["min_df"],
        max_features=int(SECTION_PARAMS["max_features"]),
    )
    x = vec.fit_transform([r.text for r in rows])
    y = np.array([SECTIONS.index(r.section) for r in rows])
    clf = LogisticRegression(C=SECTION_PARAMS["C"], max_iter=2000, class_weight="balanced")
    clf.fit(x, y)
    # Sections absent from the training rows get a weight row that never wins.
    coef = np.zeros((len(SECTIONS), x.shape[1]))
    intercept = np.full(len(SECTIONS), -20.0)
    for row, k in enumerate(clf.classes_):
        coef[k] = clf.coef_[row] if len(clf.classes_) > 2 else clf.coef_[0] * (1 if row else -1)
        intercept[k] = clf.intercept_[row] if len(clf.classes_) > 2 else 0.0
    vocab = {str(t): int(i) for t, i in vec.vocabulary_.items()}
    return SectionModel(vocab, np.asarray(vec.idf_, dtype=float), coef, intercept)


def write_section_model(model: SectionModel, path: str | Path) -> Path:
    """Write the model as sorted, rounded JSON (same data, same bytes)."""
    path = Path(path)
    path.write_text(
        json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: refit the section classifier and write its JSON file."""
    parser = argparse.ArgumentParser(
        prog="python -m fzgap.train.sections",
        description="Fit the section classifier on train/data and write it as JSON.",
        epilog="example: python -m fzgap.train.sections --out model/section_model.json",
    )
    parser.add_argument("--out", required=True, help="path of the JSON file to write")
    args = parser.parse_args(argv)
    corpus = load_corpus()
    path = write_section_model(fit_section_model(corpus), args.out)
    print(f"wrote {path} ({len(corpus.rows)} paragraphs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
