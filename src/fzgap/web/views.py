"""What the pages and their JSON twins show: batch rows, a report with its review, the letter.

Presentation only: the verdicts come from the stored audits and the review events.
"""

from __future__ import annotations

from typing import Any

from fzgap.analyze.constants import STATUS_ORDER, STATUS_ZH
from fzgap.analyze.records import AuditReport
from fzgap.analyze.render.html import display_title, file_name
from fzgap.model.areas import AREA_NAMES_ZH, AREAS, SECTION_NAMES_ZH
from fzgap.web.review import STATE_ZH, ReviewState, fold

__all__ = ["batch_rows", "sort_filter", "report_data", "letter", "SORT_KEYS"]

SORT_KEYS = ("id", "unit", "year", "state", "file", *AREAS)
_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}


def batch_rows(reports: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per report: unit, year, model and final status per area, parts, review state."""
    by_report: dict[int, list[dict[str, Any]]] = {}
    for e in events:
        by_report.setdefault(e["report_id"], []).append(e)
    rows = []
    for r in reports:
        st = fold(by_report.get(r["id"], []))
        row: dict[str, Any] = {
            "id": r["id"],
            "file": r["source"],
            "state": r["state"],
            "error": r["error"],
            "review": st.state,
            "review_zh": STATE_ZH[st.state],
            "reviewers": st.reviewers,
            "unit": None,
            "year": None,
            "title": r["source"],
            "model": r["model"],
            "areas": {},
            "missing_parts": [],
            "comments": [c["text"] for c in st.comments],
        }
        if r["audit"]:
            audit = AuditReport.from_dict(r["audit"])
            row.update(
                unit=audit.structure.unit,
                year=audit.structure.year,
                title=display_title(audit),
                missing_parts=list(audit.structure.missing_parts),
            )
            for a in audit.areas:
                final = st.statuses.get(a.id, a.status)
                row["areas"][a.id] = {
                    "model": a.status,
                    "final": final,
                    "changed": final != a.status,
                }
        rows.append(row)
    return rows


def sort_filter(
    rows: list[dict[str, Any]],
    sort: str = "id",
    desc: bool = False,
    review: str = "",
    area: str = "",
    status: str = "",
    q: str = "",
) -> list[dict[str, Any]]:
    """Rows filtered by review state, an area's final status and a text search, then sorted."""
    out = [
        r
        for r in rows
        if (not review or r["review"] == review)
        and (not area or not status or r["areas"].get(area, {}).get("final") == status)
        and (not q or q in (r["unit"] or "") + r["file"] + r["title"])
    ]
    key = sort if sort in SORT_KEYS else "id"

    def k(r: dict[str, Any]) -> tuple[Any, ...]:
        if key in AREAS:
            return (_RANK.get(r["areas"].get(key, {}).get("final", ""), 9), r["id"])
        v = r.get(key)
        return (v is None, v if v is not None else "", r["id"])

    return sorted(out, key=k, reverse=desc)


def report_data(rep: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    """The report's JSON twin: the model's audit, the review state, finals and history."""
    st = fold(events)
    data: dict[str, Any] = {
        "id": rep["id"],
        "batch_id": rep["batch_id"],
        "file": rep["source"],
        "state": rep["state"],
        "error": rep["error"],
        "model": rep["model"],
        "audit": rep["audit"],
        "review": st.to_dict(),
        "history": [
            {k: e[k] for k in ("id", "user", "at", "kind", "target", "value", "comment")}
            | {"active": e["id"] in st.active or e["kind"] == "undo", "text": describe(e)}
            for e in events
        ],
    }
    if rep["audit"]:
        audit = AuditReport.from_dict(rep["audit"])
        data["final"] = {
            "statuses": {a.id: st.statuses.get(a.id, a.status) for a in audit.areas},
            "paragraphs": [
                {
                    "index": p.index,
                    "labels": st.labels.get(p.index, list(p.labels)),
                    "section": st.sections.get(p.index, p.section),
                    "model_labels": list(p.labels),
                    "model_section": p.section,
                }
                for p in audit.paragraphs
            ],
        }
    return data


def describe(e: dict[str, Any]) -> str:
    """An event in plain Chinese."""
    k, t, v = e["kind"], e["target"], e["value"]
    if k == "labels":
        return f"第{t}段领域改为：" + ("、".join(AREA_NAMES_ZH[x] for x in v) or "无")
    if k == "section":
        return f"第{t}段部分改为：{SECTION_NAMES_ZH.get(v, v)}"
    if k == "status":
        return f"{AREA_NAMES_ZH.get(t, t)}结论改为：{STATUS_ZH.get(v, v)}"
    if k == "reviewed":
        return "标记为已审" if v else "取消已审"
    if k == "undo":
        return f"撤销操作 #{v}"
    return "意见"


def letter(rep: dict[str, Any], st: ReviewState, batch_name: str) -> dict[str, Any]:
    """The feedback letter (审核意见) to the unit, from the reviewer's final verdict."""
    audit = AuditReport.from_dict(rep["audit"])
    final = {a.id: st.statuses.get(a.id, a.status) for a in audit.areas}
    unit = audit.structure.unit or file_name(audit.document.source)

    def area_items(status: str) -> list[dict[str, Any]]:
        items = []
        for a in audit.areas:
            if final[a.id] != status:
                continue
            reasons = [r.message for r in a.reasons] if a.status == status else []
            notes = [
                c["text"] for c in st.comments if c["kind"] == "status" and c["target"] == a.id
            ]
            items.append({"name": a.name, "reasons": reasons, "comments": notes})
        return items

    area_comments = {c["id"] for c in st.comments if c["kind"] == "status"}
    return {
        "title": f"关于《{display_title(audit)}》的审核意见",
        "to": unit,
        "batch": batch_name,
        "intro": (
            f"{unit}：你单位报送的《{display_title(audit)}》已收悉。经审核，"
            "现将审核意见反馈如下，请对照修改完善后重新报送。"
        ),
        "missing": area_items("missing"),
        "thin": area_items("thin"),
        "missing_parts": list(audit.structure.missing_parts),
        "comments": [
            (f"第{c['target']}段：" if str(c["target"]).isdigit() else "") + c["text"]
            for c in st.comments
            if c["id"] not in area_comments
        ],
        "reviewed": st.reviewed,
        "reviewers": st.reviewers,
        "closing": "特此反馈。",
    }
