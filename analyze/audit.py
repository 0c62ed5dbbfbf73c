"""The library entry points: a report file or text in, an ``AuditReport`` out."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from fzgap.analyze.coverage import ScoredReport, assess_area, assess_structure
from fzgap.analyze.document import Document
from fzgap.analyze.evidence import split_clauses, split_sentences
from fzgap.analyze.ingest import DEFAULT_MAX_BYTES, load_document
from fzgap.analyze.records import AuditReport, DocumentInfo, ParagraphResult
from fzgap.analyze.segment import segment
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist, load_checklist
from fzgap.model.scorer import AreaModel, load_model

__all__ = ["analyze_file", "analyze_text", "analyze_document"]

ModelLike = AreaModel | str | os.PathLike[str] | None
ChecklistLike = Checklist | str | os.PathLike[str] | None


def _model(model: ModelLike) -> AreaModel:
    return model if isinstance(model, AreaModel) else load_model(model)


def _checklist(checklist: ChecklistLike) -> Checklist:
    return checklist if isinstance(checklist, Checklist) else load_checklist(checklist)


def analyze_document(doc: Document, *, model: ModelLike = None, checklist: ChecklistLike = None) -> AuditReport:
    """Audit an ingested document.

    Parameters
    ----------
    doc : Document
        From :func:`fzgap.load_document`.
    model : AreaModel or path, optional
        The classifier (default: the shipped model).
    checklist : Checklist or path, optional
        The checklist and rule thresholds (default: the shipped ``checklist.toml``).

    Returns
    -------
    AuditReport
    """
    m, cl = _model(model), _checklist(checklist)
    report = segment(doc)
    paragraphs = report.paragraphs
    scores = m.predict_proba([p.text for p in paragraphs])
    sentences = tuple(tuple(split_sentences(p.norm)) if p.kind == "body" else (p.norm,) for p in paragraphs)
    flat = [s for group in sentences for s in group]
    flat_scores = m.predict_proba(flat) if flat else np.zeros((0, len(AREAS)))
    bounds = np.cumsum([0] + [len(g) for g in sentences])
    per = tuple(flat_scores[bounds[i] : bounds[i + 1]] for i in range(len(sentences)))
    shown = tuple(tuple(split_sentences(p.text)) if p.kind == "body" else (p.text,) for p in paragraphs)
    scored = ScoredReport(report, scores, sentences, shown, per, m.thresholds, _clauses(m, cl, paragraphs, sentences))
    areas = tuple(assess_area(scored, k, cl) for k in range(len(AREAS)))
    results = tuple(
        ParagraphResult(p.index, p.text, p.kind, p.section, p.headings, m.labels_of(scores[p.index]),
                        {a: round(float(s), 4) for a, s in zip(AREAS, scores[p.index])})
        for p in paragraphs
    )
    info = DocumentInfo(doc.source, doc.format, doc.encoding, sum(len(p.text) for p in paragraphs), len(paragraphs), doc.removed)
    model_info = {"artifact_sha256": m.manifest.get("artifact_sha256"), "thresholds": m.thresholds,
                  "training_data_sha256": m.manifest.get("training_data_sha256")}
    checklist_info = {"name": cl.name, "version": cl.version, "source": cl.source,
                      "counting_sections": list(cl.rules.counting_sections)}
    return AuditReport(info, assess_structure(report), areas, results, model_info, checklist_info)


def _clauses(m: AreaModel, cl: Checklist, paragraphs, sentences) -> dict[tuple[int, int], tuple[str, float]]:
    """Score the clauses that carry a sub-item's wording: a passing mention may be one clause long."""
    keys: list[tuple[int, int, str]] = []
    for p, group in zip(paragraphs, sentences):
        if p.kind != "body":
            continue
        for sentence in group:
            for clause in split_clauses(sentence):
                for k, spec in enumerate(cl.areas):
                    if any(sub.found_in(clause) for sub in spec.subitems):
                        keys.append((p.index, k, clause))
    if not keys:
        return {}
    scores = m.predict_proba([c for _, _, c in keys])
    best: dict[tuple[int, int], tuple[str, float]] = {}
    for (i, k, clause), row in zip(keys, scores):
        if row[k] > best.get((i, k), ("", -1.0))[1]:
            best[(i, k)] = (clause, float(row[k]))
    return best


def analyze_file(path: str | os.PathLike[str], *, model: ModelLike = None, checklist: ChecklistLike = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> AuditReport:
    """Audit a report file (text, HTML, DOCX or PDF).

    Examples
    --------
    >>> report = analyze_file("examples/qinghe-county-2024.txt")  # doctest: +SKIP
    >>> report.statuses["reconsideration"]  # doctest: +SKIP
    'covered'
    """
    return analyze_document(load_document(Path(path), max_bytes=max_bytes), model=model, checklist=checklist)


def analyze_text(text: str, *, name: str = "<text>", model: ModelLike = None, checklist: ChecklistLike = None) -> AuditReport:
    """Audit a report given as a string (one paragraph per line)."""
    return analyze_document(load_document(text.encode("utf-8"), name=name), model=model, checklist=checklist)
