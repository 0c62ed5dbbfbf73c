"""Invariants of the coverage rules: more text never lowers a status; shares lie in [0, 1]."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fzgap import analyze_text
from fzgap.analyze.records import STATUS_ORDER
from fzgap.analyze.segment._headings import match_marker
from fzgap.model.textnorm import normalize
from fzgap.train.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "examples" / "shuangfeng-town-2023.txt").read_text(encoding="utf-8").splitlines()
# Body paragraphs from the labelled corpus (no heading markers, so the report's outline stays as it
# is).
POOL = sorted(
    {
        r.text
        for r in load_corpus().rows
        if r.section == "achievement"
        and len(r.text) > 40
        and match_marker(normalize(r.text)) is None
    }
)[:400]
BASELINE = analyze_text("\n".join(BASE), name="base.txt")
AT = next(i for i, line in enumerate(BASE) if "严格规范执法行为" in line) + 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(POOL))
def test_adding_a_paragraph_never_lowers_a_status(paragraph: str) -> None:
    lines = BASE[:AT] + [paragraph] + BASE[AT:]
    after = analyze_text("\n".join(lines), name="plus.txt")
    for area in BASELINE.areas:
        assert STATUS_ORDER.index(after.statuses[area.id]) >= STATUS_ORDER.index(area.status), (
            area.id,
            paragraph,
        )
    for area in after.areas:
        assert 0.0 <= area.counts.share <= 1.0
        assert all(0.0 <= e.score <= 1.0 for e in area.evidence)
