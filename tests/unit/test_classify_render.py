"""`fzgap classify` renders the score matrix exactly as the rows of `classify` read."""

from __future__ import annotations

import json

import numpy as np
import pytest

from fzgap.cli.classify import render
from fzgap.model.areas import AREAS
from fzgap.model.scorer import Classification, classify, load_model


def _reference(rows: list[Classification], fmt: str) -> str:
    """The rendering of classified rows, field by field."""
    if fmt == "jsonl":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in rows)
    if fmt == "tsv":
        head = "labels\t" + "\t".join(AREAS) + "\ttext\n"
        return head + "".join(
            ",".join(r.labels)
            + "\t"
            + "\t".join(f"{r.scores[a]:.4f}" for a in AREAS)
            + "\t"
            + r.text.replace("\t", " ")
            + "\n"
            for r in rows
        )
    return "".join(f"{','.join(r.labels) or '-':<40} {r.text}\n" for r in rows)


class _Fixed:
    """A scorer with given scores, to reach ties and thresholds exactly."""

    kind = "fixed"
    manifest: dict = {}

    def __init__(self, proba: np.ndarray, thresholds: dict[str, float]) -> None:
        self.proba, self.thresholds = proba, thresholds

    def predict_proba(self, texts):
        return self.proba

    def explain(self, text, top=8):
        raise NotImplementedError


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "text"])
def test_rendering_the_matrix_is_rendering_the_rows(fmt: str) -> None:
    rng = np.random.default_rng(0)
    thresholds = dict(zip(AREAS, [0.5, 0.3, 0.03125, 0.7, 0.45]))
    # Random scores, scores at the thresholds, and halves of the fourth decimal place.
    edge = [0.03125, 0.00005, 0.99995, 0.5, 0.45, 1.0, 0.0, 0.12345, 2.5e-5, 0.7]
    proba = np.vstack([rng.random((3000, 5)), np.array(edge * 5).reshape(-1, 5)])
    texts = [f"段落{k}\t“引号”\\ 斜杠" for k in range(len(proba))]
    scorer = _Fixed(proba, thresholds)
    assert render(texts, proba, thresholds, fmt) == _reference(classify(scorer, texts), fmt)


def test_the_shipped_models_scores_render_as_its_rows() -> None:
    model = load_model()
    texts = ["全年办理行政复议案件66件，纠错率12%。", "组织开展宪法宣传周活动。", "。"]
    for fmt in ("jsonl", "tsv", "text"):
        got = render(texts, model.predict_proba(texts), model.thresholds, fmt)
        assert got == _reference(classify(model, texts), fmt)
