"""Markdown for pasting into a review memo."""

from __future__ import annotations

from fzgap.analyze.constants import STATUS_ZH
from fzgap.analyze.records import AuditReport
from fzgap.model.areas import SECTION_NAMES_ZH

__all__ = ["render_markdown"]


def _md(text: str) -> str:
    """Escape the characters Markdown would read as markup or table cells."""
    for ch in "\\`*_[]|<>#":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def render_markdown(report: AuditReport) -> str:
    """A review memo: summary table, structure, then reasons and evidence per area."""
    s = report.structure
    out = [
        f"## {_md(s.title or report.document.source)}",
        "",
        f"单位：{_md(s.unit or '—')}　年度：{s.year or '—'}　来源：`{report.document.source}`",
        "",
        "| 领域 | 结论 | 理由 |",
        "|---|---|---|",
    ]
    for a in report.areas:
        out.append(
            f"| {a.name}（{a.id}） | **{STATUS_ZH[a.status]}** | {_md(a.reasons[0].message)} |"
        )
    out += [
        "",
        "**报告结构**："
        + "；".join(
            f"{p.id} {p.name}{'✓' if p.present else ('✗（缺）' if p.required else '（无）')}"
            for p in s.parts
        ),
        "",
    ]
    if s.checks:
        marks = {"ok": "✓", "problem": "✗", "unknown": "？"}
        out += [
            "**形式检查**："
            + "；".join(f"{marks.get(k.status, '？')} {_md(k.message)}" for k in s.checks),
            "",
        ]
    for a in report.areas:
        out.append(f"### {a.name}：{STATUS_ZH[a.status]}")
        out.append("")
        out += [f"- {_md(r.message)} `{r.code}`" for r in a.reasons]
        for e in a.evidence[:4]:
            facts = f"（{_md('、'.join(e.strong_facts))}）" if e.strong_facts else ""
            out.append(
                f"- 第{e.index}段〔{SECTION_NAMES_ZH.get(e.section, e.section)}〕："
                f"“{_md(e.sentence)}”{facts}"
            )
        out.append("")
    return "\n".join(out)
