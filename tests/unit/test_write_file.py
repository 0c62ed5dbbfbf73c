"""Atomic writes: the file whole or absent, the umask's mode, a one-line error naming the cause."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from fzgap.analyze import output
from fzgap.analyze.output import OutputError, write_file, write_output


def test_written_whole_with_the_umask_mode_and_no_temporary_left(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_output("审查结果\n", tmp_path / "a.txt")
        write_file(b"new", tmp_path / "a.txt")  # replaces
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").read_bytes() == b"new"
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_temporary_name_left_by_another_process_is_skipped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(output, "_serial", itertools.count(7))
    stale = tmp_path / f".a.txt.{os.getpid()}-7.tmp"
    stale.write_text("half", encoding="utf-8")
    write_file(b"whole", tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_bytes() == b"whole"
    assert stale.read_text(encoding="utf-8") == "half"


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda d: (d / "x").mkdir(), "这是一个文件夹"),
        (lambda d: None, "不存在"),
        (lambda d: (d / "x").write_text("", encoding="utf-8"), "是文件而不是文件夹"),
    ],
    ids=["folder", "no-folder", "under-a-file"],
)
def test_failures_name_their_cause_and_leave_nothing(tmp_path: Path, make, says: str) -> None:
    make(tmp_path)
    target = tmp_path / "x" if says == "这是一个文件夹" else tmp_path / "x" / "a.txt"
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(OutputError, match=says) as exc:
        write_file(b"data", target)
    assert "\n" not in str(exc.value)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
