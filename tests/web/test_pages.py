"""In-process tests of the workbench's pages and JSON twins: upload, batch, report, escaping."""

from __future__ import annotations

import re

from markupsafe import escape
from starlette.testclient import TestClient
from web_helpers import csrf_of, report_id


def test_upload_audits_good_files_and_names_each_bad_one(batch: dict) -> None:
    by_file = {r["file"]: r for r in batch["reports"]}
    assert batch["progress"] == {"total": 8, "done": 4, "errors": 4, "pending": 0}
    assert by_file["qinghe-county-2024.txt"]["state"] == "done"
    assert by_file["恶意.txt"]["state"] == "done"
    assert "broken.pdf" in by_file["broken.pdf"]["error"]
    assert "文件为空" in by_file["empty.txt"]["error"]
    assert "上限" in by_file["huge.txt"]["error"]
    # a path in the uploaded name never reaches the store
    assert "evil.docx" in by_file and by_file["evil.docx"]["error"].startswith("evil.docx")


def test_batch_page_matches_its_json_twin(client: TestClient, batch: dict) -> None:
    bid = batch["batch"]["id"]
    page = client.get(f"/batches/{bid}").text
    for r in batch["reports"]:
        assert f'data-report="{r["id"]}"' in page
        if r["unit"]:
            assert str(escape(r["unit"])) in page
    qinghe = next(r for r in batch["reports"] if r["file"] == "qinghe-county-2024.txt")
    assert qinghe["unit"] == "清河县人民政府" and qinghe["year"] == 2024
    assert set(qinghe["areas"]) == {
        "decision",
        "enforcement",
        "reconsideration",
        "publicity",
        "first_responsibility",
    }
    assert qinghe["review_zh"] == "未审"


def test_batch_sorts_and_filters(client: TestClient, batch: dict) -> None:
    bid = batch["batch"]["id"]
    rows = client.get(f"/api/batches/{bid}?sort=file&desc=1").json()["reports"]
    assert [r["file"] for r in rows] == sorted((r["file"] for r in rows), reverse=True)
    missing = client.get(f"/api/batches/{bid}?area=publicity&status=missing").json()["reports"]
    assert missing and all(r["areas"]["publicity"]["final"] == "missing" for r in missing)
    found = client.get(f"/api/batches/{bid}?q=清河").json()["reports"]
    assert [r["file"] for r in found] == ["qinghe-county-2024.txt"]


def test_report_page_shows_areas_reasons_without_codes_and_evidence_links(
    client: TestClient, batch: dict
) -> None:
    rid = report_id(batch, "shuangfeng-town-2023.txt")
    data = client.get(f"/api/reports/{rid}").json()
    page = client.get(f"/reports/{rid}").text
    assert 'name="viewport"' in page
    for a in data["audit"]["areas"]:
        assert f'id="area-{a["id"]}"' in page
        for reason in a["reasons"]:
            assert reason["message"] in page
            assert reason["code"] not in page
        for e in a["evidence"]:
            assert f'href="#ev-{a["id"]}-{e["index"]}"' in page
            assert f'id="ev-{a["id"]}-{e["index"]}"' in page
    assert len(re.findall(r'class="para', page)) == len(data["audit"]["paragraphs"])


def test_hostile_report_text_is_escaped(client: TestClient, batch: dict) -> None:
    rid = report_id(batch, "恶意.txt")
    page = client.get(f"/reports/{rid}").text
    assert "<script>document" not in page and "<img src=x" not in page
    assert "&lt;script&gt;document.title" in page
    bid = batch["batch"]["id"]
    assert "<script>" not in client.get(f"/batches/{bid}").text


def test_unknown_ids_and_formats_get_a_message_not_a_500(client: TestClient, batch: dict) -> None:
    assert client.get("/reports/99999").status_code == 404
    assert client.get("/api/reports/99999").json() == {"error": "没有这份报告"}
    assert client.get(f"/batches/{batch['batch']['id']}/summary.exe").status_code == 404
    assert client.get("/batches/424242").status_code == 404


def test_pending_report_is_not_reviewable(client: TestClient, batch: dict) -> None:
    rid = report_id(batch, "broken.pdf")
    r = client.post(
        f"/api/reports/{rid}/review",
        json={"kind": "status", "target": "decision", "value": "thin"},
        headers={"x-csrf-token": csrf_of(client)},
    )
    assert r.status_code == 409
    assert "broken.pdf" in client.get(f"/reports/{rid}").text
