"""Section typing: Viterbi decoding on synthetic evidence, and synthetic reports in each layout."""

from __future__ import annotations

import numpy as np
import pytest

from fzgap import load_document, segment
from fzgap.analyze.segment import TRANSITIONS, decode_sections, looks_like_heading, match_marker
from fzgap.model.areas import SECTIONS

_S = {s: i for i, s in enumerate(SECTIONS)}


def _evidence(rows: list[dict[str, float]]) -> np.ndarray:
    """Log-scores from per-row preferences; unnamed sections get a low score."""
    ev = np.full((len(rows), len(SECTIONS)), -6.0)
    for i, row in enumerate(rows):
        for s, v in row.items():
            ev[i, _S[s]] = v
    return ev


def test_decoding_follows_clear_evidence() -> None:
    rows = [{"preamble": 0}, {"achievement": 0}, {"deficiency": 0}, {"plan": 0}, {"other": 0}]
    assert decode_sections(_evidence(rows)) == [
        "preamble",
        "achievement",
        "deficiency",
        "plan",
        "other",
    ]


def test_one_weak_dissenting_paragraph_does_not_flip_a_section() -> None:
    # A plan-sounding paragraph in the middle of the year's work, only slightly preferred.
    rows = [{"achievement": 0}] * 3 + [{"plan": 0, "achievement": -1.0}] + [{"achievement": 0}] * 3
    assert decode_sections(_evidence(rows)) == ["achievement"] * 7


def test_a_strong_run_of_evidence_changes_section() -> None:
    rows = [{"achievement": 0}] * 3 + [{"plan": 0, "achievement": -4.0}] * 3
    assert decode_sections(_evidence(rows)) == ["achievement"] * 3 + ["plan"] * 3


def test_ruled_out_sections_are_never_chosen() -> None:
    ev = _evidence([{"achievement": 0}, {"plan": 0}, {"achievement": 0}])
    ev[1, _S["plan"]] = -np.inf
    ev[1, _S["deficiency"]] = -5.0
    assert decode_sections(ev)[1] != "plan"


def test_going_back_costs_more_than_going_forward() -> None:
    t = TRANSITIONS
    assert t[_S["deficiency"], _S["plan"]] > t[_S["plan"], _S["deficiency"]]
    assert t[_S["preamble"], _S["achievement"]] > t[_S["plan"], _S["achievement"]]
    assert all(t[i, i] == 0 for i in range(len(SECTIONS)))
    assert decode_sections(np.zeros((0, len(SECTIONS)))) == []


def _sections(text: str) -> list[tuple[str, str]]:
    report = segment(load_document(text.encode("utf-8")))
    return [(p.section, p.text[:6]) for p in report.paragraphs]


def test_top_level_1_numbering_and_a_year_after_the_number() -> None:
    assert match_marker("9.2024年工作安排").number == 9
    assert match_marker("1.5万元专项经费已拨付。") is None
    text = "\n".join(
        [
            "某市交通运输局2023年法治政府建设情况报告",
            "2023年，市交通运输局坚持依法行政。现将有关情况报告如下：",
            "1.主要负责人履行推进法治建设第一责任人职责情况",
            "局长主持召开局党组会议专题研究法治建设4次。",
            "2.严格规范公正文明执法",
            "全年查处交通运输违法案件612件，罚款236万元。",
            "8.存在的问题和不足",
            "执法人员专业素质与综合执法要求还不相适应。",
            "9.2024年工作安排",
            "深化综合行政执法改革，开展执法人员轮训。",
        ]
    )
    assert [s for s, _ in _sections(text)] == [
        "preamble",
        "preamble",
        "first_responsibility",
        "first_responsibility",
        "achievement",
        "achievement",
        "deficiency",
        "deficiency",
        "plan",
        "plan",
    ]


def test_parts_nest_above_cn_headings() -> None:
    text = "\n".join(
        [
            "第一部分 2023年法治政府建设主要举措和成效",
            "一、推进严格规范公正文明执法",
            "全年作出行政处罚决定7413件。",
            "二、发挥行政复议主渠道作用",
            "全年收到行政复议申请163件。",
            "第二部分 存在的不足和原因",
            "一、存在的不足",
            "基层执法力量配备不均衡。",
            "第三部分 2024年工作安排",
            "一、持续深化法治政府建设",
            "开展示范创建活动。",
        ]
    )
    report = segment(load_document(text.encode("utf-8")))
    assert [p.section for p in report.paragraphs] == ["achievement"] * 5 + ["deficiency"] * 3 + [
        "plan"
    ] * 3
    assert [p.level for p in report.paragraphs if p.kind == "heading"] == [1, 2, 2, 1, 2, 1, 2]
    assert report.paragraphs[2].headings == (
        "第一部分 2023年法治政府建设主要举措和成效",
        "一、推进严格规范公正文明执法",
    )


