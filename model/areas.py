"""The five checklist areas, in their fixed order."""

from __future__ import annotations

__all__ = ["AREAS", "AREA_NAMES_ZH", "SECTIONS", "SECTION_NAMES_ZH", "EXTENDED_TAGS"]

#: Area ids in the order every table, array and report uses.
AREAS: tuple[str, ...] = (
    "decision",
    "enforcement",
    "reconsideration",
    "publicity",
    "first_responsibility",
)

AREA_NAMES_ZH: dict[str, str] = {
    "decision": "决策",
    "enforcement": "执法",
    "reconsideration": "复议",
    "publicity": "普法",
    "first_responsibility": "第一责任人",
}

#: Section types of ANNOTATION.md, one per paragraph.
SECTIONS: tuple[str, ...] = (
    "preamble",
    "achievement",
    "first_responsibility",
    "deficiency",
    "plan",
    "annex",
    "other",
)

EXTENDED_TAGS: tuple[str, ...] = (
    "leadership",
    "functions",
    "rules",
    "disputes",
    "oversight",
    "emergency",
    "digital",
)

#: Chinese name of each section type, as reviewers read it.
SECTION_NAMES_ZH: dict[str, str] = {
    "preamble": "开头",
    "achievement": "主要举措和成效",
    "first_responsibility": "第一责任人履职情况",
    "deficiency": "存在的不足",
    "plan": "下一年度安排",
    "annex": "附件",
    "other": "其他",
}
