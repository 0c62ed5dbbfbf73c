"""Downloads: the feedback letter as DOCX, the batch summary as XLSX and CSV with the reviewer's
final statuses and comments beside the model's."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from fzgap.analyze.constants import STATUS_FILL, STATUS_ZH
from fzgap.analyze.records import AuditReport
from fzgap.model.areas import AREA_NAMES_ZH, AREAS

__all__ = ["letter_docx", "summary_xlsx", "summary_csv", "REVIEW_COLUMNS"]

#: Columns appended to the library's summary table.
REVIEW_COLUMNS: tuple[tuple[str, str], ...] = (
    *((f"final_{a}", f"审核结论 {AREA_NAMES_ZH[a]}") for a in AREAS),
    ("review", "审核状态"),
    ("reviewers", "审核人"),
    ("comments", "审核意见"),
)


def letter_docx(letter: dict[str, Any]) -> bytes:
    """The 审核意见 as a Word document ready to send back for revision."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    h = doc.add_heading(letter["title"], level=1)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(letter["intro"])
    n = 0
    for heading, items in (("缺失的领域", letter["missing"]), ("薄弱的领域", letter["thin"])):
        if not items:
            continue
        n += 1
        doc.add_heading(f"{'一二三四五'[n - 1]}、{heading}", level=2)
        for it in items:
            text = it["name"] + ("：" + "；".join(it["reasons"]) if it["reasons"] else "")
            doc.add_paragraph(text, style="List Bullet")
            for c in it["comments"]:
                doc.add_paragraph(f"审核意见：{c}")
    if letter["missing_parts"]:
        n += 1
        doc.add_heading(f"{'一二三四五'[n - 1]}、缺少的报告部分", level=2)
        for part in letter["missing_parts"]:
            doc.add_paragraph(part, style="List Bullet")
    if letter["comments"]:
        n += 1
        doc.add_heading(f"{'一二三四五'[n - 1]}、其他意见", level=2)
        for c in letter["comments"]:
            doc.add_paragraph(c, style="List Bullet")
    if n == 0:
        doc.add_paragraph("报告已覆盖清单要求的各领域，结构完整。")
    doc.add_paragraph(letter["closing"])
    p = doc.add_paragraph(
        f"审核人：{'、'.join(letter['reviewers']) or '—'}\n{date.today():%Y年%m月%d日}"
    )
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _tables(reports: list[dict[str, Any]], rows: list[dict[str, Any]]):
    from fzgap.analyze.render.table import summary_row

    by_id = {r["id"]: r for r in rows}
    base, extra, evidence = [], [], []
    for rep in reports:
        audit = AuditReport.from_dict(rep["audit"]) if rep["audit"] else None
        base.append(summary_row(rep["source"], audit, rep["error"]))
        if audit:
            evidence.append((rep["source"], audit))
        r = by_id[rep["id"]]
        extra.append(
            [STATUS_ZH.get(r["areas"].get(a, {}).get("final", ""), "") for a in AREAS]
            + [r["review_zh"], "、".join(r["reviewers"]), _safe("；".join(r["comments"]))]
        )
    return base, extra, evidence


def summary_xlsx(reports: list[dict[str, Any]], rows: list[dict[str, Any]]) -> bytes:
    """The library's styled summary workbook with the reviewer's columns beside the model's."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from fzgap.analyze.render.table import render_xlsx

    base, extra, evidence = _tables(reports, rows)
    wb = load_workbook(io.BytesIO(render_xlsx(base, evidence)))
    ws = wb.worksheets[0]
    start = ws.max_column + 1
    fills = {STATUS_ZH[s]: f for s, f in STATUS_FILL.items()}
    for j, (_, header) in enumerate(REVIEW_COLUMNS):
        c = ws.cell(row=1, column=start + j, value=header)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="E0E0E0")
        ws.column_dimensions[get_column_letter(start + j)].width = (
            40 if j == len(REVIEW_COLUMNS) - 1 else 12
        )
    for i, values in enumerate(extra, 2):
        for j, v in enumerate(values):
            c = ws.cell(row=i, column=start + j, value=v)
            if v in fills and j < len(AREAS):
                c.fill = PatternFill("solid", fgColor=fills[v])
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def summary_csv(reports: list[dict[str, Any]], rows: list[dict[str, Any]]) -> bytes:
    """The library's summary CSV (UTF-8 with BOM) with the reviewer's columns appended."""
    from fzgap.analyze.render.table import render_csv

    base, extra, _ = _tables(reports, rows)
    text = render_csv(base).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(table[0] + [h for _, h in REVIEW_COLUMNS])
    for line, values in zip(table[1:], extra):
        w.writerow(line + values)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
