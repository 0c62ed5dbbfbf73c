"""Read DOCX files: paragraphs, headings and tables in document order."""

from __future__ import annotations

import io
import zipfile

from fzgap.analyze.errors import CorruptDocumentError
from fzgap.analyze.ingest._document import Block, BlockHint

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p) -> str:
    """Text of a ``w:p`` element, tabs and breaks kept as spaces."""
    parts: list[str] = []
    for node in p.iter():
        if node.tag == _W + "t" and node.text:
            parts.append(node.text)
        elif node.tag in (_W + "tab", _W + "br", _W + "cr"):
            parts.append(" ")
    return "".join(parts).strip()


def _style_hint(paragraph, styles: dict[str, str]) -> BlockHint:
    style_id = paragraph.find(f"{_W}pPr/{_W}pStyle")
    name = styles.get(style_id.get(_W + "val"), "") if style_id is not None else ""
    lowered = name.lower()
    if lowered == "title" or name == "标题":
        return "title"
    if lowered.startswith("heading") or name.startswith("标题"):
        return "heading"
    return "text"


def read_docx(data: bytes, source: str) -> tuple[list[Block], str | None]:
    """Return the blocks of a DOCX file and its declared title.

    Raises
    ------
    CorruptDocumentError
        When the file is not a readable DOCX package.
    """
    import docx  # deferred: python-docx is only needed for DOCX input

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptDocumentError(
            source, f"DOCX file is damaged and cannot be read ({type(exc).__name__})"
        ) from None
    except Exception as exc:  # python-docx raises assorted lxml/opc errors for broken packages
        raise CorruptDocumentError(
            source, f"DOCX file is damaged and cannot be read ({type(exc).__name__})"
        ) from None
    styles = {s.style_id: s.name or "" for s in document.styles}
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            text = _para_text(child)
            if text:
                blocks.append(Block(text, _style_hint(child, styles)))
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                cells = [
                    " ".join(filter(None, (_para_text(p) for p in tc.iter(_W + "p"))))
                    for tc in row.iter(_W + "tc")
                ]
                text = " | ".join(c for c in cells if c)
                if text:
                    blocks.append(Block(text, "table"))
    title = (document.core_properties.title or "").strip() or None
    return blocks, title
