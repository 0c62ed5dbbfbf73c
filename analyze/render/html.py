"""The audit as one self-contained HTML page, from the template the web tool's report page uses.

:func:`audit_view` turns an audit into what the template shows (titles, Chinese reasons, evidence
anchors, highlighted spans); :func:`render_html` renders the standalone page with its CSS inline,
no external assets and no file system paths.
"""

from __future__ import annotations

from importlib import resources
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from fzgap.analyze.constants import AREA_COLOUR, STATUS_COLOUR, STATUS_FILL, STATUS_ZH
from fzgap.analyze.records import AuditReport
from fzgap.model.areas import AREA_NAMES_ZH, SECTION_NAMES_ZH
from fzgap.model.textnorm import normalize

__all__ = ["render_html", "audit_view", "display_title", "file_name", "template_env", "css"]


def file_name(source: str) -> str:
    """The last part of a path (Windows or POSIX): a page that may be mailed shows no folders."""
    return PureWindowsPath(PurePosixPath(source).name).name or source


def display_title(report: AuditReport) -> str:
    """The report's title, else its unit and year, else its file name."""
    s = report.structure
    if s.title:
        return s.title
    if s.unit:
        return f"{s.unit}{f'{s.year}年度' if s.year else ''}法治政府建设情况报告"
    return file_name(report.document.source)


def _spans(text: str, marks: list[tuple[str, str]]) -> list[tuple[str, str | None, str | None]]:
    """Split a paragraph into (text, area, anchor) pieces, evidence sentences marked by area.

    A sentence is quoted as written or in normalised form; normalisation maps character to
    character, so a match in the normalised text marks the same span as written.
    """
    norm = normalize(text)
    hay = norm if len(norm) == len(text) else text
    found = []
    for sentence, area in marks:
        start = text.find(sentence)
        if start < 0:
            start = hay.find(sentence)
        if sentence and start >= 0:
            found.append((start, start + len(sentence), area))
    out: list[tuple[str, str | None, str | None]] = []
    pos = 0
    for start, end, area in sorted(found):
        if start < pos:
            continue
        if start > pos:
            out.append((text[pos:start], None, None))
        out.append((text[start:end], area, area))
        pos = end
    if pos < len(text):
        out.append((text[pos:], None, None))
    return out


def audit_view(report: AuditReport) -> dict[str, Any]:
    """What the report template shows, computed from the records only."""
    s = report.structure
    marks: dict[int, list[tuple[str, str]]] = {}
    areas = []
    most = max([a.counts.paragraphs for a in report.areas] + [1])
    for a in report.areas:
        for e in a.evidence:
            marks.setdefault(e.index, []).append((e.sentence, a.id))
        areas.append(
            {
                "id": a.id,
                "name": a.name,
                "colour": AREA_COLOUR[a.id],
                "status": a.status,
                "status_zh": STATUS_ZH[a.status],
                "status_colour": STATUS_COLOUR[a.status],
                "status_fill": "#" + STATUS_FILL[a.status],
                "reasons": [r.message for r in a.reasons],
                "subitems": [x.name for x in a.subitems if x.found],
                "evidence": [
                    {
                        "index": e.index,
                        "anchor": f"ev-{a.id}-{e.index}",
                        "sentence": e.sentence,
                        "section": SECTION_NAMES_ZH.get(e.section, e.section),
                        "counts": e.counts,
                    }
                    for e in a.evidence
                ],
                "paragraphs": a.counts.paragraphs,
                "facts": a.counts.strong_facts,
                # a thin area keeps a stub even with no paragraph: never drawn like a missing one
                "bar": 0
                if a.status == "missing"
                else max(6, int(100 * a.counts.paragraphs / most)),
            }
        )
    counting = set(report.checklist.counting_sections)
    paragraphs = []
    for p in report.paragraphs:
        paragraphs.append(
            {
                "index": p.index,
                "heading": p.kind in ("heading", "title"),
                "section": p.section,
                "section_zh": SECTION_NAMES_ZH.get(p.section, p.section),
                "counts": p.section in counting,
                "labels": list(p.labels),
                "scores": {k: v for k, v in p.scores.items()},
                "pieces": _spans(p.text, marks.get(p.index, [])),
                "text": p.text,
            }
        )
    return {
        "title": display_title(report),
        "unit": s.unit,
        "year": s.year,
        "file": file_name(report.document.source),
        "n_paragraphs": report.document.paragraphs,
        "areas": areas,
        "parts": [{"name": x.name, "present": x.present, "heading": x.heading} for x in s.parts],
        "missing_parts": list(s.missing_parts),
        "paragraphs": paragraphs,
        "model": str(report.model.artifact_sha256 or "")[:12],
        "checklist": report.checklist.name,
        "area_names": AREA_NAMES_ZH,
        "area_colours": AREA_COLOUR,
        "section_names": SECTION_NAMES_ZH,
        "status_zh": STATUS_ZH,
        "status_colours": STATUS_COLOUR,
    }


def template_env(extra_loader: Any = None) -> Any:
    """A Jinja2 environment over the shared templates (and ``extra_loader``'s), autoescaping."""
    import jinja2

    shared = jinja2.PackageLoader("fzgap.analyze.render", "templates")
    loader = jinja2.ChoiceLoader([extra_loader, shared]) if extra_loader else shared
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def css() -> str:
    """The report page's style sheet (inlined in the standalone page)."""
    return (
        resources.files("fzgap.analyze.render")
        .joinpath("templates/audit.css")
        .read_text(encoding="utf-8")
    )


def render_html(report: AuditReport) -> str:
    """The whole page; every piece of report text is escaped, no external assets."""
    view = audit_view(report)
    return (
        template_env().get_template("standalone.html").render(v=view, css=css(), review=None) + "\n"
    )
