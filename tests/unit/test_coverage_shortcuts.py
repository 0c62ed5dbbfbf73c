"""The coverage rules' shortcuts give what their plain forms give, on the bundled reports.

Each plain form here is the straightforward way to compute the same thing (a character-by-
character walk, a max per paragraph, a look-behind that comes first): the shortcuts must agree
with them on real text and on the bracket and boundary cases that real text rarely holds.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from conftest import SAMPLES, shared_reports

from fzgap.analyze.coverage import score_report, split_sentences
from fzgap.analyze.coverage._evidence import (
    _BOUNDARY,
    _CASE,
    _CLOSE,
    _DOC,
    _DOCNO,
    _OPEN,
    PHRASE_MAX,
    _fact_matches,
    _figure_pattern,
    _inside_brackets,
    fact_phrases,
    strong_facts,
)
from fzgap.analyze.coverage._shortcuts import (
    _best_sentence_scores,
    best_sentence,
    facts_once,
    report_view,
)
from fzgap.analyze.ingest import load_document
from fzgap.analyze.segment import segment
from fzgap.model.checklist import load_checklist
from fzgap.model.scorer import load_model

UNITS = load_checklist().rules.strong_units
EDGES = (
    "出台《后评估办法》（清政办发〔2024〕11号），形成报告1份。",
    "((《办法》12件，“甲乙”案，3件）、4次",
    "》》)12件(（“” 5份，〔2023〕3号",
    "x12345件、1.5.3件，0.5%的" + "长" * 40 + "20人次",
    "《" + "长" * 70 + "》5份，印发《" + "名" * 40 + "》",
    '"甲乙丙"一案共7起，(内含12项，：5场',
    "ab12件，3 余 人参加，“未闭合的引号12件",
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every paragraph and sentence (normalised) of the bundled and shared reports."""
    out = list(EDGES)
    for path in [*SAMPLES, *shared_reports()]:
        for p in segment(load_document(path)).paragraphs:
            out += [p.norm, *split_sentences(p.norm)]
    return out


def _plain_figures(units: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    return re.compile(rf"(?<![\d.])\d+(?:\.\d+)?\s*(?:[余多]\s*)?(?:{alternatives})")


def _plain_matches(text: str) -> list[tuple[int, int, str]]:
    found = [m for pattern in (_DOC, _DOCNO, _CASE) for m in pattern.finditer(text)]
    found += _plain_figures(UNITS).finditer(text)
    return [(m.start(), m.end(), m.group(0)) for m in found]


def _plain_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The phrase bounds walked a character at a time, depth counted from the text's start."""

    def inside(i: int) -> bool:
        return _inside_brackets(text, i)

    lo = start
    while lo > 0 and not (text[lo - 1] in _BOUNDARY and not inside(lo - 1)):
        lo -= 1
    hi = end
    while hi < len(text) and not (text[hi] in _BOUNDARY and not inside(hi)):
        hi += 1
    if hi - lo > PHRASE_MAX:
        clause_lo = lo
        room = 2 if text[start] == "《" else min(14, PHRASE_MAX - (end - start))
        lo, hi = max(lo, start - max(2, room)), end
        while lo > clause_lo and text[lo - 1].isascii() and text[lo - 1].isalnum():
            lo -= 1
        if inside(lo):
            lo = max(clause_lo, max(text.rfind(ch, 0, lo) for ch in _OPEN))
    while lo < start and text[lo] == " ":
        lo += 1
    if hi < len(text) and text[hi] in _CLOSE and _inside_brackets(text[lo:], hi - lo):
        hi += 1
    return lo, hi


def _plain_phrases(text: str) -> list[tuple[str, str, int, int]]:
    out: list[tuple[str, str, int, int]] = []
    for start, end, fact in _plain_matches(text):
        lo, hi = _plain_bounds(text, start, end)
        for i, (first, _, a, b) in enumerate(out):
            if lo < b and a < hi:
                lo, hi = min(a, lo), max(b, hi)
                out[i] = (first, text[lo:hi], lo, hi)
                break
        else:
            out.append((fact, text[lo:hi], lo, hi))
    return out


def test_figure_pattern_finds_what_the_look_behind_first_finds(texts: list[str]) -> None:
    fast, plain = _figure_pattern(UNITS), _plain_figures(UNITS)
    spans = [[m.span() for m in fast.finditer(t)] for t in texts]
    assert spans == [[m.span() for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, spans)) > 100
    assert [m.group() for m in fast.finditer("a1.5件 12.5% 3.4.5件 7 余人")] == [
        "1.5件",
        "12.5%",
        "7 余人",
    ]


def test_fact_scans_skipped_only_where_they_find_nothing(texts: list[str]) -> None:
    for text in texts:
        found = [(m.start(), m.end(), m.group(0)) for m in _fact_matches(text, UNITS)]
        assert found == _plain_matches(text)
    assert any(_DOC.search(t) for t in texts) and any(_DOCNO.search(t) for t in texts)


def test_fact_phrases_are_the_character_walk(texts: list[str]) -> None:
    bracketed = 0
    for text in texts:
        phrases = fact_phrases(text, UNITS)
        assert phrases == _plain_phrases(text)
        assert strong_facts(text, UNITS) == [f for _, _, f in _plain_matches(text)]
        bracketed += bool(phrases) and any(ch in text for ch in _OPEN)
    assert bracketed > 20


@pytest.fixture(scope="module")
def scored():  # type: ignore[no-untyped-def]
    model, cl = load_model(None), load_checklist()
    return [score_report(segment(load_document(path)), model, cl) for path in SAMPLES[:4]]


def test_best_sentence_scores_are_each_paragraphs_max(scored) -> None:  # type: ignore[no-untyped-def]
    for report in scored:
        want = np.array([s.max(axis=0) for s in report.sentence_scores])
        assert np.array_equal(_best_sentence_scores(report), want)
        # A paragraph without sentences has none to be best.
        groups = list(report.sentence_scores)
        groups[1] = groups[1][:0]
        bare = _best_sentence_scores(_with(report, sentence_scores=tuple(groups)))
        assert np.all(bare[1] == -np.inf) and np.array_equal(bare[2:], want[2:])


def _with(report, **changes):  # type: ignore[no-untyped-def]
    return dataclasses.replace(report, **changes)


def test_report_view_holds_the_reports_own_values(scored) -> None:  # type: ignore[no-untyped-def]
    for report in scored:
        view = report_view(report)
        assert report_view(report) is view  # the areas after the first reuse it
        assert view.tops == [int(np.argmax(row)) for row in report.scores]
        assert view.scores == [[float(x) for x in row] for row in report.scores]
        assert [p.index for p in view.body] == [
            p.index for p in report.report.paragraphs if p.kind == "body"
        ]
    other = _with(scored[0])
    assert report_view(other).report is other


def test_best_sentence_is_the_plain_choice(scored) -> None:  # type: ignore[no-untyped-def]
    for report in scored:
        for sents, scores in zip(report.sentences, report.sentence_scores):
            for k in range(scores.shape[1]):
                for floor in (0.3, 0.5, 0.65):
                    about = [i for i in range(len(sents)) if scores[i, k] >= floor]
                    want = (
                        max(
                            about,
                            key=lambda i: (len(facts_once(sents[i], UNITS)), scores[i, k], -i),
                        )
                        if about
                        else int(np.argmax(scores[:, k]))
                    )
                    assert best_sentence(sents, scores[:, k], about, UNITS) == want
