"""The audit JSON written from the records is exactly the indented JSON of ``to_dict``, and the
paragraph records hold the scorer's labels and rounded scores."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES, shared_reports

from fzgap import analyze_file
from fzgap.analyze.records import AuditReport, Fact, ParagraphResult
from fzgap.analyze.render.jsonout import audit_json, dumps_indented


def _plain(report: AuditReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("path", SAMPLES + shared_reports(), ids=lambda p: p.stem)
def test_same_text_as_the_plain_path_on_real_reports(path: Path) -> None:
    report = analyze_file(path)
    assert audit_json(report) == _plain(report)
    assert audit_json(report) == dumps_indented(report.to_dict()) + "\n"


def test_every_optional_part_is_laid_out_as_the_plain_path(sample_audit: AuditReport) -> None:
    # Notes, an empty area (no reasons, evidence, sub-items), headings, several facts.
    first = sample_audit.areas[0]
    e = first.evidence[0]
    facts = (Fact("4件", "受理4件", 0, 4), Fact('5"件\\', "办结\n5件", 3, 9))
    areas = (
        replace(first, reasons=(), evidence=(replace(e, facts=facts, strong_facts=()),)),
        replace(sample_audit.areas[1], evidence=(), subitems=()),
        *sample_audit.areas[2:],
    )
    p = sample_audit.paragraphs[0]
    paragraphs = (replace(p, headings=("一、", "（二）"), labels=(), scores={}), p)
    report = replace(
        sample_audit,
        document=replace(sample_audit.document, notes=("第3段过长，已截断",)),
        areas=areas,
        paragraphs=paragraphs,
    )
    assert audit_json(report) == _plain(report)
    assert audit_json(replace(report, paragraphs=())) == _plain(replace(report, paragraphs=()))


@pytest.mark.parametrize(
    "scores",
    [
        {"decision": np.float64(0.25)},  # a numpy number: json writes the float's text
        {"decision": 1},  # an int
        {"decision": True},
        {"decision": math.nan},  # json writes NaN
        {"decision": math.inf},
        {"decision": -0.0},
        {"决策": 0.5, "decision": 1e-05},  # other keys, in another order
    ],
)
def test_unusual_values_give_the_plain_text(sample_audit: AuditReport, scores: dict) -> None:
    p = sample_audit.paragraphs[0]
    report = replace(
        sample_audit, paragraphs=(ParagraphResult(**{**_fields(p), "scores": scores}),)
    )
    assert audit_json(report) == _plain(report)


def test_unusual_evidence_gives_the_plain_text(sample_audit: AuditReport) -> None:
    a = sample_audit.areas[0]
    for change in ({"score": np.float64(0.5)}, {"main": 1}, {"index": True}, {"score": 2}):
        e = replace(a.evidence[0], **change)  # type: ignore[arg-type]
        report = replace(sample_audit, areas=(replace(a, evidence=(e,)),))
        assert audit_json(report) == _plain(report)


def _fields(p: ParagraphResult) -> dict:
    return {f: getattr(p, f) for f in ParagraphResult.__dataclass_fields__}


@pytest.mark.parametrize("path", SAMPLES + shared_reports(), ids=lambda p: p.stem)
def test_paragraph_labels_and_scores_are_the_scorers(path: Path) -> None:
    from fzgap.analyze.coverage import score_report
    from fzgap.analyze.ingest import load_document
    from fzgap.analyze.segment import segment
    from fzgap.model.areas import AREAS
    from fzgap.model.checklist import load_checklist
    from fzgap.model.scorer import labels_of, load_model

    model, checklist = load_model(None), load_checklist(None)
    scored = score_report(segment(load_document(path)), model, checklist)
    report = analyze_file(path, model=model)
    for p in report.paragraphs:
        row = scored.scores[p.index]
        assert p.labels == labels_of(model, row)
        assert p.scores == {a: round(float(s), 4) for a, s in zip(AREAS, row)}
        assert all(type(s) is float for s in p.scores.values())
