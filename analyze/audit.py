"""The library entry points: a report file or text in, an ``AuditReport`` out.

ingest → segment → score (any :class:`~fzgap.model.scorer.Scorer`) → coverage rules → records.
"""

from __future__ import annotations

import os
from pathlib import Path

from fzgap.analyze.coverage import assess_area, assess_structure, score_report
from fzgap.analyze.ingest import DEFAULT_MAX_BYTES, Document, load_document
from fzgap.analyze.records import (
    AuditReport,
    ChecklistInfo,
    DocumentInfo,
    ModelInfo,
    ParagraphResult,
)
from fzgap.analyze.segment import segment
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist, load_checklist
from fzgap.model.scorer import Scorer, load_model

__all__ = ["analyze_file", "analyze_text", "analyze_document", "ModelLike", "ChecklistLike"]

ModelLike = Scorer | str | os.PathLike[str] | None
ChecklistLike = Checklist | str | os.PathLike[str] | None


def _model(model: ModelLike) -> Scorer:
    return model if isinstance(model, Scorer) else load_model(model)


_CHECKLISTS: dict[tuple[str | None, int, int], Checklist] = {}


def _checklist(checklist: ChecklistLike) -> Checklist:
    """The checklist, parsed once per file version (keyed by path, time and size)."""
    if isinstance(checklist, Checklist):
        return checklist
    key: tuple[str | None, int, int] = (None, 0, 0)
    if checklist is not None:
        try:
            st = os.stat(checklist)
        except OSError:
            return load_checklist(checklist)  # its own one-line error
        key = (str(checklist), st.st_mtime_ns, st.st_size)
    if key not in _CHECKLISTS:
        if len(_CHECKLISTS) >= 8:
            _CHECKLISTS.clear()
        _CHECKLISTS[key] = load_checklist(checklist)
    return _CHECKLISTS[key]


def analyze_document(
    doc: Document, *, model: ModelLike = None, checklist: ChecklistLike = None
) -> AuditReport:
    """Audit an ingested document.

    Parameters
    ----------
    doc : Document
        From :func:`fzgap.load_document`.
    model : Scorer or path, optional
        The classifier (default: the shipped model).
    checklist : Checklist or path, optional
        The checklist and rule thresholds (default: the shipped ``checklist.toml``).

    Returns
    -------
    AuditReport
    """
    m, cl = _model(model), _checklist(checklist)
    report = segment(doc)
    scored = score_report(report, m, cl)
    areas = tuple(assess_area(scored, k, cl) for k in range(len(AREAS)))
    # Plain floats read once (not a numpy scalar per score); the labels are labels_of's.
    rows: list[list[float]] = scored.scores.tolist()
    thresholds = [m.thresholds[a] for a in AREAS]
    results = tuple(
        ParagraphResult(
            p.index,
            p.text,
            p.kind,
            p.section,
            p.headings,
            tuple([a for a, s, t in zip(AREAS, rows[p.index], thresholds) if s >= t]),
            {a: round(s, 4) for a, s in zip(AREAS, rows[p.index])},
        )
        for p in report.paragraphs
    )
    info = DocumentInfo(
        doc.source,
        doc.format,
        doc.encoding,
        sum(len(p.text) for p in report.paragraphs),
        len(report.paragraphs),
        doc.removed,
        doc.notes,
    )
    model_info = ModelInfo(
        m.manifest.get("artifact_sha256"),
        dict(m.thresholds),
        m.manifest.get("training_data_sha256"),
    )
    checklist_info = ChecklistInfo(
        cl.name, cl.version, cl.source, tuple(cl.rules.counting_sections)
    )
    return AuditReport(info, assess_structure(report), areas, results, model_info, checklist_info)


def analyze_file(
    path: str | os.PathLike[str],
    *,
    model: ModelLike = None,
    checklist: ChecklistLike = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> AuditReport:
    """Audit a report file (text, HTML, DOCX or PDF).

    Examples
    --------
    >>> report = analyze_file("examples/qinghe-county-2024.txt")  # doctest: +SKIP
    >>> report.statuses["reconsideration"]  # doctest: +SKIP
    'covered'
    """
    return analyze_document(
        load_document(Path(path), max_bytes=max_bytes), model=model, checklist=checklist
    )


def analyze_text(
    text: str, *, name: str = "<text>", model: ModelLike = None, checklist: ChecklistLike = None
) -> AuditReport:
    """Audit a report given as a string (one paragraph per line)."""
    return analyze_document(
        load_document(text.encode("utf-8"), name=name), model=model, checklist=checklist
    )
