"""The analyzer's shared vocabulary: statuses with their Chinese labels, symbols and colours; area
colours.

Every renderer, the batch summary and the web tool read these, so a status looks the same
everywhere.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "Status",
    "STATUS_ORDER",
    "STATUS_ZH",
    "STATUS_SYMBOL",
    "STATUS_COLOUR",
    "STATUS_FILL",
    "STATUS_ANSI",
    "AREA_COLOUR",
]

Status = Literal["covered", "thin", "missing"]
#: Statuses from worst to best.
STATUS_ORDER: tuple[Status, ...] = ("missing", "thin", "covered")
STATUS_ZH: dict[str, str] = {"covered": "已覆盖", "thin": "薄弱", "missing": "缺失"}
STATUS_SYMBOL: dict[str, str] = {"covered": "●", "thin": "◐", "missing": "○"}
#: Strong colour of a status (badges, chart bars).
STATUS_COLOUR: dict[str, str] = {"covered": "#2e7d32", "thin": "#f9a825", "missing": "#c62828"}
#: Light fill of a status (spreadsheet cells, table backgrounds), RRGGBB.
STATUS_FILL: dict[str, str] = {"covered": "C8E6C9", "thin": "FFF59D", "missing": "FFCDD2"}
#: Terminal colour of a status.
STATUS_ANSI: dict[str, str] = {"covered": "\033[32m", "thin": "\033[33m", "missing": "\033[31m"}
#: Colour of each area (tags, highlights).
AREA_COLOUR: dict[str, str] = {
    "decision": "#1565c0",
    "enforcement": "#6a1b9a",
    "reconsideration": "#00838f",
    "publicity": "#ef6c00",
    "first_responsibility": "#ad1457",
}
