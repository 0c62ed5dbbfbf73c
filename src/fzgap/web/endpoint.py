"""The wrapper every route goes through: session, login, body parsing, CSRF."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from fzgap.web.app import App, Context

__all__ = ["endpoint", "Handler"]

Handler = Callable[[App, Request, Context], Awaitable[Response]]


def endpoint(app: App, handler: Handler, public: bool = False):
    """Session, login, body parsing and CSRF around a handler."""

    async def endpoint(request: Request) -> Response:
        ctx = await app.context(request)
        if ctx.user is None and not public:
            if ctx.api:
                return app.json(ctx, {"error": "请先登录"}, 401)
            return RedirectResponse("/login?next=" + request.url.path, 303)
        if request.method == "POST":
            ctype = request.headers.get("content-type", "")
            try:
                if ctype.startswith("application/json"):
                    body = await request.json()
                    ctx.form = body if isinstance(body, dict) else {}
                elif ctype.startswith(("multipart/form-data", "application/x-www-form")):
                    form = await request.form(
                        max_files=500,
                        max_fields=2000,
                        max_part_size=app.settings.max_upload_bytes + 1,
                    )
                    for k, v in form.multi_items():
                        if isinstance(v, UploadFile):
                            ctx.files.append(v)
                        elif k in ctx.form:
                            prev = ctx.form[k]
                            ctx.form[k] = (prev if isinstance(prev, list) else [prev]) + [v]
                        else:
                            ctx.form[k] = v
            except (ValueError, json.JSONDecodeError):
                return app.message(ctx, "请求内容无法解析", 400)
            except Exception as exc:  # the multipart parser's limits
                return app.message(ctx, f"上传被拒绝：{exc}", 413)
            sent = request.headers.get("x-csrf-token") or ctx.form.get("csrf")
            if not public and (not ctx.csrf or sent != ctx.csrf):
                return app.message(
                    ctx, "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试", 403
                )
        return await handler(app, request, ctx)

    return endpoint
