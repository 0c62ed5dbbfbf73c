"""The coverage rules on hand-built score matrices: no model, no tokenizer, only the rules.

Every report here is synthetic: paragraphs with chosen sections and kinds, and scores chosen to
sit on either side of the checklist's thresholds, so that each rule of ``ANNOTATION.md`` (as
``analyze/coverage/_rules.py`` applies it) is pinned independently of training.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fzgap.analyze.constants import STATUS_ORDER, Status
from fzgap.analyze.coverage import MAX_EVIDENCE, ScoredReport, assess_area, split_sentences
from fzgap.analyze.records import AreaCounts, AreaResult, Evidence
from fzgap.analyze.segment import Kind, Paragraph, SegmentedReport
from fzgap.model.areas import AREAS, SECTIONS
from fzgap.model.checklist import Checklist, load_checklist

CL = load_checklist()
R = CL.rules
THR = 0.4  # every area's paragraph threshold, unless a test says otherwise
EVIDENCE = max(THR, R.min_evidence_score)  # a paragraph counts as evidence from this score
PASSING = max(THR, R.passing_min_score)  # ... a paragraph about something else / a sentence
HIGH, LOW = 0.9, 0.05
HEAD = "一、主要举措和成效"


# --- building synthetic scored reports -----------------------------------------------------------


@dataclass(frozen=True)
class P:
    """A synthetic paragraph: its sentences, where it sits, and what the 'model' said about it."""

    sentences: tuple[str, ...]
    section: str = "achievement"
    kind: Kind = "body"
    headings: tuple[str, ...] = (HEAD,)
    scores: Mapping[str, float] = field(default_factory=dict)
    sentence_scores: tuple[Mapping[str, float], ...] | None = None  # default: as the paragraph
    clauses: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    shown: tuple[str, ...] | None = None  # the sentences as written, default: as normalised


def para(
    text: str,
    *,
    section: str = "achievement",
    kind: Kind = "body",
    headings: tuple[str, ...] = (HEAD,),
    sent: list[Mapping[str, float]] | None = None,
    clause: Mapping[str, tuple[str, float]] | None = None,
    shown: str | None = None,
    **scores: float,
) -> P:
    """A paragraph; ``scores`` per area id (0 if not named), ``sent`` per sentence."""
    sentences = tuple(split_sentences(text))
    assert sent is None or len(sent) == len(sentences)
    return P(
        sentences,
        section,
        kind,
        headings,
        scores,
        tuple(sent) if sent is not None else None,
        clause or {},
        tuple(split_sentences(shown)) if shown is not None else None,
    )


def _row(scores: Mapping[str, float]) -> list[float]:
    assert set(scores) <= set(AREAS), scores
    return [float(scores.get(a, 0.0)) for a in AREAS]


def scored(*paras: P, thr: float | Mapping[str, float] = THR) -> ScoredReport:
    """The ScoredReport the scorer would have produced for these paragraphs."""
    paragraphs = tuple(
        Paragraph(i, "".join(p.sentences), "".join(p.sentences), p.kind, p.section, p.headings)
        for i, p in enumerate(paras)
    )
    report = SegmentedReport("synthetic.txt", "text", None, None, 2024, paragraphs)
    scores = np.array([_row(p.scores) for p in paras], dtype=float).reshape(-1, len(AREAS))
    per_sentence = tuple(
        np.array(
            [_row(s) for s in (p.sentence_scores or [p.scores] * len(p.sentences))], dtype=float
        ).reshape(-1, len(AREAS))
        for p in paras
    )
    thresholds = {a: thr if isinstance(thr, float) else thr[a] for a in AREAS}
    clauses = {(i, AREAS.index(a)): c for i, p in enumerate(paras) for a, c in p.clauses.items()}
    return ScoredReport(
        report,
        scores,
        tuple(p.sentences for p in paras),
        tuple(p.shown or p.sentences for p in paras),
        per_sentence,
        thresholds,
        clauses,
    )


def assess(
    area: str, *paras: P, thr: float | Mapping[str, float] = THR, cl: Checklist = CL
) -> AreaResult:
    return assess_area(scored(*paras, thr=thr), AREAS.index(area), cl)


def codes(result: AreaResult) -> list[str]:
    return [r.code for r in result.reasons]


def rank(status: str) -> int:
    return STATUS_ORDER.index(cast(Status, status))


REC = "reconsideration"
FR = "first_responsibility"
CASES = "全年受理行政复议案件12件，审结11件。"
GENERIC = "加强行政复议工作，推进依法行政。"  # no figure, no sub-item wording, weak verbs only
PLAIN = "开展行政复议工作，按期办理相关事项。"  # no figure, no sub-item wording, no weak verb
OTHER = "全年开展执法检查45次，查处违法案件12起。"  # about enforcement


def about_other(text: str = "开展执法检查，规范执法行为。", **extra: float) -> P:
    """A paragraph mainly about enforcement that scores ``extra`` for other areas."""
    return para(text, enforcement=HIGH, **extra)


def labelled_not_main(text: str = "开展执法检查，规范执法行为。") -> P:
    """Labelled reconsideration (paragraph score at the passing floor) but not mainly about it."""
    return para(text, enforcement=HIGH, reconsideration=PASSING, sent=[{"enforcement": HIGH}])


# --- covered -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (CASES, ("12件", "11件")),
        ("印发《行政复议工作规程》，规范办理流程。", ("《行政复议工作规程》",)),
        ("制发行政复议决定书〔2024〕3号。", ("〔2024〕3号",)),
        ("依法办理“张某诉某局”案。", ("“张某诉某局”案",)),
    ],
)
def test_one_main_paragraph_with_a_concrete_fact_is_covered(
    text: str, facts: tuple[str, ...]
) -> None:
    result = assess(REC, para(text, reconsideration=HIGH))
    assert result.status == "covered"
    assert codes(result)[0] == "COVERED_CONCRETE"
    assert result.reasons[0].message.startswith("主要举措和成效中1段主要报告复议工作，有具体事实（")
    assert all(f in result.reasons[0].message for f in facts)
    (ev,) = result.evidence
    assert ev == Evidence(0, "achievement", HIGH, text, True, facts, True, ev.facts)
    # each fact comes with its phrase, whose span points into the paragraph's text
    assert tuple(f.text for f in ev.facts) == facts
    assert all(f.text in f.phrase and text[f.start : f.end] == f.phrase for f in ev.facts)
    assert result.counts == AreaCounts(1, 1, len(text), 1.0, len(facts), 0, 0)


def test_a_figure_with_a_unit_is_a_fact_but_a_bare_number_is_not() -> None:
    covered = assess(REC, para("受理行政复议案件12件。", reconsideration=HIGH))
    bare = assess(REC, para("受理行政复议申请，编号2024。", reconsideration=HIGH))
    assert covered.status == "covered" and covered.evidence[0].strong_facts == ("12件",)
    assert bare.evidence[0].strong_facts == ()
    # the one sub-item (复议申请, R2) is not enough either: one generic main paragraph
    assert bare.status == "thin" and codes(bare)[0] == "THIN_GENERIC"


def test_a_main_paragraph_with_enough_sub_items_is_a_concrete_measure() -> None:
    two = assess(REC, para("深化行政复议体制改革，规范复议案件办理。", reconsideration=HIGH))
    one = assess(REC, para("规范行政复议案件办理。", reconsideration=HIGH))
    assert R.concrete_min_subitems == 2  # the example is written for the shipped checklist
    assert two.status == "covered" and codes(two)[0] == "COVERED_CONCRETE"
    assert two.reasons[0].message == "主要举措和成效中1段主要报告复议工作，有具体措施"
    assert two.evidence[0].strong_facts == ()
    assert one.status == "thin" and codes(one)[0] == "THIN_GENERIC"


def test_several_main_paragraphs_without_facts_are_covered() -> None:
    one = assess(REC, para(PLAIN, reconsideration=HIGH))
    two = assess(REC, para(PLAIN, reconsideration=HIGH), para(PLAIN, reconsideration=HIGH))
    assert R.covered_min_main == 2
    assert one.status == "thin"
    assert two.status == "covered" and codes(two)[0] == "COVERED_SEVERAL"
    assert "2段报告复议工作（其中2段以此为主）" in two.reasons[0].message
    assert (two.counts.paragraphs, two.counts.main_paragraphs, two.counts.strong_facts) == (2, 2, 0)


def test_several_labelled_paragraphs_without_facts_are_covered() -> None:
    assert R.covered_min_labelled == 3
    two = assess(REC, *[labelled_not_main() for _ in range(2)])
    three = assess(REC, *[labelled_not_main() for _ in range(3)])
    assert two.status == "thin" and codes(two)[0] == "THIN_PASSING"
    assert three.status == "covered" and codes(three)[0] == "COVERED_SEVERAL"
    assert "3段报告复议工作（其中0段以此为主）" in three.reasons[0].message
    assert [e.main for e in three.evidence] == [False] * 3
    assert (three.counts.paragraphs, three.counts.main_paragraphs) == (3, 0)


def test_facts_in_a_labelled_paragraph_that_is_not_main_do_not_make_it_covered() -> None:
    result = assess(REC, labelled_not_main("办理行政复议案件12件，开展执法检查45次。"))
    assert result.status == "thin" and codes(result)[0] == "THIN_PASSING"
    assert result.evidence[0].main is False and result.evidence[0].strong_facts == ("12件", "45次")


# --- what makes a paragraph 'mainly about' the area ----------------------------------------------


def test_main_when_the_area_is_the_paragraphs_top_score() -> None:
    # labelled (score at the evidence floor), no sentence above the passing floor:
    # main only because no other area scores higher
    top = assess(REC, para(CASES, reconsideration=EVIDENCE, enforcement=EVIDENCE - 0.1))
    second = assess(REC, para(CASES, reconsideration=EVIDENCE, enforcement=EVIDENCE + 0.1))
    assert top.status == "covered" and top.evidence[0].main
    assert second.status == "missing" and second.evidence == ()


def test_main_when_the_areas_sentences_hold_the_main_share_of_the_text() -> None:
    short = "配合做好行政复议工作。" + "开展执法检查，规范执法行为，强化执法监督，提升执法水平。"
    long = "加强行政复议规范化建设，畅通复议渠道，提升复议质量。" + "开展执法检查12次。"

    def first_share(text: str) -> float:
        return len(split_sentences(text)[0]) / len(text)

    assert first_share(short) < R.main_share < first_share(long)

    def report(text: str) -> AreaResult:
        # labelled, not the top area: only its sentence's share can make it main
        sent: list[Mapping[str, float]] = [{REC: HIGH}, {"enforcement": HIGH}]
        return assess(REC, para(text, reconsideration=EVIDENCE, enforcement=HIGH, sent=sent))

    mention, main = report(short), report(long)
    assert not mention.evidence[0].main and codes(mention)[0] == "THIN_PASSING"
    assert main.evidence[0].main
    # its facts are those of its own sentence: the enforcement figure is not one
    assert main.evidence[0].strong_facts == ()
    assert main.status == "thin" and codes(main)[0] == "THIN_GENERIC"


def test_exactly_the_main_share_is_enough() -> None:
    own, other = "受理复议12件。", "开展执法检查并规范执法。"
    assert len(own) / len(own + other) == R.main_share
    sent: list[Mapping[str, float]] = [{REC: HIGH}, {"enforcement": HIGH}]
    result = assess(REC, para(own + other, reconsideration=EVIDENCE, enforcement=HIGH, sent=sent))
    assert result.evidence[0].main and result.status == "covered"


@pytest.mark.parametrize(
    ("heading_score", "body_headings", "status"),
    [
        (HIGH, (HEAD, "（一）推进行政复议规范化"), "covered"),  # the heading announces the area
        (LOW, (HEAD, "（一）推进行政复议规范化"), "missing"),  # the heading is about nothing
        (HIGH, (HEAD, "（二）严格规范执法"), "missing"),  # another branch of the outline
    ],
)
def test_a_heading_about_the_area_makes_the_paragraphs_under_it_main(
    heading_score: float, body_headings: tuple[str, ...], status: str
) -> None:
    heading = para(
        "（一）推进行政复议规范化",
        kind="heading",
        headings=(HEAD, "（一）推进行政复议规范化"),
        reconsideration=heading_score,
    )
    # labelled but neither top nor holding an area sentence: only the heading can make it main
    body = para(
        "全年办理案件12件。", headings=body_headings, reconsideration=EVIDENCE, enforcement=0.6
    )
    result = assess(REC, heading, body)
    assert result.status == status
    assert [e.index for e in result.evidence] == ([1] if status == "covered" else [])


def test_only_a_heading_in_the_paragraphs_own_run_of_the_outline_announces() -> None:
    x = "（一）推进行政复议规范化"
    heading = para(x, kind="heading", headings=(HEAD, x), reconsideration=HIGH)
    body = para("全年办理案件12件。", headings=(HEAD, x), reconsideration=EVIDENCE, enforcement=0.6)
    between = {
        "same branch": para("规范办理流程。", headings=(HEAD, x)),
        "outside the outline": para("附：统计表", headings=()),
        "another branch": para("规范办理流程。", headings=("二、存在的不足",)),
    }
    found = {name: assess(REC, heading, q, body).status for name, q in between.items()}
    assert found == {
        "same branch": "covered",
        "outside the outline": "missing",
        "another branch": "missing",
    }
    # a body paragraph scored for the area (but no evidence itself) announces nothing
    lead = para(x, headings=(HEAD, x), reconsideration=THR, enforcement=HIGH)
    assert assess(REC, lead, body).status == "missing"
    assert assess(REC, dataclasses.replace(lead, kind="heading"), body).status == "covered"


def test_headings_themselves_are_not_evidence() -> None:
    result = assess(REC, para("（一）行政复议案件办理12件", kind="heading", reconsideration=HIGH))
    assert result.status == "missing" and result.evidence == ()


# --- thin ----------------------------------------------------------------------------------------


def test_one_generic_main_paragraph_is_thin() -> None:
    result = assess(REC, para(GENERIC, reconsideration=HIGH))
    assert result.status == "thin"
    assert codes(result) == ["THIN_GENERIC", "SUBITEMS_NOT_FOUND"]
    assert "仅有1段笼统表述" in result.reasons[0].message
    assert result.evidence == (Evidence(0, "achievement", HIGH, GENERIC, True, (), True),)


def test_a_passing_mention_inside_a_paragraph_about_something_else_is_thin() -> None:
    mention = "配合做好行政复议工作。"
    p = para(
        OTHER + mention,
        enforcement=HIGH,
        reconsideration=THR / 2,  # just enough for its sentences to be read
        sent=[{"enforcement": HIGH}, {"reconsideration": HIGH}],
    )
    assert len(mention) / len(OTHER + mention) < R.main_share
    result = assess(REC, p)
    assert result.status == "thin"
    assert codes(result)[0] == "THIN_PASSING"
    assert result.reasons[0].message.startswith(
        "仅在主要举措和成效中其他主题的段落里顺带提及（1处）"
    )
    # the evidence is the area's own sentence, and the other area's figures are not its facts
    assert result.evidence == (Evidence(0, "achievement", THR / 2, mention, False, (), True),)
    assert result.counts == AreaCounts(
        0, 0, len(mention), round(len(mention) / len(OTHER + mention), 4), 0, 0, 0
    )
    # the same paragraph covers enforcement
    assert assess("enforcement", p).status == "covered"


def test_sentences_are_read_only_in_paragraphs_scoring_half_the_threshold() -> None:
    def report(score: float) -> AreaResult:
        return assess(
            REC,
            para(
                OTHER + "配合做好行政复议工作。",
                enforcement=HIGH,
                reconsideration=score,
                sent=[{"enforcement": HIGH}, {"reconsideration": HIGH}],
            ),
        )

    assert report(THR / 2).status == "thin"
    assert report(THR / 2 - 0.01).status == "missing"


def test_a_sentence_needs_the_passing_score_to_be_a_mention() -> None:
    def report(sentence_score: float) -> AreaResult:
        return assess(
            REC,
            para(
                OTHER + "配合做好行政复议工作。",
                enforcement=HIGH,
                reconsideration=THR,
                sent=[{"enforcement": HIGH}, {"reconsideration": sentence_score}],
            ),
        )

    assert report(PASSING).status == "thin"
    assert report(PASSING - 0.01).status == "missing"


def test_a_paragraph_about_something_else_needs_the_passing_score() -> None:
    def report(score: float) -> AreaResult:
        return assess(
            REC, para(OTHER, enforcement=HIGH, reconsideration=score, sent=[{"enforcement": HIGH}])
        )

    at, below = report(PASSING), report(PASSING - 0.01)
    assert at.status == "thin" and at.counts.paragraphs == 1 and not at.evidence[0].main
    assert below.status == "missing" and below.evidence == ()


def test_a_clause_carrying_a_sub_item_is_a_passing_mention() -> None:
    clause = "审结行政复议案件3件，"

    def report(clause_score: float) -> AreaResult:
        return assess(
            REC,
            para(
                OTHER + "审结行政复议案件3件，均维持原决定。",
                enforcement=HIGH,
                reconsideration=LOW,
                clause={REC: (clause, clause_score)},
            ),
        )

    at, below = report(R.passing_min_score), report(R.passing_min_score - 0.01)
    assert at.status == "thin" and codes(at)[0] == "THIN_PASSING"
    (ev,) = at.evidence
    assert (ev.sentence, ev.strong_facts, ev.main, ev.counts) == (clause, ("3件",), False, True)
    assert at.counts.characters == len(clause)
    assert below.status == "missing"


def test_only_in_the_plan_is_thin() -> None:
    result = assess(REC, para(CASES, section="plan", reconsideration=HIGH), about_other())
    assert result.status == "thin"
    assert codes(result) == ["THIN_PLAN_ONLY", "SUBITEMS_NOT_FOUND"]
    assert result.reasons[0].message == "仅在下一年度安排中提及（1段），不算本年度工作回顾"
    assert [(e.section, e.counts) for e in result.evidence] == [("plan", False)]
    assert result.counts == AreaCounts(0, 0, 0, 0.0, 0, 1, 0)
    assert not any(s.found for s in result.subitems)  # 复议案件 in the plan is no sub-item found


def test_only_in_the_deficiencies_is_thin() -> None:
    result = assess(REC, para(CASES, section="deficiency", reconsideration=HIGH), about_other())
    assert result.status == "thin"
    assert codes(result) == ["THIN_DEFICIENCY_ONLY", "SUBITEMS_NOT_FOUND"]
    assert result.reasons[0].message == "仅在存在的不足中提及（1段），不算本年度工作回顾"
    assert [(e.section, e.counts) for e in result.evidence] == [("deficiency", False)]
    assert result.counts == AreaCounts(0, 0, 0, 0.0, 0, 0, 1)


def test_in_the_plan_and_the_deficiencies_only_gives_one_combined_reason() -> None:
    result = assess(
        REC,
        para(GENERIC, section="deficiency", reconsideration=HIGH),
        para(GENERIC, section="plan", reconsideration=HIGH),
        para(GENERIC, section="plan", reconsideration=HIGH),
    )
    assert result.status == "thin"
    assert codes(result) == ["THIN_DEFICIENCY_PLAN_ONLY", "SUBITEMS_NOT_FOUND"]
    message = result.reasons[0].message
    assert "存在的不足" in message and "下一年度安排" in message


def test_a_passing_sentence_in_the_plan_makes_the_area_thin_not_missing() -> None:
    # ANNOTATION.md: an area only in the plan is thin, however short the mention
    p = para(
        OTHER + "配合做好行政复议工作。",
        section="plan",
        enforcement=HIGH,
        reconsideration=THR / 2,
        sent=[{"enforcement": HIGH}, {"reconsideration": HIGH}],
    )
    result = assess(REC, p)
    assert result.status == "thin" and codes(result)[0] == "THIN_PLAN_ONLY"
    assert [(e.index, e.section, e.counts) for e in result.evidence] == [(0, "plan", False)]


def test_counting_evidence_also_notes_the_plan_and_the_deficiencies() -> None:
    plan = para(GENERIC, section="plan", reconsideration=HIGH)
    deficiency = para(GENERIC, section="deficiency", reconsideration=HIGH)
    covered = assess(REC, para(CASES, reconsideration=HIGH), plan, deficiency)
    thin = assess(REC, para(GENERIC, reconsideration=HIGH), plan)
    assert covered.status == "covered"
    assert codes(covered) == [
        "COVERED_CONCRETE",
        "NOTE_ALSO_PLAN",
        "NOTE_ALSO_DEFICIENCY",
        "SUBITEMS_NOT_FOUND",
    ]
    assert covered.reasons[1].message == "下一年度安排中另有1段涉及复议"
    assert thin.status == "thin"
    assert codes(thin) == ["THIN_GENERIC", "NOTE_ALSO_PLAN", "SUBITEMS_NOT_FOUND"]


# --- missing -------------------------------------------------------------------------------------


def test_nothing_about_the_area_is_missing() -> None:
    result = assess(REC, about_other(), para(OTHER, enforcement=HIGH, publicity=0.3))
    assert result.status == "missing"
    assert [(r.code, r.message) for r in result.reasons] == [
        ("MISSING_NONE", "报告中没有回顾本年度复议工作的内容")
    ]
    assert result.evidence == ()
    assert result.counts == AreaCounts(0, 0, 0, 0.0, 0, 0, 0)
    assert [s.found for s in result.subitems] == [False] * 6


def test_an_empty_report_is_missing_everything() -> None:
    for k in range(len(AREAS)):
        result = assess_area(scored(), k, CL)
        assert result.status == "missing" and codes(result) == ["MISSING_NONE"]


def test_only_in_the_preamble_is_missing_with_a_note() -> None:
    slogan = "坚持依法复议、公正复议，全年受理行政复议案件12件。"
    result = assess(
        REC, para(slogan, section="preamble", headings=(), reconsideration=HIGH), about_other()
    )
    assert result.status == "missing"
    assert codes(result) == ["MISSING_NONE", "NOTE_PREAMBLE_ONLY"]
    assert result.reasons[1].message == "仅在开头段落中以口号式表述提及（1段），不算工作回顾"
    assert [(e.section, e.counts, e.main) for e in result.evidence] == [("preamble", False, True)]


def test_only_in_another_section_is_missing_without_a_note() -> None:
    result = assess(REC, para(CASES, section="other", reconsideration=HIGH))
    assert result.status == "missing" and codes(result) == ["MISSING_NONE"]
    assert [(e.section, e.counts) for e in result.evidence] == [("other", False)]


# --- the first_responsibility section ------------------------------------------------------------

LEADER = "主持召开专题会议研究法治建设4次。"
FACTOR_SCORE = R.section_threshold_factor * EVIDENCE


@pytest.mark.parametrize(
    ("section", "area", "score", "status"),
    [
        ("first_responsibility", FR, FACTOR_SCORE, "covered"),
        ("first_responsibility", FR, FACTOR_SCORE - 0.01, "missing"),
        ("achievement", FR, FACTOR_SCORE, "missing"),  # the factor applies in its own section
        ("achievement", FR, EVIDENCE, "covered"),
        ("first_responsibility", REC, FACTOR_SCORE, "missing"),  # ... and to its own area only
        ("first_responsibility", REC, EVIDENCE, "covered"),
    ],
)
def test_the_first_responsibility_section_lowers_that_areas_threshold(
    section: str, area: str, score: float, status: str
) -> None:
    assert R.section_threshold_factor < 1
    text = LEADER if area == FR else CASES
    result = assess(area, para(text, section=section, **{area: score}))
    assert result.status == status
    if status == "covered":
        assert [(e.section, e.main, e.counts) for e in result.evidence] == [(section, True, True)]


def test_the_factor_scales_the_areas_threshold_when_it_is_above_the_evidence_floor() -> None:
    thr = {a: THR for a in AREAS} | {FR: 0.6}
    assert thr[FR] > R.min_evidence_score

    def status(score: float) -> str:
        return assess(FR, para(LEADER, section=FR, first_responsibility=score), thr=thr).status

    assert status(R.section_threshold_factor * 0.6) == "covered"
    assert status(R.section_threshold_factor * 0.6 - 0.01) == "missing"


def test_the_first_responsibility_section_is_a_sub_item_of_its_own() -> None:
    f1 = next(s for s in CL.area(FR).subitems if s.section)
    heading = para(
        "二、主要负责人履行第一责任人职责情况",
        kind="heading",
        section=FR,
        headings=("二、主要负责人履行第一责任人职责情况",),
    )
    body = para(LEADER, section=FR, headings=heading.headings, first_responsibility=HIGH)

    def found(*paras: P) -> tuple[bool, tuple[int, ...]]:
        sub = next(s for s in assess(FR, *paras).subitems if s.id == f1.id)
        return sub.found, sub.paragraphs

    assert found(about_other(), heading, body) == (True, (1,))  # the section's heading
    assert found(about_other(), body, body) == (True, (1,))  # no heading: its first paragraph
    elsewhere = assess(FR, about_other(), para(LEADER, first_responsibility=HIGH))
    assert elsewhere.status == "covered"
    assert not next(s for s in elsewhere.subitems if s.id == f1.id).found
    assert f"未见子项：{f1.zh}" in elsewhere.reasons[-1].message


GROUP = "成立局法治建设领导小组，印发《2023年法治建设工作要点》，明确28项任务。"  # no FR item


def test_first_responsibility_needs_one_of_its_items_to_be_covered() -> None:
    assert FR in R.covered_needs_subitem and REC not in R.covered_needs_subitem
    # Concrete facts, scored high for the area, but nothing the head did: a 领导小组 paragraph.
    group = assess(FR, about_other(), para(GROUP, first_responsibility=HIGH))
    assert group.status == "thin" and codes(group)[0] == "THIN_NO_SUBITEM"
    assert not any(s.found for s in group.subitems)
    assert [e.index for e in group.evidence] == [1]  # the reviewer still sees why
    # The same paragraph with the head's own act (a sub-item) is covered.
    chaired = assess(FR, about_other(), para(GROUP + LEADER, first_responsibility=HIGH))
    assert chaired.status == "covered" and codes(chaired)[0] == "COVERED_CONCRETE"
    # Its own section is an item of its own, so there it is covered too.
    in_section = assess(FR, about_other(), para(GROUP, section=FR, first_responsibility=HIGH))
    assert in_section.status == "covered"


def test_other_areas_are_covered_without_naming_an_item() -> None:
    text = "印发《行政复议工作规程》，规范办理流程。"
    assert not any(s.found_in(text) for s in CL.area(REC).subitems)
    assert assess(REC, para(text, reconsideration=HIGH)).status == "covered"
    off = dataclasses.replace(CL, rules=dataclasses.replace(R, covered_needs_subitem=(REC,)))
    result = assess(REC, para(text, reconsideration=HIGH), cl=off)
    assert result.status == "thin" and codes(result)[0] == "THIN_NO_SUBITEM"


# --- evidence ------------------------------------------------------------------------------------


@pytest.mark.parametrize("section", SECTIONS)
def test_evidence_counts_only_in_the_counting_sections(section: str) -> None:
    result = assess(REC, para(CASES, section=section, reconsideration=HIGH))
    (ev,) = result.evidence
    assert ev.section == section
    assert ev.counts is (section in R.counting_sections)
    assert (result.status == "covered") is ev.counts


def test_the_counting_sections_come_from_the_checklist() -> None:
    cl = dataclasses.replace(CL, rules=dataclasses.replace(R, counting_sections=("annex",)))
    annex = para(CASES, section="annex", reconsideration=HIGH)
    achievement = para(CASES, section="achievement", reconsideration=HIGH)
    assert assess(REC, annex, cl=cl).status == "covered"
    result = assess(REC, achievement, cl=cl)
    assert result.status == "missing" and result.evidence[0].counts is False


def test_evidence_is_ordered_counting_main_labelled_then_by_score() -> None:
    result = assess(
        REC,
        para(GENERIC, section="plan", reconsideration=0.99),  # 0: not counting
        labelled_not_main(),  # 1: counting, labelled, not main (score PASSING)
        para(
            OTHER + "配合做好行政复议工作。",
            enforcement=HIGH,
            reconsideration=THR,
            sent=[{"enforcement": HIGH}, {"reconsideration": HIGH}],
        ),  # 2: a passing sentence
        para(GENERIC, reconsideration=0.6),  # 3: main, lower score
        para(GENERIC, reconsideration=0.8),  # 4: main, higher score
        para(GENERIC, reconsideration=0.8),  # 5: main, same score: by position
    )
    assert [e.index for e in result.evidence] == [4, 5, 3, 1, 2, 0]
    assert [e.counts for e in result.evidence] == [True] * 5 + [False]


def test_evidence_is_capped_and_the_cap_keeps_the_counting_paragraphs() -> None:
    plan = [para(GENERIC, section="plan", reconsideration=0.99) for _ in range(4)]
    work = [para(PLAIN, reconsideration=0.5 + i / 100) for i in range(MAX_EVIDENCE + 2)]
    result = assess(REC, *plan, *work)
    assert len(result.evidence) == MAX_EVIDENCE
    assert all(e.counts for e in result.evidence)
    # highest scores first; the two weakest work paragraphs and all of the plan are left out
    work_indices = range(len(plan), len(plan) + len(work))
    assert [e.index for e in result.evidence] == sorted(work_indices, reverse=True)[:MAX_EVIDENCE]
    assert result.counts.paragraphs == len(work) and result.counts.plan_paragraphs == len(plan)
    assert codes(result)[:2] == ["COVERED_SEVERAL", "NOTE_ALSO_PLAN"]


def test_the_evidence_sentence_is_the_one_with_most_facts_as_written() -> None:
    first, second = "加强行政复议工作。", "受理复议申请12件，审结10件。"
    p = para(
        first + second,
        reconsideration=HIGH,
        shown="加强行政复议工作。受理复议申请１２件，审结１０件。",
        sent=[{REC: 0.95}, {REC: 0.7}],
    )
    (ev,) = assess(REC, p).evidence
    assert ev.sentence == "受理复议申请１２件，审结１０件。"  # shown as written
    assert ev.strong_facts == ("12件", "10件")  # found in the normalised text
    # without facts, the best scored area sentence is shown
    q = para(first + "规范办理流程。", reconsideration=HIGH, sent=[{REC: 0.7}, {REC: 0.95}])
    assert assess(REC, q).evidence[0].sentence == "规范办理流程。"


def test_a_clear_area_sentence_narrows_the_facts_to_it() -> None:
    """Facts come from the area's own sentences; only when no sentence is clearly about the area
    does the whole (main) paragraph lend its facts. So raising a *sentence* score can lower a
    status: here the figure belongs to an enforcement sentence."""
    text = "加强行政复议工作。全年办理执法案件12件。"
    unclear = assess(REC, para(text, reconsideration=HIGH, sent=[{REC: 0.5}, {REC: 0.5}]))
    clear = assess(REC, para(text, reconsideration=HIGH, sent=[{REC: HIGH}, {REC: 0.5}]))
    assert unclear.status == "covered" and unclear.evidence[0].strong_facts == ("12件",)
    assert clear.status == "thin" and clear.evidence[0].strong_facts == ()


# --- sub-items -----------------------------------------------------------------------------------


def test_sub_items_are_found_in_the_counting_evidence_only() -> None:
    result = assess(
        REC,
        para("受理行政复议案件12件，负责人出庭应诉3次。", reconsideration=HIGH),  # R2 R4 R5
        para("提高行政复议纠错质量。", section="plan", reconsideration=HIGH),  # R3, in the plan
        para(
            "撤销违法许可2项。配合法院做好行政诉讼工作。",
            enforcement=HIGH,
            reconsideration=THR,
            sent=[{"enforcement": HIGH}, {REC: HIGH}],
        ),  # R4 in the mention; R3 not the area's
    )
    found = {s.id: s.paragraphs for s in result.subitems if s.found}
    assert found == {"R2": (0,), "R4": (0, 2), "R5": (0,)}
    assert [s.name for s in result.subitems] == [s.zh for s in CL.area(REC).subitems]
    assert result.reasons[-1].code == "SUBITEMS_NOT_FOUND"
    assert result.reasons[-1].message == "未见子项：复议体制改革、纠错与监督、司法 / 检察建议"


def test_all_sub_items_found_gives_no_sub_item_reason() -> None:
    text = (
        "统一行使复议职责，审结复议案件9件，纠错2件，行政应诉有力，负责人出庭率100%，落实司法建议。"
    )
    result = assess(REC, para(text, reconsideration=HIGH))
    assert all(s.found for s in result.subitems)
    assert codes(result) == ["COVERED_CONCRETE"]


# --- monotonicity --------------------------------------------------------------------------------

POOL = (
    CASES,
    GENERIC,
    OTHER,
    LEADER,
    "配合做好行政复议工作。",
    "负责人出庭应诉3次；",
    "印发《普法责任清单》。",
    "深化行政复议体制改革，规范复议案件办理。",
)
#: Scores at and around the rules' cut points for the thresholds below (thr / 2, the factor,
#: the evidence and passing floors), in increasing order.
LEVELS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.325, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.95, 1.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
MENTION = "配合做好行政复议工作。"


@pytest.mark.parametrize("area", [REC, FR])
@pytest.mark.parametrize("section", ["achievement", "first_responsibility", "plan"])
@pytest.mark.parametrize(
    "text",
    [CASES, GENERIC, OTHER + MENTION, "规范行政复议案件办理。" + OTHER],
    ids=["figures", "generic", "mention", "sub-item-then-other"],
)
def test_the_status_never_falls_as_the_paragraph_score_rises(
    text: str, section: str, area: str
) -> None:
    """Every combination of the other scores, on a grid through the cut points."""
    n = len(split_sentences(text))
    sentence_grid = [(0.0,), (0.5,), (0.7,)]
    for _ in range(n - 1):
        sentence_grid = [g + (v,) for g in sentence_grid for v in (0.0, 0.5, 0.7)]
    for other in (0.0, 0.6, 0.95):
        for sentence_scores in sentence_grid:
            for clause_score in (0.0, 0.7):
                statuses = [
                    assess(
                        area,
                        para(
                            text,
                            section=section,
                            sent=[{area: v, "enforcement": 0.5} for v in sentence_scores],
                            clause={area: (text[:8], clause_score)},
                            enforcement=other,
                            **{area: score},
                        ),
                    ).status
                    for score in LEVELS
                ]
                ranks = [rank(s) for s in statuses]
                assert ranks == sorted(ranks), (other, sentence_scores, clause_score, statuses)


@pytest.mark.parametrize("text", [CASES, GENERIC], ids=["figures", "generic"])
def test_the_status_never_falls_as_the_heading_score_rises(text: str) -> None:
    x = "（一）推进行政复议规范化"
    for body_score in (0.0, 0.3, 0.5, 0.6, 0.7, 0.95):
        for other in (0.0, 0.6, 0.95):
            for sentence_score in (0.0, 0.5, 0.7):
                body = para(
                    text,
                    headings=(HEAD, x),
                    sent=[{REC: sentence_score}],
                    enforcement=other,
                    reconsideration=body_score,
                )
                statuses = [
                    assess(
                        REC, para(x, kind="heading", headings=(HEAD, x), **{REC: h}), body
                    ).status
                    for h in LEVELS
                ]
                ranks = [rank(s) for s in statuses]
                assert ranks == sorted(ranks), (body_score, other, sentence_score, statuses)


def scores_from(low: float = 0.0) -> st.SearchStrategy[float]:
    levels = [v for v in LEVELS if v >= low]
    return st.one_of(st.sampled_from(levels), st.floats(low, 1.0))


@st.composite
def reports(draw: st.DrawFn) -> list[P]:
    """Up to four paragraphs, mostly in the counting sections, some of them headings."""
    paras = []
    for _ in range(draw(st.integers(1, 4))):
        sentences = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=3))
        text = "".join(sentences)
        n = len(split_sentences(text))
        section = draw(st.sampled_from(("achievement", "first_responsibility") * 3 + SECTIONS))
        paras.append(
            para(
                text,
                section=section,
                kind=draw(st.sampled_from(["body", "body", "body", "heading"])),
                sent=[{a: draw(scores_from()) for a in AREAS} for _ in range(n)],
                clause={draw(st.sampled_from(AREAS)): (sentences[0][:6], draw(scores_from()))},
                **{a: draw(scores_from()) for a in AREAS},
            )
        )
    return paras


@settings(max_examples=100, deadline=None)
@given(reports(), st.data())
def test_raising_a_paragraph_or_clause_score_never_lowers_the_status(
    paras: list[P], data: st.DataObject
) -> None:
    """Whole reports (headings announcing, several paragraphs): raise one score of one."""
    j = data.draw(st.integers(0, len(paras) - 1))
    area = data.draw(st.sampled_from(AREAS))
    thr = {a: data.draw(st.sampled_from(THRESHOLDS)) for a in AREAS}
    before = assess(area, *paras, thr=thr)
    p = paras[j]
    raised_para = dataclasses.replace(
        p, scores={**p.scores, area: data.draw(scores_from(p.scores.get(area, 0.0)))}
    )
    clause, score = p.clauses.get(area, (p.sentences[0][:6], 0.0))
    raised_clause = dataclasses.replace(
        p, clauses={**p.clauses, area: (clause, data.draw(scores_from(score)))}
    )
    for raised in (raised_para, raised_clause):
        after = assess(area, *paras[:j], raised, *paras[j + 1 :], thr=thr)
        assert rank(after.status) >= rank(before.status), (j, area, before.reasons, after.reasons)
        assert after.counts.paragraphs >= before.counts.paragraphs
        assert after.counts.main_paragraphs >= before.counts.main_paragraphs


def test_a_status_rises_step_by_step_with_the_paragraph_score() -> None:
    steps = [0.0, THR / 2, EVIDENCE, PASSING, HIGH]
    mention = "配合做好行政复议工作。"

    def status(score: float) -> str:
        p = para(
            OTHER + mention,
            enforcement=0.7,
            reconsideration=score,
            sent=[{"enforcement": HIGH}, {REC: HIGH}],
        )
        return assess(REC, p).status

    statuses = [status(s) for s in steps]
    assert statuses == ["missing", "thin", "thin", "thin", "thin"]

    # the paragraph becomes main (top score) above 0.7, but its area sentence has no fact;
    # with the figure in the area's own sentence it becomes covered
    def status_with_figure(score: float) -> str:
        p = para(
            OTHER + "受理行政复议案件12件。",
            enforcement=0.7,
            reconsideration=score,
            sent=[{"enforcement": HIGH}, {REC: HIGH}],
        )
        return assess(REC, p).status

    assert [status_with_figure(s) for s in steps] == ["missing", "thin", "thin", "thin", "covered"]
