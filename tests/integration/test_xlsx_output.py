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
