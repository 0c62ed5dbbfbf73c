"""``fzgap classify``: tag paragraphs, one per input line, with checklist areas."""

from __future__ import annotations

import argparse
import json

from fzgap.analyze.output import write_output
from fzgap.cli._common import add_model, read_lines
from fzgap.model.areas import AREAS
from fzgap.model.scorer import Classification, classify, load_model

NAME = "classify"
HELP = "tag each input line (one paragraph) with the checklist areas it reports on"
EXAMPLE = (
    "echo '全年办理行政复议案件66件，纠错率12%。' | fzgap classify -\n"
    "fzgap classify paragraphs.txt --format tsv > tagged.tsv"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        help="text file with one paragraph per line, or - for standard input (default)",
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "tsv", "text"),
        default="jsonl",
        help="output format (default: jsonl)",
    )
    parser.add_argument("--out", help="write to this file instead of standard output")
    add_model(parser)


def render(rows: list[Classification], fmt: str) -> str:
    """Render classifications as jsonl, tsv (labels, five scores, text) or aligned text."""
    if fmt == "jsonl":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in rows)
    if fmt == "tsv":
        head = "labels\t" + "\t".join(AREAS) + "\ttext\n"
        return head + "".join(
            ",".join(r.labels)
            + "\t"
            + "\t".join(f"{r.scores[a]:.4f}" for a in AREAS)
            + "\t"
            + r.text.replace("\t", " ")
            + "\n"
            for r in rows
        )
    return "".join(f"{','.join(r.labels) or '-':<40} {r.text}\n" for r in rows)


def run(args: argparse.Namespace) -> int:
    """Classify every non-empty line."""
    lines = read_lines(args.file)
    model = load_model(args.model)
    write_output(render(classify(model, lines), args.format), args.out)
    return 0
