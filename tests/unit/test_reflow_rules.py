"""Where reflow cuts wrapped lines: indentation, a margin measured in columns, short-line shapes."""

from __future__ import annotations

from fzgap import load_document
from fzgap.analyze.ingest._reflow import Line, _indents_paragraphs, display_width, join_lines


def _blocks(text: str) -> list[str]:
    return [b.text for b in load_document(text.encode("utf-8"), name="r.txt").blocks]


# Pasted from a PDF that indents each paragraph, 20 columns a line. The 决策 paragraph's third
# line ends a sentence a whole column short: the opening quote of "一事一审" may not end a line,
# so it went down with the word it opens.
INDENTED = """\
　　　　某某县司法局2024年法治政府建设年度报告
　　为深入推进法治政府建设，县司法局坚持
以习近平法治思想为指导，统筹推进依法行政
各项工作，现将有关情况报告如下：
　　一、健全依法决策机制
　　严格落实重大行政决策程序规定，县政府
重大行政决策事项均依法经过公众参与、专家
论证、风险评估、合法性审查等法定程序。
“一事一审”制度全面推行，县政府常务会议
议题涉法事项逐项审核。
　　二、严格规范公正文明执法
　　全面落实行政执法公示、执法全过程记录、
重大执法决定法制审核制度，组织开展行政执
法案卷评查，评查结果纳入年度考核。
　　三、强化行政复议监督功能
　　畅通行政复议申请渠道，在各乡镇设立行
政复议咨询点，推行案件繁简分流，行政复议
案件全部在法定期限内审结。
"""


def test_where_paragraphs_are_indented_an_unindented_line_goes_on_after_a_short_one() -> None:
    short = "论证、风险评估、合法性审查等法定程序。"
    assert display_width(short) == 19.0  # a whole column short of the margin
    assert _blocks(INDENTED) == [
        "某某县司法局2024年法治政府建设年度报告",
        "为深入推进法治政府建设，县司法局坚持以习近平法治思想为指导，统筹推进依法行政各项工作，"
        "现将有关情况报告如下：",
        "一、健全依法决策机制",
        "严格落实重大行政决策程序规定，县政府重大行政决策事项均依法经过公众参与、专家论证、"
        "风险评估、合法性审查等法定程序。“一事一审”制度全面推行，县政府常务会议议题涉法事项"
        "逐项审核。",
        "二、严格规范公正文明执法",
        "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，组织开展行政执法案卷"
        "评查，评查结果纳入年度考核。",
        "三、强化行政复议监督功能",
        "畅通行政复议申请渠道，在各乡镇设立行政复议咨询点，推行案件繁简分流，行政复议案件全部"
        "在法定期限内审结。",
    ]


def test_where_paragraphs_are_indented_a_heading_or_item_still_starts_its_own_line() -> None:
    # Indented paragraphs, but a heading set flush left after a short line stays a heading,
    # and so does a numbered item after a lead-in.
    lines = [
        Line("严格落实重大行政决策程序规定，决策事项全部经过合法性审查。", indented=True),
        Line("县政府常务会议议题涉法事项逐项审核，审核意见全部采纳。", indented=True),
        Line("全面落实行政执法“三项制度”，执法信息统一公示。", indented=True),
        Line("深化行政复议体制改革，案件全部在法定期限内审结。", indented=True),
        Line("存在的不足和原因"),
        Line("部分乡镇执法人员不足，赋权事项承接能力有待提升。", indented=True),
        Line("执法案卷质量参差不齐，个别案件程序不够规范。", indented=True),
        Line("下一步，我们将重点做好以下工作：", indented=True),
        Line("一、持续推进严格规范公正文明执法。"),
        Line("县司法局将牵头开展执法案卷评查。", indented=True),
        Line("二、加强法治宣传教育。", indented=True),
    ]
    assert _indents_paragraphs(lines)
    assert join_lines(lines) == [ln.text for ln in lines]


# Pasted from a PDF, flush left, 20 columns a line. Digits take half a column, so the line
# ending "1200余人次。" stops half a column short of the margin though the layout broke it;
# the line ending "合同协议47份。" stops a whole column short: its paragraph ends there.
FLUSH = """\
某某县2024年法治政府建设年度报告
县司法局加强行政执法人员队伍建设，全年共
组织执法人员培训班4期，培训1200余人次。
全县持证执法人员达到860人，执法岗位持证
率保持在百分之百，执法证件均实行动态管理
和年度审验。
县政府法律顾问室对县政府拟签的合同和拟发
文件开展合法性审查，并提出书面审查意见，
全年审查规范性文件12件，合同协议47份。
推行行政执法公示、执法全过程记录以及重大
执法决定法制审核制度，执法信息在县政府的
门户网站统一公示，接受社会监督。
"""


def test_a_sentence_half_a_column_short_of_the_margin_reaches_it() -> None:
    assert display_width("组织执法人员培训班4期，培训1200余人次。") == 19.5
    assert _blocks(FLUSH) == [
        "某某县2024年法治政府建设年度报告",
        "县司法局加强行政执法人员队伍建设，全年共组织执法人员培训班4期，培训1200余人次。"
        "全县持证执法人员达到860人，执法岗位持证率保持在百分之百，执法证件均实行动态管理"
        "和年度审验。",
        "县政府法律顾问室对县政府拟签的合同和拟发文件开展合法性审查，并提出书面审查意见，"
        "全年审查规范性文件12件，合同协议47份。",
        "推行行政执法公示、执法全过程记录以及重大执法决定法制审核制度，执法信息在县政府的"
        "门户网站统一公示，接受社会监督。",
    ]


def test_short_line_shapes_are_measured_in_columns() -> None:
    # 47 characters but 40.5 columns: a numbered heading that fills its line, then an item.
    heading = "（三）2024年1—12月全区行政执法案件办理情况及2025年1—6月行政执法监督工作重点安排"
    item = "1.行政处罚。全年办理行政处罚案件2873件，同比增长8.6%。"
    assert len(heading) > 45 >= display_width(heading)
    assert join_lines([Line(heading, full=True), Line(item)]) == [heading, item]
    # 42 characters but 38 columns: a table's caption stands alone after a full sentence.
    caption = "2024年度全区12个镇（街道）和36个区直部门法治政府建设考核结果及排名情况汇总表"
    before = "全区法治政府建设考核结果经区委全面依法治区委员会审定后向社会公布。"
    assert len(caption) > 40 >= display_width(caption)
    assert join_lines([Line(before, full=True), Line(caption)]) == [before, caption]


def test_display_width_fast_path_agrees_with_the_per_character_rule():
    from fzgap.analyze.ingest._reflow import _char_width
    from fzgap.analyze.text import WIDE_RUNS as _WIDE

    wide = [chr(c) for c in range(0x3000, 0xA000) if _WIDE.fullmatch(chr(c))]
    wide += [chr(c) for c in range(0xFF00, 0xFFFF) if _WIDE.fullmatch(chr(c))]
    assert len(wide) > 20_000
    assert all(_char_width(ch) == 1.0 for ch in wide)
    # Mixed lines: ideographs, ASCII, tabs, combining marks, Latin-1 and half-width kana.
    for line in (
        "依法行政\t工作，2024年 A类〔2024〕5号",
        "Café 法治ｱ\u302a〇",
        "\u3000\u3000一、总体情况",
    ):
        slow = sum(_char_width(ch) for ch in line)
        assert display_width(line) == slow
