"""Compact terminal audit: colour on a terminal, plain when piped."""

from __future__ import annotations

from fzgap.analyze.constants import STATUS_ANSI, STATUS_SYMBOL, STATUS_ZH
from fzgap.analyze.records import AuditReport
from fzgap.model.areas import AREAS, SECTION_NAMES_ZH

__all__ = ["render_text", "render_batch_table"]

_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(report: AuditReport, colour: bool = False, evidence: int = 2) -> str:
    """The audit of one report for a terminal.

    Parameters
    ----------
    report : AuditReport
    colour : bool
        Use ANSI colours (only when writing to a terminal).
    evidence : int
        Evidence paragraphs shown per area.
    """
    c = (lambda code, s: f"{code}{s}{_RESET}") if colour else (lambda code, s: s)
    s = report.structure
    lines = [
        c(_BOLD, s.title or report.document.source),
        f"单位 {s.unit or '—'} · 年度 {s.year or '—'} · "
        f"{report.document.paragraphs} 段 · {report.document.source}",
    ]
    parts = "  ".join(
        f"{p.id}{'✓' if p.present else ('✗' if p.required else '–')} {p.name}" for p in s.parts
    )
    lines.append(f"结构: {parts}")
    if s.checks:
        marks = {"ok": "✓", "problem": "✗", "unknown": "?"}
        lines.append(
            "形式: " + "  ".join(f"{marks.get(k.status, '?')} {k.message}" for k in s.checks)
        )
    lines.append("")
    for a in report.areas:
        status = c(
            STATUS_ANSI[a.status], f"{STATUS_SYMBOL[a.status]} {a.status:<8}{STATUS_ZH[a.status]}"
        )
        lines.append(f"{a.name:<5}\t{a.id:<21} {status}  {a.reasons[0].message}")
        for r in a.reasons[1:]:
            if r.code != "SUBITEMS_NOT_FOUND":
                lines.append(c(_DIM, f"\t{'':<21} · {r.message}"))
        for e in [e for e in a.evidence if e.counts or a.status != "covered"][:evidence]:
            lines.append(
                c(
                    _DIM,
                    f"\t{'':<21} ↳ 第{e.index}段 [{SECTION_NAMES_ZH.get(e.section, e.section)}] "
                    f"{_clip(e.sentence, 60)} ({e.score:.2f})",
                )
            )
    counts = {
        st: sum(a.status == st for a in report.areas) for st in ("covered", "thin", "missing")
    }
    lines += [
        "",
        f"合计: 已覆盖 {counts['covered']} · 薄弱 {counts['thin']} · 缺失 {counts['missing']}"
        + (f" · 缺少结构部分: {'、'.join(s.missing_parts)}" if s.missing_parts else ""),
    ]
    return "\n".join(lines) + "\n"


def render_batch_table(rows: list[dict[str, str]], colour: bool = False) -> str:
    """One line per report of a batch: unit, year, status per area, structure gaps or error."""
    c = (lambda code, s: f"{code}{s}{_RESET}") if colour else (lambda code, s: s)
    out = []
    for r in rows:
        if r.get("error"):
            out.append(f"{r['source']}\t" + c(STATUS_ANSI["missing"], f"ERROR {r['error']}"))
            continue
        cells = " ".join(
            c(STATUS_ANSI[r[a]], f"{r[a + '_zh']}:{STATUS_SYMBOL[r[a]]}") for a in AREAS
        )
        out.append(
            f"{r['source']}\t{r['unit'] or '—'}\t{r['year'] or '—'}\t{cells}\t{r['missing_parts']}"
        )
    return "\n".join(out) + "\n"
