"""Against a real running server: fifty simultaneous corrections to one report are all kept."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shuangfeng-town-2023.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def server(tmp_path: Path):
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fzgap",
            "serve",
            "--port",
            str(port),
            "--db",
            str(tmp_path / "review.sqlite3"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/me", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stderr.read().decode()) from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_fifty_concurrent_corrections_are_all_kept(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as c:
        csrf = c.get("/api/me").json()["csrf"]
        r = c.post(
            "/api/upload",
            data={"batch": "并发", "csrf": csrf},
            files={"files": (SAMPLE.name, SAMPLE.read_bytes(), "text/plain")},
        )
        rid = r.json()["reports"][0]["id"]
        for _ in range(600):
            if c.get(f"/api/reports/{rid}").json()["state"] == "done":
                break
            time.sleep(0.2)
        cookies = dict(c.cookies)

    def correct(i: int) -> int:
        with httpx.Client(base_url=server, cookies=cookies, timeout=60) as cc:
            return cc.post(
                f"/api/reports/{rid}/review",
                headers={"x-csrf-token": csrf},
                json={"kind": "comment", "target": str(i % 5), "value": f"意见{i}"},
            ).status_code

    with ThreadPoolExecutor(max_workers=50) as pool:
        codes = list(pool.map(correct, range(50)))
    assert codes == [201] * 50
    history = httpx.get(f"{server}/api/reports/{rid}", cookies=cookies).json()["history"]
    assert sorted(h["value"] for h in history) == sorted(f"意见{i}" for i in range(50))
    assert len({h["id"] for h in history}) == 50
