"""``fzgap explain``: the terms that pushed each area's score up or down for one paragraph."""

from __future__ import annotations

import argparse
import json

from fzgap.analyze.output import write_output
from fzgap.cli._common import UsageError, add_model
from fzgap.model.areas import AREA_NAMES_ZH, AREAS
from fzgap.model.scorer import Explanation, load_model

NAME = "explain"
HELP = "show which terms pushed each area's score up or down for one paragraph"
EXAMPLE = (
    "fzgap explain '县长主持召开常务会议专题研究法治建设工作4次。'\n"
    "fzgap explain --format json '全面推行行政执法三项制度。'"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument("paragraph", help="the paragraph text (quote it)")
    parser.add_argument(
        "--top", type=int, default=6, help="terms per direction and area (default: %(default)s)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    add_model(parser)


def render_text(e: Explanation) -> str:
    """Per area: score against threshold, then the terms up and down."""
    out = [e.text, ""]
    for a in AREAS:
        mark = "YES" if e.scores[a] >= e.thresholds[a] else "no "
        out.append(
            f"{mark} {a} ({AREA_NAMES_ZH[a]}): "
            f"score {e.scores[a]:.3f}, threshold {e.thresholds[a]:.3f}"
        )
        out.append(
            "    up:   "
            + (
                "  ".join(
                    f"{t.term}{'' if t.kind == 'word' else '′'} +{t.weight:.3f}" for t in e.up[a]
                )
                or "-"
            )
        )
        out.append(
            "    down: "
            + (
                "  ".join(
                    f"{t.term}{'' if t.kind == 'word' else '′'} {t.weight:.3f}" for t in e.down[a]
                )
                or "-"
            )
        )
    out.append("")
    out.append("(′ marks character n-grams; unmarked terms are jieba words)")
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    """Explain one paragraph."""
    if not args.paragraph.strip():
        raise UsageError("段落是空的：请给出要解释的段落文字")
    if args.top < 1:
        raise UsageError("--top 至少为 1")
    e = load_model(args.model).explain(args.paragraph.strip(), top=args.top)
    write_output(
        json.dumps(e.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if args.format == "json"
        else render_text(e),
        None,
    )
    return 0
