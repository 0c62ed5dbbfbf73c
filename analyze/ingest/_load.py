"""Ingestion: any file a supervisor receives (text, HTML, DOCX, PDF) becomes a ``Document``."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from fzgap.analyze.errors import (
    EmptyDocumentError,
    FileTooLargeError,
    FormatMismatchError,
    NotChineseError,
    UnsupportedFormatError,
)
from fzgap.analyze.ingest._bounds import bound_blocks
from fzgap.analyze.ingest._decoding import decode_text
from fzgap.analyze.ingest._document import Block, Document
from fzgap.analyze.ingest._files import DEFAULT_MAX_BYTES, read_file_bytes
from fzgap.analyze.ingest._html import looks_like_html, read_html
from fzgap.analyze.ingest._layout import assemble, block_lines, text_lines
from fzgap.analyze.ingest._pagemeta import meta_from_html_head

__all__ = [
    "load_document",
    "read_file_bytes",
    "sniff_format",
    "DEFAULT_MAX_BYTES",
    "TEXT_EXTENSIONS",
    "REPORT_SUFFIXES",
]

TEXT_EXTENSIONS = frozenset(
    {
        "",
        ".txt",
        ".text",
        ".md",
        ".html",
        ".htm",
        ".shtml",
        ".xhtml",
        ".jsp",
        ".asp",
        ".aspx",
        ".php",
    }
)
#: Suffixes a folder of reports is searched for.
REPORT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"})
_FORMAT_OF_EXTENSION = {".pdf": "pdf", ".docx": "docx"}
_HANZI = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"\x1f\x8b", "archive"),
    (b"7z\xbc\xaf", "archive"),
    (b"Rar!", "archive"),
    (b"{\\rtf", "rtf"),
)
_DESCRIBE = {
    "ole": "这是旧版 Office 文件（.doc/.wps/.xls），请另存为 .docx 后再试",
    "image": "这是图片；fzgap 读取文字，请先对扫描件做文字识别（OCR）",
    "archive": "这是压缩包，请先解压出报告文件",
    "rtf": "这是 RTF 文件，请另存为 .docx 后再试",
    "xlsx": "这是 Excel 工作簿，不是报告",
    "pptx": "这是 PowerPoint 文件，不是报告",
    "zip": "这是 ZIP 压缩包，不是报告",
}


def sniff_format(data: bytes) -> str:
    """Name the container format from the first bytes: pdf, docx, xlsx, pptx, zip, ole, image,
    archive, rtf or text."""
    head = data[:8].lstrip(b"\xef\xbb\xbf") if data.startswith(b"\xef\xbb\xbf{") else data[:8]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name == "zip":
                return _zip_kind(data)
            return name
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    return "text"


def _zip_kind(data: bytes) -> str:
    # Names of the parts sit in the local headers near the start; a full unzip is not needed to
    # sniff.
    probe = data[: 1 << 16]
    if b"word/" in probe:
        return "docx"
    if b"xl/" in probe:
        return "xlsx"
    if b"ppt/" in probe:
        return "pptx"
    return "docx" if b"[Content_Types].xml" in probe and b"word" in data else "zip"


def load_document(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a report from a path or from bytes.

    Plain text (UTF-8 with or without BOM, UTF-16, GB18030/GBK; any line ends), HTML pages
    saved from government websites, DOCX and PDF with a text layer are read; site chrome
    is removed.

    Parameters
    ----------
    source : path or bytes
        The file, or its content.
    name : str, optional
        Name used in errors for bytes input; its extension is checked against the content.
    max_bytes : int
        Refuse larger input (default 20 MB).

    Returns
    -------
    Document

    Raises
    ------
    InputError
        A subclass naming the file and what is wrong: missing, directory, too large,
        empty, binary, undecodable, unsupported, extension mismatch, corrupt, scanned PDF.

    Examples
    --------
    >>> doc = load_document(
    ...     b"\\xe4\\xb8\\x80\\xe3\\x80\\x81\\xe4\\xb8\\xbb"
    ...     b"\\xe8\\xa6\\x81\\xe4\\xb8\\xbe\\xe6\\x8e\\xaa"
    ... )
    >>> doc.blocks[0].text
    '一、主要举措'
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name or "<bytes>"
        if len(data) > max_bytes:
            raise FileTooLargeError(
                label,
                f"内容有 {len(data) / 1048576:.1f} MB，超过 {max_bytes / 1048576:.1f} MB 的上限",
            )
    else:
        path = Path(source)
        label = name or str(path)
        data = read_file_bytes(path, max_bytes)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise EmptyDocumentError(label, "是空文件")

    kind = sniff_format(data)
    ext = Path(label).suffix.lower() if label != "<bytes>" else None
    if kind == "zip" and ext == ".docx":
        kind = "docx"  # a DOCX missing its parts: say which part is missing, not "rename it"
    _check_extension(label, ext, kind)
    if kind in _DESCRIBE:
        raise UnsupportedFormatError(label, _DESCRIBE[kind])

    title_hint: str | None = None
    encoding: str | None = None
    head_meta: dict[str, str] = {}
    if kind == "pdf":
        from fzgap.analyze.ingest._pdf import read_pdf

        lines = block_lines(Block(t) for t in read_pdf(data, label))
    elif kind == "docx":
        from fzgap.analyze.ingest._docx import read_docx

        blocks, title_hint = read_docx(data, label)
        lines = block_lines(blocks)
    else:
        text, encoding = decode_text(data, label)
        if looks_like_html(text):
            kind = "html"
            html, encoding, title_hint = read_html(data, label)
            lines = block_lines(Block(t) for t in html)
            head_meta = meta_from_html_head(text)
        else:
            lines = text_lines(text)
    doc = assemble(label, kind, encoding, lines, title_hint, head_meta)
    if not any(_HANZI.search(b.text) for b in doc.blocks):
        raise NotChineseError(label, "没有一个汉字：这不是中文报告")
    bounded, notes = bound_blocks(doc.blocks)
    return replace(doc, blocks=bounded, notes=notes) if notes else doc


def _check_extension(label: str, ext: str | None, kind: str) -> None:
    """Refuse a file whose extension names another format than its content."""
    if ext is None:
        return
    expected = _FORMAT_OF_EXTENSION.get(ext)
    if expected and kind != expected:
        found = "纯文本" if kind == "text" else kind.upper()
        raise FormatMismatchError(label, f"扩展名是 {ext}，但内容是{found}；请改正扩展名或重新导出")
    if ext in TEXT_EXTENSIONS and kind in ("pdf", "docx"):
        raise FormatMismatchError(
            label,
            f"扩展名是 {ext or '（无，纯文本）'}，但内容是 {kind.upper()}；请把扩展名改为 .{kind}",
        )
    if ext in (".doc", ".wps") and kind == "text":
        raise FormatMismatchError(label, f"扩展名是 {ext}，但内容是纯文本；请把扩展名改为 .txt")
    if kind == "text" and ext in (
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".tif",
        ".tiff",
        ".zip",
        ".xlsx",
        ".xls",
        ".pptx",
        ".ppt",
        ".rar",
        ".7z",
        ".gz",
    ):
        raise FormatMismatchError(label, f"扩展名是 {ext}，但内容是纯文本；请把扩展名改为 .txt")
