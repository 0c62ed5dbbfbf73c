"""Section types for a report's lines: heading levels and paths, heading cues, content, order.

The heading path decides where a heading names its section ("a section is what its heading
says", ANNOTATION.md); elsewhere — under headings that name no section, in reports without
headings, inside a merged 存在的问题及下一步打算 — what each paragraph says (the section
classifier and a few cues) is decoded with the order of a report (:mod:`._decode`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from fzgap.analyze.segment._decode import decode_sections
from fzgap.analyze.segment._sections import (
    is_first_responsibility_heading,
    is_merged_heading,
    is_plan_sentence,
    section_of_heading,
)
from fzgap.model.areas import SECTIONS
from fzgap.model.sections import SectionModel, load_section_model
from fzgap.model.textnorm import normalize, normalize_all

__all__ = ["Typed", "TypedRow", "TypedReport", "type_sections", "content_evidence"]

_S = {s: i for i, s in enumerate(SECTIONS)}
_LOW_STYLES = ("shi", "di")  # 一是 / 第一， items: always the lowest level, never a section
_NEG = -np.inf
_DEFICIENCY_CUE = re.compile(
    r"存在.{0,6}(?:问题|不足|短板|差距|薄弱)|不足之处|有待(?:加强|提高|提升|完善|改进)|"
    r"(?:仍|还)(?:然)?(?:存在|有差距|不够|不足|较为薄弱|比较薄弱)|不够到位|短板|薄弱环节|原因(?:分析|主要)"
)
_NEXT_YEAR_WILL = re.compile(r"(?:下一步|下一年度?|明年).{0,8}将")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]*")


# Typed and TypedRow are made for every paragraph: named tuples cost a fraction of a frozen
# dataclass to build.
class Typed(NamedTuple):
    """A line before typing: its text, its role in the report's form, and its heading, if any."""

    text: str
    norm: str
    role: str  # title, body, annex, signature, closing, frame
    heading: str | None
    standalone: bool
    style: str | None


class TypedRow(NamedTuple):
    """A paragraph with its kind, section, heading path and level."""

    text: str
    norm: str
    kind: str
    section: str
    headings: tuple[str, ...]
    level: int | None


@dataclass(frozen=True, slots=True)
class TypedReport:
    """The typed paragraphs, and whether their sections had to be read from content alone."""

    rows: tuple[TypedRow, ...]
    read_by_content: bool


@dataclass(frozen=True, slots=True)
class _Entry:
    level: int
    heading: str
    named: str | None
    merged: bool
    can_name: bool


def _levels(lines: list[Typed], year: int | None) -> dict[str, int]:
    """Level of each numbering style: parts first, then the order styles first appear in."""
    order: list[str] = []
    for standalone_pass in (True, False):
        for t in lines:
            if (
                t.style
                and t.style not in order
                and t.style not in ("plain", "annex", *_LOW_STYLES)
                and t.standalone == standalone_pass
            ):
                order.append(t.style)
    if "part" in order:
        order.remove("part")
        order.insert(0, "part")
    order += [s for s in _LOW_STYLES if any(t.style == s for t in lines)]
    return {s: n for n, s in enumerate(order, 1)}


def _split_merged(text: str) -> list[str]:
    """Cut an item of a merged section before its first sentence of intention (下一步，将……)."""
    pieces = [m.group(0) for m in _SENTENCE.finditer(text)]
    for k in range(1, len(pieces)):
        if is_plan_sentence(normalize(pieces[k])):
            head, tail = "".join(pieces[:k]).strip(), "".join(pieces[k:]).strip()
            return [p for p in (head, tail) if p]
    return [text]


def content_evidence(
    texts: list[str], model: SectionModel | None = None, norms: list[str] | None = None
) -> np.ndarray:
    """Log-score of each section type for each text: the section classifier plus wording cues.

    Parameters
    ----------
    texts : list of str
        Paragraphs as written.
    model : SectionModel, optional
        The section classifier (default: the shipped one).
    norms : list of str, optional
        The texts normalised (:func:`~fzgap.model.textnorm.normalize`), when already known.

    Returns
    -------
    numpy.ndarray of shape (len(texts), len(SECTIONS))
    """
    if not texts:
        return np.zeros((0, len(SECTIONS)))
    m = model or load_section_model()
    if norms is None:
        norms = normalize_all(texts)
    ev = np.log(np.clip(m.predict_proba(texts, norms), 1e-6, 1.0))
    for i, norm in enumerate(norms):
        if is_plan_sentence(norm) or _NEXT_YEAR_WILL.search(norm[:30]):
            ev[i, _S["plan"]] += 1.5
        if _DEFICIENCY_CUE.search(norm):
            ev[i, _S["deficiency"]] += 1.0
    return ev


