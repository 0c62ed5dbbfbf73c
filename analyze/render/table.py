"""The batch summary table (unit, year, status per area, structure gaps) as CSV and as a
printable XLSX workbook; every text cell from a report or a file name is stored as text."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from fzgap.analyze.constants import STATUS_FILL, STATUS_ZH
from fzgap.analyze.records import AuditReport, file_name
from fzgap.model.areas import AREA_NAMES_ZH, AREAS, SECTION_NAMES_ZH

__all__ = ["summary_row", "render_csv", "render_xlsx", "COLUMNS", "csv_safe", "xlsx_safe"]

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
# Characters openpyxl refuses in a cell (XML 1.0 forbids them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def csv_safe(value: str) -> str:
    """A cell a spreadsheet never runs as a formula: a leading = + - @, tab or CR gets a ``'``."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def xlsx_safe(value: str) -> str:
    """Text without the control characters an xlsx cell cannot hold."""
    return _ILLEGAL.sub("", value)


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


def _cells(row: dict[str, str]) -> list[str]:
    return [STATUS_ZH.get(row[k], row[k]) if k in AREAS else row[k] for k, _ in COLUMNS]


def render_csv(rows: list[dict[str, str]]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so that Excel and WPS open the Chinese text correctly.

    Cells that a spreadsheet would read as a formula are prefixed with ``'`` (OWASP).
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([h for _, h in COLUMNS])
    for row in rows:
        w.writerow([csv_safe(c) for c in _cells(row)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _put(ws: Any, row: int, col: int, value: object, link: str | None = None) -> Any:
    """Write one cell; text is stored as text (never read as a formula), numbers as numbers."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = xlsx_safe(value)
        cell.data_type = "s"  # "=HYPERLINK(...)" from a report stays text
    else:
        cell.value = value
    if link:
        cell.hyperlink = link
        cell.style = "Hyperlink"
    return cell


def _print_setup(ws: Any, wrap_cols: set[int], widths: list[float]) -> None:
    """Landscape A4, one page wide, header row on every page, wrapped long columns."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.freeze_panes = "A2"
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    from fzgap.analyze.render._width import width

    for r in ws.iter_rows(min_row=2):
        lines = 1
        for cell in r:
            if cell.column in wrap_cols:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, str) and cell.value:
                    per_line = max(1.0, widths[cell.column - 1] - 1)
                    lines = max(lines, -(-width(cell.value) // int(per_line)))
            elif cell.alignment.horizontal != "center":
                cell.alignment = Alignment(vertical="top")
        # Spreadsheets do not grow rows for wrapped text they did not lay out themselves.
        ws.row_dimensions[r[0].row].height = 15 * min(lines, 12)


def _header(ws: Any, names: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for i, name in enumerate(names, 1):
        cell = _put(ws, 1, i, name)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E0E0E0")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


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
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, PatternFill

    links = links or {}
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    _header(ws, [h for _, h in COLUMNS])
    keys = [k for k, _ in COLUMNS]
    for r, row in enumerate(rows, 2):
        for c, (key, value) in enumerate(zip(keys, _cells(row)), 1):
            if key == "source":
                _put(ws, r, c, file_name(value), links.get(row["source"]))
            elif key == "year":
                _put(ws, r, c, int(value) if value.isdigit() else None)
            else:
                cell = _put(ws, r, c, value)
                if key in AREAS and value in _FILL:
                    cell.fill = PatternFill("solid", fgColor=_FILL[value])
                    cell.alignment = Alignment(horizontal="center", vertical="top")
    wrap = {
        i
        for i, k in enumerate(keys, 1)
        if k in ("source", "title", "notes", "missing_parts", "form", "error", "unit")
    }
    _print_setup(ws, wrap, [_WIDTHS.get(k, 30 if k == "error" else 9) for k in keys])
    ws.auto_filter.ref = ws.dimensions
    if evidence:
        _evidence_sheet(wb, evidence, links)
    _legend_sheet(wb)
    _data_sheet(wb, rows)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _evidence_sheet(
    wb: Any, evidence: list[tuple[str, AuditReport]], links: dict[str, str]
) -> None:
    """Only the evidence that counts toward a verdict: paragraphs of the year's work labelled
    with the area (low scores are passing mentions and are left out)."""
    ev = wb.create_sheet("证据")
    heads = ["文件", "领域", "结论", "段落", "部分", "得分", "证据句", "具体事实（原文短语）"]
    _header(ev, heads)
    r = 2
    for source, audit in evidence:
        for a in audit.areas:
            for e in a.evidence:
                if not (e.counts and (e.main or a.status != "covered")):
                    continue
                values: list[object] = [
                    file_name(source),
                    a.name,
                    STATUS_ZH[a.status],
                    e.index,
                    SECTION_NAMES_ZH.get(e.section, e.section),
                    e.score,
                    e.sentence,
                    "；".join(f.phrase for f in e.facts),
                ]
                for c, v in enumerate(values, 1):
                    _put(ev, r, c, v, links.get(source) if c == 1 else None)
                ev.cell(row=r, column=6).number_format = "0.00"
                r += 1
    _print_setup(ev, {1, 5, 7, 8}, [16, 8, 6, 5, 10, 6, 56, 40])
    ev.auto_filter.ref = ev.dimensions


_LEGEND = (
    ("颜色：绿色", "已覆盖：有段落主要报告该领域本年度工作，并有数字、文件名或案例等具体事实"),
    ("颜色：黄色", "薄弱：只有笼统表述、顺带提及，或只出现在存在的不足、下一年度安排中"),
    ("颜色：红色", "缺失：报告中没有回顾本年度该领域工作的内容"),
    ("汇总·文件", "报告文件名；批量输出时点击可打开该报告的审查文件"),
    ("汇总·单位、年度、标题", "从报告开头读出；没有标题时写单位、年度与“法治政府建设年度报告”"),
    ("汇总·决策…第一责任人", "五个领域各自的结论"),
    ("汇总·缺少的结构部分", "督察工作规定要求的四个部分中报告缺少的部分"),
    ("汇总·薄弱/缺失理由", "每个未覆盖领域的第一条理由"),
    ("证据", "只列计入结论的段落：本年度工作部分中主要报告该领域的段落（薄弱领域列出所有提及）"),
    ("证据·得分", "分类模型认为该段落属于该领域的概率（0–1）"),
    ("证据·具体事实", "数字、文件名、文号、案例，连同它们所在的原文短语"),
    ("数据", "同一汇总表，列名与结论为英文标识，供程序读取"),
)


def _legend_sheet(wb: Any) -> None:
    from openpyxl.styles import PatternFill

    lg = wb.create_sheet("说明")
    _header(lg, ["项目", "说明"])
    fills = list(STATUS_FILL.values())
    for r, (item, text) in enumerate(_LEGEND, 2):
        cell = _put(lg, r, 1, item)
        _put(lg, r, 2, text)
        if r - 2 < len(fills):
            cell.fill = PatternFill("solid", fgColor=fills[r - 2])
    _print_setup(lg, {2}, [22, 90])


def _data_sheet(wb: Any, rows: list[dict[str, str]]) -> None:
    """The summary with English column ids and status ids, for scripts."""
    data = wb.create_sheet("数据")
    keys = [k for k, _ in COLUMNS]
    for c, k in enumerate(keys, 1):
        _put(data, 1, c, k)
    for r, row in enumerate(rows, 2):
        for c, k in enumerate(keys, 1):
            v = row[k]
            _put(data, r, c, int(v) if k == "year" and v.isdigit() else v)
    _print_setup(data, set(), [14] * len(keys))
