"""Renderers: one module per output format, each reading ``AuditReport`` records only."""

from __future__ import annotations

__all__ = ["STATUS_ZH", "STATUS_SYMBOL"]

STATUS_ZH = {"covered": "已覆盖", "thin": "薄弱", "missing": "缺失"}
STATUS_SYMBOL = {"covered": "●", "thin": "◐", "missing": "○"}
