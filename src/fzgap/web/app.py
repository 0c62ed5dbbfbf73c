"""The review tool as an ASGI app: ``create_app(settings)`` around the library and the store.

Every HTML page has a JSON twin under ``/api`` with the same data (docs/web.md lists them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from fzgap.web.auth import check_password, new_token
from fzgap.web.jobs import Auditor
from fzgap.web.settings import Settings
from fzgap.web.store import Store

__all__ = ["create_app", "Context", "COOKIE"]

COOKIE = "fzgap_session"


@dataclass
class Context:
    """Who is asking, their CSRF token, and the parsed body of a POST."""

    user: str | None
    csrf: str
    new_token: str | None = None
    form: dict[str, Any] = field(default_factory=dict)
    files: list[Any] = field(default_factory=list)
    api: bool = False


class App:
    """The routes' shared state: settings, store, auditor, templates."""

    def __init__(self, settings: Settings) -> None:
        import jinja2

        from fzgap.analyze.render.html import template_env

        self.settings = settings
        self.store = Store(settings.db)
        self.auditor = Auditor(self.store, settings.model, settings.audit_workers)
        self.templates = template_env(jinja2.PackageLoader("fzgap.web", "templates"))
        from fzgap.analyze.constants import STATUS_FILL, STATUS_ZH
        from fzgap.model.areas import AREA_NAMES_ZH

        self.templates.globals.update(
            area_names=AREA_NAMES_ZH,
            status_zh=STATUS_ZH,
            status_fills={k: "#" + v for k, v in STATUS_FILL.items()},
        )

    def html(self, ctx: Context, name: str, status: int = 200, **data: Any) -> Response:
        """Render a page."""
        body = self.templates.get_template(name).render(
            user=ctx.user, csrf=ctx.csrf, login=self.settings.require_login, **data
        )
        return self.finish(ctx, Response(body, status, media_type="text/html; charset=utf-8"))

    def json(self, ctx: Context, data: Any, status: int = 200) -> Response:
        """A JSON twin."""
        return self.finish(ctx, JSONResponse(data, status))

    def message(self, ctx: Context, text: str, status: int) -> Response:
        """A one-line error, as a page or as JSON."""
        if ctx.api:
            return self.json(ctx, {"error": text}, status)
        return self.html(ctx, "message.html", status, text=text)

    def finish(self, ctx: Context, resp: Response) -> Response:
        """Set a new session cookie (HttpOnly, SameSite) when one was opened."""
        if ctx.new_token:
            resp.set_cookie(
                COOKIE, ctx.new_token, httponly=True, samesite="strict", secure=False, path="/"
            )
        return resp

    async def context(self, request: Request) -> Context:
        """The session of a request; in local mode one is opened for the local user."""
        token = request.cookies.get(COOKIE, "")
        sess = await run_in_threadpool(self.store.session, token) if token else None
        api = request.url.path.startswith("/api/")
        if sess:
            return Context(sess[0], sess[1], api=api)
        if self.settings.require_login:
            return Context(None, "", api=api)
        token, csrf = new_token(), new_token()
        await run_in_threadpool(self.store.add_session, token, self.settings.local_user, csrf)
        return Context(self.settings.local_user, csrf, token, api=api)

    def login(self, name: str, password: str) -> tuple[str, str] | None:
        """Check a password; open a session (token, csrf) on success."""
        stored = self.store.user_hash(name)
        if not stored or not check_password(password, stored):
            return None
        token, csrf = new_token(), new_token()
        self.store.add_session(token, name, csrf)
        return token, csrf


def _routes(app: App) -> list[Any]:
    from fzgap.web import routes

    return routes.routes(app)


def create_app(settings: Settings) -> Starlette:
    """The review tool's ASGI app.

    Parameters
    ----------
    settings : Settings
        Database, model, login requirement and limits.

    Returns
    -------
    starlette.applications.Starlette
        Serve it with uvicorn (``fzgap serve`` does).

    Examples
    --------
    >>> from fzgap.web import Settings, create_app  # doctest: +SKIP
    >>> app = create_app(Settings(db="review.sqlite3"))  # doctest: +SKIP
    """
    state = App(settings)
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def lifespan(_app: Starlette):
        state.auditor.resume()
        yield
        state.auditor.shutdown()

    static = StaticFiles(packages=[("fzgap.web", "static"), ("fzgap.analyze.render", "templates")])
    app = Starlette(
        routes=[*_routes(state), Mount("/static", static, name="static")], lifespan=lifespan
    )
    app.state.fzgap = state
    return app


def safe_name(name: str) -> str:
    """An uploaded file's name without any folders."""
    base = re.split(r"[\\/]", name or "")[-1].strip()
    return base or "未命名.txt"
