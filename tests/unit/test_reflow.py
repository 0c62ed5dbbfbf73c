"""Reading any layout's lines: reflow of wrapped text, page furniture, 公文 frame, page dates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fzgap import load_document
from fzgap.analyze.ingest._frame import split_frame
from fzgap.analyze.ingest._furniture import furniture_mask, is_page_number
from fzgap.analyze.ingest._pagemeta import iso_date, meta_from_html_head
from fzgap.analyze.ingest._reflow import Line, join_lines

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def _blocks(text: str) -> list[str]:
    return [b.text for b in load_document(text.encode("utf-8"), name="r.txt").blocks]


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


WRAPPED = """\
某某县人民政府2024年法治政府建设年度报告
2024年，某某县人民政府坚持以习近平新时代中国特色社会主义思想为指
导，深入学习贯彻习近平法治思想，统筹推进法治政府建设。现将有关情
况报告如下：
一、主要举措和成效
（一）健全依法决策机制
县司法局全年审查县政府规范性文件12件、重大合同及协议47份，提出修
1
某某县人民政府2024年法治政府建设年度报告
改意见196条；全县行政复议机构共受理行政复议申请126件，审结113件，
纠错率12.9%。
全年办理行政处罚案件2873件，较上年增长8.6%，其中适用简易程序12
06件，一般程序1667件；组织执法案卷评查2次，评查案卷320卷，优秀率达
到86%。
存在的不足
部分乡镇执法人员不足，赋权事项承接能力有待提升，案卷质量参差不齐。
第2页 共2页
"""


def test_wrapped_text_is_rejoined_across_numbers_and_page_breaks() -> None:
    assert _blocks(WRAPPED) == [
        "某某县人民政府2024年法治政府建设年度报告",
        "2024年，某某县人民政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻"
        "习近平法治思想，统筹推进法治政府建设。现将有关情况报告如下：",
        "一、主要举措和成效",
        "（一）健全依法决策机制",
        "县司法局全年审查县政府规范性文件12件、重大合同及协议47份，提出修改意见196条；"
        "全县行政复议机构共受理行政复议申请126件，审结113件，纠错率12.9%。",
        "全年办理行政处罚案件2873件，较上年增长8.6%，其中适用简易程序1206件，一般程序1667件；"
        "组织执法案卷评查2次，评查案卷320卷，优秀率达到86%。",
        "存在的不足",
        "部分乡镇执法人员不足，赋权事项承接能力有待提升，案卷质量参差不齐。",
    ]


def test_one_paragraph_a_line_is_left_alone(sample_path, sample_lines) -> None:
    assert [b.text for b in load_document(sample_path).blocks] == sample_lines


def test_a_full_line_ending_a_sentence_runs_on_unless_a_heading_or_item_follows() -> None:
    lines = [
        Line("全年召开常务会议专题研究法治政府建设工作六次。", full=True),
        Line("审议通过年度报告。"),
        Line("全年召开常务会议专题研究法治政府建设工作六次。", full=True),
        Line("（二）严格规范公正文明执法"),
        Line("全年召开常务会议专题研究法治政府建设工作六次。", full=True),
        Line("存在的不足"),
    ]
    assert join_lines(lines) == [
        "全年召开常务会议专题研究法治政府建设工作六次。审议通过年度报告。",
        "全年召开常务会议专题研究法治政府建设工作六次。",
        "（二）严格规范公正文明执法",
        "全年召开常务会议专题研究法治政府建设工作六次。",
        "存在的不足",
    ]


def test_a_wrapped_word_that_looks_like_numbering_is_not_a_new_item() -> None:
    lines = [Line("全年分别在一、", full=True), Line("二、三季度开展专项检查，共检查企业86家。")]
    assert join_lines(lines) == ["全年分别在一、二、三季度开展专项检查，共检查企业86家。"]


def test_indentation_starts_a_paragraph_even_after_a_full_line() -> None:
    text = "\n".join(
        [
            "　　全年办理行政处罚案件2873件，较上年增长8.6%，其中适",
            "用简易程序1206件，一般程序1667件，罚没款合计三百万元。",
            "　　组织执法案卷评查2次，评查案卷320卷，优秀率达到8",
            "6%，发现并督促整改问题案卷27卷，全部整改到位，效果好。",
            "　　开展执法人员培训14期，新申领行政执法证件186件，注",
            "销收回证件41件，持证率达到百分之百，执法规范化提升。",
        ]
    )
    blocks = _blocks(text)
    assert (
        len(blocks) == 3
        and blocks[1].startswith("组织执法案卷评查")
        and "优秀率达到86%" in blocks[1]
    )


def test_table_rows_stay_one_block_each_with_the_table_hint() -> None:
    text = (
        WRAPPED
        + "附件：2024年度行政执法统计表\n行政处罚 | 立案数 | 结案数\n区市场监管局\t312\t298\n"
    )
    doc = load_document(text.encode(), name="r.txt")
    rows = [b for b in doc.blocks if b.hint == "table"]
    assert [b.text for b in rows] == ["行政处罚 | 立案数 | 结案数", "区市场监管局 | 312 | 298"]
    assert doc.blocks[-3].text == "附件：2024年度行政执法统计表"


@pytest.mark.parametrize(
    "line", ["— 3 —", "-3-", "- 3 -", "第3页 共6页", "第 3 页", "3/6", "共6页 第3页", "－ 12 －"]
)
def test_page_number_forms(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["6/3", "第三部分", "3件", "一、主要举措", "2024"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(line)


def test_a_running_header_repeated_each_page_is_dropped_but_a_repeated_heading_is_not() -> None:
    body = [f"第{i}行正文内容，记录本年度依法行政工作情况，事项较多" for i in range(60)]
    lines = ["年度报告"] + body[:20] + ["某县司法局"] + body[20:40] + ["某县司法局"] + body[40:]
    lines[30:30] = ["某县司法局"]
    drop = furniture_mask(lines)
    assert [lines[i] for i, d in enumerate(drop) if d] == ["某县司法局"] * 3
    scattered = ["存在的不足"] + body[:2] + ["存在的不足"] + body[2:40] + ["存在的不足"]
    assert not any(furniture_mask(scattered))


def test_bare_numbers_are_page_numbers_only_in_wrapped_text() -> None:
    assert "1" not in _blocks(WRAPPED)
    assert _blocks("指标\n3\n一、主要举措和成效\n全年办理行政处罚案件2873件。\n")[1] == "3"


def test_gongwen_frame_goes_to_meta() -> None:
    doc = load_document(LAYOUTS / "l6-gongwen-tongxi-district-2023.txt")
    assert doc.meta == {
        "addressee": "市人民政府",
        "cc": "区委办公室，区人大常委会办公室，区政协办公室，区法院，区检察院",
        "doc_number": "桐政报〔2024〕5号",
        "issued": "桐溪区人民政府办公室 2024年3月12日印发",
        "issued_date": "2024-03-12",
    }
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "桐溪区人民政府关于2023年度法治政府建设情况的报告"
    for kept in (
        "特此报告。",
        "桐溪区人民政府",
        "2024年3月12日",
        "附件：2023年度行政执法数据统计表",
    ):
        assert kept in texts
    assert not any(t.startswith(("抄送", "桐政报", "市人民政府：")) for t in texts)
    assert sum(b.hint == "table" for b in doc.blocks) == 12


def test_frame_letterhead_signer_disclosure_and_a_wrapped_cc_list() -> None:
    from fzgap.analyze.ingest import Block

    lines = [
        "某县人民政府文件",
        "某政报〔2024〕5号  签发人：张三",
        "某县人民政府关于2023年度法治政府建设情况的报告",
        "县委、县人民政府：",
        "2023年，某县坚持依法行政，各项工作取得积极成效。现将有关情况报告如下：",
        "特此报告。",
        "（此件公开发布）",
        "抄送：市委依法治市办，市司法局，",
        "县人大常委会办公室。",
        "某县人民政府办公室 2024年3月8日印发",
    ]
    body, meta = split_frame([Block(t) for t in lines])
    assert [b.text for b in body] == [lines[2], lines[4], lines[5]]
    assert meta == {
        "letterhead": "某县人民政府文件",
        "doc_number": "某政报〔2024〕5号",
        "signer": "张三",
        "addressee": "县委、县人民政府",
        "disclosure": "此件公开发布",
        "cc": "市委依法治市办，市司法局，县人大常委会办公室",
        "issued": "某县人民政府办公室 2024年3月8日印发",
        "issued_date": "2024-03-08",
    }


def test_a_colon_heading_is_not_an_addressee() -> None:
    doc = load_document("某县2023年法治政府建设年度报告\n主要做法：\n全年办理案件12件。\n".encode())
    assert "addressee" not in doc.meta and doc.blocks[1].text == "主要做法："


def test_publication_date_row_is_kept_as_meta_and_removed_from_text() -> None:
    doc = load_document(LAYOUTS / "l9-mixed-yuanlan-emergency-2023.txt")
    assert doc.meta["published"] == "2024-03-28"
    assert "发布日期" not in doc.text
    copied = (
        "某县2023年法治政府建设年度报告\n发布时间：2024年03月26日 10:20 来源：县司法局\n"
        "全年办理案件12件。\n"
    )
    assert load_document(copied.encode()).meta == {"published": "2024-03-26"}


def test_publication_date_from_html_meta_tags(sample_lines) -> None:
    body = "".join(f"<p>{s}</p>" for s in sample_lines)
    for tag in (
        '<meta name="PubDate" content="2024-03-28 09:15">',
        "<meta content='2024/3/28' name=pubdate>",
        '<meta property="article:published_time" content="2024-03-28T09:15:00+08:00">',
    ):
        page = f"<html><head>{tag}<title>t</title></head><body>{body}</body></html>"
        assert load_document(page.encode(), name="p.html").meta["published"] == "2024-03-28"
    assert meta_from_html_head('<meta name="PubDate" content="2024-02-30">') == {}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-03-28", "2024-03-28"),
        ("2024年3月8日", "2024-03-08"),
        ("20240328", "2024-03-28"),
        ("2024.3.8 10:20", "2024-03-08"),
        ("2024-13-01", None),
        ("无", None),
    ],
)
def test_iso_date(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


def test_pdf_pasted_fixture_gives_the_true_paragraphs() -> None:
    path = LAYOUTS / "l5-pdfpaste-qiwu-county-2021.txt"
    want = [json.loads(line)["text"] for line in path.with_suffix(".sections.jsonl").open()]
    doc = load_document(path)
    assert [_squash(b.text) for b in doc.blocks] == [_squash(t) for t in want]
    assert doc.furniture == 8  # four page numbers, three running headers, the split title's line
