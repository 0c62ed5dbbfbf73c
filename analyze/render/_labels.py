"""Words of the people-facing renderers in Chinese (the default) and English (``--lang en``)."""

from __future__ import annotations

from fzgap.analyze.constants import STATUS_ZH
from fzgap.analyze.records import AreaResult, Reason
from fzgap.model.areas import AREA_NAMES_ZH, SECTION_NAMES_ZH

__all__ = ["LANGS", "Labels", "labels"]

LANGS = ("zh", "en")

_SECTION_EN = {
    "preamble": "opening",
    "achievement": "measures and results",
    "first_responsibility": "first responsibility",
    "deficiency": "shortcomings",
    "plan": "next year's plan",
    "annex": "annex",
    "other": "other",
}
_AREA_EN = {
    "decision": "decision-making",
    "enforcement": "enforcement",
    "reconsideration": "reconsideration",
    "publicity": "publicity",
    "first_responsibility": "first responsibility",
}
_STATUS_EN = {"covered": "covered", "thin": "thin", "missing": "missing"}
#: English for each reason code (the Chinese message carries the figures).
_REASON_EN = {
    "COVERED_CONCRETE": "paragraphs mainly about the area, with concrete facts or measures",
    "COVERED_SEVERAL": "several paragraphs about the area, but no concrete facts",
    "THIN_GENERIC": "only generic wording (strengthen, promote, implement), no concrete facts",
    "THIN_NO_SUBITEM": "paragraphs taken for the area, but none names any of its checklist items",
    "THIN_PASSING": "only mentioned in passing in paragraphs about other topics",
    "THIN_PLAN_ONLY": "only in next year's plan, which is not a review of the year",
    "THIN_DEFICIENCY_ONLY": "only among the shortcomings, which is not a review of the year",
    "MISSING_NONE": "nothing in the report reviews the year's work in the area",
    "NOTE_PREAMBLE_ONLY": "named only as a slogan in the opening",
    "NOTE_ALSO_PLAN": "next year's plan also speaks of the area",
    "NOTE_ALSO_DEFICIENCY": "the shortcomings also speak of the area",
    "SUBITEMS_NOT_FOUND": "checklist sub-items not found",
}

_WORDS = {
    "zh": {
        "unit": "单位",
        "year": "年度",
        "paragraphs": "段",
        "file": "文件",
        "structure": "结构",
        "total": "合计",
        "missing_parts": "缺少结构部分",
        "paragraph": "第{n}段",
        "facts": "事实",
        "sep": "：",
        "list": "、",
    },
    "en": {
        "unit": "unit",
        "year": "year",
        "paragraphs": "paragraphs",
        "file": "file",
        "structure": "structure",
        "total": "total",
        "missing_parts": "missing parts",
        "paragraph": "para. {n}",
        "facts": "facts",
        "sep": ": ",
        "list": ", ",
    },
}


class Labels:
    """The words of one language: areas, statuses, sections, reasons and the renderers' own."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
        self.lang = lang
        self.words = _WORDS[lang]

    def area(self, area_id: str) -> str:
        """Name of an area."""
        return AREA_NAMES_ZH[area_id] if self.lang == "zh" else _AREA_EN[area_id]

    def status(self, status: str) -> str:
        """Name of a status."""
        return STATUS_ZH[status] if self.lang == "zh" else _STATUS_EN[status]

    def section(self, section: str) -> str:
        """Name of a section type."""
        names = SECTION_NAMES_ZH if self.lang == "zh" else _SECTION_EN
        return names.get(section, section)

    def reason(self, reason: Reason) -> str:
        """A reason as its reader reads it (English keeps the Chinese figures after a dash)."""
        if self.lang == "zh":
            return reason.message
        return f"{_REASON_EN.get(reason.code, reason.code)} — {reason.message}"

    def area_status(self, area: AreaResult) -> str:
        """``决策：薄弱`` or ``decision-making: thin``."""
        return f"{self.area(area.id)}{self.words['sep']}{self.status(area.status)}"


def labels(lang: str = "zh") -> Labels:
    """The words of ``lang`` (``zh`` or ``en``)."""
    return Labels(lang)
