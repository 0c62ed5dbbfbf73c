"""``fzgap serve``: the review workbench in the browser."""

from __future__ import annotations

import argparse
import sys

from fzgap.cli._common import UsageError, add_model

NAME = "serve"
HELP = "start the review workbench (upload, review, feedback letters) in the browser"
EXAMPLE = (
    "fzgap serve                      # http://127.0.0.1:8000, one local user, no login\n"
    "fzgap users add wang --db review.sqlite3 && fzgap serve --host 0.0.0.0 --db review.sqlite3\n"
    "fzgap serve --model my-model     # audit new uploads with a retrained model"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s; any other than "
        "loopback requires accounts)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="SQLite database (default: fzgap.sqlite3 in the user's data folder)",
    )
    add_model(parser)
    parser.add_argument(
        "--max-upload",
        type=float,
        default=20,
        metavar="MB",
        help="largest file accepted per upload (default: %(default)g MB)",
    )


def run(args: argparse.Namespace) -> int:
    """Check the settings, open the database, serve."""
    try:
        import uvicorn

        from fzgap.web import Settings, create_app, default_db_path, is_loopback
        from fzgap.web.store import Store
    except ImportError as exc:
        raise UsageError(
            f'fzgap serve 需要 web 扩展：pip install "fzgap[web]"（缺少 {exc.name}）'
        ) from None
    if args.max_upload <= 0:
        raise UsageError("--max-upload 必须是正数")
    db = args.db or default_db_path()
    loopback = is_loopback(args.host)
    if not loopback and Store(db).user_count() == 0:
        raise UsageError(
            f"{args.host}: 还没有任何账户，不能在非本机地址上提供服务；请先添加账户："
            f"fzgap users add 用户名 --db {db}"
        )
    if args.model:
        from fzgap.model.scorer import load_model

        load_model(args.model)  # a bad model folder fails here, in one line, not at first upload
    settings = Settings(
        db=db,
        model=args.model,
        require_login=not loopback,
        max_upload_bytes=int(args.max_upload * 1048576),
    )
    app = create_app(settings)
    print(f"fzgap serve: http://{args.host}:{args.port}/  (database {db})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
