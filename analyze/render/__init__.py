"""Renderers: one module per output format, each reading ``AuditReport`` records only.

:func:`render_one` picks the renderer for a format: one report in, text or bytes out.
"""

from __future__ import annotations

from fzgap.analyze.records import AuditReport

__all__ = ["render_one", "FORMATS", "EXTENSIONS"]

FORMATS = ("text", "json", "jsonl", "md", "html", "csv", "xlsx")
EXTENSIONS = {
    "text": ".txt",
    "json": ".json",
    "jsonl": ".jsonl",
    "md": ".md",
    "html": ".html",
    "csv": ".csv",
    "xlsx": ".xlsx",
}


def render_one(
    report: AuditReport,
    fmt: str,
    colour: bool = False,
    width: int | None = None,
    lang: str = "zh",
) -> str | bytes:
    """Render one audit in ``fmt`` (csv and xlsx give a one-row summary table).

    Parameters
    ----------
    report : AuditReport
    fmt : str
        One of ``FORMATS``.
    colour : bool
        ANSI colours in the text format.
    width : int, optional
        Display columns of the text format (default ``render.text.DEFAULT_WIDTH``).
    lang : {"zh", "en"}
        Language of the people-facing formats (text, md); machine formats keep English ids.
    """
    if fmt == "text":
        from fzgap.analyze.render.text import DEFAULT_WIDTH, render_text

        return render_text(report, colour=colour, width_=width or DEFAULT_WIDTH, lang=lang)
    if fmt == "json":
        from fzgap.analyze.render.jsonout import render_json

        return render_json(report)
    if fmt == "jsonl":
        from fzgap.analyze.render.jsonout import render_jsonl_line

        return render_jsonl_line(report)
    if fmt == "md":
        from fzgap.analyze.render.markdown import render_markdown

        return render_markdown(report, lang=lang)
    if fmt == "html":
        from fzgap.analyze.render.html import render_html

        return render_html(report)
    from fzgap.analyze.render.table import render_csv, render_xlsx, summary_row

    row = summary_row(report.document.source, report)
    return (
        render_csv([row])
        if fmt == "csv"
        else render_xlsx([row], [(report.document.source, report)])
    )
