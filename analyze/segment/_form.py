"""The parts of a 公文 around the body: 特此报告, signature, date, 附件 and its table rows."""

from __future__ import annotations

import re

__all__ = [
    "DATE_LINE",
    "UNIT_LINE",
    "is_annex_heading",
    "is_closing",
    "is_frame_line",
    "is_table_row",
    "form_marks",
]

DATE_LINE = re.compile(
    r"^\s*(?:20\d{2}|二〇[一二三四五六七八九〇零]{2})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
)
UNIT_LINE = re.compile(
    r"^[\u4e00-\u9fff()（）]{2,40}(?:人民政府|政府|局|委员会|委|办公室|办|办事处|管委会|管理委员会|"
    r"厅|镇|乡|街道|党委|党工委|司法所|中心)$"
)
_CLOSING = re.compile(r"^(?:特此报告|以上报告|专此报告|特此汇报)[。.!！]?$")
_ANNEX = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*(?:[:：]|$|\s)")
# 抄送 / 印发 lines of a 公文's colophon (ingestion usually moves them into Document.meta).
_FRAME = re.compile(
    r"^(?:抄送|抄报|主送)\s*[:：]|^\S.{0,40}\d{4}年\d{1,2}月\d{1,2}日\s*印发$|印发$"
)


def is_closing(norm: str) -> bool:
    """``特此报告。`` and its variants."""
    return bool(_CLOSING.match(norm.replace(" ", "")))


def is_annex_heading(norm: str) -> bool:
    """``附件：2023年度行政执法数据统计表``, ``附件1``."""
    return bool(_ANNEX.match(norm)) and len(norm) <= 60


def is_table_row(norm: str, hint: str) -> bool:
    """A row of a table: a table block, or cells written with ``|`` or tabs between them."""
    return hint == "table" or norm.count("|") >= 2 or norm.count("\t") >= 2


def is_frame_line(norm: str) -> bool:
    """A 抄送 / 印发 line left in the text."""
    return bool(_FRAME.search(norm)) and len(norm) <= 80


def form_marks(norms: list[str], hints: list[str], start: int) -> dict[int, str]:
    """Mark the closing parts of a report: ``closing``, ``signature``, ``annex`` or ``frame``.

    Parameters
    ----------
    norms, hints : list of str
        Normalised text and ingestion hint of every item.
    start : int
        First item after the title.

    Returns
    -------
    dict
        Item index → mark, for the items that are not part of the report's body.
    """
    n = len(norms)
    marks: dict[int, str] = {}
    annex = next((i for i in range(start, n) if i > start + 2 and is_annex_heading(norms[i])), n)
    for i in range(annex, n):
        marks[i] = "frame" if is_frame_line(norms[i]) else "annex"
    # The signature: a date line near the end (before any 附件), with unit lines just above it.
    tail_from = max(start + 1, annex - 6)
    for i in range(annex - 1, tail_from - 1, -1):
        if DATE_LINE.match(norms[i]):
            marks[i] = "signature"
            j = i - 1
            while j >= start and i - j <= 2 and UNIT_LINE.match(norms[j]) and len(norms[j]) <= 40:
                marks[j] = "signature"
                j -= 1
            break
    for i in range(max(start, annex - 8), annex):
        if is_closing(norms[i]) or is_frame_line(norms[i]):
            marks[i] = "closing" if is_closing(norms[i]) else "frame"
    # A unit line that ends the body (signature without a date).
    last = annex - 1
    while last >= start and marks.get(last) in ("frame", "signature", "closing"):
        last -= 1
    if last > start and UNIT_LINE.match(norms[last]) and len(norms[last]) <= 40:
        marks[last] = "signature"
    return marks
