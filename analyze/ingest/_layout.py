"""From a reader's lines to a report's blocks: furniture, hard wraps, site chrome, 公文 frame.

Every format goes through the same steps, in this order: page numbers and running headers
are dropped, hard-wrapped lines are rejoined (PDF pages were rejoined by their reader, which
knows the geometry), site chrome is dropped, and the 公文 frame is moved to metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from fzgap.analyze.errors import EmptyDocumentError
from fzgap.analyze.ingest._chrome import page_mask
from fzgap.analyze.ingest._document import Block, BlockHint, Document
from fzgap.analyze.ingest._frame import split_frame
from fzgap.analyze.ingest._furniture import furniture_mask, is_bare_number
from fzgap.analyze.ingest._margin import find_margin
from fzgap.analyze.ingest._pagemeta import meta_from_rows
from fzgap.analyze.ingest._reflow import Line, display_width, group_lines, join_text
from fzgap.analyze.text import looks_like_title

__all__ = ["RawLine", "text_lines", "block_lines", "assemble", "reflow_lines"]

_LINE_SPLIT = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c")
_STRIP = " \t\u00a0\u3000\ufeff\u200b"
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．])$"
)
_SPLIT_TITLE_HEAD = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}$")
_SPLIT_TITLE_TAIL = re.compile(r"^(?:关于|(?:19|20)\d{2}\s*年)")
#: Blank lines separate paragraphs when this share of them follow a line short of the margin.
_GAP_SHARE = 0.7


@dataclass(frozen=True, slots=True)
class RawLine:
    """A line as a reader gave it: stripped text, hint, indentation, a blank line before it."""

    text: str
    hint: BlockHint = "text"
    lead: float = 0.0
    gap: bool = False


def text_lines(text: str) -> list[RawLine]:
    """Split plain text into stripped, non-empty lines, remembering indentation and blank lines."""
    out: list[RawLine] = []
    gap = False
    for raw in _LINE_SPLIT.split(text):
        s = raw.strip(_STRIP)
        if not s:
            gap = bool(out)
            continue
        # Most lines start flush: no indentation to measure.
        lead = (
            display_width(raw[: len(raw) - len(raw.lstrip(_STRIP))].replace("\ufeff", ""))
            if raw[0] in _STRIP
            else 0.0
        )
        out.append(RawLine(s, "text", lead, gap))
        gap = False
    return out


def block_lines(blocks: Iterable[Block]) -> list[RawLine]:
    """Strip a reader's blocks, dropping empty ones."""
    return [RawLine(b.text.strip(_STRIP), b.hint) for b in blocks if b.text.strip(_STRIP)]


def _cells(text: str) -> list[str] | None:
    """The cells of a table row written as text (``a | b | c`` or tab-separated), else ``None``."""
    sep = "|" if "|" in text else "\t" if "\t" in text else None
    if sep is None:
        return None
    cells = [c.strip(_STRIP) for c in text.split(sep)]
    filled = [c for c in cells if c]
    if len(filled) < 2:
        return None
    # "一、\t主要举措" is a numbered paragraph copied from a word processor, not a row.
    if sep == "\t" and len(filled) == 2 and _NUMBERING.match(filled[0]):
        return None
    return cells


def _as_table(line: RawLine) -> RawLine:
    """Hint a row of cells as a table row; tab-separated cells are written `` | `` as elsewhere."""
    if line.hint != "text":
        return line
    cells = _cells(line.text)
    if cells is None:
        return line
    text = " | ".join(c for c in cells if c) if "|" not in line.text else line.text
    return RawLine(text, "table", line.lead, line.gap)


