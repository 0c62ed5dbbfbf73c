"""The corpus API over the bundled samples: audit, save, load back, tables and charts."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import fzgap
from fzgap.corpus import infer_level

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def corpus() -> fzgap.Corpus:
    return fzgap.audit_corpus(EXAMPLES, jobs=1, progress=False)


def test_corpus_holds_the_same_audits_as_analyze_file(corpus) -> None:
    sample = EXAMPLES / "shuangfeng-town-2023.txt"
    assert corpus.report(sample.name).statuses == fzgap.analyze_file(sample).statuses


def test_saved_corpus_loads_back_equal(corpus, tmp_path) -> None:
    corpus.save(tmp_path)
    assert fzgap.Corpus.load(tmp_path) == corpus


def test_frame_has_one_row_per_report_with_levels(corpus) -> None:
    df = corpus.frame().set_index("file")
    assert df.loc["shuangfeng-town-2023.txt", "level"] == "township"
    assert df.loc["linjiang-market-2022.txt", "level"] == "department"
    assert df.loc["shuangfeng-town-2023.txt", "first_responsibility"] == "missing"


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("江岳省人民政府", "province"),
        ("清河县人民政府", "county"),
        ("临江市人民政府", "city"),
        ("双峰镇", "township"),
    ],
)
def test_level_inferred_from_unit_name(unit, level) -> None:
    assert infer_level(unit) == level


def test_charts_draw_chinese_without_missing_glyph_warnings(corpus, tmp_path) -> None:
    from fzgap import plots

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font"
        figs = [
            plots.coverage_heatmap(corpus, "year"),
            plots.status_shares(corpus, "level"),
            plots.missing_subitems(corpus),
            plots.score_strip(corpus.reports[0]),
        ]
        for n, fig in enumerate(figs):
            fig.savefig(tmp_path / f"{n}.png")
