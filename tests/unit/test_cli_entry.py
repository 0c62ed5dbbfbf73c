"""The console command: the same output and exit codes as ``main``, ended without teardown only
when nothing else runs, and numpy's BLAS threads held to one outside training."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import fzgap.cli as cli

LINES = "全年办理行政复议案件66件，纠错率12%。\n组织旁听庭审活动3次。\n"


class _Exited(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


@pytest.fixture()
def exits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record how :func:`cli.entry` ends instead of ending the test process."""
    seen: list[str] = []

    def quick(code: int) -> None:
        seen.append(f"quick {code}")
        raise _Exited(code)

    monkeypatch.setattr(cli.os, "_exit", quick)
    monkeypatch.setattr(cli, "main", lambda argv: 0 if argv[0] != "users" else 2)
    return seen


def _run(monkeypatch: pytest.MonkeyPatch, seen: list[str], *argv: str) -> None:
    monkeypatch.setattr(sys, "argv", ["fzgap", *argv])
    try:
        cli.entry()
    except SystemExit as exc:
        seen.append(f"teardown {exc.code}")
    except _Exited:
        pass


def test_a_finished_classify_or_analyze_ends_without_teardown(monkeypatch, exits) -> None:
    # This test process may hold other tests' threads: what runs is tested apart, below.
    monkeypatch.setattr(cli, "_nothing_running", lambda: True)
    _run(monkeypatch, exits, "classify", "x.txt")
    _run(monkeypatch, exits, "analyze", "x.txt")
    assert exits == ["quick 0", "quick 0"]


def test_other_commands_and_running_threads_get_the_full_teardown(monkeypatch, exits) -> None:
    monkeypatch.setattr(cli, "_nothing_running", lambda: True)
    _run(monkeypatch, exits, "users", "list")
    monkeypatch.setattr(cli, "_nothing_running", lambda: False)
    _run(monkeypatch, exits, "classify", "x.txt")
    assert exits == ["teardown 2", "teardown 0"]


def test_a_thread_or_a_child_process_counts_as_running() -> None:
    code = (
        "import multiprocessing, threading, time\n"
        "from fzgap.cli import _nothing_running\n"
        "alone = _nothing_running()\n"
        "stop = threading.Event()\n"
        "t = threading.Thread(target=stop.wait); t.start()\n"
        "thread = _nothing_running(); stop.set(); t.join()\n"
        "p = multiprocessing.get_context('fork').Process(target=time.sleep, args=(5,)); p.start()\n"
        "child = _nothing_running(); p.terminate(); p.join()\n"
        "print(alone, thread, child, _nothing_running())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False", "False", "True"]


@pytest.mark.parametrize(
    ("command", "preset", "want"),
    [("classify", None, "1"), ("train", None, None), ("analyze", "4", "4")],
)
def test_blas_threads_are_one_outside_training_unless_set(
    monkeypatch, exits, command: str, preset: str | None, want: str | None
) -> None:
    for name in cli._BLAS_THREADS:
        monkeypatch.setenv(name, "0")  # recorded, so that the test's own setting is undone
        monkeypatch.delenv(name)
    if preset:
        monkeypatch.setenv("OMP_NUM_THREADS", preset)
    _run(monkeypatch, exits, command, "x.txt")
    assert cli.os.environ.get("OPENBLAS_NUM_THREADS") == (None if preset else want)


def test_the_process_writes_every_line_and_exits_as_main_does(tmp_path: Path, capsys) -> None:
    src = tmp_path / "p.txt"
    src.write_text(LINES, encoding="utf-8")
    assert cli.main(["classify", str(src), "--format", "tsv"]) == 0
    want = capsys.readouterr().out
    run = subprocess.run(
        [sys.executable, "-m", "fzgap", "classify", str(src), "--format", "tsv"],
        capture_output=True,
        text=True,
    )
    assert (run.returncode, run.stdout, run.stderr) == (0, want, "")
    assert run.stdout.count("\n") == 3  # the header and both lines, flushed before the end
    bad = subprocess.run(
        [sys.executable, "-m", "fzgap", "classify", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "missing.txt" in bad.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    src = tmp_path / "p.txt"
    src.write_text(LINES * 3000, encoding="utf-8")
    run = subprocess.run(
        f"{sys.executable} -m fzgap classify {src} | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert len(run.stdout) == 10 and "Traceback" not in run.stderr


@pytest.mark.parametrize("closed", [">&-", "2>&-"])
def test_a_closed_stdout_or_stderr_does_not_fail_a_finished_command(
    tmp_path: Path, closed: str
) -> None:
    src, out = tmp_path / "p.txt", tmp_path / "c.tsv"
    src.write_text(LINES, encoding="utf-8")
    run = subprocess.run(
        f"{sys.executable} -m fzgap classify {src} --format tsv --out {out} {closed}",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and "Traceback" not in run.stderr
    assert out.read_text(encoding="utf-8").count("\n") == 3


def test_output_lost_on_the_last_flush_exits_120(monkeypatch: pytest.MonkeyPatch) -> None:
    class Full:
        def flush(self) -> None:
            raise OSError(28, "No space left on device")

    class Gone:
        def flush(self) -> None:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", Full())
    monkeypatch.setattr(sys, "stderr", None)
    assert (cli._flushed(0), cli._flushed(1)) == (120, 1)
    monkeypatch.setattr(sys, "stdout", Gone())
    assert cli._flushed(0) == 0
