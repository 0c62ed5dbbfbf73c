"""The workbook writer: refused cells leave no trace, text survives escaping, bytes are stable."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from fzgap.analyze.records import AuditReport
from fzgap.analyze.render.table import render_xlsx, summary_cells, summary_row, summary_workbook
from fzgap.analyze.render.workbook import evidence_rows


def _saved(book) -> openpyxl.Workbook:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    book.save(buf)
    return openpyxl.load_workbook(io.BytesIO(buf.getvalue()))


def _record(source: str, audit: AuditReport) -> tuple[dict[str, str], list[list[object]]]:
    """A summary row and its evidence as the batch reads them back from its spill file."""
    rec = json.loads(json.dumps([summary_row(source, audit), evidence_rows(audit)]))
    return rec[0], rec[1]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), object()], ids=["nan", "inf", "obj"])
def test_a_refused_cell_leaves_no_trace_of_its_report(sample_audit: AuditReport, bad) -> None:  # type: ignore[no-untyped-def]
    row, ev = _record("a/qinghe-county-2024.txt", sample_audit)
    book = summary_workbook()
    book.add(row, summary_cells(row), ev, "first.md")
    broken = [list(r) for r in ev]
    broken[-1][4] = bad
    with pytest.raises(ValueError):
        book.add(row, summary_cells(row), broken, "broken.md")
    book.add(row, summary_cells(row), ev[:2], "third.md")
    wb = _saved(book)
    summary, evidence, data = wb["汇总"], wb["证据"], wb["数据"]
    assert summary.max_row == 3 and data.max_row == 3
    assert evidence.max_row == 1 + len(ev) + 2
    assert [summary.cell(r, 1).hyperlink.target for r in (2, 3)] == ["first.md", "third.md"]
    assert evidence.cell(2 + len(ev), 1).hyperlink.target == "third.md"
    assert summary.auto_filter.ref == "A1:M3"
    assert evidence.auto_filter.ref == f"A1:H{1 + len(ev) + 2}"


def test_text_survives_escaping_and_what_xml_cannot_hold_is_dropped(
    sample_audit: AuditReport,
) -> None:
    row, ev = _record("a/qinghe-county-2024.txt", sample_audit)
    tricky = "  <b>甲&乙</b> \"引号\" '单'\r\n\t]]> "
    row["unit"] = tricky
    row["title"] = '=HYPERLINK("http://example.invalid","x")'
    row["notes"] = "孤\ud800立\x01代理\udfff字"
    row["form"] = "长" * 40000
    ev[0][5] = tricky
    book = summary_workbook()
    book.add(row, summary_cells(row), ev, '报告 & "引号" <1>.md')
    book.add(row, summary_cells(row), ev[:1], "控制\x01字符.md")
    wb = _saved(book)
    ws = wb["汇总"]
    assert ws["B2"].value == tricky and ws["B2"].data_type == "s"
    assert ws["D2"].value == row["title"] and ws["D2"].data_type == "s"
    assert ws["L2"].value == "孤立代理字"
    assert ws["K2"].value == "长" * 32767  # as long as a cell holds, as before
    assert ws["A2"].hyperlink.target == '报告 & "引号" <1>.md'
    assert ws["A3"].hyperlink is None and ws["A3"].style == "Normal"  # no link to a wrong file
    assert wb["证据"]["G2"].value == tricky
    assert wb["数据"]["B2"].value == tricky


def test_empty_cells_and_numbers_read_back_as_before(sample_audit: AuditReport) -> None:
    failed = summary_row("b/broken.docx", None, "DOCX 文件已损坏")
    row, ev = _record("a/qinghe-county-2024.txt", sample_audit)
    book = summary_workbook()
    book.add(failed, summary_cells(failed))
    book.add(row, summary_cells(row), ev)
    wb = _saved(book)
    ws, data = wb["汇总"], wb["数据"]
    assert ws["C2"].value is None and ws["B2"].value is None and ws["M2"].value == "DOCX 文件已损坏"
    assert ws["C3"].value == 2024 and data["C3"].value == 2024 and data["C2"].value is None
    scores = [r[5].value for r in wb["证据"].iter_rows(min_row=2)]
    assert scores == [r[4] for r in ev]


def test_the_same_rows_give_the_same_bytes(sample_audit: AuditReport) -> None:
    rows = [summary_row("a/qinghe-county-2024.txt", sample_audit)]
    evidence = [("a/qinghe-county-2024.txt", sample_audit)]
    first = render_xlsx(rows, evidence, {"a/qinghe-county-2024.txt": "q.md"})
    assert render_xlsx(rows, evidence, {"a/qinghe-county-2024.txt": "q.md"}) == first
    assert first[:2] == b"PK"


def test_a_report_the_workbook_refuses_becomes_an_error_row(
    sample_audit: AuditReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fzgap.analyze import batch_writer
    from fzgap.analyze.batch import BatchItem

    def poisoned(audit: AuditReport) -> list[list[object]]:
        rows = evidence_rows(audit)
        if audit.structure.year == 2024:
            rows[0][4] = float("nan")
        return rows

    monkeypatch.setattr(batch_writer, "evidence_rows", poisoned)
    ex = Path(__file__).resolve().parents[2] / "examples"
    inputs = [ex / "qinghe-county-2024.txt", ex / "shuangfeng-town-2023.txt"]
    from fzgap.analyze import analyze_file

    out = tmp_path / "out"
    out.mkdir()
    writer = batch_writer.BatchWriter("json", out, inputs)
    for p in inputs:
        writer.add(BatchItem(str(p), sample_audit if p == inputs[0] else analyze_file(p)))
    writer.finish()
    ws = openpyxl.load_workbook(out / "summary.xlsx")["汇总"]
    assert ws.max_row == 3
    assert ws["A2"].value == "qinghe-county-2024.txt"
    assert ws["M2"].value == "汇总表无法写入这份报告的内容（ValueError）"
    assert ws["B3"].value == "双峰镇"
    assert [s for s, _ in writer.errors] == [str(inputs[0])]
