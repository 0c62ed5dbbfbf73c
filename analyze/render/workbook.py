"""The batch workbook written row by row as reports arrive (openpyxl's write-only mode), so that
its memory stays flat in the number of reports: 汇总, 证据, 说明 and 数据 sheets, ready to print."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from copy import copy
from typing import IO, Any

from fzgap.analyze.constants import STATUS_FILL, STATUS_ZH
from fzgap.analyze.records import AuditReport, file_name
from fzgap.analyze.render._width import width
from fzgap.model.areas import AREAS, SECTION_NAMES_ZH

__all__ = ["SummaryWorkbook", "evidence_rows", "EVIDENCE_HEADS", "LEGEND"]

EVIDENCE_HEADS = ("文件", "领域", "结论", "段落", "部分", "得分", "证据句", "具体事实（原文短语）")
_EV_WIDTHS = (16, 8, 6, 5, 10, 6, 56, 40)
_EV_WRAP = {1, 5, 7, 8}
#: Style arrays already registered, by (style before, change): registering a style with the
#: workbook compares it with every one it holds, which cost more than the rest of the workbook.
_Styles = dict[tuple[bytes, str], Any]


def _styled(cache: _Styles, cell: Any, change: str, apply: Callable[[Any], None]) -> None:
    """Apply a style change to a cell, looked up from the cells styled the same way before."""
    key = (b"" if cell._style is None else cell._style.tobytes(), change)
    done = cache.get(key)
    if done is None:
        apply(cell)
        cache[key] = copy(cell._style)
    else:
        cell._style = copy(done)


LEGEND = (
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


def evidence_rows(audit: AuditReport) -> list[list[object]]:
    """The 证据 rows of one audit (without the file column): only the evidence that counts
    toward a verdict, i.e. paragraphs of the year's work labelled with the area (low scores
    are passing mentions and are left out)."""
    out: list[list[object]] = []
    for a in audit.areas:
        for e in a.evidence:
            if not (e.counts and (e.main or a.status != "covered")):
                continue
            out.append(
                [
                    a.name,
                    STATUS_ZH[a.status],
                    e.index,
                    SECTION_NAMES_ZH.get(e.section, e.section),
                    e.score,
                    e.sentence,
                    "；".join(f.phrase for f in e.facts),
                ]
            )
    return out


def _two_decimals(c: Any) -> None:
    c.number_format = "0.00"


class _Sheet:
    """One write-only sheet: print setup, column widths, wrapped columns and row heights."""

    def __init__(self, wb: Any, title: str, widths: Sequence[float], wrap: set[int]) -> None:
        from openpyxl.styles import Alignment
        from openpyxl.utils import get_column_letter

        self.ws = ws = wb.create_sheet(title)
        self.widths, self.wrap, self.rows = list(widths), wrap, 0
        self.styles: _Styles = {}
        self.top = Alignment(vertical="top")
        self.wrapped = Alignment(wrap_text=True, vertical="top")
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.freeze_panes = "A2"
        for i, w in enumerate(self.widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w

    def cell(self, value: object, link: str | None = None) -> Any:
        """A cell; text is stored as text (never read as a formula), numbers as numbers."""
        from openpyxl.cell import WriteOnlyCell

        from fzgap.analyze.render.table import xlsx_safe

        cell = WriteOnlyCell(self.ws)
        if isinstance(value, str):
            cell.value = xlsx_safe(value)
            cell.data_type = "s"  # "=HYPERLINK(...)" from a report stays text
        else:
            cell.value = value
        if link:
            cell.hyperlink = link
            cell.style = "Hyperlink"
        return cell

    def header(self, names: Sequence[str], styled: bool = True) -> None:
        """The first row: bold on grey, centred (plain on the data sheet)."""
        from openpyxl.styles import Alignment, Font, PatternFill

        cells = [self.cell(n) for n in names]
        if styled:
            for c in cells:
                c.font = Font(bold=True)
                c.fill = PatternFill("solid", fgColor="E0E0E0")
                c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.ws.append(cells)
        self.rows = 1

    def body(self, cells: list[Any]) -> list[Any]:
        """Align a body row's cells (wrapped columns wrap; others top, centred ones stay)."""
        for col, c in enumerate(cells, 1):
            if col in self.wrap:
                _styled(self.styles, c, "wrap", self._wrap)
            else:
                _styled(self.styles, c, "top", self._top)
        return cells

    def _wrap(self, c: Any) -> None:
        c.alignment = self.wrapped

    def _top(self, c: Any) -> None:
        if c.alignment.horizontal != "center":
            c.alignment = self.top

    def style(self, c: Any, change: str, apply: Callable[[Any], None]) -> None:
        """Apply a named style change to a cell (registered once per starting style)."""
        _styled(self.styles, c, change, apply)

    def append(self, cells: list[Any]) -> None:
        """Append a body row, as tall as its longest wrapped cell (spreadsheets do not grow rows
        for wrapped text they did not lay out themselves)."""
        lines = 1
        for col, c in enumerate(cells, 1):
            if col in self.wrap and isinstance(c.value, str) and c.value:
                per_line = max(1.0, self.widths[col - 1] - 1)
                lines = max(lines, -(-width(c.value) // int(per_line)))
        self.rows += 1
        dims = self.ws.row_dimensions
        dims[self.rows].height = 15 * min(lines, 12)
        self.ws.append(cells)
        del dims[self.rows]  # written: keep no per-row state

    def close(self, filters: bool = True) -> None:
        """Set the auto-filter over what was written."""
        from openpyxl.utils import get_column_letter

        if filters:
            self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.widths))}{self.rows}"


