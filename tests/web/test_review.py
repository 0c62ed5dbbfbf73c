"""Review events, history and undo; downloads with the reviewer's verdict beside the model's."""

from __future__ import annotations

import io

from starlette.testclient import TestClient
from web_helpers import csrf_of, report_id


def _post(client: TestClient, rid: int, **event: object):
    return client.post(
        f"/api/reports/{rid}/review", json=event, headers={"x-csrf-token": csrf_of(client)}
    )


def test_status_and_label_changes_are_events_with_the_model_verdict_kept(
    client: TestClient, batch: dict
) -> None:
    rid = report_id(batch, "linjiang-market-2022.txt")
    before = client.get(f"/api/reports/{rid}").json()
    model_status = before["final"]["statuses"]["publicity"]
    new_status = "covered" if model_status != "covered" else "thin"
    assert (
        _post(
            client,
            rid,
            kind="status",
            target="publicity",
            value=new_status,
            comment="普法有具体数据",
        ).status_code
        == 201
    )
    p = before["audit"]["paragraphs"][4]
    new_labels = ["reconsideration"] if p["labels"] != ["reconsideration"] else []
    r = client.post(
        f"/reports/{rid}/review",
        data={
            "csrf": csrf_of(client),
            "kind": "paragraph",
            "target": "4",
            "labels": new_labels,
            "section": "plan",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].endswith("#p4")
    after = client.get(f"/api/reports/{rid}").json()
    assert after["audit"] == before["audit"]  # the model's audit is never overwritten
    assert after["final"]["statuses"]["publicity"] == new_status
    para = after["final"]["paragraphs"][4]
    assert para["labels"] == new_labels and para["section"] == "plan"
    assert para["model_labels"] == p["labels"] and para["model_section"] == p["section"]
    assert [h["kind"] for h in after["history"]] == ["status", "labels", "section"]
    assert after["review"]["state_zh"] == "审核中"
    page = client.get(f"/reports/{rid}").text
    assert "模型：" in page and "审核：" in page and "普法有具体数据" in page


def test_undo_is_a_new_event_and_can_itself_be_undone(client: TestClient, batch: dict) -> None:
    rid = report_id(batch, "shuangfeng-town-2023.txt")
    model = client.get(f"/api/reports/{rid}").json()["final"]["statuses"]["decision"]
    other = "missing" if model != "missing" else "covered"
    eid = _post(client, rid, kind="status", target="decision", value=other).json()["events"][0]
    undo = _post(client, rid, kind="undo", target="", value=eid).json()["events"][0]
    data = client.get(f"/api/reports/{rid}").json()
    assert data["final"]["statuses"]["decision"] == model
    assert [h["id"] for h in data["history"]] == [eid, undo]
    _post(client, rid, kind="undo", target="", value=undo)
    assert client.get(f"/api/reports/{rid}").json()["final"]["statuses"]["decision"] == other


def test_invalid_events_are_refused_in_chinese(client: TestClient, batch: dict) -> None:
    rid = report_id(batch, "shuangfeng-town-2023.txt")
    assert _post(client, rid, kind="status", target="decision", value="great").status_code == 400
    r = _post(client, rid, kind="labels", target="9999", value=["decision"])
    assert r.status_code == 400 and "9999" in r.json()["error"]


def test_state_changes_need_the_csrf_token(client: TestClient, batch: dict) -> None:
    rid = report_id(batch, "qinghe-county-2024.txt")
    r = client.post(f"/api/reports/{rid}/review", json={"kind": "reviewed", "value": True})
    assert r.status_code == 403
    r = client.post(
        f"/reports/{rid}/review", data={"kind": "reviewed", "value": "1", "csrf": "forged"}
    )
    assert r.status_code == 403 and "CSRF" in r.text
    assert client.get(f"/api/reports/{rid}").json()["history"] == []


def test_feedback_letter_docx_and_batch_downloads(client: TestClient, batch: dict) -> None:
    import csv

    from docx import Document
    from openpyxl import load_workbook

    rid = report_id(batch, "qinghe-county-2024.txt")
    assert client.get(f"/reports/{rid}/feedback.docx").status_code == 409  # not reviewed yet
    _post(
        client,
        rid,
        kind="status",
        target="reconsideration",
        value="thin",
        comment="复议案件数据未与上年对比",
    )
    _post(client, rid, kind="comment", target="", value="请补充行政应诉数据")
    _post(client, rid, kind="reviewed", target="", value=True)
    letter = client.get(f"/api/reports/{rid}/feedback").json()
    assert letter["thin"][0]["name"] == "复议" and letter["comments"] == ["请补充行政应诉数据"]
    docx = client.get(f"/reports/{rid}/feedback.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert (
        "审核意见" in text and "复议案件数据未与上年对比" in text and "请补充行政应诉数据" in text
    )
    assert "清河县人民政府" in client.get(f"/reports/{rid}/feedback").text

    bid = batch["batch"]["id"]
    ws = load_workbook(io.BytesIO(client.get(f"/batches/{bid}/summary.xlsx").content)).worksheets[0]
    header = [c.value for c in ws[1]]
    row = next(
        r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "qinghe-county-2024.txt"
    )
    cells = dict(zip(header, row))
    assert cells["复议"] == "已覆盖" and cells["审核结论 复议"] == "薄弱"
    assert cells["审核状态"] == "已审" and "请补充行政应诉数据" in cells["审核意见"]
    raw = client.get(f"/batches/{bid}/summary.csv").content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 8
    assert (
        next(r for r in rows if r["文件"] == "qinghe-county-2024.txt")["审核结论 复议"]
        == "薄弱"
    )
