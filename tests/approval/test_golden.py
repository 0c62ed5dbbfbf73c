"""Approval tests: segmentation and audits of the bundled samples (and the shared corpus when
present) against golden files. Regenerate after an intended change with
``FZGAP_UPDATE_GOLDEN=1 pytest tests/approval`` and review the diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fzgap import analyze_file, load_document, segment
from fzgap.analyze.render.text import render_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = HERE.parent / "golden"
SAMPLES = sorted((ROOT / "examples").glob("*.txt"))
LAYOUTS = sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.txt"))
SHARED = sorted((ROOT.parent / "shared" / "corpus" / "reports").glob("*.txt"))
UPDATE = os.environ.get("FZGAP_UPDATE_GOLDEN") == "1"


def _check(path: Path, actual: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"no golden file {path}; create it with FZGAP_UPDATE_GOLDEN=1")
    assert actual == path.read_text(encoding="utf-8")


def _segmentation(source: Path) -> str:
    report = segment(load_document(source))
    head = json.dumps(
        {"title": report.title, "unit": report.unit, "year": report.year}, ensure_ascii=False
    )
    rows = [json.dumps(p.to_dict(), ensure_ascii=False) for p in report.paragraphs]
    return "\n".join([head, *rows]) + "\n"


def _audit_view(source: Path) -> str:
    """The stable part of an audit: verdicts, reasons, evidence paragraphs, structure, labels."""
    report = analyze_file(source)
    data = report.to_dict()
    view = {
        "structure": data["structure"],
        "areas": [
            {
                "id": a["id"],
                "status": a["status"],
                "reasons": a["reasons"],
                "evidence": [e["index"] for e in a["evidence"]],
                "subitems_found": [s["id"] for s in a["subitems"] if s["found"]],
            }
            for a in data["areas"]
        ],
        "paragraphs": [
            {"index": p["index"], "kind": p["kind"], "section": p["section"], "labels": p["labels"]}
            for p in data["paragraphs"]
        ],
    }
    return json.dumps(view, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("source", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_segmentation(source: Path) -> None:
    _check(GOLDEN / "segment" / f"{source.stem}.jsonl", _segmentation(source))


@pytest.mark.parametrize("source", LAYOUTS, ids=[p.stem for p in LAYOUTS])
def test_layout_fixture_segmentation(source: Path) -> None:
    _check(GOLDEN / "segment" / f"layout-{source.stem}.jsonl", _segmentation(source))


@pytest.mark.skipif(not SHARED, reason="the shared corpus is not beside this clone")
@pytest.mark.parametrize("source", SHARED, ids=[p.stem for p in SHARED])
def test_shared_report_segmentation(source: Path) -> None:
    _check(GOLDEN / "segment" / f"shared-{source.stem}.jsonl", _segmentation(source))


@pytest.mark.parametrize("source", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_audit_json(source: Path) -> None:
    _check(GOLDEN / "analyze" / f"{source.stem}.json", _audit_view(source))


@pytest.mark.parametrize("source", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_audit_text(source: Path, monkeypatch) -> None:
    monkeypatch.chdir(
        ROOT
    )  # the text names the file as given: keep it independent of the clone's folder
    _check(
        GOLDEN / "analyze" / f"{source.stem}.txt",
        render_text(analyze_file(Path("examples") / source.name)),
    )


@pytest.mark.parametrize("source", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_audit_people_formats(source: Path, monkeypatch) -> None:
    """Markdown, the terminal at 80 columns in English, and the csv row: what people read."""
    from fzgap.analyze.render import render_one

    monkeypatch.chdir(ROOT)
    report = analyze_file(Path("examples") / source.name)
    _check(GOLDEN / "analyze" / f"{source.stem}.md", str(render_one(report, "md")))
    _check(
        GOLDEN / "analyze" / f"{source.stem}.en-80.txt",
        str(render_one(report, "text", width=80, lang="en")),
    )
    csv_row = bytes(render_one(report, "csv")).decode("utf-8-sig").replace("\r\n", "\n")
    _check(GOLDEN / "analyze" / f"{source.stem}.csv", csv_row)
    facts = [
        {"area": a.id, "index": e.index, "facts": [f.to_dict() for f in e.facts]}
        for a in report.areas
        for e in a.evidence
        if e.facts
    ]
    _check(
        GOLDEN / "analyze" / f"{source.stem}.facts.json",
        json.dumps(facts, ensure_ascii=False, indent=1) + "\n",
    )
