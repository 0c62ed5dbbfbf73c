"""The coverage rules (ANNOTATION.md): covered, thin or missing per area, with reasons and
evidence."""

from __future__ import annotations

from itertools import islice

from fzgap.analyze.constants import Status
from fzgap.analyze.coverage._hits import Hit, find_hit, is_generic
from fzgap.analyze.coverage._scoring import ScoredReport
from fzgap.analyze.coverage._shortcuts import candidates, report_view
from fzgap.analyze.records import AreaCounts, AreaResult, Reason, SubItemResult
from fzgap.model.areas import SECTION_NAMES_ZH
from fzgap.model.checklist import Checklist

__all__ = ["assess_area", "is_generic", "MAX_EVIDENCE", "BY_CONTENT_NOTE"]

MAX_EVIDENCE = 8
#: What the audit says when the report's structure could not be read from its headings.
BY_CONTENT_NOTE = "未识别出报告结构，按内容判断各段"


def _where(hits: list[Hit]) -> str:
    """The sections the hits come from, in report order, by their Chinese names."""
    seen = dict.fromkeys(h.section for h in sorted(hits, key=lambda h: h.index))
    return "、".join(SECTION_NAMES_ZH.get(s, s) for s in seen)


def assess_area(report: ScoredReport, k: int, cl: Checklist) -> AreaResult:
    """Decide covered / thin / missing for area number ``k`` and give the reasons."""
    spec = cl.areas[k]
    rules = cl.rules
    view = report_view(report)
    body = view.body
    hits = [
        h
        for p, maybe in zip(body, candidates(view, k, cl))
        if maybe and (h := find_hit(view, p, k, cl)) is not None
    ]
    counting = [h for h in hits if h.counts]
    labelled = [h for h in counting if h.labelled]
    main = [h for h in labelled if h.main]
    concrete_main = [h for h in main if h.concrete]
    # Generic verbs alone (weak_verbs) do not make several paragraphs a coverage.
    specific = [h for h in labelled if not h.generic]
    plan = [h for h in hits if h.section == "plan"]
    deficiency = [h for h in hits if h.section == "deficiency"]
    preamble = [h for h in hits if h.section == "preamble" and h.labelled]
    subitems: list[SubItemResult] = []
    for s in spec.subitems:
        found: tuple[int, ...]
        if s.section:
            found = tuple(
                p.index
                for p in report.report.paragraphs
                if p.section == s.section and p.kind == "heading"
            )
            found = found or tuple(p.index for p in body if p.section == s.section)[:1]
        else:
            found = tuple(h.index for h in counting if s.id in h.subitems)
        subitems.append(SubItemResult(s.id, s.zh, bool(found), found))
    reasons: list[Reason] = []
    name = spec.zh
    # A paragraph the model takes for the area, whose text names none of the area's checklist
    # items (a 领导小组 or officials' 学法 read as the head's duty), is not a review of the area.
    names_items = spec.id not in rules.covered_needs_subitem or any(s.found for s in subitems)

    status: Status
    several = (
        sum(h.main for h in specific) >= rules.covered_min_main
        or len(specific) >= rules.covered_min_labelled
    )
    concrete = len(concrete_main) >= rules.covered_min_concrete_main
    if (concrete or several) and not names_items:
        status = "thin"
        reasons.append(
            Reason(
                "THIN_NO_SUBITEM",
                f"{_where(concrete_main or specific)}中有段落像是在讲{name}，但没有写到"
                f"清单中{name}的任何具体事项（如{'、'.join(s.zh for s in spec.subitems[:3])}）",
            )
        )
    elif concrete:
        status = "covered"
        # Quote facts in their phrases: a bare "4件" tells a reviewer nothing.
        facts = list(islice((f.phrase for h in concrete_main for f in h.evidence().facts), 3))
        detail = f"，有具体事实（{'、'.join(facts)}）" if facts else "，有具体措施"
        reasons.append(
            Reason(
                "COVERED_CONCRETE",
                f"{_where(concrete_main)}中{len(main)}段主要报告{name}工作{detail}",
            )
        )
    elif several:
        status = "covered"
        reasons.append(
            Reason(
                "COVERED_SEVERAL",
                f"{_where(specific)}中{len(specific)}段报告{name}工作（其中"
                f"{sum(h.main for h in specific)}段以此为主），"
                "但缺少数字、文件名或案例等具体事实",
            )
        )
    elif counting:
        status = "thin"
        if main:
            verbs = "、".join(rules.weak_verbs[:3]) or "加强、推进、落实"
            reasons.append(
                Reason(
                    "THIN_GENERIC",
                    f"{_where(main)}中仅有{len(main)}段笼统表述（{verbs}等），"
                    "没有数字、文件名或案例",
                )
            )
        else:
            reasons.append(
                Reason(
                    "THIN_PASSING",
                    f"仅在{_where(counting)}中其他主题的段落里顺带提及（{len(counting)}处），"
                    f"没有专门报告{name}工作",
                )
            )
    elif plan or deficiency:
        status = "thin"
        where = _where(deficiency + plan)
        code = (
            "THIN_DEFICIENCY_PLAN_ONLY"
            if plan and deficiency
            else ("THIN_PLAN_ONLY" if plan else "THIN_DEFICIENCY_ONLY")
        )
        reasons.append(
            Reason(
                code, f"仅在{where}中提及（{len(plan) + len(deficiency)}段），不算本年度工作回顾"
            )
        )
    else:
        status = "missing"
        reasons.append(Reason("MISSING_NONE", f"报告中没有回顾本年度{name}工作的内容"))
        if preamble:
            reasons.append(
                Reason(
                    "NOTE_PREAMBLE_ONLY",
                    f"仅在开头段落中以口号式表述提及（{len(preamble)}段），不算工作回顾",
                )
            )
    if status != "thin" or counting:
        if plan:
            reasons.append(Reason("NOTE_ALSO_PLAN", f"下一年度安排中另有{len(plan)}段涉及{name}"))
        if deficiency:
            reasons.append(
                Reason("NOTE_ALSO_DEFICIENCY", f"存在的不足中另有{len(deficiency)}段涉及{name}")
            )

    if report.report.read_by_content:
        # Say so, so that the reviewer knows the sections above were judged by content.
        reasons.append(Reason("NOTE_READ_BY_CONTENT", BY_CONTENT_NOTE))
    missing_subs = [s.name for s in subitems if not s.found]
    if status != "missing" and missing_subs:
        reasons.append(Reason("SUBITEMS_NOT_FOUND", "未见子项：" + "、".join(missing_subs)))

    total_chars = view.body_chars or 1
    chars = sum(h.chars for h in counting)
    counts = AreaCounts(
        len(labelled),
        len(main),
        chars,
        round(min(1.0, chars / total_chars), 4),
        sum(len(h.strong_facts) for h in counting),
        len(plan),
        len(deficiency),
    )
    ordered = sorted(
        hits,
        key=lambda h: (
            not h.counts,
            not h.main,
            not h.labelled,
            -h.score,
            h.index,
        ),
    )
    return AreaResult(
        spec.id,
        spec.zh,
        status,
        tuple(reasons),
        tuple(h.evidence() for h in ordered[:MAX_EVIDENCE]),
        tuple(subitems),
        counts,
    )
