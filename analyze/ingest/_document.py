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
        How many chrome lines ingestion dropped.
    notes : tuple of str
        What ingestion changed to bound the cost (over-long blocks split), in Chinese.
    """

    source: str
    format: str
    encoding: str | None
    blocks: tuple[Block, ...]
    title_hint: str | None = None
    removed: int = 0
    notes: tuple[str, ...] = ()
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
            "blocks": len(self.blocks),
        }
