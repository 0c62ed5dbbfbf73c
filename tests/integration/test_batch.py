"""Batches: a broken file among good ones, summary CSV/XLSX read back, resume, dask, --fail-on."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from fzgap.analyze.batch import collect_inputs, run_batch
from fzgap.cli import main

ROOT = Path(__file__).resolve().parents[2]
EX = ROOT / "examples"
# the batch tests pin what happens to these three; examples/ holds more samples
THREE = ("linjiang-market-2022.txt", "qinghe-county-2024.txt", "shuangfeng-town-2023.txt")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    for name in THREE:
        shutil.copy(EX / name, d / name)
    (d / "broken.docx").write_bytes(b"PK\x03\x04word/document.xml" + b"\x00" * 64)
    (d / "notes.csv").write_text(
        "not a report", encoding="utf-8"
    )  # ignored: not a report file type
    return d


def test_collect_inputs_expands_folders_sorted(folder: Path) -> None:
    names = [p.name for p in collect_inputs([str(folder)])]
    assert names == sorted(names) and "notes.csv" not in names and "broken.docx" in names


def test_bad_file_never_stops_the_batch(folder: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "audits"
    code = main(["analyze", str(folder), "--out", str(out), "--jobs", "2"])
    captured = capsys.readouterr()
    assert code == 2
    assert "broken.docx: DOCX 文件已损坏" in captured.err
    assert sorted(p.name for p in out.glob("*.json")) == [
        "linjiang-market-2022.json",
        "qinghe-county-2024.json",
        "shuangfeng-town-2023.json",
    ]
    rows = list(csv.reader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["文件", "单位", "年度"]
    by_file = {Path(r[0]).name: r for r in rows[1:]}
    assert "已损坏" in by_file["broken.docx"][-1]
    assert by_file["shuangfeng-town-2023.txt"][1:3] == ["双峰镇", "2023"]
    assert by_file["shuangfeng-town-2023.txt"][8] == "缺失"  # first_responsibility column


def test_xlsx_summary_reads_back_with_colours_frozen_header_and_filters(
    folder: Path, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "summary.xlsx"
    assert main(["analyze", str(folder), "--format", "xlsx", "--out", str(out)]) == 2
    wb = openpyxl.load_workbook(out)
    ws = wb["汇总"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    header = [c.value for c in ws[1]]
    col = header.index("第一责任人") + 1
    cells = {Path(ws.cell(r, 1).value).name: ws.cell(r, col) for r in range(2, ws.max_row + 1)}
    assert cells["shuangfeng-town-2023.txt"].value == "缺失"
    assert cells["shuangfeng-town-2023.txt"].fill.fgColor.rgb.endswith("FFCDD2")
    assert cells["qinghe-county-2024.txt"].fill.fgColor.rgb.endswith("C8E6C9")
    assert wb["证据"].max_row > 10


def test_resume_skips_reports_already_done(folder: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "audits"
    main(["analyze", str(folder), "--out", str(out)])
    first = (out / "qinghe-county-2024.json").stat().st_mtime_ns
    capsys.readouterr()
    main(["analyze", str(folder), "--out", str(out), "--resume"])
    assert (out / "qinghe-county-2024.json").stat().st_mtime_ns == first
    assert "已审查 3 份（其中 3 份沿用上次结果），失败 1 份" in capsys.readouterr().err
    rows = (out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 5


def test_jsonl_batch_to_stdout(folder: Path, capsys) -> None:
    (folder / "broken.docx").unlink()
    assert main(["analyze", str(folder), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(ln)["document"]["source"].rsplit("/", 1)[-1] for ln in lines] == list(THREE)


def test_fail_on_levels(capsys) -> None:
    weak = str(EX / "shuangfeng-town-2023.txt")
    strong = str(EX / "qinghe-county-2024.txt")
    assert main(["analyze", weak, "--fail-on", "missing"]) == 1
    assert main(["analyze", strong, "--fail-on", "thin"]) == 0
    assert main(["analyze", strong, weak, "--fail-on", "thin"]) == 1


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_results(folder: Path) -> None:
    distributed = pytest.importorskip("distributed")
    inputs = collect_inputs([str(folder)])
    local = {i.source: (i.report.statuses if i.report else i.error) for i in run_batch(inputs)}
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        remote = {
            i.source: (i.report.statuses if i.report else i.error)
            for i in run_batch(inputs, backend="dask", scheduler=cluster.scheduler_address)
        }
    assert remote == local
    assert sum(isinstance(v, str) for v in remote.values()) == 1
