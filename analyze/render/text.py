"""Compact terminal audit, laid out by display width: colour on a terminal, plain when piped."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fzgap.analyze.constants import STATUS_ANSI, STATUS_SYMBOL
from fzgap.analyze.records import AuditReport, Evidence, file_name
from fzgap.analyze.render._labels import Labels, labels
from fzgap.analyze.render._width import pad, truncate, width, wrap
from fzgap.model.areas import AREAS

__all__ = ["render_text", "render_batch_table", "DEFAULT_WIDTH", "MIN_WIDTH"]

_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"
#: Width when the output is not a terminal and no ``--width`` is given.
DEFAULT_WIDTH = 100
#: Narrowest layout that still holds an area name, a status and some text.
MIN_WIDTH = 40


def _painter(colour: bool) -> Callable[[str, str], str]:
    """A function that colours a string, or leaves it alone."""
    return (lambda code, s: f"{code}{s}{_RESET}") if colour else (lambda code, s: s)


def _evidence_line(e: Evidence, words: Labels) -> str:
    """``第3段〔主要举措和成效〕0.92 sentence`` (the score before the text, so a cut never hides
    it)."""
    where = words.words["paragraph"].format(n=e.index)
    return f"↳ {where}〔{words.section(e.section)}〕{e.score:.2f} {e.sentence}"


def render_text(
    report: AuditReport,
    colour: bool = False,
    evidence: int = 2,
    width_: int = DEFAULT_WIDTH,
    lang: str = "zh",
) -> str:
    """The audit of one report for a terminal.

    Parameters
    ----------
    report : AuditReport
    colour : bool
        Use ANSI colours (only when writing to a terminal).
    evidence : int
        Evidence paragraphs shown per area.
    width_ : int
        Display columns to fit (Chinese characters take two); at least ``MIN_WIDTH``.
    lang : {"zh", "en"}
        Language of the labels, statuses, sections and reasons.

    Returns
    -------
    str
        Lines no wider than ``width_`` columns.
    """
    words = labels(lang)
    w = words.words
    cols = max(MIN_WIDTH, width_)
    c = _painter(colour)
    s = report.structure
    name_w = max(width(words.area(a)) for a in AREAS) + 2
    status_w = max(width(f"{STATUS_SYMBOL[st]} {words.status(st)}") for st in STATUS_SYMBOL) + 2
    indent = " " * name_w
    text_w = cols - name_w
    head = (
        f"{w['unit']} {s.unit or '—'} · {w['year']} {s.year or '—'} · "
        f"{report.document.paragraphs} {w['paragraphs']} · {file_name(report.document.source)}"
    )
    lines = [c(_BOLD, truncate(report.display_title, cols)), truncate(head, cols)]
    parts = "  ".join(
        f"{p.id}{'✓' if p.present else ('✗' if p.required else '–')} {p.name}" for p in s.parts
    )
    lines += wrap(f"{w['structure']}{w['sep']}{parts}", cols)
    if s.checks:
        marks = {"ok": "✓", "problem": "✗", "unknown": "?"}
        checks = "  ".join(f"{marks.get(k.status, '?')} {k.message}" for k in s.checks)
        lines += wrap(f"{'形式' if lang == 'zh' else 'Form'}{w['sep']}{checks}", cols)
    # What ingestion changed to bound the cost (a paragraph cut …): the reader must know.
    for note in report.document.notes:
        lines += wrap(f"! {note}", cols)
    lines.append("")
    for a in report.areas:
        label = f"{STATUS_SYMBOL[a.status]} {words.status(a.status)}"
        first, *more = wrap(words.reason(a.reasons[0]), cols - name_w - status_w) or [""]
        lines.append(
            pad(words.area(a.id), name_w) + c(STATUS_ANSI[a.status], pad(label, status_w)) + first
        )
        lines += [indent + " " * status_w + m for m in more]
        for r in a.reasons[1:]:
            if r.code != "SUBITEMS_NOT_FOUND":
                for i, part in enumerate(wrap(words.reason(r), text_w - 2)):
                    lines.append(indent + c(_DIM, ("· " if i == 0 else "  ") + part))
        for e in [e for e in a.evidence if e.counts or a.status != "covered"][:evidence]:
            lines.append(indent + c(_DIM, truncate(_evidence_line(e, words), text_w)))
            if e.facts:
                facts = w["list"].join(f.phrase for f in e.facts)
                lines.append(indent + c(_DIM, truncate(f"  {w['facts']}{w['sep']}{facts}", text_w)))
    counts = {
        st: sum(a.status == st for a in report.areas) for st in ("covered", "thin", "missing")
    }
    total = " · ".join(f"{words.status(st)} {n}" for st, n in counts.items())
    if s.missing_parts:
        total += f" · {w['missing_parts']}{w['sep']}{w['list'].join(s.missing_parts)}"
    lines += ["", *wrap(f"{w['total']}{w['sep']}{total}", cols)]
    return "\n".join(lines) + "\n"


def render_batch_table(
    rows: Iterable[dict[str, str]],
    colour: bool = False,
    width_: int = DEFAULT_WIDTH,
    lang: str = "zh",
) -> str:
    """One line per report of a batch: name, unit, year, status per area, structure gaps or error.

    Parameters
    ----------
    rows : iterable of dict
        Rows of :func:`fzgap.analyze.render.table.summary_row` (read once, one at a time).
    colour : bool
        Use ANSI colours.
    width_ : int
        Display columns to fit; the report name and the gaps are cut to fit.
    lang : {"zh", "en"}
        Language of the labels.
    """
    words = labels(lang)
    c = _painter(colour)
    cols = max(MIN_WIDTH, width_)
    cells_w = sum(width(words.area(a)) + 2 for a in AREAS)
    name_w = max(12, min(40, cols - cells_w - 8 - 12 - 6))
    out = []
    for r in rows:
        name = pad(truncate(r.get("display_title") or file_name(r["source"]), name_w), name_w)
        if r.get("error"):
            err = truncate(
                f"{file_name(r['source'])}{words.words['sep']}{r['error']}", cols - name_w - 1
            )
            out.append(name + " " + c(STATUS_ANSI["missing"], err))
            continue
        cells = " ".join(
            c(STATUS_ANSI[r[a]], f"{words.area(a)}{STATUS_SYMBOL[r[a]]}") for a in AREAS
        )
        unit = pad(truncate(r["unit"] or "—", 12), 12)
        line = f"{name} {unit} {pad(str(r['year'] or '—'), 5)} {cells}"
        gap = r["missing_parts"]
        if gap and width(line) + 3 < cols:
            line += "  " + truncate(gap, cols - width(line) - 2)
        out.append(line)
    return "\n".join(out) + "\n"
