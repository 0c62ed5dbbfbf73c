"""Display width, facts in their phrases, the title fallback and cell sanitisation."""

from __future__ import annotations

from dataclasses import replace

from fzgap.analyze.coverage._evidence import fact_phrases
from fzgap.analyze.records import AuditReport, file_name
from fzgap.analyze.render._width import truncate, width, wrap
from fzgap.analyze.render.table import csv_safe, xlsx_safe


def test_chinese_characters_take_two_columns() -> None:
    assert width("第一责任人") == 10
    assert width("\033[32m已覆盖\033[0m") == 6


def test_truncate_fits_and_never_splits_a_number() -> None:
    text = "县司法局全年审查县政府规范性文件12345件"
    cut = truncate(text, 36)
    assert width(cut) <= 36 and cut.endswith("…")
    assert "1234" not in cut or "12345" in cut


def test_wrap_keeps_lines_within_width_and_text_whole() -> None:
    text = "全年收到行政复议申请186件，依法受理171件，审结163件，其中和解方式结案58件。" * 2
    lines = wrap(text, 30)
    assert all(width(line) <= 30 for line in lines)
    assert "".join(lines) == text
    assert not any(line.startswith(("，", "。")) for line in lines)


def test_fact_phrase_says_what_the_figure_counts() -> None:
    facts = fact_phrases("全年共受理行政复议案件4件，办结4件。", ("件",))
    assert [(f, p) for f, p, _, _ in facts] == [
        ("4件", "全年共受理行政复议案件4件"),
        ("4件", "办结4件"),
    ]
    text = "出台《后评估办法》（清政办发〔2024〕11号），形成报告1份。"
    phrases = [p for _, p, _, _ in fact_phrases(text, ("份",))]
    assert phrases[0] == "出台《后评估办法》（清政办发〔2024〕11号）"
    for _, p, lo, hi in fact_phrases(text, ("份",)):
        assert text[lo:hi] == p


def test_title_fallback_never_shows_a_path(sample_audit: AuditReport) -> None:
    s = sample_audit.structure
    no_title = replace(sample_audit, structure=replace(s, title=None))
    assert no_title.display_title == f"{s.unit}{s.year}年法治政府建设年度报告"
    bare = replace(
        sample_audit,
        structure=replace(s, title=None, unit=None),
        document=replace(sample_audit.document, source="/home/clerk/报告/甲县.docx"),
    )
    assert bare.display_title == "甲县.docx"
    assert file_name("C:\\报告\\乙镇.txt") == "乙镇.txt"


def test_formula_cells_are_neutralised() -> None:
    for bad in ("=cmd|' calc'!A1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert csv_safe(bad).startswith("'")
    assert csv_safe("清河县") == "清河县"
    assert xlsx_safe("甲\x00乙\x01丙\n") == "甲乙丙\n"


def test_terminal_width_fast_path_agrees_with_wcwidth():
    from wcwidth import wcswidth, wcwidth

    from fzgap.analyze.render._width import width
    from fzgap.analyze.text import WIDE_RUNS

    wide = [
        chr(c) for c in (*range(0x3000, 0xA000), *range(0xFF00, 0xFFFF)) if WIDE_RUNS.match(chr(c))
    ]
    assert len(wide) > 20_000 and all(wcwidth(ch) == 2 for ch in wide)
    for text in (
        "依法行政工作 2024年A类",
        "〔2024〕5号：“三项制度”",
        "Café 法治",
        "tab\there",
        "\x1b[32m覆盖\x1b[0m",
    ):
        plain = text.replace("\x1b[32m", "").replace("\x1b[0m", "")
        expected = wcswidth(plain)
        assert width(text) == (expected if expected >= 0 else width(plain))
    assert width("已覆盖") == 6 and width("abc") == 3
    narrow = [chr(c) for c in (0xB7, *range(0x2010, 0x2028), *range(0x2030, 0x205F))]
    assert all(wcwidth(ch) == 1 for ch in narrow)
    for text in ("“三项制度”…", "他说：“好”‘是’—", "Café “法治”", "“👍🏽”", "क्षत्रिय “x”"):
        assert width(text) == wcswidth(text)