def type_sections(
    lines: list[Typed], year: int | None, model: SectionModel | None = None
) -> TypedReport:
    """Give every line its kind, heading path, level and section.

    Parameters
    ----------
    lines : list of Typed
        The report's lines in order, with their role and heading (see :class:`Typed`).
    year : int or None
        The year the report reviews (a heading naming a later year is the plan).
    model : SectionModel, optional
        The section classifier (default: the shipped one).

    Returns
    -------
    TypedReport
    """
    level_of = _levels(lines, year)
    names: dict[str, tuple[str | None, bool]] = {}

    def named(heading: str) -> tuple[str | None, bool]:
        # What a heading names, worked out once for all the passes that ask.
        if heading not in names:
            names[heading] = (section_of_heading(heading, year), is_merged_heading(heading))
        return names[heading]

    # Unnumbered headings that name sections sit above every numbering style, unless the
    # report's outermost numbered headings name sections themselves (then they are peers).
    named_top = any(
        t.standalone and t.heading and level_of.get(t.style or "") == 1 and any(named(t.heading))
        for t in lines
        if t.role == "body"
    )
    plain_named = any(t.style == "plain" and t.heading and any(named(t.heading)) for t in lines)
    shift = 1 if plain_named and not named_top else 0
    rows: list[tuple[Typed, str, tuple[str, ...], int | None, str | None, str]] = []
    stack: list[_Entry] = []
    seen_heading = any(t.standalone and t.style for t in lines if t.role == "body")
    before_first = True
    named_any = False
    for t in lines:
        if t.role != "body":
            if t.role == "annex":
                kind = "heading" if t.style == "annex" else "body"
                if t.style == "annex":
                    stack = [_Entry(1, t.norm, "annex", False, True)]
                rows.append(
                    (
                        t,
                        kind,
                        (stack[0].heading,) if stack else (),
                        1 if kind == "heading" else None,
                        "annex",
                        "hard",
                    )
                )
                continue
            sec = "preamble" if t.role == "title" else "other"
            rows.append((t, "title" if t.role == "title" else "body", (), None, sec, "hard"))
            continue
        level = None
        if t.heading and t.style:
            name, merged = named(t.heading)
            if t.style == "plain":
                level = 1 if (name or merged) else 2
            else:
                level = level_of[t.style] + shift
            while stack and stack[-1].level >= level:
                stack.pop()
            can = (t.standalone or level == 1) and t.style not in _LOW_STYLES
            stack.append(_Entry(level, t.heading, name, merged, can))
            if t.standalone:
                before_first = False
        elif before_first and seen_heading:
            rows.append((t, "body", (), None, "preamble", "hard"))
            continue
        outer = next((e for e in stack if e.can_name and (e.named or e.merged)), None)
        mode, sec = "content", "achievement"
        if outer is not None:
            named_any = True
            if outer.merged:
                mode = "merged"
                sec = "deficiency"
            else:
                mode, sec = "hard", outer.named or "achievement"
                deeper = stack[stack.index(outer) + 1 :]
                if sec == "achievement" and any(
                    is_first_responsibility_heading(e.heading) for e in deeper
                ):
                    sec = "first_responsibility"
        elif stack:
            mode = "topic"
        kind = "heading" if t.heading and t.style and t.standalone else "body"
        path = tuple(e.heading for e in stack)
        if mode == "merged" and kind == "heading" and stack[-1].merged:
            rows.append((t, kind, path, level, "deficiency", "hard"))
            continue
        if mode == "merged" and kind == "body":
            pieces = _split_merged(t.text)
            for n, piece in enumerate(pieces):
                # Each item states its shortcoming, then its intention: the cut settles both.
                fixed = len(pieces) > 1 and not (n == 0 and is_plan_sentence(normalize(piece)))
                part = Typed(piece, normalize(piece), "body", None, False, None)
                sec = "plan" if n else "deficiency"
                rows.append((part, kind, path, None, sec, "hard" if fixed else mode))
            continue
        rows.append((t, kind, path, level, sec, mode))

    free = [k for k, r in enumerate(rows) if r[5] != "hard"]
    ev = np.full((len(rows), len(SECTIONS)), _NEG)
    content = content_evidence(
        [rows[k][0].text for k in free], model, [rows[k][0].norm for k in free]
    )
    allowed = {
        "content": [s for s in SECTIONS if s != "annex"],
        # Under a heading that names no section: the year's work, unless it reads as 不足 or 安排
        # (the 第一责任人 section is what a heading names, never a guess from content there).
        "topic": ["achievement", "deficiency", "plan"],
        "merged": ["deficiency", "plan"],
    }
    for n, k in enumerate(free):
        for s in allowed[rows[k][5]]:
            ev[k, _S[s]] = content[n, _S[s]]
    for k, r in enumerate(rows):
        if r[5] == "hard":
            ev[k, _S[str(r[4])]] = 0.0
    sections = decode_sections(ev)
    typed = tuple(
        TypedRow(t.text, t.norm, kind, sections[k], path, level)
        for k, (t, kind, path, level, _sec, _mode) in enumerate(rows)
    )
    has_body = any(r.kind == "body" and r.section not in ("other", "annex") for r in typed)
    return TypedReport(typed, not named_any and has_body)
