"""The batch summary table (unit, year, status per area, structure gaps) as CSV and as a
printable XLSX workbook; every text cell from a report or a file name is stored as text."""

from __future__ import annotations

import csv
import io

from fzgap.analyze.constants import STATUS_FILL, STATUS_ZH
from fzgap.analyze.records import AuditReport, file_name
from fzgap.analyze.render.workbook import SummaryWorkbook, evidence_rows
from fzgap.analyze.render.xlsx_sheet import xml_safe
from fzgap.model.areas import AREA_NAMES_ZH, AREAS

__all__ = [
    "summary_row",
    "summary_cells",
    "summary_workbook",
    "status_fill",
    "csv_line",
    "render_csv",
    "render_xlsx",
    "COLUMNS",
    "CSV_HEADER",
    "csv_safe",
    "xlsx_safe",
]

#: (key, Chinese header) of the summary table, in order; the data sheet uses the keys.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("source", "文件"),
    ("unit", "单位"),
    ("year", "年度"),
    ("title", "标题"),
    *((a, AREA_NAMES_ZH[a]) for a in AREAS),
    ("missing_parts", "缺少的结构部分"),
    ("form", "形式检查"),
    ("notes", "薄弱/缺失理由"),
    ("error", "错误"),
)
_FILL = {STATUS_ZH[s]: fill for s, fill in STATUS_FILL.items()}
_WIDTHS = {
    "source": 18,
    "unit": 12,
    "year": 6,
    "title": 22,
    "missing_parts": 14,
    "form": 20,
    "notes": 44,
}


def csv_safe(value: str) -> str:
    """A cell a spreadsheet never runs as a formula: a leading = + - @, tab or CR gets a ``'``."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def xlsx_safe(value: str) -> str:
    """Text without the characters an xlsx cell cannot hold (control characters, lone
    surrogates: XML 1.0 forbids them)."""
    return xml_safe(value)


def summary_row(source: str, audit: AuditReport | None, error: str | None = None) -> dict[str, str]:
    """One row of the summary table for an audit (or for the error that stopped it)."""
    row = {k: "" for k, _ in COLUMNS}
    row["source"] = source
    row["display_title"] = file_name(source)
    if audit is None:
        row["error"] = error or "unknown error"
        return row
    s = audit.structure
    row.update(
        unit=s.unit or "",
        year=str(s.year or ""),
        title=audit.display_title,
        display_title=audit.display_title,
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


def status_fill(cell: str) -> str | None:
    """The fill colour of a status cell as shown (已覆盖 …), None for any other text."""
    return _FILL.get(cell)


def summary_cells(row: dict[str, str]) -> list[str]:
    """A summary row's cells as shown (statuses in Chinese), in column order."""
    return [STATUS_ZH.get(row[k], row[k]) if k in AREAS else row[k] for k, _ in COLUMNS]


def csv_line(cells: list[str]) -> str:
    """One CSV record (CRLF-terminated), formula-like cells prefixed with ``'`` (OWASP)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow([csv_safe(c) for c in cells])
    return buf.getvalue()


#: The first bytes of the summary CSV: a byte-order mark (so that Excel and WPS open the Chinese
#: text correctly) and the header.
CSV_HEADER = ("\ufeff" + csv_line([h for _, h in COLUMNS])).encode("utf-8")


def render_csv(rows: list[dict[str, str]]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so that Excel and WPS open the Chinese text correctly.

    Cells that a spreadsheet would read as a formula are prefixed with ``'`` (OWASP).
    """
    return CSV_HEADER + "".join(csv_line(summary_cells(row)) for row in rows).encode("utf-8")


def render_xlsx(
    rows: list[dict[str, str]],
    evidence: list[tuple[str, AuditReport]] | None = None,
    links: dict[str, str] | None = None,
) -> bytes:
    """An Excel/WPS workbook ready to print: 汇总 (coloured statuses), 证据, 说明 and a 数据
    sheet with the English ids for machines.

    Parameters
    ----------
    rows : list of dict
        Rows of :func:`summary_row`.
    evidence : list of (source, AuditReport), optional
        Audits whose counting evidence fills the 证据 sheet.
    links : dict, optional
        Source → relative path of that report's audit file; the 文件 cell links to it.
    """
    links = links or {}
    book = summary_workbook()
    for row in rows:
        book.add(row, summary_cells(row), [], links.get(row["source"]))
    for source, audit in evidence or []:
        book.add_evidence(source, evidence_rows(audit), links.get(source))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def summary_workbook() -> SummaryWorkbook:
    """An empty batch workbook with the summary's columns, widths and wrapped columns."""
    keys = [k for k, _ in COLUMNS]
    wrap = {
        i
        for i, k in enumerate(keys, 1)
        if k in ("source", "title", "notes", "missing_parts", "form", "error", "unit")
    }
    return SummaryWorkbook(COLUMNS, [_WIDTHS.get(k, 30 if k == "error" else 9) for k in keys], wrap)
