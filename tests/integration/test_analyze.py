"""The analyzer on whole reports: sample verdicts, ablations, plan/deficiency-only, beating
Ctrl-F."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fzgap import analyze_file, analyze_text
from fzgap.analyze.records import STATUS_ORDER, AuditReport, RecordError

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"

# Broad wording per area: removing every sentence that matches takes the area out of a report.
AREA_WORDS = {
    "decision": r"决策|合法性审查|法律顾问|公职律师|法律意见|征求意见|听证|专家论证|风险评估"
    r"|集体讨论|审查.{0,6}(文件|合同)|规范性文件",
    "enforcement": r"执法|罚|检查|裁量|整治|案卷|三项制度|双随机|强制|立案|查处|违法行为|监管"
    r"|包容审慎",
    "reconsideration": r"复议|应诉|诉讼|出庭|司法建议|检察建议|行政争议|败诉|裁判|复查",
    "publicity": r"普法|法治宣传|学法|宣传|法律明白人|以案释法|法治文化|民主法治|宪法|民法典"
    r"|讲座|法治课|培训",
    "first_responsibility": r"第一责任人|主要负责人|县长|主持|述法|述职|考核|督察|亲自|带头"
    r"|专题研究|常务会议",
}


def _without(text: str, pattern: str) -> str:
    """The report with every sentence matching ``pattern`` removed (headings included)."""
    out = []
    for line in text.splitlines():
        sentences = re.findall(r"[^。；;]+[。；;]?", line)
        kept = "".join(s for s in sentences if not re.search(pattern, s))
        if kept.strip():
            out.append(kept)
    return "\n".join(out)


@pytest.fixture(scope="module")
def qinghe_text() -> str:
    return (EX / "qinghe-county-2024.txt").read_text(encoding="utf-8")


EXPECTED = {
    "qinghe-county-2024.txt": dict(
        decision="covered",
        enforcement="covered",
        reconsideration="covered",
        publicity="covered",
        first_responsibility="covered",
    ),
    "shuangfeng-town-2023.txt": dict(
        decision="thin",
        enforcement="covered",
        reconsideration="thin",
        publicity="covered",
        first_responsibility="missing",
    ),
    "linjiang-market-2022.txt": dict(
        decision="covered",
        enforcement="covered",
        reconsideration="covered",
        publicity="covered",
        first_responsibility="covered",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_reports_get_the_reviewers_verdicts(name: str) -> None:
    assert analyze_file(EX / name).statuses == EXPECTED[name]


def test_weak_sample_explains_itself() -> None:
    report = analyze_file(EX / "shuangfeng-town-2023.txt")
    codes = {a.id: [r.code for r in a.reasons] for a in report.areas}
    assert "THIN_PLAN_ONLY" in codes["reconsideration"]
    assert codes["first_responsibility"][0] == "MISSING_NONE"
    assert report.structure.unit == "双峰镇" and report.structure.year == 2023
    assert "党政主要负责人履行第一责任人职责情况" in report.structure.missing_parts


@pytest.mark.parametrize("area", sorted(AREA_WORDS))
def test_removing_an_area_makes_it_missing(area: str, qinghe_text: str) -> None:
    report = analyze_text(_without(qinghe_text, AREA_WORDS[area]), name="ablated.txt")
    assert report.statuses[area] == "missing", [r.message for r in report.area(area).reasons]


@pytest.mark.parametrize("area", ["decision", "reconsideration", "publicity"])
def test_an_area_only_in_the_plan_is_thin(area: str, qinghe_text: str) -> None:
    plans = {
        "decision": (
            "五是严格落实重大行政决策程序，完善决策目录管理，健全合法性审查和专家论证机制。"
        ),
        "reconsideration": (
            "五是深化行政复议体制改革，提高行政复议案件办理质量，"
            "推动行政机关负责人出庭应诉常态化。"
        ),
        "publicity": "五是深入实施八五普法规划，落实谁执法谁普法责任制，加强法律明白人培养。",
    }
    text = _without(qinghe_text, AREA_WORDS[area]) + "\n" + plans[area]
    area_result = analyze_text(text, name="plan-only.txt").area(area)
    assert area_result.status == "thin"
    assert area_result.reasons[0].code == "THIN_PLAN_ONLY"


def test_an_area_only_in_the_deficiencies_is_thin(qinghe_text: str) -> None:
    text = _without(qinghe_text, AREA_WORDS["reconsideration"])
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "不足" in line and len(line) < 30)
    lines.insert(
        at + 1,
        "一是行政复议案件办理质量还不够高，行政应诉工作仍有短板，负责人出庭应诉的实效有待提升。",
    )
    area_result = analyze_text("\n".join(lines), name="deficiency-only.txt").area("reconsideration")
    assert area_result.status == "thin" and area_result.reasons[0].code == "THIN_DEFICIENCY_ONLY"


def test_a_preamble_slogan_is_not_coverage(qinghe_text: str) -> None:
    lines = _without(qinghe_text, AREA_WORDS["decision"]).splitlines()
    lines[1] = (
        "2024年，清河县坚持依法决策、科学决策、民主决策，全面推进依法行政。现将有关情况报告如下："
    )
    report = analyze_text("\n".join(lines), name="slogan.txt")
    assert report.statuses["decision"] == "missing"


def test_reworded_reconsideration_is_covered_where_ctrl_f_fails() -> None:
    text = (EX / "linjiang-market-2022.txt").read_text(encoding="utf-8")
    assert "复议" not in text and "应诉" not in text
    area = analyze_file(EX / "linjiang-market-2022.txt").area("reconsideration")
    assert area.status == "covered"
    assert any(e.strong_facts for e in area.evidence if e.counts)


def test_report_json_matches_the_documented_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "docs" / "audit-schema.json").read_text(encoding="utf-8"))
    for name in EXPECTED:
        jsonschema.validate(analyze_file(EX / name).to_dict(), schema)


def test_records_are_frozen_and_read_back_equal() -> None:
    report = analyze_file(EX / "shuangfeng-town-2023.txt")
    before = report.areas[0].status
    with pytest.raises(AttributeError):
        report.areas[0].status = "covered"  # type: ignore[misc]
    assert report.areas[0].status == before == "thin"
    # the JSON form reads back into equal records, and its summary sorts areas worst first
    d = report.to_dict()
    assert AuditReport.from_dict(json.loads(json.dumps(d, ensure_ascii=False))) == report
    assert d["summary"] == {
        "missing": ["first_responsibility"],
        "thin": ["decision", "reconsideration"],
        "covered": ["enforcement", "publicity"],
    }
    assert list(d["summary"]) == list(STATUS_ORDER)
    d["areas"][0]["status"] = "partial"
    with pytest.raises(RecordError, match="unknown status 'partial'"):
        AuditReport.from_dict(d)
