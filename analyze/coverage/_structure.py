"""Form checks: the parts the 督察工作规定 requires, the title's form, the publication date.

第二十四条 of the 2019 《法治政府建设与责任落实督察工作规定》: reports on the previous year are
published before 1 April; departments report to their government before 1 March.
"""

from __future__ import annotations

import re
from datetime import date

from fzgap.analyze.records import FormCheck, Structure, StructurePart
from fzgap.analyze.segment import SegmentedReport

__all__ = ["PARTS", "assess_structure", "check_title", "check_published", "is_department"]

#: Parts of a report (督察工作规定): id, name, section type, required.
PARTS: tuple[tuple[str, str, str, bool], ...] = (
    ("S1", "主要举措和成效", "achievement", True),
    ("S2", "存在的不足和原因", "deficiency", True),
    ("S3", "党政主要负责人履行第一责任人职责情况", "first_responsibility", True),
    ("S4", "下一年度主要安排", "plan", True),
    ("S5", "其他需要报告的情况", "other", False),
)
_TITLE_FORM = re.compile(
    r"法治政府(?:部门)?建设.{0,12}(?:年度报告|情况(?:的)?报告|工作(?:情况)?报告|年度情况报告)"
    r"|法治(?:政府)?建设.{0,6}年度报告"
)
_DEPARTMENT = re.compile(r"(?:局|委员会|委|办公室|办|厅|中心|分局|支队)$")
_OTHER_HEADING = re.compile(r"其[他它].{0,6}(?:需要)?报告.{0,4}(?:情况|事项)")


def is_department(unit: str | None) -> bool:
    """Whether the reporting unit is a department (局, 委, 办 …) rather than a government."""
    return bool(unit and _DEPARTMENT.search(unit) and not unit.endswith("人民政府"))


def check_title(title: str | None) -> FormCheck:
    """The title names a 法治政府建设 (annual / 情况) report.

    Parameters
    ----------
    title : str or None
        The title as the segmenter read it.
    """
    if not title:
        return FormCheck("TITLE_FORM", "unknown", "未识别出报告标题")
    t = title.replace(" ", "")
    if _TITLE_FORM.search(t):
        return FormCheck("TITLE_FORM", "ok", f"标题符合要求：{t}")
    return FormCheck(
        "TITLE_FORM", "problem", f"标题未写明“法治政府建设年度报告”或“……情况报告”：{t}"
    )


def check_published(published: str | None, year: int | None, unit: str | None) -> FormCheck:
    """The publication date against 第二十四条's deadline (before 1 April of the next year).

    Parameters
    ----------
    published : str or None
        ``YYYY-MM-DD`` from the page's 发布日期, when the page carries one.
    year : int or None
        The year the report reviews.
    unit : str or None
        The reporting unit (a department also reports to its government before 1 March).
    """
    dept = "（部门还应于3月1日前向本级政府报告）" if is_department(unit) else ""
    if not year:
        return FormCheck("PUBLISHED_ON_TIME", "unknown", "未识别出报告年度，无法核对公开时限")
    deadline = date(year + 1, 4, 1)
    if not published:
        return FormCheck(
            "PUBLISHED_ON_TIME",
            "unknown",
            f"页面未载明发布日期；应于{year + 1}年4月1日前公开{dept}",
        )
    try:
        when = date.fromisoformat(published)
    except ValueError:
        return FormCheck("PUBLISHED_ON_TIME", "unknown", f"发布日期无法识别：{published}")
    if when < deadline:
        return FormCheck(
            "PUBLISHED_ON_TIME", "ok", f"{published}发布，在{year + 1}年4月1日的期限之前{dept}"
        )
    late = (when - deadline).days + 1
    return FormCheck(
        "PUBLISHED_ON_TIME",
        "problem",
        f"{published}发布，晚于{year + 1}年4月1日前公开的要求（迟{late}天）{dept}",
    )


def assess_structure(report: SegmentedReport) -> Structure:
    """The report's parts with the heading that opens each, and its form checks.

    Parameters
    ----------
    report : SegmentedReport

    Returns
    -------
    Structure
    """
    parts = []
    for pid, name, section, required in PARTS:
        members = [p for p in report.paragraphs if p.section == section and p.kind != "title"]
        if section == "other":
            # 特此报告 and the signature are section other too; part 5 is a heading naming it.
            first = next(
                (p for p in members if p.kind == "heading" and _OTHER_HEADING.search(p.norm)), None
            )
            members = [p for p in members if first and p.index >= first.index and p.headings]
        heading = next((p.text for p in members if p.kind == "heading"), None)
        if heading is None and members and members[0].headings:
            heading = members[0].headings[-1]
        parts.append(
            StructurePart(
                pid,
                name,
                section,
                bool(members),
                heading,
                sum(p.kind == "body" for p in members),
                required,
            )
        )
    checks = [
        check_title(report.title),
        check_published(report.published, report.year, report.unit),
    ]
    missing = [p.name for p in parts if p.required and not p.present]
    checks.append(
        FormCheck("PARTS", "problem", "缺少结构部分：" + "、".join(missing))
        if missing
        else FormCheck("PARTS", "ok", "四个必备部分齐全")
    )
    if report.read_by_content:
        checks.append(FormCheck("READ_BY_CONTENT", "problem", "未识别出报告结构，按内容判断各段"))
    return Structure(
        tuple(parts),
        report.title,
        report.unit,
        report.year,
        report.read_by_content,
        report.published,
        tuple(checks),
    )
