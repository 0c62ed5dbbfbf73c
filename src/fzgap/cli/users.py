"""``fzgap users``: the accounts of the review workbench."""

from __future__ import annotations

import argparse
import getpass
import sys

from fzgap.cli._common import UsageError

NAME = "users"
HELP = "add reviewer accounts (needed to serve on any address but loopback)"
EXAMPLE = "fzgap users add wang --db /srv/fzgap/review.sqlite3\nfzgap users list"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "action", choices=("add", "list"), help="add a user (or reset a password), or list users"
    )
    parser.add_argument("name", nargs="?", help="user name (for add)")
    parser.add_argument("--db", metavar="PATH", help="SQLite database (default: the serve default)")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of prompting",
    )


def run(args: argparse.Namespace) -> int:
    """Add or list users."""
    from fzgap.web.auth import hash_password
    from fzgap.web.settings import default_db_path
    from fzgap.web.store import Store

    store = Store(args.db or default_db_path())
    if args.action == "list":
        with store.connect() as db:
            for (name,) in db.execute("SELECT name FROM users ORDER BY name"):
                print(name)
        return 0
    if not args.name or not args.name.strip():
        raise UsageError("users add 需要一个用户名 NAME")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {args.name}: ")
        if password != getpass.getpass("again: "):
            raise UsageError("两次输入的密码不一致")
    if len(password) < 8:
        raise UsageError("密码至少需要 8 个字符")
    store.add_user(args.name.strip(), hash_password(password))
    print(f"user {args.name.strip()} saved in {store.path}", file=sys.stderr)
    return 0
