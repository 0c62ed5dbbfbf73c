"""Worksheets of an xlsx package streamed row by row: each sheet's rows go to a temporary file as
they are written, and are copied into the zip when the package is assembled
(:mod:`~fzgap.analyze.render.xlsx_package`). Text is stored inline, never as a formula."""

from __future__ import annotations

import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from typing import IO

__all__ = [
    "SheetStream",
    "cell_xml",
    "clean",
    "xml_safe",
    "xml_text",
    "xml_attr",
    "column_letter",
    "part",
    "MAX_TEXT",
]

#: Excel keeps at most this many characters in a cell; longer text is cut, as it always was.
MAX_TEXT = 32767
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# What XML 1.0 cannot hold even as a character reference (lone surrogates included).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_STAMP = (1980, 1, 1, 0, 0, 0)


def column_letter(n: int) -> str:
    """The letters of the 1-based column ``n`` (1 → A, 27 → AA)."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def xml_safe(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (control characters, lone
    surrogates, U+FFFE and U+FFFF)."""
    # Printable text (nearly every cell) holds none of them: skip the search.
    return value if value.isprintable() else _NOT_XML.sub("", value)


def clean(value: str) -> str:
    """Text as a cell holds it: :func:`xml_safe`, cut to :data:`MAX_TEXT` characters."""
    value = xml_safe(value)
    return value[:MAX_TEXT] if len(value) > MAX_TEXT else value


def xml_text(value: str) -> str:
    """Character data: markup escaped, a carriage return kept as a reference (parsers fold it)."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def xml_attr(value: str) -> str:
    """An attribute value in double quotes; tabs and newlines kept as references (parsers fold
    them to spaces) and what XML cannot hold dropped."""
    value = xml_text(xml_safe(value))
    return value.replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def _number(value: float) -> str:
    """A number as Excel reads it back; one it cannot hold (NaN, infinity) is refused."""
    if not math.isfinite(value):
        raise ValueError(f"a cell cannot hold the number {value!r}")
    return f"{value:.16g}"


def cell_xml(ref: str, value: object, style: int, cleaned: bool = False) -> str:
    """One ``<c>`` element: text inline (never a formula), numbers as numbers, None empty.

    Text goes through :func:`clean` unless ``cleaned`` says it already has. Raises ValueError
    for a value a cell cannot hold (another type, a non-finite number)."""
    s = f' s="{style}"' if style else ""
    if isinstance(value, str):
        if not cleaned:
            value = clean(value)
        if not value:
            return f'<c r="{ref}"{s} t="inlineStr"/>'
        keep = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{keep}>{xml_text(value)}</t></is></c>'
    if value is None:
        return f'<c r="{ref}"{s}/>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{s} t="n"><v>{_number(value)}</v></c>'
    raise ValueError(f"a cell cannot hold a {type(value).__name__}")


class SheetStream:
    """One worksheet whose rows go to a temporary file as they are written.

    Parameters
    ----------
    title : str
        Sheet name.
    widths : sequence of float
        Column widths, in characters.
    filtered : bool
        Whether an auto-filter covers the written rows.
    """

    def __init__(self, title: str, widths: Sequence[float], filtered: bool) -> None:
        self.title, self.widths, self.filtered = title, list(widths), filtered
        self.letters = [column_letter(i) for i in range(1, len(self.widths) + 1)]
        self.rows = 0
        # Unnamed temporary files: gone with the process however it ends.
        self.data = tempfile.TemporaryFile()  # noqa: SIM115
        self.links = tempfile.TemporaryFile()  # noqa: SIM115
        self.rels = tempfile.TemporaryFile()  # noqa: SIM115
        self.nlinks = 0

    def row(
        self,
        number: int,
        cells: Sequence[tuple[object, int]],
        height: float | None,
        cleaned: bool = False,
    ) -> str:
        """The XML of row ``number`` from (value, style id) pairs, not yet written; raises
        ValueError (see :func:`cell_xml`) for a value a cell cannot hold."""
        ht = f' ht="{_number(height)}" customHeight="1"' if height is not None else ""
        body = "".join(
            cell_xml(f"{col}{number}", value, style, cleaned)
            for col, (value, style) in zip(self.letters, cells)
        )
        return f'<row r="{number}"{ht}>{body}</row>'

    def write(self, xml: str, rows: int, links: Sequence[tuple[str, str]] = ()) -> None:
        """Append ``rows`` rows rendered by :meth:`row`, and their hyperlinks as (cell, target)."""
        self.data.write(xml.encode("utf-8"))
        self.rows += rows
        for ref, target in links:
            self.nlinks += 1
            rid = f"rId{self.nlinks}"
            self.links.write(f'<hyperlink ref="{ref}" r:id="{rid}"/>'.encode())
            self.rels.write(
                f'<Relationship Id="{rid}" Type="{REL}/hyperlink" Target="{xml_attr(target)}" '
                'TargetMode="External"/>'.encode()
            )

    def _head(self) -> str:
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{_number(w)}" customWidth="1"/>'
            for i, w in enumerate(self.widths, 1)
        )
        return (
            f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetPr>'
            '<outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr fitToPage="1"/></sheetPr>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A1" '
            'sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" '
            f'defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
        )

    def filter_ref(self) -> str | None:
        """The auto-filter's range (header and every written row), None without one."""
        if not self.filtered:
            return None
        return f"A1:{self.letters[-1]}{self.rows}"

    def write_part(self, zf: zipfile.ZipFile, n: int) -> None:
        """Write worksheet ``n`` (1-based) and its relationships into the package."""
        ref = self.filter_ref()
        tail = "</sheetData>" + (f'<autoFilter ref="{ref}"/>' if ref else "")
        with part(zf, f"xl/worksheets/sheet{n}.xml", self.data.tell()) as out:
            out.write(self._head().encode("utf-8"))
            _copy(self.data, out)
            out.write(tail.encode())
            if self.nlinks:
                out.write(b"<hyperlinks>")
                _copy(self.links, out)
                out.write(b"</hyperlinks>")
            out.write(
                b'<printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="1" '
                b'bottom="1" header="0.5" footer="0.5"/><pageSetup orientation="landscape" '
                b'paperSize="9" fitToHeight="0" fitToWidth="1"/></worksheet>'
            )
        if self.nlinks:
            with part(zf, f"xl/worksheets/_rels/sheet{n}.xml.rels", self.rels.tell()) as out:
                out.write(f'{HEAD}<Relationships xmlns="{PKG_REL}">'.encode())
                _copy(self.rels, out)
                out.write(b"</Relationships>")

    def close(self) -> None:
        """Drop the temporary files."""
        for fh in (self.data, self.links, self.rels):
            fh.close()


def _copy(src: IO[bytes], out: IO[bytes]) -> None:
    """Copy a temporary file from its start."""
    src.seek(0)
    shutil.copyfileobj(src, out, 1 << 20)


def part(zf: zipfile.ZipFile, name: str, size: int = 0) -> IO[bytes]:
    """A deflated member opened for writing, stamped with a fixed time."""
    info = zipfile.ZipInfo(name, date_time=_STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return zf.open(info, "w", force_zip64=size > 1 << 30)
