"""Clauses carrying a sub-item's wording: ruling areas out per paragraph and sentence finds
exactly the clauses that testing every clause finds."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fzgap.analyze.coverage import split_clauses, split_sentences
from fzgap.analyze.coverage._scoring import _clause_keys, _clause_spans
from fzgap.analyze.ingest import load_document
from fzgap.analyze.segment import segment
from fzgap.model.checklist import Checklist, load_checklist


def _every_clause(cl: Checklist, paragraphs, sentences) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [
        (p.index, k, clause)
        for p, group in zip(paragraphs, sentences)
        if p.kind == "body"
        for sentence in group
        for clause in split_clauses(sentence)
        for k, spec in enumerate(cl.areas)
        if any(s.found_in(clause) for s in spec.subitems)
    ]


def _with_pattern(cl: Checklist, area: int, pattern: str) -> Checklist:
    """The checklist with one more pattern on the first sub-item of one area."""
    spec = cl.areas[area]
    first = dataclasses.replace(
        spec.subitems[0], patterns=spec.subitems[0].patterns + (re.compile(pattern),)
    )
    areas = list(cl.areas)
    areas[area] = dataclasses.replace(spec, subitems=(first, *spec.subitems[1:]))
    return dataclasses.replace(cl, areas=tuple(areas))


@pytest.mark.parametrize(
    "extra",
    [None, r"(?<!,)甲乙丙", r"^甲乙丙", r"丁戊,$", r"\A甲乙丙"],
    ids=["shipped", "look-behind", "start", "end", "string-start"],
)
def test_same_clauses_as_testing_every_clause(sample_path, extra: str | None) -> None:  # type: ignore[no-untyped-def]
    cl = load_checklist() if extra is None else _with_pattern(load_checklist(), 1, extra)
    # Each added pattern matches a clause (甲乙丙。 or 丁戊,) but not its sentence.
    text = sample_path.read_text(encoding="utf-8") + "\n丁戊，甲乙丙。\n"
    report = segment(load_document(text.encode("utf-8"), name="t.txt"))
    sentences = tuple(
        tuple(split_sentences(p.norm)) if p.kind == "body" else (p.norm,) for p in report.paragraphs
    )
    want = _every_clause(cl, report.paragraphs, sentences)
    assert want and _clause_keys(cl, report.paragraphs, sentences) == want
    if extra is not None:
        assert want != _every_clause(load_checklist(), report.paragraphs, sentences)


@pytest.mark.parametrize(
    ("extra", "clause"),
    [(r"甲.{0,3}乙", "乙甲乙。"), (r"(甲)乙\1", "甲乙甲,"), (r"乙?", "")],
    ids=["across-clauses", "back-reference", "empty-match"],
)
def test_clause_search_from_leftmost_matches_finds_every_clause(  # type: ignore[no-untyped-def]
    sample_path, extra: str, clause: str
) -> None:
    cl = _with_pattern(load_checklist(), 1, extra)
    # 甲，乙 matches across a comma (no clause holds it) before a clause that holds a match;
    # 甲乙甲 holds the back-reference; an empty pattern matches every clause, an empty one too.
    text = sample_path.read_text(encoding="utf-8") + "\n丁戊甲，乙甲乙。甲乙甲，甲乙。\n"
    report = segment(load_document(text.encode("utf-8"), name="t.txt"))
    sentences = tuple(
        tuple(split_sentences(p.norm)) if p.kind == "body" else (p.norm,) for p in report.paragraphs
    )
    last = max(p.index for p in report.paragraphs if p.kind == "body")
    # Sentences as given, even an empty one or one the paragraph does not hold.
    sentences = tuple(
        group + ("", "，乙，") if i == last else group for i, group in enumerate(sentences)
    )
    want = _every_clause(cl, report.paragraphs, sentences)
    assert want != _every_clause(load_checklist(), report.paragraphs, sentences)
    assert _clause_keys(cl, report.paragraphs, sentences) == want
    assert (last, 1, clause) in want


def test_clause_spans_are_the_split_clauses(sample_path) -> None:  # type: ignore[no-untyped-def]
    report = segment(load_document(sample_path))
    groups = [tuple(split_sentences(p.norm)) for p in report.paragraphs]
    groups += [
        ("，。", " ，甲，", "甲。；乙"),
        ("",),
        ("甲，  ", "，，甲 ", " ", "。甲,乙:丙!?", "甲 ，乙 "),
    ]
    for group in groups:
        text = "".join(group)
        spans = _clause_spans(text, group)
        assert [text[a:b] for a, b in spans] == [c for s in group for c in split_clauses(s)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="甲乙 \t，。,;:!？", max_size=8), min_size=1, max_size=3))
def test_clause_spans_are_the_split_clauses_of_any_text(group: list[str]) -> None:
    text = "".join(group)
    spans = _clause_spans(text, tuple(group))
    assert [text[a:b] for a, b in spans] == [c for s in group for c in split_clauses(s)]
