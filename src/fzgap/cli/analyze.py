"""``fzgap analyze``: audit one report, or a batch, for checklist coverage."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from fzgap.analyze.constants import STATUS_ORDER
from fzgap.analyze.output import write_output
from fzgap.analyze.render import FORMATS, render_one
from fzgap.cli._common import UsageError, add_max_size, add_model, max_bytes

NAME = "analyze"
HELP = "audit reports: for each checklist area, covered / thin / missing, with reasons and evidence"
EXAMPLE = (
    "fzgap analyze examples/qinghe-county-2024.txt\n"
    "fzgap analyze report.docx --format html --out report-audit.html\n"
    "fzgap analyze reports/ --out audits/ --jobs 4            "
    "# batch: per-report JSON + summary.csv/.xlsx\n"
    "fzgap analyze reports/ --format xlsx --out summary.xlsx\n"
    "fzgap analyze draft.txt --fail-on thin                   "
    "# exit 1 if any area is thin or missing"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="report files (.txt .html .docx .pdf) or folders of them",
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--out",
        help="output file; for a batch, a folder (per-report files + summary.csv/.xlsx) "
        "or a .jsonl/.csv/.xlsx file",
    )
    add_model(parser)
    parser.add_argument(
        "--checklist",
        metavar="TOML",
        help="your own checklist file (default: the shipped checklist.toml)",
    )
    add_max_size(parser)
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="parallel workers for a batch (default: %(default)s; -1 = all cores)",
    )
    parser.add_argument(
        "--backend",
        choices=("joblib", "dask"),
        default="joblib",
        help="where a batch runs (default: %(default)s)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="dask.distributed scheduler address, e.g. tcp://10.0.0.5:8786",
    )
    parser.add_argument(
        "--resume", action="store_true", help="skip reports already audited in the --out folder"
    )
    parser.add_argument(
        "--fail-on",
        choices=("missing", "thin"),
        help="exit 1 when any area is at or below this status",
    )


def _colour(args: argparse.Namespace) -> bool:
    return args.out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _failed(statuses: Sequence[str], level: str | None) -> bool:
    return level is not None and any(
        STATUS_ORDER.index(s) <= STATUS_ORDER.index(level) for s in statuses
    )


def run(args: argparse.Namespace) -> int:
    """Audit one file or a batch."""
    from fzgap.analyze.audit import analyze_file
    from fzgap.analyze.batch import collect_inputs
    from fzgap.model.checklist import load_checklist
    from fzgap.model.scorer import load_model

    if args.jobs == 0 or args.jobs < -1:
        raise UsageError("--jobs must be a positive number or -1")
    if args.scheduler and args.backend != "dask":
        raise UsageError("--scheduler needs --backend dask")
    limit = max_bytes(args)
    # Fail fast on a bad model or checklist, before touching any report.
    model = load_model(args.model)
    checklist = load_checklist(args.checklist)
    single = len(args.paths) == 1 and not Path(args.paths[0]).is_dir()
    if single:
        if args.resume:
            raise UsageError("--resume is for batches with an --out folder")
        if args.format == "xlsx" and args.out is None and sys.stdout.isatty():
            raise UsageError("xlsx output needs --out FILE.xlsx")
        report = analyze_file(args.paths[0], model=model, checklist=checklist, max_bytes=limit)
        write_output(render_one(report, args.format, colour=_colour(args)), args.out)
        return 1 if _failed(list(report.statuses.values()), args.fail_on) else 0
    return _batch(args, collect_inputs(args.paths), limit)


def _batch(args: argparse.Namespace, inputs: list[Path], limit: int) -> int:
    from fzgap.analyze.batch import run_batch
    from fzgap.analyze.batch_writer import BatchWriter

    if not inputs:
        raise UsageError(f"no report files (.txt .html .docx .pdf) in {' '.join(args.paths)}")
    out = Path(args.out) if args.out else None
    folder = out is not None and (out.is_dir() or not out.suffix)
    if not folder and args.format in ("json", "md", "html"):
        raise UsageError(f"a batch in {args.format} writes one file per report: give --out FOLDER")
    if not folder and args.format == "xlsx" and out is None and sys.stdout.isatty():
        raise UsageError("xlsx output needs --out FILE.xlsx or --out FOLDER")
    if args.resume and not folder:
        raise UsageError("--resume needs --out FOLDER (where earlier results are)")
    if folder:
        assert out is not None  # folder implies an --out path
        out.mkdir(parents=True, exist_ok=True)
    writer = BatchWriter(args.format, out if folder else None, inputs)
    bar = _progress(len(inputs))
    try:
        for item in run_batch(
            inputs,
            model=args.model,
            checklist=args.checklist,
            jobs=args.jobs,
            backend=args.backend,
            scheduler=args.scheduler,
            max_bytes=limit,
            resume_dir=out if args.resume else None,
            progress=bar.update if bar else None,
        ):
            writer.add(item)
    finally:
        if bar:
            bar.close()
    if folder:
        writer.finish()
        if args.format == "text":
            write_output(writer.stream(), None)
    else:
        write_output(writer.stream(), out)
    errors = [i for i in writer.items if i.error]
    for i in errors:
        sys.stderr.write(f"fzgap: error: {i.source}: {i.error}\n")
    done = [i for i in writer.items if i.report is not None]
    skipped = sum(i.skipped for i in writer.items)
    sys.stderr.write(
        f"fzgap: {len(done)} audited ({skipped} resumed), {len(errors)} failed"
        + (f"; results in {out}" if folder else "")
        + "\n"
    )
    if errors:
        return 2
    statuses = [a.status for i in done if i.report is not None for a in i.report.areas]
    return 1 if _failed(statuses, args.fail_on) else 0


class _Bar:
    """A tqdm progress bar on a terminal, fed with (done, total)."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="份", desc="fzgap", file=sys.stderr, leave=False)

    def update(self, done: int, total: int) -> None:
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()


def _progress(total: int) -> _Bar | None:
    return _Bar(total) if sys.stderr.isatty() and total > 1 else None
