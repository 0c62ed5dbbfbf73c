"""Helpers of the workbench tests."""

from __future__ import annotations

import time
from pathlib import Path

from starlette.testclient import TestClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# the three samples the workbench tests were written against; examples/ holds more
SAMPLES = tuple(
    EXAMPLES / name
    for name in ("linjiang-market-2022.txt", "qinghe-county-2024.txt", "shuangfeng-town-2023.txt")
)
HOSTILE = (
    "<script>document.title='pwned'</script>某镇2024年法治政府建设情况报告\n"
    "一、主要举措和成效\n"
    "镇党委书记主持召开专题会议研究法治建设<img src=x onerror=alert(1)>工作3次。\n"
)


def csrf_of(client: TestClient) -> str:
    """The session's CSRF token, as the pages carry it."""
    return client.get("/api/me").json()["csrf"]


def wait_done(client: TestClient, batch_id: int, timeout: float = 120) -> dict:
    """Poll the batch's JSON twin until every audit has finished."""
    end = time.monotonic() + timeout
    while True:
        data = client.get(f"/api/batches/{batch_id}").json()
        if not data["progress"]["pending"] or time.monotonic() > end:
            return data
        time.sleep(0.2)


def report_id(batch: dict, name: str) -> int:
    """The id of the report uploaded under ``name``."""
    return next(r["id"] for r in batch["reports"] if r["file"] == name)
