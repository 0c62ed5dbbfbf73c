"""Read PDFs with a text layer, rejoining lines that the page layout wrapped mid-paragraph."""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass

from fzgap.analyze.errors import CorruptDocumentError, NoTextLayerError
from fzgap.analyze.ingest._furniture import furniture_mask
from fzgap.analyze.ingest._reflow import Line, join_lines
from fzgap.analyze.ingest._reflow import join_text as _join

__all__ = ["read_pdf", "rejoin_lines", "PdfLine"]


@dataclass(frozen=True, slots=True)
class PdfLine:
    """One text line as laid out on a page."""

    page: int
    x0: float
    x1: float
    top: float
    size: float
    text: str


def _extract_lines(data: bytes, source: str) -> list[PdfLine]:
    from pdfminer.high_level import extract_pages  # deferred: only PDF input needs pdfminer
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    lines: list[PdfLine] = []
    try:
        for page_no, page in enumerate(
            extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.3, char_margin=4.0))
        ):
            for box in page:
                if not isinstance(box, LTTextBox):
                    continue
                for line in box:
                    if not isinstance(line, LTTextLine):
                        continue
                    text = line.get_text().strip()
                    if text:
                        lines.append(
                            PdfLine(
                                page_no, line.x0, line.x1, page.height - line.y1, line.height, text
                            )
                        )
    except PDFPasswordIncorrect:
        raise CorruptDocumentError(
            source, "PDF is password-protected; save an unprotected copy and try again"
        ) from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise CorruptDocumentError(
            source, f"PDF file is damaged and cannot be read ({type(exc).__name__})"
        ) from None
    except Exception as exc:  # pdfminer raises many private error types for broken files
        raise CorruptDocumentError(
            source, f"PDF file is damaged and cannot be read ({type(exc).__name__})"
        ) from None
    lines.sort(key=lambda ln: (ln.page, round(ln.top, 1), ln.x0))
    return _merge_fragments(lines)


def _merge_fragments(lines: list[PdfLine]) -> list[PdfLine]:
    """Join pieces of one visual line that the layout analysis returned separately (justified
    text)."""
    merged: list[PdfLine] = []
    for ln in lines:
        prev = merged[-1] if merged else None
        if (
            prev
            and prev.page == ln.page
            and abs(prev.top - ln.top) < 0.3 * max(prev.size, ln.size)
            and ln.x0 >= prev.x1 - 1
        ):
            merged[-1] = PdfLine(
                prev.page,
                prev.x0,
                ln.x1,
                prev.top,
                max(prev.size, ln.size),
                _join(prev.text, ln.text),
            )
        else:
            merged.append(ln)
    return merged


def rejoin_lines(lines: list[PdfLine]) -> list[str]:
    """Merge layout-wrapped lines into paragraphs.

    Page furniture (page numbers, running headers and footers) is dropped; then a line
    continues into the next when it reaches the right margin and the next line is not
    indented, by the rule text pasted from a PDF also follows
    (:func:`fzgap.analyze.ingest._reflow.join_lines`).

    Parameters
    ----------
    lines : list of PdfLine
        Lines in reading order.

    Returns
    -------
    list of str
        Paragraph texts.
    """
    drop = furniture_mask([ln.text for ln in lines], [ln.page for ln in lines], bare_numbers=True)
    lines = [ln for ln, d in zip(lines, drop) if not d]
    if not lines:
        return []
    size = statistics.median(ln.size for ln in lines) or 10.0
    left = statistics.median_low(sorted(ln.x0 for ln in lines))
    right = (
        max(
            statistics.quantiles([ln.x1 for ln in lines], n=10, method="inclusive")[-1], left + size
        )
        if len(lines) > 1
        else lines[0].x1
    )
    return join_lines(
        [
            Line(ln.text, full=ln.x1 >= right - 1.5 * size, indented=ln.x0 >= left + 0.8 * size)
            for ln in lines
        ]
    )


def read_pdf(data: bytes, source: str) -> list[str]:
    """Return the paragraphs of a PDF's text layer.

    Raises
    ------
    CorruptDocumentError
        When the PDF cannot be parsed.
    NoTextLayerError
        When no page has extractable text (a scanned document).
    """
    lines = _extract_lines(data, source)
    if not lines:
        raise NoTextLayerError(
            source,
            "PDF has no text layer (a scanned image?); run OCR on it first and pass the text",
        )
    return rejoin_lines(lines)
