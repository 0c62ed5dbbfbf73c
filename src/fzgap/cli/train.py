"""``fzgap train``: fit the classifier on labelled data and write artifact, manifest and model
card."""

from __future__ import annotations

import argparse

from fzgap.cli._common import add_data

NAME = "train"
HELP = "train the paragraph classifier from labelled JSONL data"
EXAMPLE = (
    "fzgap train --out my-model\n"
    "fzgap train --data my-labels/ --out my-model --evaluate\n"
    "fzgap train --feedback review.sqlite3 --out my-model   # plus the reviewers' corrections\n"
    "fzgap analyze report.txt --model my-model"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    add_data(parser)
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
    parser.add_argument(
        "--feedback",
        metavar="DB_OR_JSONL",
        help="also train on the reviewers' corrections (the workbench's database, or a file "
        "from `fzgap corrections export`); prints and stores how the held-out scores changed",
    )


def run(args: argparse.Namespace) -> int:
    """Train (train code is imported here only: shipping a model never needs it)."""
    from fzgap.cli._common import Progress
    from fzgap.train.corpus import load_corpus
    from fzgap.train.evaluate import evaluate_corpus
    from fzgap.train.fit import train_model

    say = Progress("train")
    corpus = load_corpus(args.data)
    say(f"loaded {len(corpus.rows)} labelled paragraphs ({corpus.counts()})")
    try:
        evaluation = (
            evaluate_corpus(corpus, n_jobs=args.jobs, progress=say) if args.evaluate else None
        )
    finally:
        say.close()
    command = (
        "fzgap train"
        + (f" --data {args.data}" if args.data else "")
        + f" --out {args.out}"
        + (" --evaluate" if args.evaluate else "")
    )
    if args.feedback:
        return _with_feedback(args, corpus, command + f" --feedback {args.feedback}", say)
    path = train_model(corpus, args.out, evaluation, command=command, progress=say)
    say(f"done: {path}")
    return 0


def _with_feedback(args: argparse.Namespace, corpus, command: str, say) -> int:
    """Train on the corpus plus the corrections and report what they changed."""
    from pathlib import Path

    from fzgap.cli._common import UsageError
    from fzgap.train.feedback import compare_feedback, load_feedback, train_with_feedback

    source = Path(args.feedback)
    if not source.is_file():
        raise UsageError(f"{source}: no such corrections file or database")
    with open(source, "rb") as fh:
        is_db = fh.read(16) == b"SQLite format 3\x00"
    if is_db:
        from fzgap.web.corrections import correction_rows
        from fzgap.web.store import Store

        rows = load_feedback(correction_rows(Store(source)))
    else:
        rows = load_feedback(source)
    if not rows:
        raise UsageError(f"{source}: holds no corrected paragraphs")
    say(f"{len(rows)} corrected paragraphs; comparing leave-one-report-out scores")
    comparison = compare_feedback(corpus, rows, n_jobs=args.jobs, progress=say)
    for line in comparison.lines():
        print(line)
    path = train_with_feedback(corpus, rows, args.out, comparison, command, progress=say)
    say(f"done: {path}")
    return 0
