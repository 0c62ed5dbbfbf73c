"""Login, logout and the session's own JSON (user, CSRF token)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from fzgap.web.app import COOKIE, App, Context

__all__ = ["login_page", "login", "logout", "me"]


async def login_page(app: App, request: Request, ctx: Context) -> Response:
    return app.html(ctx, "login.html", next=request.query_params.get("next", "/"), error=None)


async def login(app: App, request: Request, ctx: Context) -> Response:
    name, pw = str(ctx.form.get("name", "")), str(ctx.form.get("password", ""))
    got = await run_in_threadpool(app.login, name, pw)
    nxt = str(ctx.form.get("next") or "/")
    nxt = nxt if nxt.startswith("/") and not nxt.startswith("//") else "/"
    if got is None:
        if ctx.api:
            return app.json(ctx, {"error": "用户名或密码不对"}, 401)
        return app.html(ctx, "login.html", 401, next=nxt, error="用户名或密码不对")
    token, csrf = got
    resp: Response = (
        app.json(ctx, {"user": name, "csrf": csrf}) if ctx.api else RedirectResponse(nxt, 303)
    )
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
    return resp


async def logout(app: App, request: Request, ctx: Context) -> Response:
    await run_in_threadpool(app.store.drop_session, request.cookies.get(COOKIE, ""))
    resp = RedirectResponse("/login" if app.settings.require_login else "/", 303)
    resp.delete_cookie(COOKIE, path="/")
    return resp


async def me(app: App, request: Request, ctx: Context) -> Response:
    return app.json(
        ctx,
        {
            "user": ctx.user,
            "csrf": ctx.csrf,
            "login_required": app.settings.require_login,
            "model": app.auditor.model_dir or "shipped",
        },
    )
