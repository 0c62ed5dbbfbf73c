"""One self-contained HTML page: coverage summary with a chart, then the report with evidence
marked."""

from __future__ import annotations

from html import escape

from fzgap.analyze.constants import AREA_COLOUR, STATUS_COLOUR, STATUS_ZH
from fzgap.analyze.records import AuditReport
from fzgap.model.areas import SECTION_NAMES_ZH
from fzgap.model.textnorm import normalize

__all__ = ["render_html"]

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;\
color:#222;background:#fafafa}
header,main{max-width:1000px;margin:auto;padding:12px 24px}
h1{font-size:22px;margin:8px 0} .meta{color:#555;font-size:14px}
table{border-collapse:collapse;width:100%;background:#fff;margin:12px 0}
td,th{border:1px solid #ddd;padding:6px 8px;font-size:14px;vertical-align:top;text-align:left}
.status{color:#fff;border-radius:4px;padding:2px 8px;white-space:nowrap;font-weight:bold}
.tag{display:inline-block;color:#fff;border-radius:3px;padding:0 5px;margin-right:3px;\
font-size:12px}
.para{background:#fff;border-left:4px solid #eee;margin:6px 0;padding:6px 10px;line-height:1.7}
.para.heading{font-weight:bold;background:#f3f3f3} .para.nocount{opacity:.75}
.sec{color:#777;font-size:12px;margin-right:6px} .idx{color:#999;font-size:12px;margin-right:6px}
mark{background:#fff59d;padding:0 1px} .reasons{margin:0;padding-left:18px} \
code{font-size:11px;color:#777}
"""


def _chart(report: AuditReport) -> str:
    """Inline SVG bars: each area's paragraphs in the counting sections, coloured by status."""
    width, row = 640, 30
    most = max([a.counts.paragraphs for a in report.areas] + [1])
    bars = []
    for i, a in enumerate(report.areas):
        y = 10 + i * row
        w = 0 if not a.counts.paragraphs else max(4, int(380 * a.counts.paragraphs / most))
        bars.append(
            f'<text x="0" y="{y + 15}" font-size="13">{escape(a.name)}</text>'
            f'<rect x="110" y="{y}" width="{w}" height="20" '
            f'fill="{STATUS_COLOUR[a.status]}"></rect>'
            f'<text x="{116 + w}" y="{y + 15}" font-size="12">'
            f"{a.counts.paragraphs}段 · {a.counts.strong_facts}项事实 · "
            f"{escape(STATUS_ZH[a.status])}</text>"
        )
    height = 20 + len(report.areas) * row
    return (
        f'<svg role="img" aria-label="各领域覆盖情况" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>'
    )


def _marked(text: str, sentences: set[str]) -> str:
    """Escape a paragraph, wrapping its evidence sentences in <mark>.

    An evidence sentence is quoted as written or in normalised form; normalisation maps
    character to character, so a match in the normalised text marks the same span as written.
    """
    norm = normalize(text)
    haystack = norm if len(norm) == len(text) else text
    spans = set()
    for s in sentences:
        start = text.find(s) if s in text else haystack.find(s)
        if s and start >= 0:
            spans.add((start, start + len(s)))
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [escape(text[pos:start]), f"<mark>{escape(text[start:end])}</mark>"]
        pos = end
    return "".join(out) + escape(text[pos:])


def render_html(report: AuditReport) -> str:
    """The whole page; every piece of report text is escaped, no external assets."""
    s = report.structure
    title = s.title or report.document.source
    rows = []
    for a in report.areas:
        reasons = "".join(
            f"<li>{escape(r.message)} <code>{escape(r.code)}</code></li>" for r in a.reasons
        )
        found = "、".join(escape(x.name) for x in a.subitems if x.found) or "—"
        rows.append(
            f'<tr><td><span class="tag" style="background:{AREA_COLOUR[a.id]}">'
            f"{escape(a.name)}</span>{escape(a.id)}</td>"
            f'<td><span class="status" style="background:{STATUS_COLOUR[a.status]}">'
            f"{escape(STATUS_ZH[a.status])}</span></td>"
            f'<td><ul class="reasons">{reasons}</ul></td><td>{found}</td></tr>'
        )
    parts = "".join(
        f"<li>{escape(p.id)} {escape(p.name)}：{'有' if p.present else '<b>缺</b>'}"
        f"{'（' + escape(p.heading) + '）' if p.heading else ''}</li>"
        for p in s.parts
    )
    evidence: dict[int, set[str]] = {}
    for a in report.areas:
        for e in a.evidence:
            evidence.setdefault(e.index, set()).add(e.sentence)
    counting = set(report.checklist.counting_sections)
    names = {a.id: a.name for a in report.areas}
    paras = []
    for p in report.paragraphs:
        tags = "".join(
            f'<span class="tag" style="background:{AREA_COLOUR[label]}">'
            f"{escape(names[label])}</span>"
            for label in p.labels
        )
        cls = (
            "para "
            + ("heading" if p.kind in ("heading", "title") else "")
            + ("" if p.section in counting else " nocount")
        )
        colour = AREA_COLOUR[p.labels[0]] if p.labels else "#eee"
        paras.append(
            f'<div class="{cls}" id="p{p.index}" style="border-left-color:{colour}">'
            f'<span class="idx">{p.index}</span>'
            f'<span class="sec">{escape(SECTION_NAMES_ZH.get(p.section, p.section))}</span>'
            f"{tags}{_marked(p.text, evidence.get(p.index, set()))}</div>"
        )
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)} — fzgap 审查</title>"
        f"<style>{_CSS}</style></head><body><header><h1>{escape(title)}</h1>"
        f'<div class="meta">单位：{escape(s.unit or "—")}　年度：{s.year or "—"}　'
        f"来源：{escape(report.document.source)}"
        f"　段落：{report.document.paragraphs}</div></header><main>"
        f"<h2>覆盖情况</h2>{_chart(report)}"
        f"<table><thead><tr><th>领域</th><th>结论</th><th>理由</th><th>已见子项</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<h2>报告结构</h2><ul>{parts}</ul>"
        f"<h2>报告原文（按领域标注，证据句高亮；灰色段落不计入本年度工作）</h2>{''.join(paras)}"
        f'<p class="meta">fzgap · 模型 {escape(str(report.model.artifact_sha256 or "")[:12])} · '
        f"清单 {escape(report.checklist.name)}</p>"
        "</main></body></html>\n"
    )
