"""Whole fictional reports and their variants (area removed, reworded without keywords, moved to the
plan), each with the verdicts a careful reviewer gives; only clear-cut statuses are asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzgap import analyze_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
CASES = [
    (name, area, status)
    for expected in sorted(FIXTURES.glob("*-expected.json"))
    for name, verdicts in sorted(json.loads(expected.read_text(encoding="utf-8")).items())
    for area, status in verdicts.items()
    if area != "notes" and status in ("covered", "thin", "missing")
]
_cache: dict[str, object] = {}


def _audit(name: str):
    if name not in _cache:
        _cache[name] = analyze_file(FIXTURES / name)
    return _cache[name]


def test_there_are_enough_cases() -> None:
    files = {name for name, _, _ in CASES}
    assert len(files) >= 16
    for kind in ("-removed-", "-reworded-", "-plan-"):
        assert sum(kind in f for f in files) >= 4, kind


@pytest.mark.parametrize(("name", "area", "status"), CASES, ids=[f"{n}:{a}" for n, a, _ in CASES])
def test_fixture_verdict(name: str, area: str, status: str) -> None:
    result = _audit(name).area(area)
    assert result.status == status, [r.message for r in result.reasons]
