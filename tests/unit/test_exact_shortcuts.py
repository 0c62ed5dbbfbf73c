"""Shortcuts of ingestion and segmentation give exactly what the plain path gives, on real text."""

from __future__ import annotations

import math
import re
import unicodedata

import numpy as np
import pytest
from conftest import SAMPLES, shared_reports
from layouts import gongwen_frame, hard_wrap

import fzgap.analyze.segment._typing as typing_module
from fzgap import load_document, segment
from fzgap.analyze.ingest._decoding import (
    _ALLOWED_CONTROLS,
    ORDINARY_RANGES,
    _unordinary,
    control_ratio,
)
from fzgap.analyze.ingest._frame import _ISSUED, _ISSUED_ENDS
from fzgap.analyze.ingest._margin import _band
from fzgap.analyze.ingest._reflow import _ONE_COLUMN, _char_width, display_width, ends_sentence
from fzgap.analyze.segment._decode import TRANSITIONS, _decode_arrays, decode_sections
from fzgap.analyze.segment._headings import (
    _match_patterns,
    _split_items,
    match_marker,
    split_joined_items,
)
from fzgap.model.areas import SECTIONS
from fzgap.model.sections import load_section_model
from fzgap.model.textnorm import normalize

_BAD = ("Cc", "Cn", "Cs", "Co")


def _reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SAMPLES + shared_reports()]


def _lines() -> list[str]:
    return [line for text in _reports() for line in text.splitlines() if line.strip()]


def _plain_control_ratio(text: str) -> float:
    bad = sum(c not in _ALLOWED_CONTROLS and unicodedata.category(c) in _BAD for c in text)
    return bad / len(text) if text else 0.0


def test_no_character_the_control_count_skips_is_a_control_or_unassigned() -> None:
    skipped = [chr(c) for low, high in ORDINARY_RANGES for c in range(low, high + 1)]
    assert len(skipped) > 20000
    assert [
        c for c in skipped if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in _BAD
    ] == []


def test_the_characters_left_to_classify_are_those_outside_the_ranges() -> None:
    ranges = [range(low, high + 1) for low, high in ORDINARY_RANGES]
    for text in [*_reports(), "\x01\ud800\ue000\U000e0080报告\t\u2028", ""]:
        plain = "".join(c for c in text if not any(ord(c) in r for r in ranges))
        assert _unordinary(text) == plain


@pytest.mark.parametrize(
    "odd",
    [
        "\x01\x02页眉\x7f",
        "报告\ue000\uf8ff私用区",
        "\ud800孤立代理",
        "未分配\U000e0080\u0378",
        "\x00" * 9,
    ],
)
def test_control_ratio_equals_the_count_character_by_character(odd: str) -> None:
    for text in [*_reports(), odd, odd + _reports()[0], ""]:
        assert control_ratio(text) == _plain_control_ratio(text)


def test_joined_items_split_as_without_the_quick_test() -> None:
    lines = _lines() + [
        "全年开展三项活动。一是加强学习。二是规范执法。三是强化监督。",
        "（一）完善制度。（二）加强队伍建设。",
        "主要做法：(一)建章立制；(二)严格考核。",
        "一是",
    ]
    split = 0
    for line in lines:
        got = split_joined_items(line)
        assert got == _split_items(line)
        split += len(got) > 1
    assert split >= 3


def _report_evidence(monkeypatch: pytest.MonkeyPatch) -> list[np.ndarray]:
    seen: list[np.ndarray] = []

    def keep(evidence: np.ndarray) -> list[str]:
        seen.append(evidence.copy())
        return decode_sections(evidence)

    monkeypatch.setattr(typing_module, "decode_sections", keep)
    for text in _reports():
        segment(load_document(text.encode("utf-8")))
    return seen


def test_viterbi_over_floats_finds_the_numpy_path(monkeypatch: pytest.MonkeyPatch) -> None:
    real = _report_evidence(monkeypatch)
    assert len(real) == len(SAMPLES + shared_reports())
    rng = np.random.default_rng(7)
    made = []
    for _ in range(200):
        n = int(rng.integers(1, 40))
        # Whole numbers tie often; -inf rules sections out, as the hard rows do.
        ev = rng.integers(-3, 1, size=(n, len(SECTIONS))).astype(float)
        ev[rng.random(ev.shape) < 0.5] = -np.inf
        ev[np.arange(n), rng.integers(0, len(SECTIONS), n)] = 0.0
        made.append(ev)
    for ev in real + made:
        for start in ("preamble", "achievement"):
            assert decode_sections(ev, start=start) == _decode_arrays(ev, TRANSITIONS, start)


