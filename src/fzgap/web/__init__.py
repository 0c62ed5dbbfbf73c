"""The review workbench: upload a district's reports, review the audits, overrule the model, send
feedback, export corrections. Needs the ``web`` extra (``pip install ".[web]"``)."""

from __future__ import annotations

from fzgap.web.app import create_app
from fzgap.web.settings import Settings, default_db_path, is_loopback

__all__ = ["create_app", "Settings", "default_db_path", "is_loopback"]
