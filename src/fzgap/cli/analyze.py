"""``fzgap analyze``: audit one report, or a batch, for checklist coverage."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from fzgap.analyze.batch import DEFAULT_TIMEOUT
from fzgap.analyze.batch_writer import BatchWriter
from fzgap.analyze.constants import STATUS_ORDER
from fzgap.analyze.output import write_output
from fzgap.analyze.render import FORMATS, render_one
from fzgap.cli._common import UsageError, add_max_size, add_model, max_bytes
from fzgap.cli._paths import FolderLock, check_batch_out, check_single_out, format_for

NAME = "analyze"
HELP = "audit reports: for each checklist area, covered / thin / missing, with reasons and evidence"
EXAMPLE = (
    "fzgap analyze examples/qinghe-county-2024.txt\n"
    "fzgap analyze report.docx --format html --out report-audit.html\n"
    "fzgap analyze reports/ --out audits/ --jobs 4            "
    "# batch: per-report JSON + summary.csv/.xlsx\n"
    "fzgap analyze reports/ --format xlsx --out summary.xlsx\n"
    "fzgap analyze draft.txt --fail-on thin                   "
    "# exit 1 if any area is thin or missing\n"
    "fzgap analyze report.txt --width 80 --lang en | less    # English labels, 80 columns"
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
        "--format",
        choices=FORMATS,
        help="output format (default: the extension of --out, else text)",
    )
    parser.add_argument(
        "--out",
        help="output file (its extension chooses the format); for a batch, a folder "
        "(per-report files + summary.csv/.xlsx, locked while the batch runs) "
        "or a .jsonl/.csv/.xlsx file; never an input file or inside an input folder",
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
        default=None,
        help="worker processes for a batch (default: one per core, at most 8; 1 = this process "
        "only; -1 = every core)",
    )
    parser.add_argument(
        "--backend",
        choices=("local", "dask", "joblib"),
        default="local",
        help="where a batch runs: worker processes on this machine, or a dask cluster "
        "(default: %(default)s; joblib is the old name of local)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="dask.distributed scheduler address, e.g. tcp://10.0.0.5:8786",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="give up on one report after this long and report it as an error "
        "(default: %(default)g; 0 = no limit)",
    )
    parser.add_argument(
        "--resume", action="store_true", help="skip reports already audited in the --out folder"
    )
    parser.add_argument(
        "--width",
        type=int,
        metavar="N",
        help="columns of the text audit (default: the terminal's width, else 100)",
    )
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of the text and md audits (default: zh; json and the xlsx data sheet "
        "keep English ids)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("missing", "thin"),
        help="exit 1 when any area is at or below this status",
    )


def _colour(args: argparse.Namespace) -> bool:
    return args.out is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _width(args: argparse.Namespace) -> int | None:
    if args.width is not None:
        if args.width < 40:
            raise UsageError("--width 至少为 40")
        return int(args.width)
    if args.out is None and sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def _failed(statuses: Sequence[str], level: str | None) -> bool:
    return level is not None and any(
        STATUS_ORDER.index(s) <= STATUS_ORDER.index(level) for s in statuses
    )


def run(args: argparse.Namespace) -> int:
    """Audit one file or a batch."""
    from fzgap.analyze.audit import analyze_file
    from fzgap.analyze.batch import collect_inputs, time_budget
    from fzgap.model.artifact import read_manifest
    from fzgap.model.checklist import load_checklist
    from fzgap.model.scorer import load_model

    if args.jobs is not None and (args.jobs == 0 or args.jobs < -1):
        raise UsageError("--jobs 必须是正整数或 -1")
    if args.scheduler and args.backend != "dask":
        raise UsageError("--scheduler 需要同时给出 --backend dask")
    if args.timeout < 0:
        raise UsageError("--timeout 不能是负数（0 表示不限时）")
    limit = max_bytes(args)
    _width(args)  # a bad --width fails before any work
    args.format = format_for(args.format, args.out)
    # Fail fast on a bad model or checklist, before touching any report.
    checklist = load_checklist(args.checklist)
    single = len(args.paths) == 1 and not Path(args.paths[0]).is_dir()
    if single:
        if args.resume:
            raise UsageError("--resume 用于批量处理，需要 --out 文件夹")
        if args.format == "xlsx" and args.out is None and sys.stdout.isatty():
            raise UsageError("xlsx 输出需要 --out 文件名.xlsx")
        check_single_out(args.out, args.paths)
        model = load_model(args.model)
        with time_budget(args.timeout or None, args.paths[0]):
            report = analyze_file(args.paths[0], model=model, checklist=checklist, max_bytes=limit)
        text = render_one(
            report, args.format, colour=_colour(args), width=_width(args), lang=args.lang
        )
        write_output(text, args.out)
        return 1 if _failed(list(report.statuses.values()), args.fail_on) else 0
    # The workers load the model; here only its manifest is checked.
    read_manifest(args.model) if args.model else None
    return _batch(args, collect_inputs(args.paths), limit)


def _batch(args: argparse.Namespace, inputs: list[Path], limit: int) -> int:
    """Check the outputs, lock the folder, run."""

    if not inputs:
        raise UsageError(f"{' '.join(args.paths)}: 里面没有报告文件（.txt .html .docx .pdf）")
    folder = check_batch_out(args.out, args.paths, inputs, args.format)
    out = Path(args.out) if args.out and args.out != "-" else None
    if not folder and args.format in ("json", "md", "html"):
        raise UsageError(f"批量输出 {args.format} 是每份报告一个文件：请给出 --out 文件夹")
    if not folder and args.format == "xlsx" and out is None and sys.stdout.isatty():
        raise UsageError("xlsx 输出需要 --out 文件名.xlsx 或 --out 文件夹")
    if args.resume and not folder:
        raise UsageError("--resume 需要 --out 文件夹（之前结果所在的位置）")
    if folder:
        assert out is not None  # folder implies an --out path
        with FolderLock(out):
            return _run(args, inputs, limit, BatchWriter(args.format, out, inputs), out)
    return _run(args, inputs, limit, BatchWriter(args.format, None, inputs, out), None)


def _run(
    args: argparse.Namespace,
    inputs: list[Path],
    limit: int,
    writer: BatchWriter,
    folder: Path | None,
) -> int:
    """Run the batch into the writer; print the errors and the count."""
    from fzgap.analyze.batch import default_jobs, run_batch

    bar = _progress(len(inputs))
    try:
        for item in run_batch(
            inputs,
            model=args.model,
            checklist=args.checklist,
            jobs=default_jobs() if args.jobs is None else args.jobs,
            backend=args.backend,
            scheduler=args.scheduler,
            max_bytes=limit,
            resume_dir=folder if args.resume else None,
            progress=bar.update if bar else None,
            timeout=args.timeout or None,
            write_to=writer.write_to,
        ):
            writer.add(item)
        if folder is not None:
            writer.finish()
            table = writer.stream(_width(args), args.lang) if args.format == "text" else None
            if table is not None:
                write_output(table, None)
        else:
            data = writer.stream(_width(args), args.lang)
            if data is not None:
                write_output(data, writer.out_file)
    except BaseException:
        writer.abort()
        raise
    finally:
        if bar:
            bar.close()
    errors = writer.failures()
    for source, message in errors:
        sys.stderr.write(f"fzgap: 错误: {source}: {message}\n")
    sys.stderr.write(
        f"fzgap: 已审查 {writer.done} 份（其中 {writer.skipped} 份沿用上次结果），"
        f"失败 {len(errors)} 份" + (f"；结果在 {folder}" if folder is not None else "") + "\n"
    )
    if errors:
        return 2
    return 1 if _failed(sorted(writer.statuses), args.fail_on) else 0


class _Bar:
    """A tqdm progress bar on a terminal, fed with (done, total)."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm

        # No monitor thread: the batch's workers are forked, and a fork copies no thread.
        tqdm.monitor_interval = 0
        self._bar = tqdm(total=total, unit="份", desc="fzgap", file=sys.stderr, leave=False)

    def update(self, done: int, total: int) -> None:
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()


def _progress(total: int) -> _Bar | None:
    return _Bar(total) if sys.stderr.isatty() and total > 1 else None
