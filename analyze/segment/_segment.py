"""Segmentation: a ``Document`` becomes paragraphs that know their heading path and section."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from fzgap.analyze.ingest import Document
from fzgap.analyze.segment._form import DATE_LINE, UNIT_LINE, form_marks, is_table_row
from fzgap.analyze.segment._headings import (
    Marker,
    heading_parts,
    looks_like_heading,
    match_marker,
    split_joined_items,
)
from fzgap.analyze.segment._typing import Typed, type_sections
from fzgap.analyze.text import SENTENCE_ENDS, looks_like_title
from fzgap.model.sections import SectionModel
from fzgap.model.textnorm import normalize, normalize_all

__all__ = ["Kind", "Paragraph", "SegmentedReport", "segment"]

Kind = Literal["title", "heading", "body"]
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
        preamble, achievement, first_responsibility, deficiency, plan, annex or other.
    headings : tuple of str
        The heading path, outermost first; a heading's path ends with itself, a paragraph
        with a run-in heading ("（一）强化组织领导。正文") ends with that heading.
    level : int or None
        Nesting level of a heading (1 = outermost level used in this report).
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
    """A report split into paragraphs, with what its opening says about it.

    ``read_by_content`` is true when no heading names a section, so that every body paragraph's
    section was judged by what it says (and the audit says so). ``published`` is the page's
    publication date (``YYYY-MM-DD``), when ingestion found one.
    """

    source: str
    format: str
    title: str | None
    unit: str | None
    year: int | None
    paragraphs: tuple[Paragraph, ...]
    read_by_content: bool = False
    published: str | None = None


@dataclass(slots=True)
class _Item:
    text: str
    norm: str
    hint: str
    marker: Marker | None = None
    heading: str | None = None
    standalone: bool = False
    style: str | None = None


def _items(doc: Document) -> list[_Item]:
    pieces: list[tuple[str, str]] = []
    for block in doc.blocks:
        split = split_joined_items(block.text) if block.hint == "text" else [block.text]
        pieces += [(p.strip(), block.hint) for p in split if p.strip()]
    # The whole document normalised in one pass (the same text as normalize, piece by piece).
    norms = normalize_all([p for p, _ in pieces])
    return [_Item(piece, norm, hint) for (piece, hint), norm in zip(pieces, norms)]


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
        if i + 1 < len(items) and len(it.norm) <= 50 and len(items[i + 1].norm) <= 40:
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
            unit = re.sub(r"关于$", "", unit) if unit else None
    opening = next(
        (it.norm for it in items[start:] if it.hint != "title" and len(it.norm) > 30), ""
    )
    if year is None:
        m = _YEAR.search(opening[:60])
        year = int(m.group(1)) if m else None
    if unit is None:
        unit = next((items[i].norm for i in tail if UNIT_LINE.match(items[i].norm)), None)
    if unit is None:
        m = _UNIT_IN_PREAMBLE.match(opening)
        unit = m.group(1) if m else None
    if year is None:
        date = next((items[i].norm for i in tail if DATE_LINE.match(items[i].norm)), None)
        m = _YEAR.search(date or "")
        year = int(m.group(1)) - 1 if m else None
    return unit, year or None


def _find_headings(items: list[_Item], body: list[int]) -> None:
    """Mark numbered, hinted and unnumbered headings (shape and place) among the body items."""
    for pos, i in enumerate(body):
        it = items[i]
        it.marker = match_marker(it.norm)
        it.heading, it.standalone = heading_parts(it.norm, it.marker)
        if it.marker is not None:
            it.style = it.marker.style if it.heading else None
            continue
        following = items[body[pos + 1]].norm if pos + 1 < len(body) else None
        if (it.hint == "heading" and len(it.norm) <= 60) or looks_like_heading(it.norm, following):
            it.heading, it.standalone, it.style = it.norm, True, "plain"


def segment(doc: Document, section_model: SectionModel | None = None) -> SegmentedReport:
    """Split a document into paragraphs with kind, heading path and section.

    Parameters
    ----------
    doc : Document
        Output of :func:`fzgap.analyze.ingest.load_document`.
    section_model : SectionModel, optional
        The section classifier (default: the shipped one; evaluation passes a held-out fit).

    Returns
    -------
    SegmentedReport
    """
    items = _items(doc)
    title_idx = _find_title(items, doc.title_hint)
    title = _clean_title("".join(items[i].norm for i in title_idx)) or None
    start = (title_idx[-1] + 1) if title_idx else 0
    marks = form_marks([it.norm for it in items], [it.hint for it in items], start)
    sig = [i for i, m in marks.items() if m == "signature"]
    unit, year = _unit_and_year(title, items, start, sorted(sig))
    body = [i for i in range(start, len(items)) if i not in marks]
    _find_headings(items, body)
    annex = min((k for k, v in marks.items() if v == "annex"), default=None)
    if annex is not None and not is_table_row(items[annex].norm, items[annex].hint):
        items[annex].heading, items[annex].standalone, items[annex].style = (
            items[annex].norm,
            True,
            "annex",
        )
    typed = type_sections(
        [
            Typed(
                it.text,
                it.norm,
                "title" if i in title_idx else marks.get(i, "body"),
                it.heading,
                it.standalone,
                it.style,
            )
            for i, it in enumerate(items)
        ],
        year,
        section_model,
    )
    paragraphs = tuple(
        Paragraph(n, t.text, t.norm, t.kind, t.section, t.headings, t.level)  # type: ignore[arg-type]
        for n, t in enumerate(typed.rows)
    )
    return SegmentedReport(
        doc.source,
        doc.format,
        title,
        unit,
        year,
        paragraphs,
        typed.read_by_content,
        _published(doc),
    )


def _published(doc: Document) -> str | None:
    """The publication date ingestion kept as page metadata, as ``YYYY-MM-DD``."""
    raw = (doc.meta or {}).get("published")
    if not raw:
        return None
    m = re.search(r"(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", raw)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _clean_title(title: str) -> str:
    """Drop the letter-spacing of display titles ("工 作 报 告")."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", title).strip()
