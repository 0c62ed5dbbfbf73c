"""Audits pickle (as a batch's workers hand them to the parent) back into equal records."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SAMPLES

from fzgap import analyze_file
from fzgap.analyze.records import AuditReport


@pytest.mark.parametrize("path", SAMPLES[:4], ids=lambda p: p.stem)
def test_an_audit_pickles_back_equal(path: Path) -> None:
    report = analyze_file(path)
    for r in (report, replace(report, paragraphs=())):
        back = pickle.loads(pickle.dumps(r))
        assert back == r and type(back) is AuditReport
        assert back.to_dict() == r.to_dict()
        assert type(back.areas[0].evidence[0]) is type(r.areas[0].evidence[0])


def test_defaults_and_optional_values_survive(sample_audit: AuditReport) -> None:
    s = replace(sample_audit.structure, published=None, checks=(), read_by_content=True)
    d = replace(sample_audit.document, notes=("第3段过长，已截断",), encoding=None)
    r = replace(sample_audit, structure=s, document=d)
    assert pickle.loads(pickle.dumps(r, protocol=2)) == r
