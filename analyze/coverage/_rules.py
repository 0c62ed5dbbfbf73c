"""The coverage rules (ANNOTATION.md): covered, thin or missing per area, with reasons and
evidence."""

from __future__ import annotations

from dataclasses import dataclass

from fzgap.analyze.constants import Status
from fzgap.analyze.coverage._scoring import ScoredReport, subitems_in
from fzgap.analyze.coverage._shortcuts import (
    ReportView,
    best_sentence,
    candidates,
    facts_of,
    report_view,
)
from fzgap.analyze.records import AreaCounts, AreaResult, Evidence, Reason, SubItemResult
from fzgap.analyze.segment import Paragraph
from fzgap.model.areas import AREAS, SECTION_NAMES_ZH
from fzgap.model.checklist import Checklist

__all__ = ["assess_area", "is_generic", "MAX_EVIDENCE", "BY_CONTENT_NOTE"]

MAX_EVIDENCE = 8
#: What the audit says when the report's structure could not be read from its headings.
BY_CONTENT_NOTE = "未识别出报告结构，按内容判断各段"


@dataclass(frozen=True, slots=True)
class _Hit:
    evidence: Evidence
    labelled: bool  # the paragraph itself counts as being about the area
    concrete: bool
    chars: int
    subitems: frozenset[str]
    generic: bool  # no fact, no sub-item wording, only the checklist's weak verbs


def is_generic(text: str, facts: tuple[str, ...], subitems: frozenset[str], cl: Checklist) -> bool:
    """Whether an area's text says only generic verbs (加强、推进、落实…) without a concrete fact.

    Parameters
    ----------
    text : str
        The area's sentences (normalised).
    facts : tuple of str
        Their strong facts.
    subitems : frozenset of str
        The sub-items whose wording they carry.
    cl : Checklist
        Supplies ``rules.weak_verbs``.
    """
    if facts or subitems:
        return False
    return any(v in text for v in cl.rules.weak_verbs)


def _where(hits: list[_Hit]) -> str:
    """The sections the hits come from, in report order, by their Chinese names."""
    seen = dict.fromkeys(h.evidence.section for h in sorted(hits, key=lambda h: h.evidence.index))
    return "、".join(SECTION_NAMES_ZH.get(s, s) for s in seen)


def _announces(report: ScoredReport, p: Paragraph, k: int) -> bool:
    """Whether a heading above the paragraph was labelled with the area."""
    thr = report.thresholds[AREAS[k]]
    for q in reversed(report.report.paragraphs[: p.index]):
        if (
            q.kind == "heading"
            and q.headings
            and q.headings[-1] in p.headings
            and report.scores[q.index, k] >= thr
        ):
            return True
        if len(q.headings) < 1 or not set(q.headings) & set(p.headings):
            break
    return False


def _hit(view: ReportView, p: Paragraph, k: int, cl: Checklist) -> _Hit | None:
    report = view.report
    area = AREAS[k]
    thr = report.thresholds[area]
    rules = cl.rules
    factor = (
        rules.section_threshold_factor
        if area == "first_responsibility" and p.section == "first_responsibility"
        else 1.0
    )
    score = view.scores[p.index][k]
    sents = report.sentences[p.index]
    column = report.sentence_scores[p.index][:, k]
    floor = max(thr, rules.passing_min_score)
    clause, clause_score = report.clauses.get((p.index, k), ("", 0.0))
    about = [i for i, s in enumerate(column.tolist()) if s >= floor]  # sentences about the area
    in_area = about if score >= thr / 2 else []
    share = sum(len(sents[i]) for i in in_area) / max(1, len(p.norm))
    labelled = score >= factor * max(thr, rules.min_evidence_score)
    main = labelled and (
        share >= rules.main_share or view.tops[p.index] == k or _announces(report, p, k)
    )
    # A paragraph about something else must be firmer to count as a passing mention.
    labelled = main or score >= factor * floor
    by_clause = not labelled and not in_area and clause_score >= rules.passing_min_score
    if not labelled and not in_area and not by_clause:
        return None
    carrier = best_sentence(sents, column, about, rules.strong_units)
    area_text = (
        "".join(sents[i] for i in in_area) if in_area else (clause if by_clause else sents[carrier])
    )
    # Facts come from the area's own sentences; a paragraph about the area with no single clear
    # sentence lends all its text.
    text_for_facts = area_text if in_area or by_clause else (p.norm if main else sents[carrier])
    facts, in_context = facts_of(p.norm, text_for_facts, rules.strong_units)
    subs = subitems_in(cl, k, text_for_facts)
    concrete = bool(facts) or len(subs) >= rules.concrete_min_subitems
    shown = report.shown[p.index]
    sentence = (
        clause if by_clause else (shown[carrier] if len(shown) == len(sents) else sents[carrier])
    )
    ev = Evidence(
        p.index,
        p.section,
        round(score, 4),
        sentence,
        main,
        facts[:6],
        p.section in rules.counting_sections,
        in_context,
    )
    generic = not concrete and is_generic(text_for_facts, facts, subs, cl)
    return _Hit(ev, labelled, concrete, len(area_text), subs, generic)


def assess_area(report: ScoredReport, k: int, cl: Checklist) -> AreaResult:
    """Decide covered / thin / missing for area number ``k`` and give the reasons."""
    spec = cl.areas[k]
    rules = cl.rules
    view = report_view(report)
    body = view.body
    hits = [
        h
        for p, maybe in zip(body, candidates(view, k, cl))
        if maybe and (h := _hit(view, p, k, cl)) is not None
    ]
    counting = [h for h in hits if h.evidence.counts]
    labelled = [h for h in counting if h.labelled]
    main = [h for h in labelled if h.evidence.main]
    concrete_main = [h for h in main if h.concrete]
    # Generic verbs alone (weak_verbs) do not make several paragraphs a coverage.
    specific = [h for h in labelled if not h.generic]
    plan = [h for h in hits if h.evidence.section == "plan"]
    deficiency = [h for h in hits if h.evidence.section == "deficiency"]
    preamble = [h for h in hits if h.evidence.section == "preamble" and h.labelled]
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
            found = tuple(h.evidence.index for h in counting if s.id in h.subitems)
        subitems.append(SubItemResult(s.id, s.zh, bool(found), found))
    reasons: list[Reason] = []
    name = spec.zh
    # A paragraph the model takes for the area, whose text names none of the area's checklist
    # items (a 领导小组 or officials' 学法 read as the head's duty), is not a review of the area.
    names_items = spec.id not in rules.covered_needs_subitem or any(s.found for s in subitems)

    status: Status
    several = (
        sum(h.evidence.main for h in specific) >= rules.covered_min_main
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
        facts = [f.phrase for h in concrete_main for f in h.evidence.facts][:3]
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
                f"{sum(h.evidence.main for h in specific)}段以此为主），"
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

    total_chars = sum(len(p.norm) for p in body) or 1
    chars = sum(h.chars for h in counting)
    counts = AreaCounts(
        len(labelled),
        len(main),
        chars,
        round(min(1.0, chars / total_chars), 4),
        sum(len(h.evidence.strong_facts) for h in counting),
        len(plan),
        len(deficiency),
    )
    ordered = sorted(
        hits,
        key=lambda h: (
            not h.evidence.counts,
            not h.evidence.main,
            not h.labelled,
            -h.evidence.score,
            h.evidence.index,
        ),
    )
    return AreaResult(
        spec.id,
        spec.zh,
        status,
        tuple(reasons),
        tuple(h.evidence for h in ordered[:MAX_EVIDENCE]),
        tuple(subitems),
        counts,
    )
