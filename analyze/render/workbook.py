"""The batch workbook written row by row as reports arrive, so that its memory stays flat in the
number of reports: 汇总, 证据, 说明 and 数据 sheets, ready to print. Each sheet's rows stream to a
temporary file (:mod:`~fzgap.analyze.render.xlsx_package`) and the package is assembled on save."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO

from fzgap.analyze.constants import STATUS_FILL, STATUS_ZH
from fzgap.analyze.records import AuditReport, file_name
from fzgap.analyze.render._width import width
from fzgap.analyze.render.xlsx_package import StyleTable, write_package
from fzgap.analyze.render.xlsx_sheet import SheetStream, clean, xml_safe
from fzgap.model.areas import AREAS, SECTION_NAMES_ZH

__all__ = ["SummaryWorkbook", "evidence_rows", "EVIDENCE_HEADS", "LEGEND"]

EVIDENCE_HEADS = ("文件", "领域", "结论", "段落", "部分", "得分", "证据句", "具体事实（原文短语）")
_EV_WIDTHS = (16, 8, 6, 5, 10, 6, 56, 40)
_EV_WRAP = {1, 5, 7, 8}
_TWO_DECIMALS = 2  # the built-in number format "0.00"
#: How a body cell looks before its column's alignment: (link, fill colour, number format, centred).
_Look = tuple[bool, str | None, int, bool]
_PLAIN: _Look = (False, None, 0, False)
_Cell = tuple[object, _Look]


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


class _Sheet:
    """One streamed sheet: its columns' widths and wraps, the formats of its cells, row heights."""

    def __init__(
        self,
        styles: StyleTable,
        title: str,
        widths: Sequence[float],
        wrap: set[int],
        filtered: bool,
    ) -> None:
        self.stream = SheetStream(title, widths, filtered)
        self.styles, self.widths, self.wrap = styles, list(widths), wrap
        # Characters per line of each wrapped column (0: the column does not wrap).
        self.per_line = [
            int(max(1.0, w - 1)) if col in wrap else 0 for col, w in enumerate(self.widths, 1)
        ]
        self.formats: dict[tuple[int, _Look], int] = {}

    @property
    def rows(self) -> int:
        """Rows written so far, the header included."""
        return self.stream.rows

    def header(self, names: Sequence[str], styled: bool = True) -> None:
        """The first row: bold on grey, centred (plain on the data sheet)."""
        style = (
            self.styles.xf("bold", "E0E0E0", horizontal="center", vertical="center", wrap=True)
            if styled
            else 0
        )
        self.stream.write(self.stream.row(1, [(n, style) for n in names], None), 1)

    def _format(self, col: int, look: _Look) -> int:
        """The format of a body cell: wrapped columns wrap at the top (a centring is dropped);
        the others keep their centring, aligned to the top."""
        key = (col, look)
        found = self.formats.get(key)
        if found is None:
            link, fill, fmt, centred = look
            wrap = col in self.wrap
            found = self.formats[key] = self.styles.xf(
                "link" if link else "normal",
                fill,
                fmt,
                horizontal="center" if centred and not wrap else None,
                vertical="top",
                wrap=wrap,
            )
        return found

    def render(self, offset: int, cells: Sequence[_Cell]) -> str:
        """Body row ``rows + 1 + offset``, as tall as its longest wrapped cell (spreadsheets do
        not grow rows for wrapped text they did not lay out themselves); not yet written."""
        lines, out = 1, []
        for col, (value, look) in enumerate(cells, 1):
            if isinstance(value, str):
                value = clean(value)
                per_line = self.per_line[col - 1]
                if per_line and value:
                    lines = max(lines, -(-width(value) // per_line))
            out.append((value, self._format(col, look)))
        return self.stream.row(self.rows + 1 + offset, out, 15 * min(lines, 12), cleaned=True)


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
        self.keys = [k for k, _ in columns]
        self.styles = StyleTable()
        self.summary = _Sheet(self.styles, "汇总", widths, wrap, True)
        self.summary.header([h for _, h in columns])
        self.evidence = _Sheet(self.styles, "证据", _EV_WIDTHS, _EV_WRAP, True)
        self.evidence.header(EVIDENCE_HEADS)
        self.legend = self._legend()
        self.data = _Sheet(self.styles, "数据", [14] * len(self.keys), set(), False)
        self.data.header(self.keys, styled=False)

    def _legend(self) -> _Sheet:
        lg = _Sheet(self.styles, "说明", (22, 90), {2}, False)
        lg.header(["项目", "说明"])
        fills = list(STATUS_FILL.values())
        for r, (item, text) in enumerate(LEGEND):
            look = (False, fills[r], 0, False) if r < len(fills) else _PLAIN
            lg.stream.write(lg.render(0, [(item, look), (text, _PLAIN)]), 1)
        return lg

    def add(
        self,
        row: dict[str, str],
        cells: list[str],
        evidence: list[list[object]] = (),  # type: ignore[assignment]
        link: str | None = None,
    ) -> None:
        """Add one report: its summary row (``cells`` as shown, ``row`` for the ids) and its
        evidence rows. Raises ValueError (writing nothing) when a cell cannot hold one of its
        values."""
        from fzgap.analyze.render.table import status_fill

        link = _link(link)
        top: list[_Cell] = []
        for key, value in zip(self.keys, cells):
            if key == "source":
                top.append((file_name(value), (bool(link), None, 0, False)))
            elif key == "year":
                top.append((int(value) if value.isdigit() else None, _PLAIN))
            else:
                fill = status_fill(value) if key in AREAS else None
                top.append((value, (False, fill, 0, True) if fill else _PLAIN))
        # Every row is rendered before any is written: a refused cell leaves no trace.
        summary = self.summary.render(0, top)
        ev, ev_links = self._evidence(row["source"], evidence, link)
        data = self.data.render(
            0,
            [
                (int(row[k]) if k == "year" and row[k].isdigit() else row[k], _PLAIN)
                for k in self.keys
            ],
        )
        at = f"A{self.summary.rows + 1}"
        self.summary.stream.write(summary, 1, [(at, link)] if link else ())
        self.evidence.stream.write(ev, len(evidence), ev_links)
        self.data.stream.write(data, 1)

    def add_evidence(
        self, source: str, evidence: list[list[object]], link: str | None = None
    ) -> None:
        """Add the evidence rows of one report on their own (see :func:`evidence_rows`)."""
        xml, links = self._evidence(source, evidence, _link(link))
        self.evidence.stream.write(xml, len(evidence), links)

    def _evidence(
        self, source: str, evidence: list[list[object]], link: str | None
    ) -> tuple[str, list[tuple[str, str]]]:
        """The XML of a report's evidence rows, and the hyperlink of its first."""
        e, name = self.evidence, file_name(source)
        # The file links from the first row of its block only, one link per report.
        first: _Look = (bool(link), None, 0, False)
        rows = [
            e.render(
                n,
                [(name, first if n == 0 else _PLAIN)]
                + [
                    (v, (False, None, _TWO_DECIMALS if i == 4 else 0, False))
                    for i, v in enumerate(values)
                ],
            )
            for n, values in enumerate(evidence)
        ]
        links = [(f"A{e.rows + 1}", link)] if link and evidence else []
        return "".join(rows), links

    def save(self, target: str | os.PathLike[str] | IO[bytes]) -> None:
        """Write the workbook: its sheets, in order, with their filters and links."""
        sheets = [self.summary, self.evidence, self.legend, self.data]
        try:
            write_package(target, [s.stream for s in sheets], self.styles)
        finally:
            for s in sheets:
                s.stream.close()


def _link(target: str | None) -> str | None:
    """A link's target, None when it holds characters XML cannot (it would point elsewhere)."""
    return target if target and xml_safe(target) == target else None
