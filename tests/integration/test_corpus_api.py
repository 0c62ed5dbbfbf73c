"""The corpus API over the bundled samples: audit, save, load back, tables and charts."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

import fzgap
from fzgap import plots
from fzgap.corpus import infer_level
from fzgap.model.areas import AREAS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def corpus() -> fzgap.Corpus:
    return fzgap.audit_corpus(EXAMPLES, jobs=1, progress=False)


def test_corpus_holds_the_same_audits_as_analyze_file(corpus) -> None:
    sample = EXAMPLES / "shuangfeng-town-2023.txt"
    assert corpus.report(sample.name).statuses == fzgap.analyze_file(sample).statuses


def test_reports_keep_the_folders_sorted_order_with_parallel_workers(tmp_path) -> None:
    from fzgap.analyze.batch import collect_inputs

    for n, sample in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        # the largest file first: with two workers, the small ones finish before it
        (tmp_path / f"{n:02d}-{sample.name}").write_text(
            sample.read_text(encoding="utf-8") * (3 if n == 0 else 1), encoding="utf-8"
        )
    (tmp_path / "99-broken.docx").write_bytes(b"not a docx")
    corpus = fzgap.audit_corpus(tmp_path, jobs=2, progress=False)
    inputs = [str(p) for p in collect_inputs([str(tmp_path)])]
    assert [r.document.source for r in corpus.reports] + [s for s, _ in corpus.errors] == inputs


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


def test_a_cjk_font_is_installed_and_chosen() -> None:
    """Fails (never skips) without a CJK font: tools/setup-system.sh installs fonts-noto-cjk."""
    from matplotlib import font_manager

    family = plots.use_cjk_font()
    assert family in plots.CJK_FONTS
    path = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    assert font_manager.get_font(path).get_char_index(ord("复")) != 0


def _heldout(corpus):  # type: ignore[no-untyped-def]
    """A held-out table made up from the sample audits: their labels, scores and 0.5 cuts."""
    import pandas as pd

    paras = [p for r in corpus.reports for p in r.paragraphs]
    predicted = [tuple(a for a in AREAS if p.scores[a] >= 0.5) for p in paras]
    return pd.DataFrame(
        {
            "expected": [p.labels[:1] for p in paras],
            "predicted": predicted,
            **{f"{a}_score": [p.scores[a] for p in paras] for a in AREAS},
            **{f"{a}_threshold": [0.5] * len(paras) for a in AREAS},
        }
    )


CHARTS = {
    "heatmap": lambda c: plots.coverage_heatmap(c, "year"),
    "shares-year": lambda c: plots.status_shares(c, "year"),
    "shares-level": lambda c: plots.status_shares(c, "level"),
    "subitems": lambda c: plots.missing_subitems(c),
    "score-strip": lambda c: plots.score_strip(c.reports[0]),
    "confusion": lambda c: plots.confusion_grid(fzgap.confusion_frame(_heldout(c))),
    "margins": lambda c: plots.heldout_margins(_heldout(c)),
}


@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_charts_draw_chinese_without_missing_glyph_warnings(corpus, chart) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = CHARTS[chart](corpus)
        fig.savefig(io.BytesIO(), format="png")  # glyphs are looked up while drawing
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    assert any("决策" in t or "报告" in t for t in texts)  # the chart does carry Chinese
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing
    assert not [w for w in caught if issubclass(w.category, DeprecationWarning)]


def test_subitem_counts_are_whole_numbers_on_the_axis(corpus) -> None:
    fig = plots.missing_subitems(corpus)
    fig.canvas.draw()
    ticks = fig.axes[0].get_xticks()
    shown = [t for t in ticks if fig.axes[0].get_xlim()[0] <= t <= fig.axes[0].get_xlim()[1]]
    assert len(shown) >= 2 and all(float(t).is_integer() for t in shown)
