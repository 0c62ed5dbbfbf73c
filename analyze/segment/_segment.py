"""Segmentation: a ``Document`` becomes ordered paragraphs that know their heading path and
section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from fzgap.analyze.ingest import Document
from fzgap.analyze.segment._headings import (
    STYLE_RANK,
    Marker,
    heading_parts,
    match_marker,
    split_joined_items,
)
from fzgap.analyze.segment._sections import (
    is_first_responsibility_heading,
    section_of_heading,
    section_of_text,
)
from fzgap.analyze.text import SENTENCE_ENDS, looks_like_title
from fzgap.model.textnorm import normalize

__all__ = ["Kind", "Paragraph", "SegmentedReport", "segment"]

Kind = Literal["title", "heading", "body"]
_DATE_LINE = re.compile(
    r"^\s*(?:20\d{2}|二〇[一二三四五六七八九〇零]{2})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
)
_UNIT_LINE = re.compile(
    r"^[\u4e00-\u9fff()（）]{2,40}(?:人民政府|政府|局|委员会|委|办公室|办|办事处|管委会|管理委员会|厅|镇|乡|街道|党委|党工委|司法所|中心)$"
)
_YEAR = re.compile(r"(20\d{2})\s*年")
_UNIT_IN_PREAMBLE = re.compile(
    r"^(?:20\d{2}年(?:度|以来)?\s*[,，]?\s*)([\u4e00-\u9fff]{2,20}?(?:省|自治区|市|州|盟|区|县|旗|镇|乡|街道|局|委|厅|管委会))"
    r"(?:党委|党工委|人民政府|政府|党组|认真|坚持|在|始终|深入|全面)"
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a report.

    Attributes
    ----------
    index : int
        Position in the report, from 0.
    text : str
        As written.
    norm : str
        Normalised form used for analysis.
    kind : {'title', 'heading', 'body'}
    section : str
        preamble, achievement, first_responsibility, deficiency, plan or other.
    headings : tuple of str
        The heading path, outermost first; a heading's path ends with itself, a paragraph
        with a run-in heading ("（一）强化组织领导。正文") ends with that heading.
    level : int or None
        Nesting level of a heading (1 = outermost style used in this report).
    """

    index: int
    text: str
    norm: str
    kind: Kind
    section: str
    headings: tuple[str, ...]
    level: int | None = None

    def to_dict(self) -> dict[str, object]:
        """Plain-data form (the ``segment --format jsonl`` row)."""
        return {
            "index": self.index,
            "text": self.text,
            "kind": self.kind,
            "section": self.section,
            "headings": list(self.headings),
            "level": self.level,
        }


@dataclass(frozen=True, slots=True)
class SegmentedReport:
    """A report split into paragraphs, with what its opening says about it."""

    source: str
    format: str
    title: str | None
    unit: str | None
    year: int | None
    paragraphs: tuple[Paragraph, ...]


@dataclass(slots=True)
class _Item:
    text: str
    norm: str
    hint: str
    marker: Marker | None = None
    heading: str | None = None
    standalone: bool = False
    rank: int | None = None


def _items(doc: Document) -> list[_Item]:
    items: list[_Item] = []
    for block in doc.blocks:
        pieces = split_joined_items(block.text) if block.hint == "text" else [block.text]
        for piece in pieces:
            piece = piece.strip()
            if piece:
                items.append(_Item(piece, normalize(piece), block.hint))
    return items


def _find_title(items: list[_Item], hint: str | None) -> list[int]:
    for i in range(min(5, len(items))):
        it = items[i]
        if it.hint == "title" or (
            looks_like_title(it.norm)
            and match_marker(it.norm) is None
            and len(it.norm.replace(" ", "")) >= 8
        ):
            return [i]
    for i in range(min(5, len(items))):
        it = items[i]
        if i + 1 < len(items) and len(it.norm) <= 50 and len(items[i + 1].norm) <= 20:
            joined = (it.norm + items[i + 1].norm).replace(" ", "")
            if (
                looks_like_title(joined)
                and it.norm[-1:] not in SENTENCE_ENDS
                and match_marker(it.norm) is None
            ):
                return [i, i + 1]
    if hint:
        for i in range(min(5, len(items))):
            if (
                items[i].norm.replace(" ", "") in normalize(hint).replace(" ", "")
                and len(items[i].norm) >= 8
            ):
                return [i]
    return []


def _unit_and_year(
    title: str | None, items: list[_Item], start: int, tail: list[int]
) -> tuple[str | None, int | None]:
    """Unit and year from the title, else from the opening paragraph or the closing signature."""
    unit = year = None
    if title:
        t = title.replace(" ", "")
        m = _YEAR.search(t)
        if m:
            year = int(m.group(1))
            unit = t[: m.start()].removeprefix("关于").strip('《“"') or None
    opening = next(
        (it.norm for it in items[start:] if it.hint != "title" and len(it.norm) > 30), ""
    )
    if year is None:
        m = _YEAR.search(opening[:60])
        year = int(m.group(1)) if m else None
    if unit is None:
        unit = next((items[i].norm for i in tail if _UNIT_LINE.match(items[i].norm)), None)
    if unit is None:
        m = _UNIT_IN_PREAMBLE.match(opening)
        unit = m.group(1) if m else None
    if year is None:
        date = next((items[i].norm for i in tail if _DATE_LINE.match(items[i].norm)), None)
        m = _YEAR.search(date or "")
        year = int(m.group(1)) - 1 if m else None
    return unit, year


