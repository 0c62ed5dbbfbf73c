"""Form checks (title, deadline, parts), weak verbs, and reasons that name their sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzgap import analyze_text
from fzgap.analyze.coverage import is_generic
from fzgap.analyze.coverage._structure import check_published, check_title, is_department
from fzgap.model.checklist import load_checklist

GENERIC = """某县2024年法治政府建设年度报告
2024年，某县坚持依法行政。现将有关情况报告如下：
一、主要举措和成效
（一）强化行政执法
持续加强行政执法队伍建设，全面推进严格规范公正文明执法，进一步提升行政执法水平。
深化行政执法规范化建设，不断完善行政执法工作机制，扎实推进执法工作提质增效。
二、存在的不足
执法队伍力量不足。
三、2025年工作安排
继续加强执法队伍建设。
"""


@pytest.mark.parametrize(
    ("published", "status"),
    [("2024-03-28", "ok"), ("2024-03-31", "ok"), ("2024-04-01", "problem"), (None, "unknown")],
)
def test_publication_deadline_is_1_april_of_the_next_year(
    published: str | None, status: str
) -> None:
    check = check_published(published, 2023, "某县人民政府")
    assert check.status == status, check.message
    if status == "problem":
        assert "迟1天" in check.message


def test_departments_are_reminded_of_1_march() -> None:
    assert is_department("沅岚市应急管理局") and not is_department("白石县人民政府")
    assert "3月1日" in check_published("2024-03-28", 2023, "沅岚市应急管理局").message
    assert "3月1日" not in check_published("2024-03-28", 2023, "白石县人民政府").message
    assert check_published("2024-03-28", None, None).status == "unknown"


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("白石县人民政府2023年度法治政府建设情况报告", "ok"),
        ("桐溪区人民政府关于2023年度法治政府建设情况的报告", "ok"),
        ("澧阳市水利局2025年法治政府建设年度报告", "ok"),
        ("某县2023年工作总结", "problem"),
        (None, "unknown"),
    ],
)
def test_title_form(title: str | None, status: str) -> None:
    assert check_title(title).status == status


def test_generic_verbs_without_a_fact_make_an_area_thin(tmp_path: Path) -> None:
    cl = load_checklist()
    assert is_generic("持续加强行政执法队伍建设", (), frozenset(), cl)
    assert not is_generic("持续加强行政执法队伍建设", ("236次",), frozenset(), cl)
    assert not is_generic("落实执法公示制度", (), frozenset({"E1"}), cl)
    report = analyze_text(GENERIC)
    enforcement = report.area("enforcement")
    assert enforcement.status == "thin"
    assert enforcement.reasons[0].code == "THIN_GENERIC"
    # The same report under a checklist without weak verbs: several paragraphs make it covered.
    shipped = Path(__file__).resolve().parents[2] / "model" / "checklist.toml"
    lines = [
        "weak_verbs = []" if line.startswith("weak_verbs") else line
        for line in shipped.read_text(encoding="utf-8").splitlines()
    ]
    custom = tmp_path / "checklist.toml"
    custom.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert analyze_text(GENERIC, checklist=custom).area("enforcement").status == "covered"


def test_reasons_name_the_sections_of_their_evidence() -> None:
    report = analyze_text(GENERIC)
    for area in report.areas:
        sections = {e.section for e in area.evidence}
        message = area.reasons[0].message
        if "仅在下一年度安排中提及" in message:
            assert sections == {"plan"}
        if "仅在存在的不足中提及" in message:
            assert sections == {"deficiency"}
        if area.reasons[0].code.startswith(("COVERED", "THIN_GENERIC", "THIN_PASSING")):
            assert "主要举措和成效" in message
    structure = report.structure
    assert structure.check("TITLE_FORM").status == "ok"
    assert structure.check("PARTS").status == "problem"  # no 第一责任人 part
    assert not structure.read_by_content and structure.check("READ_BY_CONTENT") is None


def test_a_report_without_structure_says_so() -> None:
    report = analyze_text(
        "2023年，我镇认真贯彻落实上级部署，现将有关情况报告如下：\n"
        "全年办理行政处罚案件45件，开展执法检查120次，查处违法建设63起。\n"
        "但是也存在一些不足，执法人员专业素养有待提高。\n"
        "下一步，我镇将继续深化普法宣传，推进法律明白人培养工程。\n"
    )
    assert report.structure.read_by_content
    assert report.structure.check("READ_BY_CONTENT").status == "problem"
    for area in report.areas:
        assert "NOTE_READ_BY_CONTENT" in [r.code for r in area.reasons]
        assert area.reasons[0].code != "NOTE_READ_BY_CONTENT"
