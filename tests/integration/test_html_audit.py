"""The standalone HTML audit: the report page's template, safe to mail and to open on a phone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import fzgap
from fzgap.analyze.render.html import render_html

ROOT = Path(__file__).resolve().parents[2]


def test_page_has_viewport_evidence_links_and_no_codes_or_folders() -> None:
    path = (ROOT / "examples" / "shuangfeng-town-2023.txt").resolve()
    report = fzgap.analyze_file(path)
    page = render_html(report)
    assert 'name="viewport"' in page and "<script" not in page and "<link" not in page
    assert 'src="http' not in page and 'href="http' not in page
    assert str(path.parent) not in page and "shuangfeng-town-2023.txt" in page
    for a in report.areas:
        for r in a.reasons:
            assert r.message in page and r.code not in page
        for e in a.evidence:
            assert f'href="#ev-{a.id}-{e.index}"' in page and f'id="ev-{a.id}-{e.index}"' in page


def test_title_falls_back_to_unit_and_year_then_file_name() -> None:
    report = fzgap.analyze_file(ROOT / "examples" / "qinghe-county-2024.txt")
    s = report.structure
    no_title = dataclasses.replace(report, structure=dataclasses.replace(s, title=None))
    assert "<title>清河县人民政府2024年度法治政府建设情况报告" in render_html(no_title)
    bare = dataclasses.replace(
        no_title,
        structure=dataclasses.replace(s, title=None, unit=None),
        document=dataclasses.replace(report.document, source="/home/wang/报告/东汇区.txt"),
    )
    page = render_html(bare)
    assert "<title>东汇区.txt" in page and "/home/wang" not in page


def test_thin_area_without_paragraphs_is_not_drawn_like_a_missing_one() -> None:
    report = fzgap.analyze_file(ROOT / "examples" / "qinghe-county-2024.txt")
    zero = dataclasses.replace(report.areas[0].counts, paragraphs=0)
    thin = dataclasses.replace(report.areas[0], status="thin", counts=zero)
    missing = dataclasses.replace(report.areas[1], status="missing", counts=zero)
    page = render_html(dataclasses.replace(report, areas=(thin, missing, *report.areas[2:])))
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert chart.count('stroke-dasharray="3 2"') == 1  # the thin area's stub
    assert chart.count("<line") == 1  # the missing area's mark