def _signature(items: list[_Item], start: int) -> list[int]:
    """Indices of the closing unit-name and date lines."""
    found: list[int] = []
    for i in range(len(items) - 1, max(start, len(items) - 4) - 1, -1):
        n = items[i].norm
        if _DATE_LINE.match(n) or (_UNIT_LINE.match(n) and len(n) <= 40):
            found.append(i)
        else:
            break
    return sorted(found)


def _classify_lines(items: list[_Item], skip: set[int]) -> None:
    for i, it in enumerate(items):
        if i in skip:
            continue
        it.marker = match_marker(it.norm)
        it.heading, it.standalone = heading_parts(it.norm, it.marker)
        if it.marker is not None:
            it.rank = STYLE_RANK[it.marker.style]
        elif it.hint == "heading" and len(it.norm) <= 60:
            it.heading, it.standalone, it.rank = it.norm, True, STYLE_RANK["cn"]
        elif (
            len(it.norm) <= 25
            and it.norm[-1:] not in SENTENCE_ENDS
            and section_of_heading(it.norm)
            in ("deficiency", "plan", "first_responsibility", "other")
        ) or (len(it.norm) <= 12 and section_of_heading(it.norm) == "achievement"):
            # An unnumbered line that only names a section ("存在的不足", "下一步工作打算").
            it.heading, it.standalone, it.rank = it.norm, True, STYLE_RANK["cn"]


def segment(doc: Document) -> SegmentedReport:
    """Split a document into paragraphs with kind, heading path and section.

    Parameters
    ----------
    doc : Document
        Output of :func:`fzgap.analyze.ingest.load_document`.

    Returns
    -------
    SegmentedReport
    """
    items = _items(doc)
    title_idx = _find_title(items, doc.title_hint)
    title = _clean_title("".join(items[i].norm for i in title_idx)) or None
    start = (title_idx[-1] + 1) if title_idx else 0
    sig = _signature(items, start)
    unit, year = _unit_and_year(title, items, start, sig)
    _classify_lines(items, set(title_idx) | set(sig))

    ranks = sorted(
        {it.rank for i, it in enumerate(items) if it.rank is not None and it.standalone}
        or {it.rank for it in items if it.rank is not None and it.heading}
    )
    top = ranks[0] if ranks else None
    known = any(
        it.rank == top and it.heading and section_of_heading(it.heading, year) for it in items
    )
    level_of = {
        r: n for n, r in enumerate(sorted({it.rank for it in items if it.rank is not None}), 1)
    }

    paragraphs: list[Paragraph] = []
    stack: list[tuple[int, str | None]] = []
    section = "preamble"
    for i, it in enumerate(items):
        kind: Kind = "body"
        level = None
        if i in title_idx:
            kind, sec = "title", "preamble"
        elif i in sig:
            sec = "other"
        else:
            if it.rank is not None and (it.heading or it.rank <= (top if top is not None else 99)):
                while stack and stack[-1][0] >= it.rank:
                    stack.pop()
                stack.append((it.rank, it.heading))
                if it.rank == top:
                    section = (
                        (section_of_heading(it.heading or it.norm, year) or "achievement")
                        if known
                        else "achievement"
                    )
                level = level_of[it.rank]
                kind = "heading" if it.standalone else "body"
            sec = section
            if not known:
                sec = (
                    "preamble"
                    if not paragraphs
                    or all(p.section == "preamble" for p in paragraphs)
                    and _is_opening(it.norm)
                    else section_of_text(it.norm)
                )
            elif sec == "achievement" and any(
                h and is_first_responsibility_heading(h) for r, h in stack if r != top
            ):
                sec = "first_responsibility"
        headings = tuple(h for _, h in stack if h) if i not in title_idx and i not in sig else ()
        paragraphs.append(
            Paragraph(
                len(paragraphs),
                it.text,
                it.norm,
                kind,
                sec,
                headings,
                level if kind == "heading" or level else None,
            )
        )
    return SegmentedReport(doc.source, doc.format, title, unit, year, tuple(paragraphs))


def _clean_title(title: str) -> str:
    """Drop the letter-spacing of display titles ("工 作 报 告")."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", title).strip()


def _is_opening(norm: str) -> bool:
    """Tell whether a paragraph opens a report (the preamble of a report without headings)."""
    return bool(re.search(r"报告如下|现将.{0,30}(报告|汇报)|情况如下|总结如下", norm)) or bool(
        re.match(r"^20\d{2}年(?:度|以来)?[,，]", norm)
    )
