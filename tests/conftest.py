"""Shared fixtures: sample reports bundled with the project, and the shared corpus when present."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED_REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
SAMPLES = sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The complete sample report (every area covered)."""
    return EXAMPLES / "qinghe-county-2024.txt"


@pytest.fixture(scope="session")
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_lines(sample_text: str) -> list[str]:
    return [line.strip() for line in sample_text.splitlines() if line.strip()]


def shared_reports() -> list[Path]:
    """The real reports beside the project, or an empty list on a user's clone."""
    return sorted(SHARED_REPORTS.glob("*.txt")) if SHARED_REPORTS.is_dir() else []


@pytest.fixture(scope="session")
def sample_audit(sample_path: Path):  # type: ignore[no-untyped-def]
    """The audit of the bundled sample report (computed once)."""
    from fzgap import analyze_file

    return analyze_file(sample_path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """A real ``fzgap serve`` on a free loopback port with a fresh database; yields its base URL."""
    import httpx

    port = _free_port()
    db = str(tmp_path / "review.sqlite3")
    proc = subprocess.Popen(
        [sys.executable, "-m", "fzgap", "serve", "--port", str(port), "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/me", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    assert proc.stderr is not None
                    raise RuntimeError(proc.stderr.read().decode()) from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
