"""Segmentation: heading forms and levels, run-in headings, joined items, sections,
title/unit/year."""

from __future__ import annotations

import pytest

from fzgap import load_document, segment
from fzgap.analyze.segment._headings import heading_parts, match_marker, split_joined_items
from fzgap.analyze.segment._sections import section_of_heading


def _seg(text: str):
    return segment(load_document(text.encode("utf-8")))


@pytest.mark.parametrize(
    ("line", "style", "number"),
    [
        ("一、主要举措和成效", "cn", 1),
        ("十二、其他需要报告的情况", "cn", 12),
        ("(三)强化执法监督", "cn_paren", 3),
        ("（三）强化执法监督", "cn_paren", 3),
        ("4.加强行政规范性文件管理", "num", 4),
        ("4、加强行政规范性文件管理", "num", 4),
        ("(2)开展案卷评查", "num_paren", 2),
        ("③推行包容审慎监管", "circled", 3),
        ("二是带头开展学法", "shi", 2),
        ("第三，深化普法宣传", "di", 3),
        ("第二部分 存在的不足", "part", 2),
    ],
)
def test_marker_styles(line: str, style: str, number: int) -> None:
    marker = match_marker(line)
    assert marker is not None, line
    assert (marker.style, marker.number) == (style, number)


@pytest.mark.parametrize(
    "line",
    [
        "1.5万元专项经费已拨付到位。",  # a decimal, not "1."
        "第一责任人职责清单已印发。",  # 第一 in a word, not "第一，"
        "2023年全年办理复议案件66件。",  # a year, not a number marker
        "三项制度全面落实。",  # a Chinese numeral in a set phrase
        "坚持一是一、二是二的工作作风。",  # 一是 inside a phrase
    ],
)
def test_not_markers(line: str) -> None:
    assert match_marker(line) is None


def test_full_width_markers_after_normalisation() -> None:
    report = _seg("一、主要举措和成效\n（一）强化组织领导\n１．召开专题会议３次。\n")
    assert [p.kind for p in report.paragraphs] == ["heading", "heading", "heading"]
    assert [p.level for p in report.paragraphs] == [1, 2, 3]


def test_run_in_heading_enters_the_path() -> None:
    marker = match_marker("(一)强化组织领导。全年召开专题会议3次。")
    assert heading_parts("(一)强化组织领导。全年召开专题会议3次。", marker) == (
        "(一)强化组织领导",
        False,
    )
    report = _seg(
        "一、主要举措和成效\n（一）强化组织领导。全年召开专题会议3次。\n会议研究了年度报告。\n"
    )
    run_in, follower = report.paragraphs[1], report.paragraphs[2]
    assert run_in.kind == "body" and run_in.headings == ("一、主要举措和成效", "(一)强化组织领导")
    assert follower.headings == run_in.headings


def test_joined_items_are_split_without_losing_text() -> None:
    line = (
        "主要做法如下：一是形成监督合力。公开信息1162条。"
        "二是落实政务公开；解读文件18份。三是接受人大监督。"
    )
    pieces = split_joined_items(line)
    assert pieces == [
        "主要做法如下：",
        "一是形成监督合力。公开信息1162条。",
        "二是落实政务公开；解读文件18份。",
        "三是接受人大监督。",
    ]
    assert "".join(pieces) == line


def test_joined_paren_items_are_split() -> None:
    line = "(一)强化学习。开展学法12次。(二)压实责任。主要负责人述法1次。"
    assert split_joined_items(line) == [
        "(一)强化学习。开展学法12次。",
        "(二)压实责任。主要负责人述法1次。",
    ]


