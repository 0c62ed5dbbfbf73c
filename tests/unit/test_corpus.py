"""The labelled corpus: schema, label names, enough positives per area, no near-duplicates."""

from __future__ import annotations

from collections import Counter

import pytest

from fzgap.model.areas import AREAS, SECTIONS
from fzgap.train.corpus import (
    MAX_JACCARD,
    MIN_OTHER,
    MIN_POSITIVES,
    CorpusError,
    load_corpus,
    near_duplicates,
)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_size_and_balance(corpus) -> None:
    counts = corpus.counts()
    assert counts["rows"] >= 2000
    for area in AREAS:
        assert counts[area] >= MIN_POSITIVES, area
    assert counts["none"] >= MIN_OTHER


def test_sources_and_sections(corpus) -> None:
    sources = Counter(r.source for r in corpus.rows)
    assert sources["authored"] >= 1800
    real = {r.report for r in corpus.rows if r.source != "authored"}
    assert real == {"gangkou-2021", "duliu-2024", "maojian-2023"}
    assert {r.section for r in corpus.rows} <= set(SECTIONS)
    for section in ("achievement", "first_responsibility", "deficiency", "plan", "preamble"):
        assert sum(r.section == section for r in corpus.rows) >= 30, section


def test_rows_are_traceable(corpus) -> None:
    keys = [(r.report, r.index) for r in corpus.rows]
    assert len(keys) == len(set(keys))


def test_no_near_duplicates(corpus) -> None:
    # Pairs of real paragraphs are what the published reports say; every authored row must be
    # distinct.
    texts = corpus.texts
    pairs = [
        (i, j, jac)
        for i, j, jac in near_duplicates(texts, MAX_JACCARD)
        if corpus.rows[i].source == "authored" or corpus.rows[j].source == "authored"
    ]
    shown = [
        (
            corpus.rows[i].report,
            corpus.rows[i].index,
            corpus.rows[j].report,
            corpus.rows[j].index,
            round(jac, 2),
        )
        for i, j, jac in pairs[:5]
    ]
    assert not pairs, shown


def test_near_duplicate_detector_finds_a_copy() -> None:
    a = "全年共办理行政复议案件66件，其中调解撤回申请7件，纠错率达到12.1%。"
    b = "全年共办理行政复议案件66件，其中调解撤回申请7件，纠错率达12.1%。"
    c = "组织开展宪法宣传周活动，发放宣传资料3000余份。"
    assert [(i, j) for i, j, _ in near_duplicates([a, b, c])] == [(0, 1)]


def test_malformed_row_is_named(tmp_path) -> None:
    (tmp_path / "bad.jsonl").write_text(
        '{"report": "x", "index": 0, "text": "t", "labels": ["votes"], "extended": [], '
        '"section": "plan", "source": "authored"}\n',
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match=r"bad.jsonl:1: unknown labels \['votes'\]"):
        load_corpus(tmp_path)
