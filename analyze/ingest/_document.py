"""The ``Document`` type: text blocks of a report in reading order, before segmentation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Block", "Document", "BlockHint"]

BlockHint = Literal["text", "heading", "title", "table"]


@dataclass(frozen=True, slots=True)
class Block:
    """One block of text as the source laid it out (a line, a DOCX paragraph, a table row)."""

    text: str
    hint: BlockHint = "text"


@dataclass(frozen=True, slots=True)
class Document:
    """A report as read from its file, site chrome removed.

    Attributes
    ----------
    source : str
        File path, or ``<bytes>`` for in-memory input.
    format : str
        ``text``, ``html``, ``docx`` or ``pdf``.
    encoding : str or None
        Detected text encoding (``None`` for DOCX and PDF).
    blocks : tuple of Block
        Text blocks in reading order, as written (not normalised).
    title_hint : str or None
        A title the container declared (HTML ``<title>``, DOCX core property).
    removed : int
        How many site-chrome lines ingestion dropped.
    furniture : int
        How many other lines were not the report's text: page numbers, running headers and
        footers, and the 公文 frame lines moved to ``meta``.
    meta : dict of str to str
        What the page and the document frame say about the report, keys present only when
        found: ``published`` (the page's publication date, ISO ``YYYY-MM-DD``, from its
        ``发布日期`` / ``发布时间`` row or a ``<meta name="PubDate">``-style tag), ``written``
        (its ``成文日期`` row), ``doc_number`` (文号), ``signer`` (签发人), ``letterhead``
        (``某县人民政府文件``), ``addressee`` (主送), ``cc`` (抄送), ``issued`` (the ``……印发``
        line) and ``issued_date`` (its date, ISO), ``disclosure`` (``此件公开发布``),
        ``contact`` (the 联系人 note).
    """

    source: str
    format: str
    encoding: str | None
    blocks: tuple[Block, ...]
    title_hint: str | None = None
    removed: int = 0
    furniture: int = 0
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        """The document's text, one block a line."""
        return "\n".join(b.text for b in self.blocks)

    def to_dict(self) -> dict[str, object]:
        """Plain-data form for JSON output."""
        return {
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "title_hint": self.title_hint,
            "removed_chrome_lines": self.removed,
            "removed_furniture_lines": self.furniture,
            "blocks": len(self.blocks),
            "meta": dict(self.meta),
        }
