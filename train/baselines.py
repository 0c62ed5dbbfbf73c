"""The keyword baseline: a reviewer's Ctrl-F for each area and its obvious synonyms."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from fzgap.model.areas import AREAS
from fzgap.model.textnorm import normalize

__all__ = ["KEYWORDS", "keyword_predict"]

#: What a reviewer would search for, area by area.
KEYWORDS: dict[str, str] = {
    "decision": r"决策",
    "enforcement": r"执法|行政处罚",
    "reconsideration": r"复议|应诉",
    "publicity": r"普法|法治宣传|学法",
    "first_responsibility": r"第一责任人|主要负责人",
}
_COMPILED = {a: re.compile(p) for a, p in KEYWORDS.items()}


def keyword_predict(texts: Sequence[str]) -> np.ndarray:
    """Indicator matrix: an area is predicted when any of its keywords occurs."""
    norms = [normalize(t) for t in texts]
    return np.array(
        [[bool(_COMPILED[a].search(t)) for a in AREAS] for t in norms], dtype=int
    ).reshape(len(norms), len(AREAS))