def test_unnumbered_headings_by_shape_and_place() -> None:
    assert looks_like_heading(
        "存在的不足", "法治政府建设的推进不平衡，部分街道和部门对法治建设重视不够。"
    )
    assert not looks_like_heading("现将有关情况报告如下：", "一、主要举措")
    assert not looks_like_heading("全年办理案件45件", "下一段")
    assert not looks_like_heading("存在的不足", None)
    text = "\n".join(
        [
            "2024年法治政府建设主要举措和成效",
            "持续转变政府职能",
            "上线企业开办等13个“一件事”集成服务，办件2.3万件。",
            "依法化解行政争议",
            "全年收到行政复议申请286件，审结271件。",
            "存在的不足",
            "行政复议案件快速增长，复议机构人员力量不足。",
            "2025年工作思路",
            "加强行政复议规范化建设，充实复议办案力量。",
        ]
    )
    report = segment(load_document(text.encode("utf-8")))
    assert [p.kind for p in report.paragraphs] == [
        "heading",
        "heading",
        "body",
        "heading",
        "body",
        "heading",
        "body",
        "heading",
        "body",
    ]
    assert [p.section for p in report.paragraphs] == ["achievement"] * 5 + ["deficiency"] * 2 + [
        "plan"
    ] * 2
    assert not report.read_by_content


def test_merged_section_is_cut_into_shortcoming_and_intention() -> None:
    text = "\n".join(
        [
            "一、主要举措和成效",
            "全年审查规范性文件46件。",
            "二、存在的问题及下一步打算",
            "（一）重大行政决策程序执行还不够到位。决策后评估尚未全面开展。下一步，将选取2项决策开展后评估。",
            "（二）复议审理力量相对薄弱。下一步，将充实复议办案力量。",
        ]
    )
    report = segment(load_document(text.encode("utf-8")))
    got = [(p.section, p.text) for p in report.paragraphs[2:]]
    assert got == [
        ("deficiency", "二、存在的问题及下一步打算"),
        ("deficiency", "（一）重大行政决策程序执行还不够到位。决策后评估尚未全面开展。"),
        ("plan", "下一步，将选取2项决策开展后评估。"),
        ("deficiency", "（二）复议审理力量相对薄弱。"),
        ("plan", "下一步，将充实复议办案力量。"),
    ]


def test_gongwen_closing_signature_and_annex_table() -> None:
    text = "\n".join(
        [
            "某区人民政府关于2023年度法治政府建设情况的报告",
            "2023年，某区人民政府坚持依法行政。现将有关情况报告如下：",
            "一、主要举措和成效",
            "全年开展联合执法行动236次，重大执法决定法制审核461件。",
            "二、2024年工作安排",
            "一是深化综合执法改革；二是加强执法人员培训。",
            "特此报告。",
            "某区人民政府",
            "2024年3月12日",
            "附件：2023年度行政执法数据统计表",
            "行政处罚 | 立案数 | 结案数 | 罚没金额（万元）",
            "区市场监管局 | 312 | 298 | 156.3",
            "注：数据统计时段为2023年1月1日至12月31日。",
        ]
    )
    report = segment(load_document(text.encode("utf-8")))
    sections = [p.section for p in report.paragraphs]
    assert sections[-7:] == ["other", "other", "other", "annex", "annex", "annex", "annex"]
    assert report.paragraphs[-4].kind == "heading"
    assert report.unit == "某区人民政府" and report.year == 2023


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2022年，我镇坚持依法行政，现将有关情况报告如下：\n"
            "镇党委书记、镇长认真履行推进法治建设第一责任人职责，全年主持召开专题会议4次。\n"
            "全镇开展宪法、民法典进村入户活动26场次，发放宣传资料8000余份。\n"
            "一年来，我镇法治政府建设虽然取得了一定成效，但也存在一些不足，执法队仅有执法人员5名。\n"
            "2023年，我镇将重点做好以下工作：一是加强执法队伍建设。\n",
            ["preamble", "first_responsibility", "achievement", "deficiency", "plan"],
        ),
    ],
)
def test_no_headings_sections_by_content_and_order(text: str, expected: list[str]) -> None:
    report = segment(load_document(text.encode("utf-8")))
    assert [p.section for p in report.paragraphs] == expected
    assert report.read_by_content
