"""The pages and their JSON twins."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from fzgap.web.app import App, Context, safe_name
from fzgap.web.endpoint import endpoint
from fzgap.web.review import EventError, fold, validate_event

__all__ = ["routes"]


def _int(request: Request, key: str) -> int:
    try:
        return int(request.path_params[key])
    except (KeyError, ValueError):
        return -1


# ---- upload and batches -------------------------------------------------------------------


async def index(app: App, request: Request, ctx: Context) -> Response:
    batches = await run_in_threadpool(app.store.batches)
    if ctx.api:
        return app.json(ctx, {"batches": batches, "user": ctx.user})
    return app.html(
        ctx, "index.html", batches=batches, max_mb=app.settings.max_upload_bytes // 1048576
    )


async def upload(app: App, request: Request, ctx: Context) -> Response:
    name = str(ctx.form.get("batch") or "").strip()
    if not name:
        return app.message(ctx, "请填写批次名称（例如 2024年度 · 东汇区）", 400)
    items: list[tuple[str, bytes | None, str | None]] = []
    limit = app.settings.max_upload_bytes
    for f in ctx.files:
        if not f.filename:
            continue
        fname = safe_name(f.filename)
        data = await f.read(limit + 1)
        if len(data) > limit:
            items.append((fname, None, f"{fname}: 文件超过上传上限 {limit // 1048576} MB"))
        elif not data.strip():
            items.append((fname, None, f"{fname}: 文件为空"))
        else:
            items.append((fname, data, None))
    text = str(ctx.form.get("text") or "")
    if text.strip():
        tname = safe_name(str(ctx.form.get("text_name") or "粘贴的文本"))
        tname = tname if tname.endswith(".txt") else tname + ".txt"
        items.append((tname, text.encode("utf-8"), None))
    if not items:
        return app.message(ctx, "没有收到文件或文本", 400)
    batch_id = await run_in_threadpool(app.store.add_batch, name)
    ids = []
    for fname, data, error in items:
        rid = await run_in_threadpool(app.store.add_report, batch_id, fname, data, error)
        ids.append({"id": rid, "file": fname, "error": error})
        if error is None:
            app.auditor.submit(rid)
    if ctx.api:
        return app.json(ctx, {"batch_id": batch_id, "reports": ids}, 201)
    return app.finish(ctx, RedirectResponse(f"/batches/{batch_id}", 303))


def _batch(
    app: App, batch_id: int
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[dict[str, Any]]]:
    from fzgap.web.views import batch_rows

    b = app.store.batch(batch_id)
    if b is None:
        return None, [], []
    reports = app.store.reports(batch_id)
    events = [e for e in app.store.events() if e["report_id"] in {r["id"] for r in reports}]
    return b, reports, batch_rows(reports, events)


async def batch(app: App, request: Request, ctx: Context) -> Response:
    from fzgap.web.views import sort_filter

    b, _, rows = await run_in_threadpool(_batch, app, _int(request, "id"))
    if b is None:
        return app.message(ctx, "没有这个批次", 404)
    q = request.query_params
    shown = sort_filter(
        rows,
        q.get("sort", "id"),
        q.get("desc") == "1",
        q.get("review", ""),
        q.get("area", ""),
        q.get("status", ""),
        q.get("q", ""),
    )
    progress = {
        "total": len(rows),
        "done": sum(r["state"] == "done" for r in rows),
        "errors": sum(r["state"] == "error" for r in rows),
    }
    progress["pending"] = progress["total"] - progress["done"] - progress["errors"]
    if ctx.api:
        return app.json(ctx, {"batch": b, "progress": progress, "reports": shown})
    return app.html(ctx, "batch.html", batch=b, rows=shown, progress=progress, q=q)


async def batch_download(app: App, request: Request, ctx: Context) -> Response:
    from fzgap.web.documents import summary_csv, summary_xlsx

    b, reports, rows = await run_in_threadpool(_batch, app, _int(request, "id"))
    if b is None:
        return app.message(ctx, "没有这个批次", 404)
    fmt = request.path_params["fmt"]
    if fmt not in ("xlsx", "csv"):
        return app.message(ctx, "只能下载 xlsx 或 csv", 404)
    if fmt == "xlsx":
        data = await run_in_threadpool(summary_xlsx, reports, rows)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data = await run_in_threadpool(summary_csv, reports, rows)
        media = "text/csv; charset=utf-8"
    return app.finish(
        ctx, Response(data, media_type=media, headers=_attachment(f"summary-{b['id']}.{fmt}"))
    )


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}


# ---- reports and review -------------------------------------------------------------------


def _report(app: App, rid: int) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    rep = app.store.report(rid)
    return rep, (app.store.events(rid) if rep else [])


async def report(app: App, request: Request, ctx: Context) -> Response:
    from fzgap.analyze.records import AuditReport
    from fzgap.analyze.render.html import audit_view
    from fzgap.web.views import report_data

    rep, events = await run_in_threadpool(_report, app, _int(request, "id"))
    if rep is None:
        return app.message(ctx, "没有这份报告", 404)
    data = report_data(rep, events)
    if ctx.api:
        return app.json(ctx, data)
    b = await run_in_threadpool(app.store.batch, rep["batch_id"])
    view = audit_view(AuditReport.from_dict(rep["audit"])) if rep["audit"] else None
    st = fold(events)
    review = {
        "statuses": st.statuses,
        "labels": {str(k): v for k, v in st.labels.items()},
        "sections": {str(k): v for k, v in st.sections.items()},
        "csrf": ctx.csrf,
        "action": f"/reports/{rep['id']}/review",
    }
    return app.html(ctx, "report.html", rep=rep, v=view, review=review, data=data, batch=b, st=st)


def _events_from_form(
    audit: dict[str, Any], form: dict[str, Any]
) -> list[tuple[str, str, Any, str]]:
    """The events one submitted form stands for (a paragraph form may change labels and section)."""
    kind, target = str(form.get("kind", "")), str(form.get("target", ""))
    comment = str(form.get("comment") or "").strip()
    if kind != "paragraph":
        value = form.get("value")
        return [(kind, target, validate_event(audit, kind, target, value), comment)]
    if not (target.isdigit() and int(target) < len(audit["paragraphs"])):
        raise EventError(f"没有第 {target} 段")
    p = audit["paragraphs"][int(target)]
    labels = form.get("labels", [])
    labels = validate_event(
        audit, "labels", target, labels if isinstance(labels, list) else [labels]
    )
    section = validate_event(audit, "section", target, form.get("section", p["section"]))
    return [("labels", target, labels, comment), ("section", target, section, "")]


async def review(app: App, request: Request, ctx: Context) -> Response:
    rid = _int(request, "id")
    rep, events = await run_in_threadpool(_report, app, rid)
    if rep is None:
        return app.message(ctx, "没有这份报告", 404)
    if not rep["audit"]:
        return app.message(ctx, "这份报告还没有审查结果，无法审核", 409)
    try:
        new = _events_from_form(rep["audit"], ctx.form)
    except EventError as exc:
        return app.message(ctx, str(exc), 400)
    if ctx.form.get("kind") == "paragraph":
        # only what changed from the current verdict becomes an event
        st = fold(events)
        t = int(new[0][1])
        p = rep["audit"]["paragraphs"][t]
        cur_labels = st.labels.get(t, p["labels"])
        cur_section = st.sections.get(t, p["section"])
        comment = new[0][3]
        new = [
            e
            for e in new
            if (e[0] == "labels" and e[2] != cur_labels)
            or (e[0] == "section" and e[2] != cur_section)
        ]
        if new and comment and not new[0][3]:
            new[0] = (*new[0][:3], comment)
        if not new and comment:
            new = [("comment", str(t), comment, "")]
    ids = []
    for kind, target, value, comment in new:
        undoes = value if kind == "undo" else None
        ids.append(
            await run_in_threadpool(
                app.store.add_event, rid, ctx.user or "", kind, target, value, comment, undoes
            )
        )
    if ctx.api:
        from fzgap.web.views import report_data

        rep, events = await run_in_threadpool(_report, app, rid)
        assert rep is not None
        return app.json(ctx, {"events": ids, "review": report_data(rep, events)["review"]}, 201)
    anchor = ""
    if ctx.form.get("kind") == "paragraph":
        anchor = f"#p{ctx.form.get('target')}"
    elif ctx.form.get("kind") == "status":
        anchor = f"#area-{ctx.form.get('target')}"
    return app.finish(ctx, RedirectResponse(f"/reports/{rid}{anchor}", 303))


async def feedback(app: App, request: Request, ctx: Context) -> Response:
    from fzgap.web.views import letter

    rep, events = await run_in_threadpool(_report, app, _int(request, "id"))
    if rep is None or not rep["audit"]:
        return app.message(ctx, "没有这份报告的审查结果", 404)
    st = fold(events)
    b = await run_in_threadpool(app.store.batch, rep["batch_id"])
    data = letter(rep, st, b["name"] if b else "")
    fmt = request.path_params.get("fmt", "")
    if fmt not in ("", "docx"):
        return app.message(ctx, "只能下载 docx", 404)
    if not st.reviewed and fmt == "docx":
        return app.message(ctx, "请先将报告标记为“已审”，再生成审核意见", 409)
    if ctx.api:
        return app.json(ctx, data)
    if fmt == "docx":
        from fzgap.web.documents import letter_docx

        body = await run_in_threadpool(letter_docx, data)
        media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return app.finish(
            ctx, Response(body, media_type=media, headers=_attachment(f"feedback-{rep['id']}.docx"))
        )
    return app.html(ctx, "feedback.html", letter=data, rep=rep)


def routes(app: App) -> list[Route]:
    """Every route, page and JSON twin."""
    from fzgap.web.login import login, login_page, logout, me

    e = lambda h, public=False: endpoint(app, h, public)
    out = [
        Route("/login", e(login_page, True), methods=["GET"]),
        Route("/login", e(login, True), methods=["POST"]),
        Route("/api/login", e(login, True), methods=["POST"]),
        Route("/logout", e(logout), methods=["POST"]),
        Route("/api/me", e(me), methods=["GET"]),
    ]
    for prefix in ("", "/api"):
        out += [
            Route(prefix + "/", e(index), methods=["GET"])
            if prefix == ""
            else Route("/api/batches", e(index), methods=["GET"]),
            Route(prefix + "/upload", e(upload), methods=["POST"]),
            Route(prefix + "/batches/{id:int}", e(batch), methods=["GET"]),
            Route(prefix + "/reports/{id:int}", e(report), methods=["GET"]),
            Route(prefix + "/reports/{id:int}/review", e(review), methods=["POST"]),
            Route(prefix + "/reports/{id:int}/feedback", e(feedback), methods=["GET"]),
        ]
    out += [
        Route("/batches/{id:int}/summary.{fmt:str}", e(batch_download), methods=["GET"]),
        Route("/reports/{id:int}/feedback.{fmt:str}", e(feedback), methods=["GET"]),
    ]
    return out
