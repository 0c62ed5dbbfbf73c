"""The layout transforms of tests/layouts.py do what they say, the same way for the same seed."""

from __future__ import annotations

import re

from layouts import (
    _width,
    add_blank_lines,
    arabic_numbering,
    gongwen_frame,
    hard_wrap,
    remove_blank_lines,
    strip_heading_numbers,
    variants,
)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_heading_numbers_are_stripped_from_headings_only(sample_text) -> None:
    out = strip_heading_numbers(sample_text).splitlines()
    assert "主要举措和成效" in out and "一、主要举措和成效" not in out
    assert "健全依法决策机制，决策质量稳步提升" in out
    # Run-in headings and 一是 items keep their numbers.
    assert any(s.startswith("（二）严格规范公正文明执法。") for s in out)
    assert any(s.startswith("一是严格合法性审查。") for s in out)


def test_arabic_numbering_moves_every_level_down_a_style(sample_text) -> None:
    out = arabic_numbering(sample_text).splitlines()
    assert "1.主要举措和成效" in out and "(1)健全依法决策机制，决策质量稳步提升" in out
    assert not any(
        re.match(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", s) for s in out
    )


def test_blank_lines_added_and_removed(sample_text) -> None:
    added = add_blank_lines(sample_text)
    assert "\n\n" in added and remove_blank_lines(added) == remove_blank_lines(sample_text)


def test_hard_wrap_keeps_the_text_and_adds_only_furniture(sample_text, sample_lines) -> None:
    wrapped = hard_wrap(sample_text, seed=3, width=36, page_lines=25)
    lines = wrapped.splitlines()
    assert max(_width(s) for s in lines) <= 37  # a closing mark may hang past the margin
    assert hard_wrap(sample_text, seed=3, width=36, page_lines=25) == wrapped
    assert hard_wrap(sample_text, seed=4, width=36, page_lines=25) != wrapped
    title = sample_lines[0]
    furniture = [i for i, s in enumerate(lines) if s == title][1:]
    assert len(furniture) >= 2  # the running header heads every page after the first
    numbers = [s for s in lines if re.fullmatch(r"[-—\s第页共/\d]+", s) and re.search(r"\d", s)]
    body = [s for i, s in enumerate(lines) if i not in furniture and s not in numbers]
    assert _squash("".join(body)) == _squash("".join(sample_lines))


def test_hard_wrap_width_comes_from_the_seed(sample_text) -> None:
    widths = {max(_width(x) for x in hard_wrap(sample_text, seed=s).splitlines()) for s in range(6)}
    assert len(widths) > 1 and all(30 <= w <= 46 for w in widths)


def test_gongwen_frame(sample_text, sample_lines) -> None:
    out = gongwen_frame(sample_text, seed=1).splitlines()
    assert re.fullmatch(r"清.{1,3}〔2025〕\d+号", out[0])
    assert out[1] == sample_lines[0] and out[2].endswith("：")
    assert "特此报告。" in out
    assert out[-2].startswith("抄送：") and out[-1].endswith("印发")
    assert out.index("特此报告。") < out.index("清河县人民政府")


def test_variants_are_deterministic(sample_text) -> None:
    assert variants(sample_text, 2) == variants(sample_text, 2)
    assert set(variants(sample_text)) >= {"unnumbered", "arabic", "wrapped", "gongwen"}


def test_gongwen_frame_keeps_a_reports_own_addressee_as_its_only_one() -> None:
    report = (
        "蓼川县司法局2020年法治政府建设年度报告\n"
        "县人民政府：\n"
        "2020年，蓼川县司法局统筹做好司法行政各项工作。现将有关情况报告如下：\n"
        "一、主要工作举措和成效\n"
        "全年审查县政府拟发文件58件，提出修改意见196条。\n"
        "蓼川县司法局\n"
        "2021年2月10日\n"
    )
    for seed in range(3):
        out = gongwen_frame(report, seed=seed).splitlines()
        addressees = [s for s in out if s.endswith("：") and len(s) <= 20]
        assert addressees == ["县人民政府："] and out.index("县人民政府：") == 2
        assert out[-4:-2] == ["蓼川县司法局", "2021年2月10日"]
