"""Properties: any bytes give a Document or the typed error; segmentation loses no body text."""

from __future__ import annotations

import contextlib
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fzgap import Document, load_document, segment
from fzgap.analyze.errors import InputError

HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
WORD = st.text(HANZI, min_size=2, max_size=12)
PUNCT = st.sampled_from(["，", "、", "：", "；"])


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(st.tuples(WORD, PUNCT), min_size=1, max_size=5))
    digits = draw(st.one_of(st.just(""), st.integers(1, 9999).map(lambda n: f"{n}件")))
    return "".join(w + p for w, p in parts)[:-1] + digits + "。"


@st.composite
def bodies(draw) -> str:
    prefix = draw(st.sampled_from(["", "一是", "（一）", "1.", "二、", "(3)"]))
    return prefix + "".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_any_bytes_give_a_document_or_the_typed_error(data: bytes) -> None:
    try:
        doc = load_document(data, name="fuzz.txt")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.txt: ")
    else:
        assert isinstance(doc, Document) and doc.blocks


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04word/"]), st.binary(max_size=2048))
def test_broken_containers_give_the_typed_error(head: bytes, tail: bytes) -> None:
    with contextlib.suppress(InputError):
        load_document(head + tail)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=200, deadline=None)
@given(st.lists(bodies(), min_size=1, max_size=12), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_segmentation_loses_no_body_text(paragraphs: list[str], newline: str) -> None:
    text = newline.join(paragraphs)
    report = segment(load_document(text.encode("utf-8")))
    assert _squash("".join(p.text for p in report.paragraphs)) == _squash("".join(paragraphs))
    assert [p.index for p in report.paragraphs] == list(range(len(report.paragraphs)))