def reflow_lines(lines: list[RawLine], *, furniture: bool = True) -> tuple[list[Block], int]:
    """Drop page furniture and rejoin hard-wrapped lines; leave one-paragraph-a-line text alone.

    Parameters
    ----------
    lines : list of RawLine
        A reader's lines in order.
    furniture : bool
        Drop page numbers and running headers (already done for PDF pages).

    Returns
    -------
    blocks : list of Block
    dropped : int
        How many furniture lines were dropped.
    """
    lines = [_as_table(ln) for ln in lines]
    drop = furniture_mask([ln.text for ln in lines]) if furniture else [False] * len(lines)
    flowing = [i for i, ln in enumerate(lines) if ln.hint == "text" and not drop[i]]
    margin = find_margin([lines[i].text for i in flowing], [lines[i].lead for i in flowing])
    if margin is not None and furniture:
        # In wrapped text a number alone on a line is a page number.
        drop = [d or (ln.hint == "text" and is_bare_number(ln.text)) for d, ln in zip(drop, lines)]
    kept = [(i, ln) for i, ln in enumerate(lines) if not drop[i]]
    if margin is None:
        return [Block(ln.text, ln.hint) for _, ln in kept], sum(drop)
    base = min((ln.lead for _, ln in kept if ln.hint == "text"), default=0.0)
    prev_kept = {j: (kept[k - 1][0] if k else -1) for k, (j, _) in enumerate(kept)}
    # A blank line next to dropped furniture is a page break, not a paragraph break.
    gaps = {j for j, ln in kept if ln.gap and prev_kept[j] == j - 1}
    full = {j: margin.full(ln.text, ln.lead) for j, ln in kept if ln.hint == "text"}
    after_short = sum(1 for j in gaps if not full.get(prev_kept[j], False))
    use_gaps = len(gaps) >= 3 and after_short >= _GAP_SHARE * len(gaps)
    flow = [
        Line(
            ln.text,
            full=full.get(j, False),
            indented=ln.lead > base + 0.5,
            alone=ln.hint != "text",
            after_gap=use_gaps and j in gaps,
        )
        for j, ln in kept
    ]
    blocks = []
    for group in group_lines(flow):
        text = flow[group[0]].text
        for k in group[1:]:
            text = join_text(text, flow[k].text)
        blocks.append(Block(text, kept[group[0]][1].hint if len(group) == 1 else "text"))
    return blocks, sum(drop)


def assemble(
    source: str,
    kind: str,
    encoding: str | None,
    lines: list[RawLine],
    title_hint: str | None = None,
    meta: dict[str, str] | None = None,
) -> Document:
    """Turn a reader's lines into a ``Document``: furniture, wraps, chrome and frame handled.

    Parameters
    ----------
    source : str
        The file's name, for errors.
    kind : str
        ``text``, ``html``, ``docx`` or ``pdf``.
    encoding : str or None
    lines : list of RawLine
    title_hint : str, optional
        A title the container declared.
    meta : dict, optional
        Metadata the reader found (an HTML head's publication date); it wins over info rows.

    Returns
    -------
    Document

    Raises
    ------
    EmptyDocumentError
        When nothing of a report remains.
    """
    blocks, furniture = reflow_lines(lines, furniture=kind != "pdf")
    # The frame goes first: chrome stripping takes short lines above a title for site menus.
    framed, frame = split_frame(_join_split_title(blocks))
    keep = page_mask([b.text for b in framed])
    body = [b for b, k in zip(framed, keep) if k]
    if not body:
        what = "只有网站的导航和页眉页脚，没有报告正文" if blocks else "没有文字内容"
        raise EmptyDocumentError(source, what)
    found = meta_from_rows(b.text for b, k in zip(framed, keep) if not k)
    merged = {**found, **frame, **(meta or {})}
    chrome = len(framed) - len(body)
    if kind == "html":
        body = _with_page_title(body, title_hint)
    return Document(
        source,
        kind,
        encoding,
        tuple(body),
        title_hint,
        chrome,
        meta=dict(sorted(merged.items())),
        furniture=furniture + len(blocks) - len(framed),
    )


def _join_split_title(blocks: list[Block]) -> list[Block]:
    """Join a title set on two lines, the organ above the rest (``某县政府`` / ``关于……的报告``)."""
    for i in range(min(len(blocks) - 1, 5)):
        a, b = blocks[i].text, blocks[i + 1].text
        if (
            blocks[i].hint in ("text", "title")
            and blocks[i + 1].hint in ("text", "title")
            and len(a) <= 30
            and _SPLIT_TITLE_HEAD.match(a)
            and _SPLIT_TITLE_TAIL.match(b)
            and not looks_like_title(a)
            and looks_like_title(a + b)
        ):
            hint: BlockHint = "title" if "title" in (blocks[i].hint, blocks[i + 1].hint) else "text"
            return [*blocks[:i], Block(a + b, hint), *blocks[i + 2 :]]
    return blocks


def _with_page_title(blocks: list[Block], title: str | None) -> list[Block]:
    """Put the page's <title> first when the page body does not print the report's title."""
    if not title or any(looks_like_title(b.text) for b in blocks[:5]):
        return blocks
    # Site names follow the report title: "…年度报告_某某县人民政府", "…报告 - 某某网".
    cleaned = re.split(r"\s*[_|｜]\s*|\s+[-—–]\s+", title.strip())[0]
    return [Block(cleaned, "title"), *blocks] if looks_like_title(cleaned) else blocks