class SummaryWorkbook:
    """The batch workbook, fed one report at a time in the order the rows should appear.

    Parameters
    ----------
    columns : sequence of (key, header)
        The summary columns.
    widths, wrap : sequence of float, set of int
        Column widths of the summary, and the (1-based) columns that wrap.
    """

    def __init__(
        self, columns: Sequence[tuple[str, str]], widths: Sequence[float], wrap: set[int]
    ) -> None:
        from openpyxl import Workbook

        self.keys = [k for k, _ in columns]
        self.wb = Workbook(write_only=True)
        self.summary = _Sheet(self.wb, "汇总", widths, wrap)
        self.summary.header([h for _, h in columns])
        self.evidence = _Sheet(self.wb, "证据", _EV_WIDTHS, _EV_WRAP)
        self.evidence.header(EVIDENCE_HEADS)
        self._legend()
        self.data = _Sheet(self.wb, "数据", [14] * len(self.keys), set())
        self.data.header(self.keys, styled=False)

    def _legend(self) -> None:
        from openpyxl.styles import PatternFill

        lg = _Sheet(self.wb, "说明", (22, 90), {2})
        lg.header(["项目", "说明"])
        fills = list(STATUS_FILL.values())
        for r, (item, text) in enumerate(LEGEND):
            first = lg.cell(item)
            if r < len(fills):
                first.fill = PatternFill("solid", fgColor=fills[r])
            lg.append(lg.body([first, lg.cell(text)]))
        lg.close(filters=False)

    def add(
        self,
        row: dict[str, str],
        cells: list[str],
        evidence: list[list[object]] = (),  # type: ignore[assignment]
        link: str | None = None,
    ) -> None:
        """Add one report: its summary row (``cells`` as shown, ``row`` for the ids) and its
        evidence rows. Raises (writing nothing) when the workbook refuses one of its cells."""
        from openpyxl.styles import Alignment, PatternFill

        from fzgap.analyze.render.table import status_fill

        s, e, d = self.summary, self.evidence, self.data
        top = []
        for key, value in zip(self.keys, cells):
            if key == "source":
                top.append(s.cell(file_name(value), link))
            elif key == "year":
                top.append(s.cell(int(value) if value.isdigit() else None))
            else:
                c = s.cell(value)
                fill = status_fill(value) if key in AREAS else None
                if fill:

                    def paint(c: Any, fill: str = fill) -> None:
                        c.fill = PatternFill("solid", fgColor=fill)
                        c.alignment = Alignment(horizontal="center", vertical="top")

                    s.style(c, "fill " + fill, paint)
                top.append(c)
        ev = self._evidence(row["source"], evidence, link)
        data = [
            d.cell(int(row[k]) if k == "year" and row[k].isdigit() else row[k]) for k in self.keys
        ]
        s.append(s.body(top))
        for r in ev:
            e.append(r)
        d.append(d.body(data))

    def add_evidence(
        self, source: str, evidence: list[list[object]], link: str | None = None
    ) -> None:
        """Add the evidence rows of one report on their own (see :func:`evidence_rows`)."""
        for r in self._evidence(source, evidence, link):
            self.evidence.append(r)

    def _evidence(
        self, source: str, evidence: list[list[object]], link: str | None
    ) -> list[list[Any]]:
        e, name = self.evidence, file_name(source)
        rows = []
        for n, values in enumerate(evidence):
            # The file links from the first row of its block only: a hyperlink is held in memory
            # until the workbook is saved, and one per evidence row grew the batch's memory.
            r = [e.cell(name, link if n == 0 else None)] + [e.cell(v) for v in values]
            e.style(r[5], "0.00", _two_decimals)
            rows.append(e.body(r))
        return rows

    def save(self, target: str | os.PathLike[str] | IO[bytes]) -> None:
        """Finish the sheets and write the workbook."""
        self.summary.close()
        self.evidence.close()
        self.data.close(filters=False)
        self.wb.save(target)
