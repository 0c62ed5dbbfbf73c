"""The review store: one SQLite file (WAL, foreign keys on), a versioned schema migrated on open.

Nothing is overwritten: audits are stored once, and every reviewer action is an appended event.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fzgap.errors import FzgapError

__all__ = ["Store", "StoreError", "SCHEMA_VERSION", "MIGRATIONS", "now"]

#: Each entry upgrades the schema by one version; a database is never dropped.
MIGRATIONS: tuple[str, ...] = (
    # 1: batches, reports with their audits, review events, users and sessions.
    """
    CREATE TABLE batches (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL);
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE RESTRICT,
        source TEXT NOT NULL, raw BLOB, state TEXT NOT NULL, error TEXT, audit TEXT,
        created TEXT NOT NULL);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE RESTRICT,
        user TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL,
        value TEXT NOT NULL, comment TEXT NOT NULL DEFAULT '',
        undoes INTEGER REFERENCES events(id));
    CREATE TABLE users (name TEXT PRIMARY KEY, pw_hash TEXT NOT NULL, created TEXT NOT NULL);
    CREATE TABLE sessions (
        token TEXT PRIMARY KEY, user TEXT NOT NULL, csrf TEXT NOT NULL, created TEXT NOT NULL);
    """,
    # 2: which model produced each audit; events looked up by report.
    """
    ALTER TABLE reports ADD COLUMN model TEXT;
    CREATE INDEX events_report ON events(report_id, id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(FzgapError):
    """The database cannot be opened or is newer than this fzgap."""


#: A login lasts a working day; then the reviewer logs in again.
SESSION_HOURS = 12


def now() -> str:
    """The current time, UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Store:
    """The review database at ``path``; every call opens its own connection (thread-safe)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.connect() as db:
                db.execute("PRAGMA journal_mode=WAL")
                self._migrate(db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable fzgap database ({exc})") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the database ({exc.strerror})") from None

    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema {version} is newer than this fzgap "
                f"({SCHEMA_VERSION}); upgrade fzgap"
            )
        for v in range(version, SCHEMA_VERSION):
            db.executescript(
                "BEGIN IMMEDIATE;" + MIGRATIONS[v] + f"PRAGMA user_version={v + 1};COMMIT;"
            )

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection with foreign keys on, committed on success, rolled back on error."""
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken at once, so concurrent writers queue instead of failing."""
        with self.connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def version(self) -> int:
        """The schema version of the open database."""
        with self.connect() as db:
            return int(db.execute("PRAGMA user_version").fetchone()[0])

    # batches and reports
    def add_batch(self, name: str) -> int:
        """Create a batch (or return the existing one of that name); its id."""
        with self.write() as db:
            row = db.execute("SELECT id FROM batches WHERE name=?", (name,)).fetchone()
            if row:
                return int(row["id"])
            return int(
                db.execute(
                    "INSERT INTO batches(name, created) VALUES(?,?)", (name, now())
                ).lastrowid
                or 0
            )

    def batches(self) -> list[dict[str, Any]]:
        """Every batch with its counts, newest first."""
        with self.connect() as db:
            rows = db.execute(
                "SELECT b.id, b.name, b.created, COUNT(r.id) AS reports, "
                "SUM(r.state='done') AS done, SUM(r.state='error') AS errors "
                "FROM batches b LEFT JOIN reports r ON r.batch_id=b.id "
                "GROUP BY b.id ORDER BY b.id DESC"
            ).fetchall()
        return [dict(r) | {"done": r["done"] or 0, "errors": r["errors"] or 0} for r in rows]

    def batch(self, batch_id: int) -> dict[str, Any] | None:
        """One batch, or None."""
        return next((b for b in self.batches() if b["id"] == batch_id), None)

    def add_report(self, batch_id: int, source: str, raw: bytes | None, error: str | None) -> int:
        """Queue an upload for its audit (or store it with the error that stops it)."""
        state = "error" if error else "queued"
        with self.write() as db:
            cur = db.execute(
                "INSERT INTO reports(batch_id, source, raw, state, error, created) "
                "VALUES(?,?,?,?,?,?)",
                (batch_id, source, raw, state, error, now()),
            )
            return int(cur.lastrowid or 0)

    def finish_report(
        self, report_id: int, audit: dict[str, Any] | None, error: str | None, model: str | None
    ) -> None:
        """Store a finished audit, or the error that stopped it."""
        with self.write() as db:
            db.execute(
                "UPDATE reports SET state=?, error=?, audit=?, model=? WHERE id=?",
                (
                    "error" if error else "done",
                    error,
                    json.dumps(audit, ensure_ascii=False) if audit else None,
                    model,
                    report_id,
                ),
            )

    def set_state(self, report_id: int, state: str) -> None:
        """Mark a queued report as running."""
        with self.write() as db:
            db.execute("UPDATE reports SET state=? WHERE id=?", (state, report_id))

    def pending(self) -> list[int]:
        """Reports still waiting for their audit (after a restart too)."""
        with self.connect() as db:
            return [
                r[0]
                for r in db.execute(
                    "SELECT id FROM reports WHERE state IN ('queued','running') ORDER BY id"
                )
            ]

    def raw(self, report_id: int) -> tuple[str, bytes]:
        """The uploaded file name and bytes."""
        with self.connect() as db:
            r = db.execute("SELECT source, raw FROM reports WHERE id=?", (report_id,)).fetchone()
        return r["source"], r["raw"]

    def reports(self, batch_id: int | None = None) -> list[dict[str, Any]]:
        """Reports (of a batch, or all), with their audit JSON decoded, in upload order."""
        sql = (
            "SELECT id, batch_id, source, state, error, audit, model, created FROM reports"
            + (" WHERE batch_id=?" if batch_id is not None else "")
            + " ORDER BY id"
        )
        with self.connect() as db:
            rows = db.execute(sql, () if batch_id is None else (batch_id,)).fetchall()
        return [dict(r) | {"audit": json.loads(r["audit"]) if r["audit"] else None} for r in rows]

    def report(self, report_id: int) -> dict[str, Any] | None:
        """One report, or None."""
        with self.connect() as db:
            r = db.execute(
                "SELECT id, batch_id, source, state, error, audit, model, created "
                "FROM reports WHERE id=?",
                (report_id,),
            ).fetchone()
        if r is None:
            return None
        return dict(r) | {"audit": json.loads(r["audit"]) if r["audit"] else None}

    # events
    def add_event(
        self,
        report_id: int,
        user: str,
        kind: str,
        target: str,
        value: Any,
        comment: str = "",
        undoes: int | None = None,
    ) -> int:
        """Append a review event; its id."""
        with self.write() as db:
            cur = db.execute(
                "INSERT INTO events(report_id, user, at, kind, target, value, comment, undoes) "
                "VALUES(?,?,?,?,?,?,?,?)",
                (
                    report_id,
                    user,
                    now(),
                    kind,
                    target,
                    json.dumps(value, ensure_ascii=False),
                    comment,
                    undoes,
                ),
            )
            return int(cur.lastrowid or 0)

    def events(self, report_id: int | None = None) -> list[dict[str, Any]]:
        """Events (of one report, or all), oldest first."""
        sql = "SELECT * FROM events" + (" WHERE report_id=?" if report_id else "") + " ORDER BY id"
        with self.connect() as db:
            rows = db.execute(sql, (report_id,) if report_id else ()).fetchall()
        return [dict(r) | {"value": json.loads(r["value"])} for r in rows]

    # users and sessions
    def add_user(self, name: str, pw_hash: str) -> None:
        """Add a user or replace their password."""
        with self.write() as db:
            db.execute(
                "INSERT INTO users(name, pw_hash, created) VALUES(?,?,?) "
                "ON CONFLICT(name) DO UPDATE SET pw_hash=excluded.pw_hash",
                (name, pw_hash, now()),
            )

    def user_hash(self, name: str) -> str | None:
        """A user's stored password hash, or None."""
        with self.connect() as db:
            r = db.execute("SELECT pw_hash FROM users WHERE name=?", (name,)).fetchone()
        return r["pw_hash"] if r else None

    def user_count(self) -> int:
        """How many accounts exist."""
        with self.connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM users").fetchone()[0])

    def add_session(self, token: str, user: str, csrf: str) -> None:
        """Open a session."""
        with self.write() as db:
            db.execute(
                "INSERT INTO sessions(token, user, csrf, created) VALUES(?,?,?,?)",
                (token, user, csrf, now()),
            )

    def session(self, token: str) -> tuple[str, str] | None:
        """(user, csrf token) of a session younger than ``SESSION_HOURS``, or None."""
        with self.connect() as db:
            r = db.execute(
                "SELECT user, csrf, created FROM sessions WHERE token=?", (token,)
            ).fetchone()
        if r is None:
            return None
        age = datetime.now(UTC) - datetime.fromisoformat(r["created"])
        if age > timedelta(hours=SESSION_HOURS):
            self.drop_session(token)
            return None
        return (r["user"], r["csrf"])

    def drop_session(self, token: str) -> None:
        """Log out."""
        with self.write() as db:
            db.execute("DELETE FROM sessions WHERE token=?", (token,))
