"""Read DOCX files: paragraphs, headings and tables in document order."""

from __future__ import annotations

import io
import zipfile
import zlib

from fzgap.analyze.errors import CorruptDocumentError, HostileDocumentError
from fzgap.analyze.ingest._document import Block, BlockHint

__all__ = ["read_docx"]

#: Limits checked on the ZIP's directory before any part is inflated. Real reports' parts
#: inflate to a few MB at ratios under 20; a zip bomb declares GBs at ratios over 1,000.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_PARTS = 2000
_REQUIRED = ("[Content_Types].xml", "word/document.xml")
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

    _check_package(data, source)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CorruptDocumentError(
            source, f"DOCX 文件已损坏，无法读取（{type(exc).__name__}）"
        ) from None
    except Exception as exc:  # python-docx raises assorted lxml/opc errors for broken packages
        raise CorruptDocumentError(
            source, f"DOCX 文件已损坏，无法读取（{type(exc).__name__}）"
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


def _check_package(data: bytes, source: str) -> None:
    """Refuse a package whose directory declares too much, or is missing its main parts.

    Python's zipfile never inflates a member past the size its directory declares, so checking
    the declared sizes bounds what python-docx can later read; each part is also inflated once
    here through a capped stream, so a lying directory is caught as well.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptDocumentError(
            source, f"DOCX 文件已损坏，无法读取（{type(exc).__name__}）"
        ) from None
    names = {i.filename for i in infos}
    missing = [n for n in _REQUIRED if n not in names]
    if missing:
        raise CorruptDocumentError(
            source, f"DOCX 文件缺少必需的部件 {'、'.join(missing)}（文件不完整或不是 Word 文档）"
        )
    if len(infos) > MAX_PARTS:
        raise HostileDocumentError(source, f"DOCX 包含 {len(infos)} 个部件，超过 {MAX_PARTS} 个")
    total = 0
    for i in infos:
        total += i.file_size
        ratio = i.file_size / max(i.compress_size, 1)
        if (
            i.file_size > MAX_PART_BYTES
            or total > MAX_TOTAL_BYTES
            or (i.file_size > 1024 * 1024 and ratio > MAX_RATIO)
        ):
            raise HostileDocumentError(
                source,
                f"DOCX 的部件 {i.filename} 声明解压后 {i.file_size / 1048576:.0f} MB"
                f"（压缩比 {ratio:.0f}），疑似压缩炸弹，拒绝读取",
            )
    for i in infos:
        _read_capped(zf, i, source)


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> None:
    """Inflate one part in chunks, stopping as soon as it passes its declared size."""
    seen = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 16):
                seen += len(chunk)
                if seen > min(info.file_size, MAX_PART_BYTES):
                    raise HostileDocumentError(
                        source, f"DOCX 的部件 {info.filename} 解压后超过声明的大小，拒绝读取"
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as exc:
        raise CorruptDocumentError(
            source, f"DOCX 的部件 {info.filename} 已损坏（{type(exc).__name__}）"
        ) from None
    except NotImplementedError:
        raise CorruptDocumentError(
            source, f"DOCX 的部件 {info.filename} 使用了不支持的压缩方式"
        ) from None
