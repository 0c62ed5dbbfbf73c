"""Markdown for pasting into a review memo."""

from __future__ import annotations

from fzgap.analyze.records import AuditReport, file_name
from fzgap.analyze.render._labels import labels

__all__ = ["render_markdown"]

_HEAD = {
    "zh": ("单位", "年度", "文件", "领域", "结论", "理由", "报告结构", "缺", "事实"),
    "en": ("Unit", "Year", "File", "Area", "Verdict", "Reason", "Structure", "missing", "facts"),
}


def _md(text: str) -> str:
    """Escape the characters Markdown would read as markup or table cells."""
    for ch in "\\`*_[]|<>#":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def render_markdown(report: AuditReport, lang: str = "zh") -> str:
    """A review memo: summary table, structure, then reasons and evidence per area.

    Parameters
    ----------
    report : AuditReport
    lang : {"zh", "en"}
        Language of the headings, statuses, sections and reasons; the report's own text is
        quoted as written.
    """
    words = labels(lang)
    unit, year, file, area_h, verdict, reason_h, structure, lacks, facts_h = _HEAD[lang]
    sep = words.words["sep"]
    s = report.structure
    out = [
        f"## {_md(report.display_title)}",
        "",
        f"{unit}{sep}{_md(s.unit or '—')}　{year}{sep}{s.year or '—'}"
        f"　{file}{sep}{_md(file_name(report.document.source))}",
        "",
        f"| {area_h} | {verdict} | {reason_h} |",
        "|---|---|---|",
    ]
    for a in report.areas:
        out.append(
            f"| {words.area(a.id)} | **{words.status(a.status)}** | "
            f"{_md(words.reason(a.reasons[0]))} |"
        )
    out += [
        "",
        f"**{structure}**{sep}"
        + "；".join(
            f"{p.id} {p.name}{'✓' if p.present else (f'✗（{lacks}）' if p.required else '–')}"
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
        out.append(f"### {words.area_status(a)}")
        out.append("")
        out += [f"- {_md(words.reason(r))}" for r in a.reasons]
        for e in a.evidence[:4]:
            where = words.words["paragraph"].format(n=e.index)
            out.append(f"- {where}〔{words.section(e.section)}〕：“{_md(e.sentence)}”")
            if e.facts:
                phrases = "；".join(f"“{_md(f.phrase)}”" for f in e.facts)
                out.append(f"  - {facts_h}{sep}{phrases}")
        out.append("")
    return "\n".join(out)
