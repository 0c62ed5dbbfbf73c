"""Properties over every whole report: reflow undoes a hard wrap and leaves unwrapped text alone.

For every sample, fixture and layout-fixture report (and the shared corpus when present):
reading ``hard_wrap(report)`` gives the report's own paragraphs, reading the report in a 公文
frame gives its paragraphs with the frame in ``Document.meta``, and reflow leaves the report
itself untouched.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from conftest import ROOT, shared_reports
from layouts import _width, _wrap, gongwen_frame, hard_wrap

from fzgap import load_document
from fzgap.analyze.ingest._layout import reflow_lines, text_lines

FIXTURES = ROOT / "tests" / "fixtures"
REPORTS = [
    *sorted((ROOT / "examples").glob("*.txt")),
    *sorted((FIXTURES / "reports").glob("*.txt")),
    # l5 is itself pasted from a PDF; the others are one paragraph a line.
    *[p for p in sorted((FIXTURES / "layouts").glob("*.txt")) if not p.name.startswith("l5")],
    *shared_reports(),
]
SEEDS = range(3)


def _from_a_pdf(path: Path) -> Path:
    """Skip reports copied from a web page (site chrome in them): no PDF carries a site's menus."""
    if load_document(path).removed:
        pytest.skip("copied from a web page")
    return path


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _paragraphs(data: bytes | Path) -> list[str]:
    return [_squash(b.text) for b in load_document(data, name="r.txt").blocks]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_reflow_leaves_an_unwrapped_report_unchanged(path: Path) -> None:
    lines = text_lines(path.read_text(encoding="utf-8"))
    blocks, dropped = reflow_lines(lines)
    assert [b.text for b in blocks] == [ln.text for ln in lines] and dropped == 0


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_reflow_undoes_a_hard_wrap_with_indented_paragraphs(path: Path) -> None:
    path = _from_a_pdf(path)
    text = path.read_text(encoding="utf-8")
    original = _paragraphs(path)
    for seed in SEEDS:
        wrapped = hard_wrap(text, seed, indent=True).encode("utf-8")
        assert _paragraphs(wrapped) == original, f"seed {seed}"


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_reflow_undoes_a_flush_left_hard_wrap_but_for_paragraphs_ending_at_the_margin(
    path: Path,
) -> None:
    # Without indentation a paragraph ending exactly at the margin reads as going on: the
    # only differences allowed are such paragraphs joined to the next.
    path = _from_a_pdf(path)
    text = path.read_text(encoding="utf-8")
    original = _paragraphs(path)
    for seed in SEEDS:
        got = _paragraphs(hard_wrap(text, seed).encode("utf-8"))
        width = random.Random(seed).randint(30, 45)
        flush = {
            _squash(p)
            for p in (s.strip() for s in text.splitlines())
            if p and _width(_wrap(p, width, False)[-1]) >= width - 1
        }
        i = 0
        for paragraph in got:
            run = original[i]
            i += 1
            while run != paragraph:
                assert run in flush and paragraph.startswith(run), f"seed {seed}: {paragraph[:40]}"
                run += original[i]
                i += 1
        assert i == len(original)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_a_gongwen_frame_goes_to_meta(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if text.startswith("桐政报"):
        pytest.skip("already in a 公文 frame (checked in test_reflow)")
    original = [p for p in _paragraphs(path) if p != "特此报告。"]
    for seed in SEEDS:
        doc = load_document(gongwen_frame(text, seed).encode("utf-8"), name="r.txt")
        assert [_squash(b.text) for b in doc.blocks if b.text != "特此报告。"] == original
        assert {"doc_number", "addressee", "cc", "issued", "issued_date"} <= set(doc.meta)
