"""Read HTML pages saved from government websites into text lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fzgap.analyze.errors import CorruptDocumentError
from fzgap.analyze.ingest._decoding import decode_text

if TYPE_CHECKING:  # lxml is imported by read_html only: a text report never loads it
    import lxml.etree
    import lxml.html

__all__ = ["read_html", "looks_like_html", "html_lines"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|table|title)\b",
    re.I | re.S,
)
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "object",
    "embed",
    "nav",
    "footer",
    "header",
    "aside",
    "form",
    "select",
    "button",
    "input",
    "textarea",
    "map",
)
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tr",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "hr",
    "body",
    "html",
    "figure",
    "figcaption",
    "caption",
    "address",
}
_WS = re.compile(r"[ \t\r\n\u00a0]+")


def looks_like_html(text: str) -> bool:
    """Tell whether decoded text is an HTML document."""
    head = text[:2048].lstrip("\ufeff")
    return bool(_HTML_START.match(head)) or ("<html" in head.lower() and "</" in text[:65536])


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb18030") else name


def html_lines(root: lxml.html.HtmlElement) -> list[str]:
    """Linearise an HTML tree: one line per block element, table cells joined by `` | ``."""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(buf)).strip()
        buf.clear()
        if text:
            lines.append(text)

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            flush()
        elif tag in ("td", "th"):
            buf.append(" | " if buf and "".join(buf).strip() else "")
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        if tag and el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return [line.strip(" |") for line in lines if line.strip(" |")]


def read_html(data: bytes, source: str) -> tuple[list[str], str, str | None]:
    """Parse an HTML page; return ``(lines, encoding, title)`` with scripts, styles and page
    furniture removed.

    Raises
    ------
    CorruptDocumentError
        When the page cannot be parsed at all.
    """
    import lxml.etree
    import lxml.html

    text, encoding = decode_text(data, source, declared=_declared_charset(data))
    try:
        root = lxml.html.document_fromstring(
            text.lstrip("\ufeff").encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (lxml.etree.ParserError, ValueError) as exc:
        raise CorruptDocumentError(source, f"HTML could not be parsed ({exc})") from None
    title_el = root.find(".//title")
    title = _WS.sub(" ", title_el.text_content()).strip() if title_el is not None else None
    for el in root.xpath("//comment() | //processing-instruction()"):
        _drop(el)
    for tag in _DROP_TAGS:
        for el in list(root.iter(tag)):
            _drop(el)
    head = root.find("head")
    if head is not None:
        _drop(head)
    _drop_link_lists(root)
    return html_lines(root), encoding, title or None


def _drop_link_lists(root: lxml.html.HtmlElement) -> None:
    """Drop menus and link lists: blocks whose text is mostly link text and holds no sentence."""
    for el in list(root.iter("ul", "ol", "dl", "div", "table", "p", "td", "span", "section")):
        if el.getparent() is None:
            continue
        text = _WS.sub("", el.text_content())
        if not text or "。" in text or len(text) > 400:
            continue
        links = "".join(_WS.sub("", a.text_content()) for a in el.iter("a"))
        if len(links) >= 0.7 * len(text) and len(list(el.iter("a"))) >= 2:
            _drop(el)


def _drop(el: lxml.etree._Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
