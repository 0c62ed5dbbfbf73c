"""Section types (ANNOTATION.md): name a report's sections from their headings, or from the text."""

from __future__ import annotations

import re

__all__ = [
    "section_of_heading",
    "section_of_text",
    "is_first_responsibility_heading",
    "is_merged_heading",
    "is_plan_sentence",
]

_OTHER = re.compile(r"^其[他它].{0,6}(情况|事项)|其[他它]需要报告")
_FIRST = re.compile(
    r"第一责任人|主要负责人.{0,12}(履行|履职|职责)|主要领导.{0,6}(履行|履职)|履行.{0,10}第一责任|"
    r"(?:书记|县长|区长|市长|镇长|乡长|局长|主要负责同志).{0,6}(?:抓|推进|履行).{0,4}法治"
)
_DEFICIENCY = re.compile(r"不足|问题|短板|差距|薄弱|困难|挑战|弱项|存在的")
_PLAN = re.compile(
    r"下一年|下一步|下步|明年|来年|今后|工作安排|主要安排|工作计划|工作打算|工作思路|工作重点|努力方向|"
    r"工作设想|工作展望|打算|谋划|(?:20\d{2})年(?:度)?.{0,12}(?:安排|计划|打算|思路|重点|展望|目标)"
)
_ACHIEVEMENT = re.compile(
    r"举措|成效|做法|开展情况|工作情况|进展|主要工作|取得|成绩|措施|落实情况|推进情况|建设情况|基本情况|总体情况"
)


def is_first_responsibility_heading(heading: str) -> bool:
    """Tell whether a heading announces the report's own 第一责任人 section (S3)."""
    return bool(_FIRST.search(heading)) and not _PLAN.search(heading)


def is_merged_heading(heading: str) -> bool:
    """Tell whether a heading opens a merged 不足 + 安排 section (存在的问题及下一步打算)."""
    h = re.sub(r"\s+", "", heading)
    return bool(
        re.search(r"不足|问题|短板|差距|薄弱", h)
        and re.search(r"下一步|下步|打算|安排|计划|思路|措施|努力方向|改进方向", h)
        and not _ACHIEVEMENT.search(h.replace("措施", ""))
    )


def section_of_heading(heading: str, report_year: int | None = None) -> str | None:
    """Name the section a top-level heading opens, or ``None`` if the heading does not say.

    Parameters
    ----------
    heading : str
        Normalised heading text, numbering included.
    report_year : int, optional
        The year the report reviews; a heading naming a later year with 安排/计划 is the plan.
    """
    h = re.sub(r"\s+", "", heading)
    if _OTHER.search(h):
        return "other"
    years = [int(y) for y in re.findall(r"(20\d{2})年", h)]
    later = bool(report_year and years and max(years) > report_year)
    if is_first_responsibility_heading(h) and not later:
        return "first_responsibility"
    if (_PLAN.search(h) or (later and not _ACHIEVEMENT.search(h))) and (
        not _ACHIEVEMENT.search(h) or later or re.search(r"下一|明年|今后|安排|打算|计划", h)
    ):
        return "plan"
    if _DEFICIENCY.search(h) and not re.search(r"解决|整改.{0,4}(情况|落实)|成效", h):
        return "deficiency"
    if _ACHIEVEMENT.search(h):
        return "achievement"
    return None


_TEXT_DEFICIENCY = re.compile(
    r"存在.{0,4}(?:问题|不足|短板|差距|薄弱)|不足之处|有待(?:加强|提高|提升|完善|改进|优化)|"
    r"(?:仍|还)(?:然)?(?:存在|有差距|需|不够)|不够到位|短板|薄弱环节"
)
_TEXT_PLAN = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[(（]?[一二三四五六七八九十\d]+[)）、.]?)?.{0,10}(?:下一步|下一年度?|明年|来年|今后|(?:20\d{2})年[,，]?(?:我|将|要|继续|全)|将(?:继续|进一步|持续|着力)|计划|拟)"
)


def section_of_text(text: str) -> str:
    """Judge a paragraph's section by what it says (for reports without section headings)."""
    if _TEXT_PLAN.search(text):
        return "plan"
    if _TEXT_DEFICIENCY.search(text):
        return "deficiency"
    return "achievement"


_PLAN_SENTENCE = re.compile(
    r"^(?:下一步|下步|今后|明年|来年|下一年度?|(?:20\d{2})年[,，]?(?:我|将|要)|[我本].{0,4}将|将|拟|计划)"
)


def is_plan_sentence(sentence: str) -> bool:
    """Tell whether a sentence states an intention (下一步，将……) rather than a shortcoming."""
    return bool(_PLAN_SENTENCE.search(sentence.strip()))
