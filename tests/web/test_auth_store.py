"""Accounts, login, the non-loopback refusal, and migrations of an older database."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from fzgap.web import Settings, create_app
from fzgap.web.auth import check_password, hash_password
from fzgap.web.store import MIGRATIONS, SCHEMA_VERSION, Store


def test_passwords_are_salted_scrypt_hashes() -> None:
    a, b = hash_password("correct horse"), hash_password("correct horse")
    assert a != b and a.startswith("scrypt$") and "correct" not in a
    assert check_password("correct horse", a) and not check_password("wrong", a)


def test_login_is_required_off_loopback_and_forms_need_csrf(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    Store(db).add_user("wang", hash_password("s3cret-pass"))
    with TestClient(create_app(Settings(db=db, require_login=True))) as c:
        assert c.get("/", follow_redirects=False).headers["location"].startswith("/login")
        assert c.get("/api/batches").status_code == 401
        # The login form itself carries a token bound to a cookie (login CSRF).
        forged = c.post("/login", data={"name": "wang", "password": "s3cret-pass"})
        assert forged.status_code == 403 and c.cookies.get("fzgap_session") is None
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text)
        assert token is not None
        r = c.post("/login", data={"name": "wang", "password": "nope", "csrf": token[1]})
        assert r.status_code == 401 and "用户名或密码不对" in r.text
        token = re.search(r'name="csrf" value="([^"]+)"', r.text)
        assert token is not None
        r = c.post(
            "/login",
            data={"name": "wang", "password": "s3cret-pass", "next": "/", "csrf": token[1]},
            follow_redirects=False,
        )
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        me = c.get("/api/me").json()
        assert me["user"] == "wang" and me["login_required"]
        r = c.post("/upload", data={"batch": "x", "text": "报告"})
        assert r.status_code == 403
        r = c.post(
            "/upload",
            data={"batch": "x", "text": "报告", "csrf": me["csrf"]},
            follow_redirects=False,
        )
        assert r.status_code == 303


def test_serving_beyond_loopback_without_accounts_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    r = subprocess.run(
        [sys.executable, "-m", "fzgap", "serve", "--host", "0.0.0.0", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "users add" in lines[0] and "Traceback" not in r.stderr


def test_users_add_reads_the_password_and_stores_a_hash(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    r = subprocess.run(
        [sys.executable, "-m", "fzgap", "users", "add", "li", "--db", str(db), "--password-stdin"],
        input="longenough\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    stored = Store(db).user_hash("li")
    assert stored and check_password("longenough", stored)
    r = subprocess.run(
        [sys.executable, "-m", "fzgap", "users", "add", "li", "--db", str(db), "--password-stdin"],
        input="short\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "8" in r.stderr


def test_an_older_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0] + "PRAGMA user_version=1;")
    con.execute("INSERT INTO batches VALUES (1, '2023年度 · 旧批次', '2024-03-01T00:00:00+00:00')")
    con.execute(
        "INSERT INTO reports(id, batch_id, source, state, created) "
        "VALUES (1, 1, 'a.txt', 'error', 'x')"
    )
    con.execute(
        "INSERT INTO events(report_id, user, at, kind, target, value) "
        "VALUES (1, 'wang', 't', 'comment', '', '\"旧意见\"')"
    )
    con.commit()
    con.close()
    store = Store(db)
    assert store.version() == SCHEMA_VERSION == 2
    assert store.batches()[0]["name"] == "2023年度 · 旧批次"
    assert store.events(1)[0]["value"] == "旧意见"
    assert store.report(1)["model"] is None  # the column added by migration 2
    with store.connect() as con2:
        assert con2.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with pytest.raises(sqlite3.IntegrityError):
            con2.execute(
                "INSERT INTO events(report_id, user, at, kind, target, value) "
                "VALUES (99, 'x', 't', 'comment', '', '1')"
            )


def test_a_newer_or_broken_database_gets_one_clear_error(tmp_path: Path) -> None:
    from fzgap.web.store import StoreError

    newer = tmp_path / "newer.sqlite3"
    sqlite3.connect(newer).execute("PRAGMA user_version=99").connection.close()
    with pytest.raises(StoreError, match="newer than this fzgap"):
        Store(newer)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.sqlite3"):
        Store(junk)


def test_a_session_expires_after_a_working_day(tmp_path: Path) -> None:
    from fzgap.web import store as store_module

    s = Store(tmp_path / "r.sqlite3")
    s.add_session("tok", "wang", "csrf")
    assert s.session("tok") == ("wang", "csrf")
    with s.write() as db:
        db.execute("UPDATE sessions SET created='2000-01-01T00:00:00+00:00' WHERE token='tok'")
    assert store_module.SESSION_HOURS == 12 and s.session("tok") is None
