"""The batch workbook read back: print settings, wraps, types, links, sanitisation."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
EVIL_NAME = "=cmd|' calc'!A1.txt"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("in")
    for p in (ROOT / "examples").glob("*.txt"):
        shutil.copy(p, src / p.name)
    text = (ROOT / "examples" / "qinghe-county-2024.txt").read_text(encoding="utf-8")
    (src / EVIL_NAME).write_text(
        '=HYPERLINK("http://example.invalid","点击")\n' + text.replace("县长", "县长\x01"),
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("out")
    cmd = [sys.executable, "-m", "fzgap", "analyze", str(src), "--out", str(out), "--format", "md"]
    subprocess.run(cmd, check=True, capture_output=True)
    return out


def test_summary_prints_landscape_one_page_wide(batch: Path) -> None:
    wb = openpyxl.load_workbook(batch / "summary.xlsx")
    assert wb.sheetnames == ["汇总", "证据", "说明", "数据"]
    ws = wb["汇总"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    heads = [c.value for c in ws[1]]
    assert heads[:4] == ["文件", "单位", "年度", "标题"] and "第一责任人" in heads
    notes = heads.index("薄弱/缺失理由") + 1
    assert all(ws.cell(row=r, column=notes).alignment.wrap_text for r in range(2, ws.max_row + 1))


def test_cells_are_typed_and_linked(batch: Path) -> None:
    ws = openpyxl.load_workbook(batch / "summary.xlsx")["汇总"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    qinghe = rows["qinghe-county-2024.txt"]
    assert qinghe[2].value == 2024 and qinghe[2].data_type == "n"
    assert qinghe[0].hyperlink.target == "qinghe-county-2024.md"
    assert (batch / qinghe[0].hyperlink.target).exists()
    data = openpyxl.load_workbook(batch / "summary.xlsx")["数据"]
    assert [c.value for c in data[1]][:3] == ["source", "unit", "year"]
    assert {c.value for c in data["E"][1:]} <= {"covered", "thin", "missing"}


def test_formulas_from_reports_and_names_stay_text(batch: Path) -> None:
    wb = openpyxl.load_workbook(batch / "summary.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert "\x01" not in cell.value
    names = [c.value for c in wb["汇总"]["A"]]
    assert EVIL_NAME in names
    text = (batch / "summary.csv").read_bytes().decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        assert all(not cell or cell[0] not in "=+-@\t\r" for cell in row)


def test_evidence_sheet_lists_only_counting_evidence(batch: Path) -> None:
    ev = openpyxl.load_workbook(batch / "summary.xlsx")["证据"]
    sections = {r[4].value for r in ev.iter_rows(min_row=2)}
    assert sections <= {"主要举措和成效", "第一责任人履职情况"}
    facts = [r[7].value for r in ev.iter_rows(min_row=2) if r[7].value]
    assert any("行政复议申请186件" in f for f in facts)


def test_every_sheet_has_its_print_setup_frozen_header_and_widths(batch: Path) -> None:
    wb = openpyxl.load_workbook(batch / "summary.xlsx")
    widths = {
        "汇总": [18, 12, 6, 22, 9, 9, 9, 9, 9, 14, 20, 44, 30],
        "证据": [16, 8, 6, 5, 10, 6, 56, 40],
        "说明": [22, 90],
        "数据": [14] * 13,
    }
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_options.gridLines
        assert (ws.page_margins.left, ws.page_margins.right) == (0.4, 0.4)
        assert ws.print_title_rows == "$1:$1"
        letters = [openpyxl.utils.get_column_letter(i) for i in range(1, ws.max_column + 1)]
        assert [ws.column_dimensions[c].width for c in letters] == widths[ws.title]
    n_summary, n_evidence = wb["汇总"].max_row, wb["证据"].max_row
    assert n_summary == 15  # the header, 13 examples and the file named like a formula
    assert wb["汇总"].auto_filter.ref == f"A1:M{n_summary}"
    assert wb["证据"].auto_filter.ref == f"A1:H{n_evidence}"
    assert not wb["说明"].auto_filter.ref and not wb["数据"].auto_filter.ref
    assert wb["说明"].max_row == 13 and wb["数据"].max_row == n_summary


def test_header_status_and_body_cells_are_styled(batch: Path) -> None:
    wb = openpyxl.load_workbook(batch / "summary.xlsx")
    ws = wb["汇总"]
    for c in ws[1]:
        assert c.font.b and c.fill.fgColor.rgb == "00E0E0E0"
        assert (c.alignment.horizontal, c.alignment.vertical) == ("center", "center")
        assert c.alignment.wrap_text
    assert ws.row_dimensions[1].height is None
    fills = {"已覆盖": "00C8E6C9", "薄弱": "00FFF59D", "缺失": "00FFCDD2"}
    seen = set()
    for row in ws.iter_rows(min_row=2):
        for c in row[4:9]:  # the five areas
            seen.add(c.value)
            assert c.fill.fgColor.rgb == fills[c.value]
            assert (c.alignment.horizontal, c.alignment.vertical) == ("center", "top")
        assert row[2].alignment.vertical == "top" and not row[2].alignment.wrap_text
        assert row[11].alignment.wrap_text and row[11].alignment.vertical == "top"
    assert seen == set(fills)
    data = wb["数据"]
    assert not any(c.font.b or c.fill.fill_type for c in data[1])
    legend = wb["说明"]
    assert [legend.cell(r, 1).fill.fgColor.rgb for r in (2, 3, 4)] == list(fills.values())
    assert legend.cell(5, 1).fill.fill_type is None and legend.cell(2, 2).alignment.wrap_text


def test_rows_are_as_tall_as_their_longest_wrapped_cell(batch: Path) -> None:
    from fzgap.analyze.render._width import width

    wb = openpyxl.load_workbook(batch / "summary.xlsx")
    for title, wrapped in (("汇总", (1, 2, 4, 10, 11, 12, 13)), ("证据", (1, 5, 7, 8))):
        ws = wb[title]
        letters = [openpyxl.utils.get_column_letter(i) for i in wrapped]
        per_line = [int(ws.column_dimensions[c].width - 1) for c in letters]
        for r in range(2, ws.max_row + 1):
            lines = max(
                [1]
                + [
                    -(-width(v) // n)
                    for col, n in zip(wrapped, per_line)
                    if isinstance(v := ws.cell(r, col).value, str)
                ]
            )
            assert ws.row_dimensions[r].height == 15 * min(lines, 12), (title, r)
    assert {wb["数据"].row_dimensions[r].height for r in range(2, 16)} == {15}


def test_evidence_scores_and_links_of_each_report(batch: Path) -> None:
    ev = openpyxl.load_workbook(batch / "summary.xlsx")["证据"]
    rows = list(ev.iter_rows(min_row=2))
    assert all(r[5].number_format == "0.00" and r[5].data_type == "n" for r in rows)
    assert all(isinstance(r[3].value, int) and 0 <= r[5].value <= 1 for r in rows)
    firsts = [r for i, r in enumerate(rows) if i == 0 or rows[i - 1][0].value != r[0].value]
    assert len(firsts) == 14
    for r in rows:
        link = r[0].hyperlink
        if r in firsts:
            assert link.target == r[0].value.rsplit(".", 1)[0] + ".md"
            assert r[0].style == "Hyperlink" and r[0].font.color.theme == 10
        else:
            assert link is None and r[0].style == "Normal"
        assert r[0].alignment.wrap_text and r[0].alignment.vertical == "top"


def test_print_titles_and_filters_are_defined_names(batch: Path) -> None:
    import zipfile

    with zipfile.ZipFile(batch / "summary.xlsx") as zf:
        book = zf.read("xl/workbook.xml").decode("utf-8")
        assert zf.testzip() is None
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    for sheet in ("汇总", "证据", "说明", "数据"):
        assert f"'{sheet}'!$1:$1</definedName>" in book
    assert book.count('name="_xlnm._FilterDatabase"') == 2
    assert book.count('name="_xlnm.Print_Titles"') == 4


def test_the_same_batch_gives_the_same_workbook_bytes(batch: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted((ROOT / "examples").glob("*.txt"))[:3]:
        shutil.copy(p, src / p.name)
    books = []
    for name in ("a", "b"):
        cmd = [sys.executable, "-m", "fzgap", "analyze", str(src), "--out", str(tmp_path / name)]
        subprocess.run(cmd, check=True, capture_output=True)
        books.append((tmp_path / name / "summary.xlsx").read_bytes())
    assert books[0] == books[1]
