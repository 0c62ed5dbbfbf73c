"""Faults: a batch killed mid-way resumes exactly where it stopped; read-only, full and misplaced
output folders get one line; two batches never share a folder."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fzgap.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "qinghe-county-2024.txt"


def _folder(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "reports"
    d.mkdir()
    for i in range(n):
        shutil.copy(SAMPLE, d / f"r{i:02d}.txt")
    return d


@pytest.mark.slow
def test_sigkill_mid_batch_then_resume_does_each_report_once(tmp_path: Path) -> None:
    src, out = _folder(tmp_path, 40), tmp_path / "audits"
    cmd = [sys.executable, "-c", "import sys; from fzgap.cli import main; sys.exit(main())"]
    proc = subprocess.Popen([*cmd, "analyze", str(src), "--out", str(out)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while len(list(out.glob("r*.json"))) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("r*.json")}
    assert 5 <= len(before) < 40
    for p in out.glob("r*.json"):  # every file there is whole
        json.loads(p.read_text(encoding="utf-8"))
    done = subprocess.run(
        [*cmd, "analyze", str(src), "--out", str(out), "--resume"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"其中 {len(before)} 份沿用上次结果" in done.stderr
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("r*.json")}
    assert len(after) == 40
    assert all(after[k] == v for k, v in before.items())  # none redone
    assert not list(out.glob(".*.tmp"))  # no partial file left
    assert (out / "summary.csv").read_text(encoding="utf-8-sig").count("\n") == 41


@pytest.mark.slow
def test_a_killed_batch_leaves_no_worker_behind_and_no_lock(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    src, out = _folder(tmp_path, 40), tmp_path / "audits"
    cmd = [sys.executable, "-c", "import sys; from fzgap.cli import main; sys.exit(main())"]
    proc = subprocess.Popen(
        [*cmd, "analyze", str(src), "--out", str(out), "--jobs", "2"], stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while len(list(out.glob("r*.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers  # the batch runs in worker processes
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive  # the workers end with the batch
    # The folder's lock went with the batch: the next one may start at once.
    assert main(["analyze", str(src), "--out", str(out), "--resume", "--jobs", "1"]) == 0


def test_full_disk_is_one_line_and_leaves_no_file(tmp_path: Path, capsys, monkeypatch) -> None:
    import fzgap.analyze.output as output

    def full(fd: int, mode: str):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fdopen", full)
    target = tmp_path / "a.json"
    assert main(["analyze", str(SAMPLE), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "磁盘已满" in err
    assert list(tmp_path.iterdir()) == []


def test_read_only_output_folder_fails_before_any_work(tmp_path: Path, capsys) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    src, out = _folder(tmp_path, 2), tmp_path / "ro"
    out.mkdir(mode=0o500)
    assert main(["analyze", str(src), "--out", str(out)]) == 2
    assert "无法写入输出文件夹" in capsys.readouterr().err


def test_out_folder_under_a_file_or_on_a_file(tmp_path: Path, capsys) -> None:
    src = _folder(tmp_path, 2)
    (tmp_path / "f").write_text("x", encoding="utf-8")
    assert main(["analyze", str(src), "--out", str(tmp_path / "f" / "audits")]) == 2
    assert "是文件而不是文件夹" in capsys.readouterr().err
    assert main(["analyze", str(src), "--out", str(tmp_path / "f")]) == 2
    assert "这里需要文件夹" in capsys.readouterr().err


def test_output_never_overwrites_an_input(tmp_path: Path, capsys) -> None:
    src = _folder(tmp_path, 2)
    before = (src / "r00.txt").read_bytes()
    assert main(["analyze", str(src), "--out", str(src)]) == 2
    assert "输入文件夹" in capsys.readouterr().err
    assert main(["analyze", str(src / "r00.txt"), "--out", str(src / "r00.txt")]) == 2
    assert "会覆盖原报告" in capsys.readouterr().err
    assert (src / "r00.txt").read_bytes() == before
    assert sorted(p.name for p in src.iterdir()) == ["r00.txt", "r01.txt"]


def test_extension_chooses_the_format_or_conflicts(tmp_path: Path, capsys) -> None:
    x = tmp_path / "x.html"
    assert main(["analyze", str(SAMPLE), "--out", str(x)]) == 0
    assert x.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    src = _folder(tmp_path, 2)
    book = tmp_path / "all.xlsx"
    assert main(["analyze", str(src), "--out", str(book)]) == 0
    assert book.read_bytes()[:2] == b"PK"
    assert main(["analyze", str(SAMPLE), "--format", "json", "--out", str(tmp_path / "a.md")]) == 2
    assert "扩展名表示 md 格式" in capsys.readouterr().err


def test_a_second_batch_on_a_locked_folder_is_refused(tmp_path: Path, capsys) -> None:
    from fzgap.cli._paths import FolderLock

    src, out = _folder(tmp_path, 2), tmp_path / "audits"
    with FolderLock(out):
        code = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from fzgap.cli import main; sys.exit(main())",
                "analyze",
                str(src),
                "--out",
                str(out),
            ],  # fmt: skip
            capture_output=True,
            text=True,
            check=False,
        )
    assert code.returncode == 2 and "另一个 fzgap 批处理" in code.stderr
    assert code.stderr.count("\n") == 1
    assert main(["analyze", str(src), "--out", str(out)]) == 0  # released: works again


def test_output_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert main(["analyze", str(SAMPLE), "--out", str(tmp_path / "a.txt")]) == 0
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


def test_nul_in_evidence_never_sinks_the_summary(tmp_path: Path, capsys) -> None:
    src = _folder(tmp_path, 2)
    text = SAMPLE.read_text(encoding="utf-8").replace("办理", "办\x00理", 1)
    (src / "r01.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "audits"
    main(["analyze", str(src), "--out", str(out)])
    assert (out / "summary.xlsx").is_file() and (out / "summary.csv").is_file()
    assert (out / "r00.json").is_file()
