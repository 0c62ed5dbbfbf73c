"""Fuzzing ingestion and segmentation: arbitrary bytes and mutated real documents; the typed
InputError is the only exception that may escape."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fzgap.analyze.errors import InputError
from fzgap.analyze.ingest import load_document
from fzgap.analyze.segment import segment

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "examples" / "qinghe-county-2024.txt").read_text(encoding="utf-8")


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    for line in TEXT.splitlines()[:30]:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


SEEDS = {
    "report.txt": TEXT.encode("utf-8"),
    "report-gbk.txt": TEXT.encode("gb18030"),
    "report.html": (
        "<html><head><title>报告</title></head><body>"
        + "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
        + "</body></html>"
    ).encode("utf-8"),
    "report.docx": _docx_bytes(),
}


def _survives(data: bytes, name: str) -> None:
    with contextlib.suppress(InputError):
        segment(load_document(data, name=name))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        i = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[i] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[i : i + draw(st.integers(1, 4096))]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=64))
        else:
            data[i:i] = data[i : i + 64] * draw(st.integers(1, 50))
    return bytes(data), name


_FAST = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
_LONG = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))


@_FAST
@given(st.binary(max_size=4096), st.sampled_from(["a.txt", "a.html", "a.docx", "a.pdf", "a"]))
def test_arbitrary_bytes_raise_only_input_errors(data: bytes, name: str) -> None:
    _survives(data, name)


@_FAST
@given(mutated())
def test_mutated_reports_raise_only_input_errors(case: tuple[bytes, str]) -> None:
    _survives(*case)


@pytest.mark.slow
@_LONG
@given(mutated())
def test_mutated_reports_many_examples(case: tuple[bytes, str]) -> None:
    _survives(*case)


@pytest.mark.slow
@_LONG
@given(st.text(max_size=2000))
def test_arbitrary_text_raises_only_input_errors(text: str) -> None:
    _survives(text.encode("utf-8"), "t.txt")
