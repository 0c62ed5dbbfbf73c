"""``fzgap classify``: tag paragraphs, one per input line, with checklist areas."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fzgap.analyze.output import write_output
from fzgap.cli._common import add_max_size, add_model, max_bytes, read_lines
from fzgap.model.areas import AREAS
from fzgap.model.scorer import load_model

if TYPE_CHECKING:
    import numpy as np

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
    add_max_size(parser)
    add_model(parser)


def render(texts: Sequence[str], proba: np.ndarray, thresholds: dict[str, float], fmt: str) -> str:
    """Render scores as jsonl, tsv (labels, five scores, text) or aligned text.

    The same text as rendering :func:`fzgap.model.scorer.classify`'s rows (labels at or above
    threshold, scores rounded to 4 places), built from the score matrix in one pass.
    """
    import numpy as np  # not at import: `fzgap --help` loads every command's module

    hits = proba >= np.array([thresholds[a] for a in AREAS])
    names = [",".join(a for k, a in enumerate(AREAS) if m >> k & 1) for m in range(1 << len(AREAS))]
    masks = (hits @ (1 << np.arange(len(AREAS)))).tolist()
    if fmt == "tsv":
        # %.4f of a score is %.4f of it rounded to 4 places: both round its exact value.
        row = "%s" + "\t%.4f" * len(AREAS) + "\t%s\n"
        head = "labels\t" + "\t".join(AREAS) + "\ttext\n"
        return head + "".join(
            row % (names[m], *p, t.replace("\t", " "))
            for m, p, t in zip(masks, proba.tolist(), texts)
        )
    if fmt == "jsonl":
        labels = [json.dumps(n.split(",") if n else []) for n in names]
        keys = [f'"{a}": ' for a in AREAS]
        return "".join(
            f'{{"text": {json.dumps(t, ensure_ascii=False)}, "labels": {labels[m]}, "scores": {{'
            + ", ".join(k + repr(round(s, 4)) for k, s in zip(keys, p))
            + "}}\n"
            for m, p, t in zip(masks, proba.tolist(), texts)
        )
    return "".join(f"{names[m] or '-':<40} {t}\n" for m, t in zip(masks, texts))


def run(args: argparse.Namespace) -> int:
    """Classify every non-empty line."""
    lines = read_lines(args.file, max_bytes(args))
    model = load_model(args.model)
    proba = model.predict_proba(lines)
    write_output(render(lines, proba, model.thresholds, args.format), args.out)
    return 0
