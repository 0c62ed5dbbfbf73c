"""The section classifier scores all paragraphs at once exactly as it scores them one by one."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import SAMPLES, shared_reports

from fzgap.model.sections import load_section_model


def _lines() -> list[str]:
    out = []
    for path in SAMPLES + shared_reports():
        out += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def test_all_at_once_equals_one_by_one_on_real_reports() -> None:
    model, lines = load_section_model(), _lines()
    together, alone = model.predict_proba(lines), model._proba_one_by_one(lines)
    np.testing.assert_allclose(together, alone, rtol=0, atol=1e-12)
    assert (together.argmax(axis=1) == alone.argmax(axis=1)).all()


@pytest.mark.parametrize(
    "odd",
    ["第一，加强\u2028\u2029执法监督。", "复议\x00案件12件。", ""],
    ids=["white-space-run", "nul", "empty"],
)
def test_texts_the_joined_lookup_cannot_take_score_as_alone(odd: str) -> None:
    model = load_section_model()
    texts = ["一、推进依法科学民主决策", odd, "下一步，我们将继续深化行政执法体制改革。"]
    np.testing.assert_allclose(
        model.predict_proba(texts), model._proba_one_by_one(texts), rtol=0, atol=1e-12
    )
