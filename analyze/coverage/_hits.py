"""A paragraph's hit for an area: whether the rules take it for a mention of the area, and the
facts, sub-items and sentence it lends."""

from __future__ import annotations

from dataclasses import dataclass

from fzgap.analyze.coverage._scoring import ScoredReport, subitems_in
from fzgap.analyze.coverage._shortcuts import ReportView, best_sentence, facts_once, phrases_of
from fzgap.analyze.records import Evidence
from fzgap.analyze.segment import Paragraph
from fzgap.model.areas import AREAS
from fzgap.model.checklist import Checklist

__all__ = ["Hit", "find_hit", "is_generic"]


@dataclass(slots=True)
class Hit:
    """A paragraph the rules take for a mention of an area, with what it lends the area."""

    index: int
    section: str
    score: float  # rounded as shown
    sentence: str  # the sentence shown
    main: bool
    strong_facts: tuple[str, ...]  # the first six
    counts: bool  # in a section that counts as a review of the year
    labelled: bool  # the paragraph itself counts as being about the area
    concrete: bool
    chars: int
    subitems: frozenset[str]  # looked for only where the hit counts (nothing else reads them)
    generic: bool  # no fact, no sub-item wording, only the checklist's weak verbs
    norm: str  # the paragraph's text, where the facts' phrases are located
    text: str  # the text the facts come from
    units: tuple[str, ...]

    def evidence(self) -> Evidence:
        """The hit as evidence, with its facts in their phrases (made only for those shown)."""
        return Evidence(
            self.index,
            self.section,
            self.score,
            self.sentence,
            self.main,
            self.strong_facts,
            self.counts,
            phrases_of(self.norm, self.text, self.units),
        )


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


def find_hit(view: ReportView, p: Paragraph, k: int, cl: Checklist) -> Hit | None:
    """The hit of body paragraph ``p`` for area number ``k``, or None where it is none.

    Parameters
    ----------
    view : ReportView
        Of the scored report the paragraph belongs to.
    p : Paragraph
    k : int
    cl : Checklist
        Supplies the rules' thresholds, units and the sub-items' wording.
    """
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
    units = rules.strong_units
    facts = tuple(dict.fromkeys(facts_once(text_for_facts, units)))
    counts = p.section in rules.counting_sections
    subs = subitems_in(cl, k, text_for_facts) if counts else frozenset()
    concrete = bool(facts) or len(subs) >= rules.concrete_min_subitems
    shown = report.shown[p.index]
    sentence = (
        clause if by_clause else (shown[carrier] if len(shown) == len(sents) else sents[carrier])
    )
    generic = not concrete and is_generic(text_for_facts, facts, subs, cl)
    return Hit(
        p.index,
        p.section,
        round(score, 4),
        sentence,
        main,
        facts[:6],
        counts,
        labelled,
        concrete,
        len(area_text),
        subs,
        generic,
        p.norm,
        text_for_facts,
        units,
    )
