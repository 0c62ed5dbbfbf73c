"""The batch summary table (unit, year, status per area, structure gaps) as CSV and as styled
XLSX."""

from __future__ import annotations

import csv
import io

from fzgap.analyze.constants import STATUS_FILL, STATUS_ZH
from fzgap.analyze.records import AuditReport
from fzgap.model.areas import AREA_NAMES_ZH, AREAS

__all__ = ["summary_row", "render_csv", "render_xlsx", "COLUMNS"]

#: (key, header) of the summary table, in order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("source", "文件 file"),
    ("unit", "单位 unit"),
    ("year", "年度 year"),
    ("title", "标题 title"),
    *((a, f"{AREA_NAMES_ZH[a]} {a}") for a in AREAS),
    ("missing_parts", "缺少的结构部分 missing parts"),
    ("form", "形式检查 form checks"),
    ("notes", "薄弱/缺失理由 reasons"),
    ("error", "错误 error"),
)
_FILL = {STATUS_ZH[s]: fill for s, fill in STATUS_FILL.items()}


def summary_row(source: str, audit: AuditReport | None, error: str | None = None) -> dict[str, str]:
    """One row of the summary table for an audit (or for the error that stopped it)."""
    row = {k: "" for k, _ in COLUMNS}
    row["source"] = source
    if audit is None:
        row["error"] = error or "unknown error"
        return row
    s = audit.structure
    row.update(
        unit=s.unit or "",
        year=str(s.year or ""),
        title=s.title or "",
        missing_parts="、".join(s.missing_parts),
        form="；".join(k.message for k in s.checks if k.status != "ok"),
    )
    notes = []
    for a in audit.areas:
        row[a.id] = a.status
        row[a.id + "_zh"] = AREA_NAMES_ZH[a.id]
        if a.status != "covered":
            notes.append(f"{a.name}：{a.reasons[0].message}")
    row["notes"] = "；".join(notes)
    return row


def _cells(row: dict[str, str]) -> list[str]:
    return [STATUS_ZH.get(row[k], row[k]) if k in AREAS else row[k] for k, _ in COLUMNS]


def render_csv(rows: list[dict[str, str]]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so that Excel and WPS open the Chinese text correctly."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([h for _, h in COLUMNS])
    for row in rows:
        w.writerow(_cells(row))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def render_xlsx(
    rows: list[dict[str, str]], evidence: list[tuple[str, AuditReport]] | None = None
) -> bytes:
    """An Excel workbook: summary sheet with coloured status cells, frozen header and filters;
    evidence sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append([h for _, h in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E0E0E0")
    for row in rows:
        ws.append(_cells(row))
    area_cols = {i + 1 for i, (k, _) in enumerate(COLUMNS) if k in AREAS}
    for r in ws.iter_rows(min_row=2):
        for cell in r:
            if cell.column in area_cols and cell.value in _FILL:
                cell.fill = PatternFill("solid", fgColor=_FILL[cell.value])
                cell.alignment = Alignment(horizontal="center")
    widths = {
        "source": 36,
        "unit": 20,
        "year": 8,
        "title": 40,
        "missing_parts": 30,
        "form": 40,
        "notes": 60,
        "error": 40,
    }
    for i, (k, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(k, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    if evidence:
        ev = wb.create_sheet("证据")
        ev.append(
            [
                "文件 file",
                "领域 area",
                "结论 status",
                "段落 paragraph",
                "部分 section",
                "得分 score",
                "证据句 sentence",
                "具体事实 facts",
            ]
        )
        for cell in ev[1]:
            cell.font = Font(bold=True)
        for source, audit in evidence:
            for a in audit.areas:
                for e in a.evidence:
                    ev.append(
                        [
                            source,
                            a.name,
                            STATUS_ZH[a.status],
                            e.index,
                            e.section,
                            e.score,
                            e.sentence,
                            "、".join(e.strong_facts),
                        ]
                    )
        ev.freeze_panes = "A2"
        ev.auto_filter.ref = ev.dimensions
        for col, w in zip("ABCDEFGH", (36, 10, 8, 8, 18, 8, 80, 40)):
            ev.column_dimensions[col].width = w
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
