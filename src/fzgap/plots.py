"""Charts of a corpus and of one report, with Chinese labels (matplotlib, ``fzgap[notebook]``).

Every helper returns the matplotlib ``Figure`` it drew, so that a notebook shows it and a
script can ``fig.savefig(...)`` it. :func:`use_cjk_font` runs first in each of them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wcwidth import wcswidth

from fzgap.analyze.constants import STATUS_ZH
from fzgap.corpus import LEVELS, Corpus, CorpusError, require
from fzgap.model.areas import AREA_NAMES_ZH, AREAS, SECTION_NAMES_ZH

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from fzgap.analyze.records import AuditReport

__all__ = [
    "CJK_FONTS",
    "confusion_grid",
    "coverage_heatmap",
    "heldout_margins",
    "missing_subitems",
    "score_strip",
    "status_shares",
    "use_cjk_font",
]

#: CJK fonts tried in order: Debian's fonts-noto-cjk first, then common desktop fonts.
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
)
STATUSES: tuple[str, ...] = ("covered", "thin", "missing")
# the colours of the HTML report: green covered, amber thin, red missing
_COLOURS = {"covered": "#2e7d32", "thin": "#f9a825", "missing": "#c62828"}
_LEVEL_ZH = {
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "township": "乡镇",
    "department": "部门",
    "unknown": "未知",
}


def _pyplot() -> Any:
    require("matplotlib")
    import matplotlib.pyplot as plt

    return plt


def use_cjk_font() -> str:
    """Make matplotlib draw Chinese: select the first installed font of :data:`CJK_FONTS`.

    Returns
    -------
    str
        The font family chosen.

    Raises
    ------
    CorpusError
        No CJK font is installed (on Debian: ``apt-get install fonts-noto-cjk``, which
        ``tools/setup-system.sh`` does).
    """
    plt = _pyplot()
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = next((f for f in CJK_FONTS if f in installed), None)
    if family is None:
        raise CorpusError("no CJK font found for Chinese labels: install fonts-noto-cjk")
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False  # CJK fonts lack U+2212
    return family


def coverage_heatmap(corpus: Corpus, sort: str = "unit") -> Figure:
    """Reports × areas, each cell coloured by status (covered / thin / missing).

    Parameters
    ----------
    corpus : Corpus
    sort : {'unit', 'year', 'level', 'gaps'}
        Row order: by unit name, by year then unit, by level then unit, or most gaps first.
    """
    plt = _pyplot()
    use_cjk_font()
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    keys = {
        "unit": lambda r: (r.structure.unit or r.document.source,),
        "year": lambda r: (r.structure.year or 0, r.structure.unit or ""),
        "level": lambda r: (LEVELS.index(_level(r)), r.structure.unit or ""),
        "gaps": lambda r: (
            -sum(s != "covered" for s in r.statuses.values()),
            r.structure.unit or "",
        ),
    }
    if sort not in keys:
        raise CorpusError(f"sort must be one of {', '.join(keys)}, not {sort!r}")
    reports = sorted(corpus.reports, key=keys[sort])
    grid = [[STATUSES.index(r.statuses[a]) for a in AREAS] for r in reports]
    labels = [_label(r) for r in reports]
    # two files of one unit and year (drafts, versions) are told apart by their file names
    labels = [
        f"{lab} · {Path(r.document.source).stem}" if labels.count(lab) > 1 else lab
        for lab, r in zip(labels, reports)
    ]
    # room for the longest name at the left: about 0.075 inch per terminal column at 10 pt
    names = max((wcswidth(lab) for lab in labels), default=0)
    fig, ax = plt.subplots(figsize=(5.5 + 0.075 * names, 1.2 + 0.32 * max(len(reports), 1)))
    if reports:
        ax.imshow(
            grid,
            cmap=ListedColormap([_COLOURS[s] for s in STATUSES]),
            vmin=0,
            vmax=2,
            aspect="auto",
        )
    ax.set_xticks(range(len(AREAS)), [AREA_NAMES_ZH[a] for a in AREAS])
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(reports)), labels)
    ax.legend(
        handles=[Patch(color=_COLOURS[s], label=f"{STATUS_ZH[s]} {s}") for s in STATUSES],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    ax.set_title(f"各领域覆盖情况 coverage by area ({len(reports)} 份报告)", pad=24)
    fig.tight_layout()
    return fig


def status_shares(corpus: Corpus, by: str = "year") -> Figure:
    """Share of reports covering / thin / missing each area, grouped by year or by level.

    Parameters
    ----------
    corpus : Corpus
    by : {'year', 'level'}
    """
    plt = _pyplot()
    use_cjk_font()
    if by not in ("year", "level"):
        raise CorpusError(f"by must be 'year' or 'level', not {by!r}")
    group = (lambda r: str(r.structure.year or "?")) if by == "year" else _level
    groups = sorted(
        {group(r) for r in corpus.reports}, key=(lambda g: g) if by == "year" else LEVELS.index
    )
    sizes = Counter(group(r) for r in corpus.reports)
    fig, axes = plt.subplots(1, len(AREAS), figsize=(14, 4.0), sharey=True, squeeze=False)
    for ax, area in zip(axes[0], AREAS):
        bottom = [0.0] * len(groups)
        for status in STATUSES:
            shares = []
            for g in groups:
                members = [r for r in corpus.reports if group(r) == g]
                shares.append(sum(r.statuses[area] == status for r in members) / len(members))
            ax.bar(
                range(len(groups)),
                shares,
                bottom=bottom,
                color=_COLOURS[status],
                label=f"{STATUS_ZH[status]} {status}",
            )
            bottom = [b + s for b, s in zip(bottom, shares)]
        names = groups if by == "year" else [_LEVEL_ZH[g] for g in groups]
        # the size of each group beside its name: a share of one report reads differently
        if len(groups) <= 5:
            ax.set_xticks(
                range(len(groups)), [f"{n}\n{sizes[g]} 份" for n, g in zip(names, groups)]
            )
        else:
            ax.set_xticks(
                range(len(groups)),
                [f"{n} ({sizes[g]})" for n, g in zip(names, groups)],
                rotation=90,
            )
        ax.set_title(AREA_NAMES_ZH[area])
    axes[0][0].set_ylabel("报告占比 share of reports")
    axes[0][-1].legend(loc="upper left", bbox_to_anchor=(1.02, 1), frameon=False)
    title = "按年度 by year" if by == "year" else "按层级 by level"
    fig.suptitle(title + ("（括号内为报告数 reports in brackets）" if len(groups) > 5 else ""))
    fig.tight_layout()
    return fig


def missing_subitems(corpus: Corpus, top: int = 15) -> Figure:
    """The checklist sub-items most often not found, as a horizontal bar chart."""
    plt = _pyplot()
    use_cjk_font()
    missed: Counter[tuple[str, str]] = Counter()
    for r in corpus.reports:
        for a in r.areas:
            for s in a.subitems:
                if not s.found:
                    missed[(AREA_NAMES_ZH[a.id], s.name)] += 1
    # ties broken by name so that the chart is the same on every run
    rows = sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))[:top][::-1]
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.34 * max(len(rows), 1)))
    ax.barh(range(len(rows)), [n for _, n in rows], color="#c62828")
    ax.set_yticks(range(len(rows)), [f"{area}｜{name}" for (area, name), _ in rows])
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of reports: no 1.5
    ax.set_xlabel(f"未提及的报告数 reports not mentioning it (of {len(corpus)})")
    ax.set_title("最常缺失的细项 sub-items most often not found")
    fig.tight_layout()
    return fig


def score_strip(report: AuditReport) -> Figure:
    """One report's paragraphs (columns) × areas (rows), shaded by the model's score."""
    plt = _pyplot()
    use_cjk_font()
    paras = report.paragraphs
    grid = [[p.scores[a] for p in paras] for a in AREAS]
    fig, ax = plt.subplots(figsize=(min(16.0, max(7.0, 0.14 * len(paras) + 2.5)), 3.6))
    image = ax.imshow(grid, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_yticks(range(len(AREAS)), [AREA_NAMES_ZH[a] for a in AREAS])
    # each section of the report between white lines, named under its middle: the strip reads
    # against the report's outline; names stand upright so that short sections do not collide
    starts = [i for i, p in enumerate(paras) if i == 0 or p.section != paras[i - 1].section]
    ends = [*starts[1:], len(paras)]
    for start in starts[1:]:
        ax.axvline(start - 0.5, color="white", linewidth=2)
    ax.set_xticks(
        [(a + b - 1) / 2 for a, b in zip(starts, ends)],
        [SECTION_NAMES_ZH[paras[i].section] for i in starts],
        rotation=90,
        fontsize=8,
    )
    ax.set_xlabel(f"段落 paragraphs 1–{len(paras)}，按报告部分 by part of the report")
    fig.colorbar(image, ax=ax, label="得分 score")
    ax.set_title(f"{_label(report)}：各段落得分 score per paragraph")
    fig.tight_layout()
    return fig


def confusion_grid(confusion: pd.DataFrame) -> Figure:
    """One 2×2 confusion matrix per area (labelled × predicted), titled with P / R / F1.

    Parameters
    ----------
    confusion : pandas.DataFrame
        The table of :func:`fzgap.confusion_frame`.
    """
    plt = _pyplot()
    use_cjk_font()
    fig, axes = plt.subplots(1, len(AREAS), figsize=(13, 3.3), squeeze=False)
    for ax, area in zip(axes[0], AREAS):
        row = confusion.loc[area]
        cells = [[row["TP"], row["FN"]], [row["FP"], row["TN"]]]
        # shade each cell by its share of the row, so that the rare positives stay visible
        shares = [[v / max(sum(line), 1) for v in line] for line in cells]
        ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
        for i, line in enumerate(cells):
            for j, v in enumerate(line):
                dark = shares[i][j] > 0.6
                ax.text(
                    j,
                    i,
                    str(int(v)),
                    ha="center",
                    va="center",
                    color="white" if dark else "black",
                    fontsize=11,
                )
        ax.set_xticks([0, 1], ["判为是\npredicted", "判为否\nnot"])
        ax.set_yticks([0, 1], ["标为是\nlabelled", "标为否\nnot"])
        ax.set_title(
            f"{AREA_NAMES_ZH[area]}\nP {row['precision']:.2f} R {row['recall']:.2f} "
            f"F1 {row['f1']:.2f}",
            fontsize=10,
        )
    fig.suptitle("各领域混淆矩阵 confusion per area (held-out paragraphs)")
    fig.tight_layout()
    return fig


def heldout_margins(heldout: pd.DataFrame) -> Figure:
    """Each held-out paragraph's score minus its fold's threshold, per area, labelled or not.

    Right of zero the area is predicted; red points are the mistakes (labelled paragraphs left
    of zero, unlabelled ones right of it), and those near zero are the close calls.

    Parameters
    ----------
    heldout : pandas.DataFrame
        The table of :func:`fzgap.heldout_frame`.
    """
    plt = _pyplot()
    use_cjk_font()
    fig, axes = plt.subplots(len(AREAS), 1, figsize=(9, 1.25 * len(AREAS) + 0.9), sharex=True)
    for n, (ax, area) in enumerate(zip(axes, AREAS)):
        margin = heldout[f"{area}_score"] - heldout[f"{area}_threshold"]
        labelled = heldout["expected"].map(lambda labels, a=area: a in labels)
        # a fixed jitter (by row position), so that the chart is the same on every run
        jitter = [((i * 37) % 11 - 5) / 30 for i in range(len(heldout))]
        y = [(1 if t else 0) + j for t, j in zip(labelled, jitter)]
        wrong = [(m >= 0) != t for m, t in zip(margin, labelled)]
        colours = ["#c62828" if w else "#90a4ae" for w in wrong]
        ax.scatter(margin, y, s=12, c=colours, alpha=0.8, linewidths=0)
        ax.axvline(0, color="#37474f", linewidth=1)
        ax.set_yticks([0, 1], ["未标注 not", "已标注 labelled"])
        ax.set_ylim(-0.5, 1.5)
        ax.set_ylabel(
            f"{AREA_NAMES_ZH[area]}\n错 {sum(wrong)}", rotation=0, ha="right", va="center"
        )
        if n == 0:
            ax.set_title("得分减阈值 score minus threshold (红点为错判 red: wrong)")
    axes[-1].set_xlabel("← 判为否 not predicted    判为是 predicted →")
    axes[-1].set_xlim(-1, 1)
    fig.tight_layout()
    return fig


def _level(r: AuditReport) -> str:
    from fzgap.corpus import infer_level

    return infer_level(r.structure.unit)


def _label(r: AuditReport) -> str:
    unit = r.structure.unit or Path(r.document.source).stem
    return f"{unit} {r.structure.year}" if r.structure.year else unit
