"""Clauses carrying a sub-item's wording: ruling areas out per paragraph and sentence finds
exactly the clauses that testing every clause finds."""

from __future__ import annotations

import dataclasses
import re

import pytest

from fzgap.analyze.coverage import split_clauses, split_sentences
from fzgap.analyze.coverage._scoring import _clause_keys
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
