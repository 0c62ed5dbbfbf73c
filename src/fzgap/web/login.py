"""Login, logout and the session's own JSON (user, CSRF token)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from fzgap.web.app import COOKIE, App, Context
from fzgap.web.auth import new_token

__all__ = ["login_page", "login", "logout", "me", "LOGIN_COOKIE"]

#: Double-submit token of the login form: there is no session yet to hold a CSRF token, so a
#: cookie does (another site can post a form, but can neither read nor set this cookie).
LOGIN_COOKIE = "fzgap_login"


def _login_form(app: App, ctx: Context, status: int, nxt: str, error: str | None) -> Response:
    token = new_token()
    resp = app.html(ctx, "login.html", status, next=nxt, error=error, login_csrf=token)
    resp.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", path="/login")
    return resp


async def login_page(app: App, request: Request, ctx: Context) -> Response:
    return _login_form(app, ctx, 200, request.query_params.get("next", "/"), None)


async def login(app: App, request: Request, ctx: Context) -> Response:
    json_body = request.headers.get("content-type", "").startswith("application/json")
    # A JSON post cannot come from another site's form (it needs a CORS preflight); a form can.
    if not json_body:
        sent, kept = str(ctx.form.get("csrf", "")), request.cookies.get(LOGIN_COOKIE, "")
        if not kept or sent != kept:
            return _login_form(app, ctx, 403, "/", "登录表单已过期或来源不明，请重新登录")
    name, pw = str(ctx.form.get("name", "")), str(ctx.form.get("password", ""))
    got = await run_in_threadpool(app.login, name, pw)
    nxt = str(ctx.form.get("next") or "/")
    nxt = nxt if nxt.startswith("/") and not nxt.startswith("//") else "/"
    if got is None:
        if ctx.api:
            return app.json(ctx, {"error": "用户名或密码不对"}, 401)
        return _login_form(app, ctx, 401, nxt, "用户名或密码不对")
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
