"""``fzgap evaluate``: leave-one-report-out scores of the classifier and its baselines."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fzgap.analyze.output import write_output
from fzgap.cli._common import add_data

NAME = "evaluate"
HELP = (
    "leave-one-report-out evaluation beside keyword, word-only and char-only baselines; "
    "writes the model card"
)
EXAMPLE = "fzgap evaluate --out docs/model-card.md --jobs 2"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    add_data(parser)
    parser.add_argument(
        "--out",
        default="docs/model-card.md",
        help="model card to write (default: %(default)s; - for standard output)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="parallel folds (default: %(default)s)")
    parser.add_argument(
        "--model",
        metavar="DIR",
        help="model folder whose manifest the card describes (default: the shipped model)",
    )


def run(args: argparse.Namespace) -> int:
    """Evaluate and write the model card."""
    from fzgap.cli._common import Progress
    from fzgap.model.artifact import read_manifest
    from fzgap.model.errors import ModelError
    from fzgap.train.corpus import load_corpus
    from fzgap.train.evaluate import evaluate_corpus
    from fzgap.train.modelcard import metrics_table, render_model_card

    say = Progress("evaluate")
    corpus = load_corpus(args.data)
    try:
        evaluation = evaluate_corpus(corpus, n_jobs=args.jobs, progress=say)
    finally:
        say.close()
    try:
        from fzgap.model.artifact import default_model_dir

        manifest = read_manifest(args.model or default_model_dir())
    except ModelError:
        manifest = None
    command = (
        "fzgap evaluate"
        + (f" --data {args.data}" if args.data else "")
        + f" --out {args.out} --jobs {args.jobs}"
    )
    old = Path(args.out) if args.out != "-" else None
    previous = old.read_text(encoding="utf-8") if old and old.is_file() else None
    card = render_model_card(manifest, evaluation, command, previous)
    print(metrics_table(evaluation.all), file=sys.stderr)
    write_output(card, None if args.out == "-" else args.out)
    return 0
