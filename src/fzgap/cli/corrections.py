"""``fzgap corrections``: export the reviewers' corrections for training."""

from __future__ import annotations

import argparse
import json
import sys

from fzgap.analyze.output import write_output
from fzgap.cli._common import UsageError

NAME = "corrections"
HELP = "export the paragraphs reviewers corrected in the workbench, as labelled JSONL"
EXAMPLE = (
    "fzgap corrections export --db review.sqlite3 --out corrections.jsonl\n"
    "fzgap train --feedback corrections.jsonl --out my-model"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument("action", choices=("export",), help="export the corrections")
    parser.add_argument(
        "--db", metavar="PATH", help="the workbench's database (default: the serve default)"
    )
    parser.add_argument(
        "--out", metavar="FILE.jsonl", default="-", help="file to write (default: standard output)"
    )


def run(args: argparse.Namespace) -> int:
    """Write one JSON line per corrected paragraph."""
    from pathlib import Path

    from fzgap.web.corrections import correction_rows
    from fzgap.web.settings import default_db_path
    from fzgap.web.store import Store

    db = Path(args.db) if args.db else default_db_path()
    if not db.is_file():
        raise UsageError(f"{db}: 找不到这个审核数据库（先用 fzgap serve 审核过报告才会有）")
    rows = correction_rows(Store(db))
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    write_output(text, None if args.out == "-" else args.out)
    print(f"{len(rows)} corrected paragraphs", file=sys.stderr)
    return 0
