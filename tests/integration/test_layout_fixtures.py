"""Whole reports in nine layouts (1.-numbered, parts, unnumbered headings, none, PDF paste, 公文,
第一责任人 first, merged 不足 + 打算, web copy): the reviewer's sections for every paragraph and
the reviewer's verdicts for every clear-cut area status."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from fzgap import analyze_file, load_document, segment
from fzgap.analyze.records import AuditReport
from fzgap.analyze.segment import SegmentedReport, section_agreement
from fzgap.model.textnorm import normalize

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
EXPECTED = json.loads((LAYOUTS / "layouts-expected.json").read_text(encoding="utf-8"))
REPORTS = sorted(LAYOUTS.glob("*.txt"))
CASES = [
    (name, area, status)
    for name, verdicts in sorted(EXPECTED.items())
    for area, status in verdicts.items()
    if status in ("covered", "thin", "missing")
]
# Verdicts the shipped area model gets wrong for reasons outside structure (see docs/structure.md).
KNOWN_MODEL_ERRORS = {
    ("l6-gongwen-tongxi-district-2023.txt", "publicity"),
}


@cache
def _audit(name: str) -> AuditReport:
    return analyze_file(LAYOUTS / name)


@cache
def _segmented(name: str) -> SegmentedReport:
    return segment(load_document(LAYOUTS / name))


def _truth(path: Path) -> list[dict[str, str]]:
    lines = path.with_suffix(".sections.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_every_layout_is_here() -> None:
    assert len(REPORTS) == 9 and len(CASES) == 45
    assert {p.name for p in REPORTS} == set(EXPECTED)


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem[:2] for p in REPORTS])
def test_every_paragraph_gets_the_reviewers_section(path: Path) -> None:
    truth = _truth(path)
    got = section_agreement(
        [(t["text"], t["section"]) for t in truth], _segmented(path.name).paragraphs
    )
    wrong = [
        (t["section"], sorted(g), t["text"][:30]) for t, g in zip(truth, got) if g != {t["section"]}
    ]
    assert not wrong


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem[:2] for p in REPORTS])
def test_headings_are_headings_and_no_text_is_lost(path: Path) -> None:
    report = _segmented(path.name)
    kinds = {p.norm.replace(" ", ""): p.kind for p in report.paragraphs}
    for t in _truth(path):
        if t["kind"] == "heading":
            key = normalize(t["text"]).replace(" ", "")
            assert any(k.endswith(key[-8:]) and v == "heading" for k, v in kinds.items()), t["text"]
    truth_chars = sum(len(t["text"].replace(" ", "")) for t in _truth(path))
    got_chars = sum(len(p.text.replace(" ", "")) for p in report.paragraphs)
    assert got_chars >= truth_chars * 0.99


@pytest.mark.parametrize(
    ("name", "area", "status"), CASES, ids=[f"{n[:2]}:{a}" for n, a, _ in CASES]
)
def test_layout_verdict(name: str, area: str, status: str) -> None:
    if (name, area) in KNOWN_MODEL_ERRORS:
        pytest.xfail("the area model reads this paragraph wrongly (not a structure error)")
    result = _audit(name).area(area)
    assert result.status == status, [r.message for r in result.reasons]


def test_form_findings_of_the_layouts() -> None:
    web = _audit("l9-mixed-yuanlan-emergency-2023.txt").structure
    assert web.published == EXPECTED["l9-mixed-yuanlan-emergency-2023.txt"]["published"]
    assert web.check("PUBLISHED_ON_TIME").status == "ok"
    merged = _audit("l8-merged-yutang-county-2024.txt").structure
    s5 = next(p for p in merged.parts if p.id == "S5")
    assert s5.present and s5.heading == "五、其他需要报告的情况" and not s5.required
    none = _audit("l4-noheadings-town-shuiyan-2022.txt")
    assert none.structure.read_by_content
    assert all("NOTE_READ_BY_CONTENT" in [r.code for r in a.reasons] for a in none.areas)
    assert not any(_audit(p.name).structure.read_by_content for p in REPORTS if "l4-" not in p.name)


def test_reasons_never_contradict_the_evidence() -> None:
    zh = {"plan": "下一年度安排", "deficiency": "存在的不足"}
    for path in REPORTS:
        for area in _audit(path.name).areas:
            sections = {e.section for e in area.evidence}
            for r in area.reasons:
                if r.code in (
                    "THIN_PLAN_ONLY",
                    "THIN_DEFICIENCY_ONLY",
                    "THIN_DEFICIENCY_PLAN_ONLY",
                ):
                    assert sections <= {"plan", "deficiency"}, (path.name, area.id)
                    assert all(zh[s] in r.message for s in sections), (path.name, r.message)
