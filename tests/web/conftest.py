"""A workbench app over a temporary database, with the sample reports uploaded and audited."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")
from starlette.testclient import TestClient
from web_helpers import HOSTILE, SAMPLES, csrf_of, wait_done

from fzgap.web import Settings, create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web") / "review.sqlite3"
    with TestClient(create_app(Settings(db=db, max_upload_bytes=200_000))) as c:
        yield c


@pytest.fixture(scope="module")
def batch(client: TestClient) -> dict:
    """A batch of the bundled sample, a hostile pasted text and three bad files."""
    csrf = csrf_of(client)
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in SAMPLES]
    files += [
        ("files", ("broken.pdf", b"%PDF-1.4 not really", "application/pdf")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("huge.txt", "很".encode() * 100_000, "text/plain")),
        ("files", ("../../etc/evil.docx", b"PK\x03\x04junk", "application/octet-stream")),
    ]
    r = client.post(
        "/upload",
        data={"csrf": csrf, "batch": "2024年度 · 东汇区", "text": HOSTILE, "text_name": "恶意"},
        files=files,
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    batch_id = int(re.search(r"/batches/(\d+)", r.headers["location"]).group(1))
    return wait_done(client, batch_id)
