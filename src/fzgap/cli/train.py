"""``fzgap train``: fit the classifier on labelled data and write artifact, manifest and model
card."""

from __future__ import annotations

import argparse
import sys

NAME = "train"
HELP = "train the paragraph classifier from labelled JSONL data"
EXAMPLE = (
    "fzgap train --out my-model\n"
    "fzgap train --data my-labels/ --out my-model --evaluate\n"
    "fzgap analyze report.txt --model my-model"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="folder of labelled .jsonl files (default: the data shipped with fzgap)",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        default="fzgap-model",
        help="folder to write the model into (default: %(default)s)",
    )
    parser.add_argument(
        "--evaluate",
        action="store_true",
        help="first run leave-one-report-out evaluation and store its metrics in the manifest",
    )
    parser.add_argument(
        "--jobs", type=int, default=1, help="parallel folds for --evaluate (default: %(default)s)"
    )


def run(args: argparse.Namespace) -> int:
    """Train (train code is imported here only: shipping a model never needs it)."""
    from fzgap.train.corpus import load_corpus
    from fzgap.train.evaluate import evaluate_corpus
    from fzgap.train.fit import train_model

    def say(msg: str) -> None:
        print(f"[fzgap train] {msg}", file=sys.stderr, flush=True)

    corpus = load_corpus(args.data)
    say(f"loaded {len(corpus.rows)} labelled paragraphs ({corpus.counts()})")
    evaluation = evaluate_corpus(corpus, n_jobs=args.jobs, progress=say) if args.evaluate else None
    command = (
        "fzgap train"
        + (f" --data {args.data}" if args.data else "")
        + f" --out {args.out}"
        + (" --evaluate" if args.evaluate else "")
    )
    path = train_model(corpus, args.out, evaluation, command=command, progress=say)
    say(f"done: {path}")
    return 0