@pytest.mark.parametrize("odd", [np.nan, np.inf, -np.inf], ids=["nan", "inf", "all-ruled-out"])
def test_scores_viterbi_over_floats_cannot_take_decode_as_numpy(odd: float) -> None:
    ev = np.zeros((4, len(SECTIONS)))
    ev[2] = odd
    assert decode_sections(ev) == _decode_arrays(ev, TRANSITIONS, "preamble")


def test_section_scores_equal_one_sum_per_section() -> None:
    model, lines = load_section_model(), _lines()
    assert not any("\x00" in t for t in lines)
    got = model.predict_proba(lines)
    # The plain path: one row at a time, terms in column order, each section summed alone.
    z = np.tile(model.intercept, (len(lines), 1))
    for row, text in enumerate(lines):
        folded = re.sub(r"\d+(?:\.\d+)?", "0", normalize(text).replace(" ", ""))
        grams = list(folded) + [folded[i : i + 2] for i in range(len(folded) - 1)]
        cols = sorted({model.vocabulary[g] for g in grams if g in model.vocabulary})
        if not cols:
            continue
        counts = np.array([sum(model.vocabulary.get(g) == c for g in grams) for c in cols])
        x = (1.0 + np.log(counts.astype(float))) * model.idf[cols]
        x = x / np.sqrt(np.bincount(np.zeros(len(cols), dtype=int), weights=x * x))[0]
        for k in range(len(SECTIONS)):
            z[row, k] += np.bincount(
                np.zeros(len(cols), dtype=int), weights=model.coef[k, cols] * x
            )[0]
    z = z - z.max(axis=1, keepdims=True)
    want = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert got.tobytes() == want.tobytes()


def test_characters_counted_one_column_at_once_are_one_column_each() -> None:
    ones = [chr(c) for c in _ONE_COLUMN]
    assert len(ones) == 40
    assert all(_char_width(ch) == 1.0 for ch in ones)


def test_display_width_equals_the_sum_of_character_widths() -> None:
    odd = ["“依法”—·×①Ⅲ\tCafé ｱ\u302a", "“”", "‘A’…x\u0301", "Ⅻ⑳ 1/2"]
    lines = _lines() + odd
    assert sum(line != line.translate(_ONE_COLUMN) for line in lines) >= 10
    for line in lines:
        assert display_width(line) == sum(_char_width(ch) for ch in line)


def test_numbering_markers_match_as_without_the_quick_test() -> None:
    starts = [
        "第三部分 总结",
        "十二、其他",
        "(3)开展",
        "（一）加强",
        "4.2024年",
        "③推行",
        "二是带头",
        "٣、",
        "²、二",
    ]
    lines = _lines() + starts + [s[1:] for s in starts]
    found = 0
    for line in lines:
        got = match_marker(normalize(line))
        assert got == _match_patterns(normalize(line))
        found += got is not None
    assert found >= 20


def _plain_band(widths: list[float], endings: list[bool]) -> tuple[float, float, int] | None:
    open_widths = sorted(w for w, e in zip(widths, endings) if not e and 14.0 <= w <= 100.0)
    best = None
    for i, low in enumerate(open_widths):
        inside = [w for w in open_widths[i:] if w <= low + max(1.0, 0.12 * low)]
        if best is None or len(inside) >= best[0]:
            best = (len(inside), low, inside[-1])
    if best is None:
        return None
    n, low, high = best
    inside = sorted((w for w in open_widths if low <= w <= high), reverse=True)
    return inside[math.ceil(0.9 * n) - 1], high, n


def test_margin_band_found_by_bisection_is_the_one_counted() -> None:
    found = 0
    for text in _reports():
        for seed in range(4):
            for wrapped in (text, hard_wrap(text, seed=seed)):
                lines = [line.strip() for line in wrapped.splitlines() if line.strip()]
                widths = [display_width(line) for line in lines]
                endings = [ends_sentence(line) for line in lines]
                for ws in (widths, [float(len(line)) for line in lines]):
                    assert _band(ws, endings) == _plain_band(ws, endings)
                    found += _band(ws, endings) is not None
    assert found >= 20


def test_every_issued_line_ends_as_the_quick_test_requires() -> None:
    lines = [
        line
        for text in _reports()
        for seed in range(3)
        for line in gongwen_frame(text, seed=seed).splitlines()
    ]
    lines += [
        "某县人民政府办公室 2024年3月28日印 发",
        "2024年3月28日印制\n",
        "县政府办2024年1月2日印发 ",
    ]
    issued = [line for line in lines if _ISSUED.match(line)]
    assert len(issued) >= len(_reports()) + 2
    assert all(line.endswith(_ISSUED_ENDS) for line in issued)
