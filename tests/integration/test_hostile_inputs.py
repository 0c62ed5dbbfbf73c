"""Hostile inputs, generated here: each gets one clear error (or a correct audit), never a hang,
a traceback or a silent loss of text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from fzgap.analyze.batch import time_budget
from fzgap.analyze.coverage._evidence import strong_facts
from fzgap.analyze.errors import (
    CorruptDocumentError,
    EncodingDetectionError,
    HostileDocumentError,
    NotChineseError,
    TimeBudgetError,
)
from fzgap.analyze.ingest import load_document
from fzgap.analyze.ingest._bounds import MAX_BLOCK_CHARS
from fzgap.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "examples" / "qinghe-county-2024.txt").read_text(encoding="utf-8")


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


ALIAS_LOOP = _pdf(
    [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 4 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox 4 0 R /Contents 4 0 R >>",
        b"4 0 R",
    ]
)
PAGES_LOOP = _pdf(
    [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
    ]
)


def _docx(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_pdf_reference_loop_is_stopped_by_the_time_budget() -> None:
    with pytest.raises(TimeBudgetError, match="超过 1 秒"), time_budget(1, "loop.pdf"):
        load_document(ALIAS_LOOP, name="loop.pdf")


def test_pdf_reference_loop_in_a_batch_fails_alone(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "loop.pdf").write_bytes(ALIAS_LOOP)
    (src / "good.txt").write_text(SAMPLE, encoding="utf-8")
    code = main(["analyze", str(src), "--out", str(tmp_path / "out"), "--timeout", "2"])
    err = capsys.readouterr().err
    assert code == 2 and "loop.pdf: 处理超过 2 秒" in err
    assert (tmp_path / "out" / "good.json").is_file()


@pytest.mark.slow
def test_pdf_reference_loop_on_a_dask_cluster_fails_alone(tmp_path: Path) -> None:
    # A dask worker runs reports in a thread the alarm cannot reach: the parent keeps the clock.
    distributed = pytest.importorskip("distributed")
    from fzgap.analyze.batch import run_batch

    (tmp_path / "loop.pdf").write_bytes(ALIAS_LOOP)
    (tmp_path / "good.txt").write_text(SAMPLE, encoding="utf-8")
    inputs = [tmp_path / "loop.pdf", tmp_path / "good.txt"]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        items = {
            Path(i.source).name: i
            for i in run_batch(
                inputs, backend="dask", scheduler=cluster.scheduler_address, timeout=3
            )
        }
    assert items["good.txt"].report is not None
    assert items["loop.pdf"].report is None and "处理超过 3 秒" in (items["loop.pdf"].error or "")


def test_pdf_page_tree_loop_is_called_damaged_not_scanned() -> None:
    with pytest.raises(CorruptDocumentError, match="页面目录已损坏"):
        load_document(PAGES_LOOP, name="tree.pdf")


def test_docx_zip_bomb_is_refused_before_inflating() -> None:
    bomb = _docx(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document>" + b" " * (300 * 1024 * 1024),
        }
    )
    assert len(bomb) < 2 * 1024 * 1024
    with pytest.raises(HostileDocumentError, match="压缩炸弹"):
        load_document(bomb, name="bomb.docx")


def test_docx_missing_its_parts_says_which() -> None:
    with pytest.raises(CorruptDocumentError, match="word/document.xml"):
        load_document(_docx({"[Content_Types].xml": b"<Types/>"}), name="empty.docx")


@pytest.mark.parametrize("n", [10_000])
def test_deeply_nested_html_keeps_every_paragraph(n: int) -> None:
    body = "<p>第一段，全面推进依法行政。</p>" + "<div>" * n
    body += "<p>深处一段，办理行政复议案件12件。</p>" + "</div>" * n + "<p>最后一段。</p>"
    doc = load_document(f"<html><body>{body}</body></html>".encode(), name="deep.html")
    assert [b.text for b in doc.blocks] == [
        "第一段，全面推进依法行政。",
        "深处一段，办理行政复议案件12件。",
        "最后一段。",
    ]


def test_unclosed_tags_never_drop_text() -> None:
    html = "<html><body>" + "<b>加强" * 5000 + "<p>尾段：办理案件3件。</p></body></html>"
    doc = load_document(html.encode(), name="unclosed.html")
    assert doc.text.count("加强") == 5000 and "尾段：办理案件3件。" in doc.text


def test_a_long_menu_is_chrome() -> None:
    menu = "<ul>" + "".join(f'<li><a href="/{i}">栏目{i}</a></li>' for i in range(20_000))
    page = f"<html><body>{menu}</ul><p>一、主要举措。全面推进依法行政工作。</p></body></html>"
    doc = load_document(page.encode(), name="menu.html")
    assert [b.text for b in doc.blocks] == ["一、主要举措。全面推进依法行政工作。"]


def test_a_few_bad_bytes_in_utf8_are_located() -> None:
    data = SAMPLE.encode()
    bad = data[:300] + b"\xff\xfe\xfd" + data[300:]
    with pytest.raises(EncodingDetectionError, match=r"不是有效的 UTF-8.*第 \d+ 行"):
        load_document(bad, name="a.txt")


def test_mixed_utf8_and_gbk_is_named() -> None:
    data = SAMPLE.encode() + "二、存在的不足。依法行政仍有差距。\n".encode("gbk")
    with pytest.raises(EncodingDetectionError, match="混用了 UTF-8 和 GBK"):
        load_document(data, name="mixed.txt")


def test_a_file_without_chinese_is_not_a_report() -> None:
    with pytest.raises(NotChineseError, match="不是中文报告"):
        load_document(b"Annual report on the rule of law.\nAll areas were covered.\n", name="e.txt")


@pytest.mark.parametrize(
    "run", ["9" * 30_000, "1" + " " * 30_000, ".5" * 30_000, "（" * 30_000, "“" * 30_000]
)
def test_evidence_patterns_are_linear(run: str) -> None:
    # 30,000 characters took over 100 s with the quadratic pattern; linear, it takes milliseconds.
    # The assertion is on the result; the speed is the benchmark's business (robustness.md).
    assert strong_facts(run + "件", ("件",)) in (
        [run + "件"],
        [],
        ["5件"],
        ["1" + " " * 30_000 + "件"],
    )


def test_a_huge_single_line_is_cut_into_bounded_paragraphs() -> None:
    line = ("全面推进依法行政，办理行政复议案件12件" * 2000) + "。"
    doc = load_document(line.encode(), name="one-line.txt")
    assert max(len(b.text) for b in doc.blocks) <= MAX_BLOCK_CHARS
    assert "".join(b.text for b in doc.blocks) == line
    assert doc.notes and "切分" in doc.notes[0]


def test_cut_paragraphs_are_said_in_the_audit(tmp_path: Path, capsys) -> None:
    f = tmp_path / "long.txt"
    f.write_text(
        "一、主要举措和成效\n" + "县政府常务会议研究法治工作，" * 400 + "。\n", encoding="utf-8"
    )
    assert main(["analyze", str(f), "--format", "json"]) == 0
    assert '"notes": [' in capsys.readouterr().out


@pytest.mark.parametrize("marker", ["一、", "（一）", "1.", "①", "第一部分", "一是"])
def test_long_runs_of_heading_markers_finish(marker: str) -> None:
    from fzgap.analyze.segment import segment

    with time_budget(30, "markers"):
        report = segment(load_document((marker * 5000 + "依法行政。").encode(), name="m.txt"))
    assert report.paragraphs


def test_many_one_character_lines_become_few_paragraphs() -> None:
    doc = load_document(("法\n" * 200_000).encode(), name="lines.txt")
    assert len(doc.blocks) == 100 and doc.text.replace("\n", "") == "法" * 200_000
    assert any("极短行" in n for n in doc.notes)