def test_items_out_of_order_are_not_split() -> None:
    line = "坚持一是一、二是二的工作作风，三是完善制度。"
    assert split_joined_items(line) == [line]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("一、2023年法治政府建设主要举措和成效", "achievement"),
        ("一、主要做法", "achievement"),
        ("一、工作开展情况", "achievement"),
        ("二、存在的不足和原因", "deficiency"),
        ("三、存在的问题", "deficiency"),
        ("三、问题和原因", "deficiency"),
        ("四、下一年度推进法治政府建设的主要安排", "plan"),
        ("四、2025年工作安排", "plan"),
        ("四、下一步工作计划", "plan"),
        ("五、今后工作打算", "plan"),
        ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "first_responsibility"),
        (
            "三、区政府主要负责人履行推进法治建设第一责任人职责、加强法治政府建设工作情况",
            "first_responsibility",
        ),
        ("六、其他需要报告的情况", "other"),
        ("四、坚持严格规范公正文明执法", None),
    ],
)
def test_section_names(heading: str, section: str | None) -> None:
    assert section_of_heading(heading, 2024) == section


def test_sections_in_any_order_and_s3_inside_s1() -> None:
    text = "\n".join(
        [
            "某县2024年法治政府建设年度报告",
            "2024年，某县坚持以习近平法治思想为指导。现将有关情况报告如下：",
            "一、2024年工作开展情况",
            "（一）推进严格规范公正文明执法。全年办理行政处罚案件312件。",
            "（二）主要负责人履行推进法治建设第一责任人职责情况",
            "县长主持召开常务会议专题研究法治建设4次。",
            "二、下一步工作计划",
            "一是加强行政复议工作。",
            "三、存在的问题",
            "执法队伍力量不足。",
            "某县人民政府",
            "2025年3月10日",
        ]
    )
    report = _seg(text)
    sections = [p.section for p in report.paragraphs]
    assert sections == [
        "preamble",
        "preamble",
        "achievement",
        "achievement",
        "first_responsibility",
        "first_responsibility",
        "plan",
        "plan",
        "deficiency",
        "deficiency",
        "other",
        "other",
    ]
    assert (report.title, report.unit, report.year) == (
        "某县2024年法治政府建设年度报告",
        "某县",
        2024,
    )


def test_report_without_headings_is_judged_by_content() -> None:
    text = "\n".join(
        [
            "2023年，我镇认真贯彻落实上级部署，现将有关情况报告如下：",
            "全年办理行政处罚案件45件，开展执法检查120次。",
            "但是也存在一些不足，执法人员专业素养有待提高。",
            "下一步，我镇将继续深化普法宣传，推进法律明白人培养工程。",
        ]
    )
    assert [p.section for p in _seg(text).paragraphs] == [
        "preamble",
        "achievement",
        "deficiency",
        "plan",
    ]


def test_title_split_over_two_lines_and_unit_from_preamble() -> None:
    report = _seg(
        "十堰市某区人民政府2023年度法治政府建设\n工 作 报 告\n"
        "2023年，全区坚持依法行政。现将有关工作情况报告如下：\n"
    )
    assert report.title == "十堰市某区人民政府2023年度法治政府建设工作报告"
    assert [p.kind for p in report.paragraphs] == ["title", "title", "body"]
    assert (report.unit, report.year) == ("十堰市某区人民政府", 2023)
    untitled = _seg(
        "2024年，独山镇党委、政府认真学习贯彻党的二十大精神，扎实推进法治政府建设。\n一、主要举措和成效\n"
    )
    assert (untitled.title, untitled.unit, untitled.year) == (None, "独山镇", 2024)


def test_unit_from_the_signature_when_title_and_opening_do_not_name_it() -> None:
    report = _seg(
        "2023年，我县坚持依法行政，扎实推进各项工作，现将有关情况报告如下：\n一、主要举措和成效\n"
        "全年办理行政处罚案件45件，开展执法检查120次，有效规范了市场秩序。\n某某县人民政府\n2024年3月1日\n"
    )
    assert (report.title, report.unit, report.year) == (None, "某某县人民政府", 2023)
    assert [p.section for p in report.paragraphs][-2:] == ["other", "other"]
