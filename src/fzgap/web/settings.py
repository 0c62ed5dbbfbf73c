"""The review tool's settings, and where its database lives by default."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings", "default_db_path", "is_loopback"]


def default_db_path() -> Path:
    """``fzgap.sqlite3`` in the user's data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("fzgap", appauthor=False)) / "fzgap.sqlite3"


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Settings:
    """What ``create_app`` needs.

    Attributes
    ----------
    db : Path
        The SQLite database (created and migrated on start).
    model : str or None
        A model folder from ``fzgap train`` (default: the shipped model).
    require_login : bool
        Accounts and login (any non-loopback bind); otherwise one local user, no login.
    max_upload_bytes : int
        Largest file accepted per upload.
    local_user : str
        The name events carry when no login is required.
    audit_workers : int
        Background audit threads.
    """

    db: Path
    model: str | None = None
    require_login: bool = False
    max_upload_bytes: int = 20 * 1024 * 1024
    local_user: str = "本机用户"
    audit_workers: int = 1
