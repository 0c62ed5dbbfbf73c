"""Against a real running server: fifty simultaneous corrections to one report are all kept."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shuangfeng-town-2023.txt"


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
