"""Cold start: `fzgap --help`, `fzgap analyze` of a text report and the review tool import only
what they use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "qinghe-county-2024.txt"
HEAVY = (
    "pandas",
    "openpyxl",
    "dask",
    "distributed",
    "lxml",
    "pdfminer",
    "pypdf",
    "pypdfium2",
    "docx",
    "sklearn",
    "scipy",
    "joblib",
)
# The command line's own function, not the console entry: that ends the process when done.
PROBE = (
    "import sys\n"
    "from fzgap.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    "heavy = {heavy!r}\n"
    "top = {{m.split('.')[0] for m in sys.modules}}\n"
    "sys.stderr.write('LOADED=' + ','.join(sorted(top & set(heavy))) + '\\n')\n"
)


def _probed(probe: str, *argv: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run a probe; the process, and the heavy modules its last LOADED= line names."""
    proc = subprocess.run(
        [sys.executable, "-c", probe.format(heavy=HEAVY), *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED=")]
    assert line, proc.stderr
    return proc, [m for m in line[-1][len("LOADED=") :].split(",") if m]


def _loaded(*argv: str) -> list[str]:
    return _probed(PROBE, *argv)[1]


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("analyze", "--help"),
        ("analyze", str(EXAMPLE)),
        ("analyze", str(EXAMPLE), "--format", "json"),
    ],
    ids=["help", "analyze-help", "analyze-text", "analyze-json"],
)
def test_only_what_is_used_is_imported(argv: tuple[str, ...]) -> None:
    assert _loaded(*argv) == []


def test_the_review_tool_starts_without_the_model_or_heavy_readers(tmp_path: Path) -> None:
    """`fzgap serve` builds its app before any upload: nothing heavy, not even the model, loads."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from fzgap.web import Settings, create_app\n"
        f"create_app(Settings(db=Path({str(tmp_path / 'review.db')!r})))\n"
        f"heavy = {HEAVY + ('numpy', 'rjieba', 'jieba', 'zhconv')!r}\n"
        "top = {m.split('.')[0] for m in sys.modules}\n"
        "print(','.join(sorted(top & set(heavy))))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert proc.stdout.strip() == ""
    assert (tmp_path / "review.db").exists()


def test_classify_reads_lines_without_the_report_readers(tmp_path: Path) -> None:
    """`fzgap classify` decodes its lines: the layout, chrome and HTML readers of a whole report
    are not loaded for it, nor numpy's masked arrays (18 ms that np.unique costs on first use)."""
    lines = tmp_path / "lines.txt"
    lines.write_text("全年办理行政复议案件66件，纠错率12%。\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from fzgap.cli import main\n"
        "main(['classify', sys.argv[1]])\n"
        "readers = ('_layout', '_html', '_chrome', '_load', '_frame', '_reflow', 'numpy.ma')\n"
        "mods = [m for m in sys.modules if m.startswith('fzgap.analyze.ingest.')]\n"
        "names = {m.rsplit('.', 1)[-1] for m in mods}\n"
        "names |= {'numpy.ma'} & set(sys.modules)\n"
        "sys.stderr.write('LOADED=' + ','.join(sorted(names & set(readers))) + '\\n')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(lines)], capture_output=True, text=True, timeout=120
    )
    assert "reconsideration" in proc.stdout, proc.stderr
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED=")]
    assert line == ["LOADED="], proc.stderr


# The console entry itself (``python -m fzgap``), which ends the process without teardown:
# what is loaded is reported from its exit.
ENTRY_PROBE = (
    "import os, runpy, sys\n"
    "heavy = {heavy!r}\n"
    "def report(code=0):\n"
    "    top = {{m.split('.')[0] for m in sys.modules}}\n"
    "    sys.stderr.write('LOADED=' + ','.join(sorted(top & set(heavy))) + '\\n')\n"
    "    sys.stderr.flush()\n"
    "    real_exit(code)\n"
    "real_exit, os._exit = os._exit, report\n"
    "sys.argv = ['fzgap', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('fzgap', run_name='__main__')\n"
    "except SystemExit as exc:\n"
    "    report(exc.code or 0)\n"
)


@pytest.mark.parametrize("argv", [("--help",), ("analyze", str(EXAMPLE))], ids=["help", "analyze"])
def test_the_console_entry_imports_only_what_is_used(argv: tuple[str, ...]) -> None:
    proc, loaded = _probed(ENTRY_PROBE, *argv)
    assert (proc.returncode, loaded) == (0, []), proc.stderr
    assert ("清河县" in proc.stdout) == (argv[0] == "analyze")
