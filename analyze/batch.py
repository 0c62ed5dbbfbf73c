"""Batches: many reports, in parallel (joblib) or on a dask.distributed cluster; one bad file never
stops them, one slow file never hangs them, and every result is handed over as soon as it is done.
"""

from __future__ import annotations

import json
import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from fzgap.analyze.errors import InputError, NotFoundError, TimeBudgetError
from fzgap.analyze.ingest import DEFAULT_MAX_BYTES, REPORT_SUFFIXES
from fzgap.analyze.records import AuditReport, RecordError
from fzgap.errors import FzgapError

__all__ = [
    "BatchItem",
    "collect_inputs",
    "run_batch",
    "REPORT_SUFFIXES",
    "output_stem",
    "output_stems",
    "time_budget",
    "DEFAULT_TIMEOUT",
    "DASK_WORKER_WAIT",
    "default_jobs",
    "usable_cores",
]

#: Seconds one report may take (reading and analysis); real reports take well under one.
DEFAULT_TIMEOUT = 120.0
#: Seconds a dask batch waits for a first worker before it gives up with a message.
DASK_WORKER_WAIT = 60.0


@dataclass(frozen=True, slots=True)
class BatchItem:
    """The outcome for one input: an audit, or the one-line error that stopped it."""

    source: str
    report: AuditReport | None
    error: str | None = None
    skipped: bool = False  # read back from an earlier run's JSON (--resume)
    written: bool = False  # its files are already in the output folder (written by the worker)
    line: str | None = None  # its JSON line, when the batch writes audits.jsonl


def collect_inputs(paths: list[str]) -> list[Path]:
    """Expand folders into their report files (recursively, sorted); keep files as given.

    Raises
    ------
    NotFoundError
        When a path given on the command line does not exist.
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out += sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in REPORT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.exists():
            out.append(p)
        else:
            raise NotFoundError(raw, "没有这个文件或文件夹")
    return list(dict.fromkeys(out))


def output_stem(path: Path, inputs: list[Path]) -> str:
    """A file name for a report's outputs, unique within the batch."""
    same = [q for q in inputs if q.stem == path.stem]
    return _stem(path, len(same))


def output_stems(inputs: list[Path]) -> dict[str, str]:
    """Source → :func:`output_stem` for every input, in one pass (not one pass per input)."""
    from collections import Counter

    count = Counter(p.stem for p in inputs)
    return {str(p): _stem(p, count[p.stem]) for p in inputs}


def _stem(path: Path, same: int) -> str:
    if same <= 1:
        return path.stem
    return "__".join(path.with_suffix("").parts[-3:]).replace(os.sep, "__")


@contextmanager
def time_budget(seconds: float | None, source: str) -> Iterator[None]:
    """Raise :class:`TimeBudgetError` when the block runs longer than ``seconds``.

    Uses a real-time alarm, so it works where the code runs in a process's main thread (the
    command line, joblib workers); elsewhere (dask worker threads) the block runs unbounded and
    the cluster's own limits apply.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    assert seconds is not None

    def _expired(signum: int, frame: object) -> None:
        raise TimeBudgetError(
            source, f"处理超过 {seconds:g} 秒仍未完成，已放弃（文件可能损坏；可用 --timeout 放宽）"
        )

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: (format, folder, file stem): where a worker writes the report's files itself.
_Out = tuple[str, str, str]
_Args = tuple[str, str | None, str | None, int, float | None, _Out | None]


def _one(
    path: str,
    model: str | None,
    checklist: str | None,
    max_bytes: int,
    timeout: float | None = DEFAULT_TIMEOUT,
    out: _Out | None = None,
) -> BatchItem:
    """Audit one file, turning every failure into an error line (runs in workers); with
    ``out``, write its files too and hand back the audit without its paragraphs."""
    from fzgap.analyze.audit import analyze_file
    from fzgap.model.scorer import load_model

    try:
        # Loaded (once per worker: both are cached) outside the budget, which is the report's.
        scorer, rules = load_model(model), _checklist(checklist)
        with time_budget(timeout, path):
            report = analyze_file(path, model=scorer, checklist=rules, max_bytes=max_bytes)
    except InputError as exc:
        return BatchItem(path, None, exc.problem)
    except FzgapError as exc:
        return BatchItem(path, None, str(exc))
    except RecursionError:
        return BatchItem(path, None, "文件结构嵌套过深或自相引用，无法读取（文件可能损坏）")
    except MemoryError:
        return BatchItem(path, None, "内存不足，无法处理这个文件")
    except Exception as exc:  # a bug must not sink a province's batch; it is reported per file
        return BatchItem(path, None, f"内部错误（{type(exc).__name__}: {exc}）")
    # Outside the handlers above: an unwritable folder (OutputError) stops the whole batch.
    return BatchItem(path, report) if out is None else _write(path, report, out)


_CHECKLISTS: dict[tuple[str | None, int, int], Any] = {}


def _checklist(path: str | None) -> Any:
    """The checklist, parsed once per worker (keyed by the file's size and time, so that a
    worker kept for a later batch sees an edited file)."""
    from fzgap.model.checklist import load_checklist

    key: tuple[str | None, int, int] = (path, 0, 0)
    if path is not None:
        try:
            st = os.stat(path)
            key = (path, st.st_mtime_ns, st.st_size)
        except OSError:
            return load_checklist(path)  # its own one-line error
    if key not in _CHECKLISTS:
        _CHECKLISTS.clear()
        _CHECKLISTS[key] = load_checklist(path)
    return _CHECKLISTS[key]


def _write(path: str, report: AuditReport, out: _Out) -> BatchItem:
    """Write a report's files where the batch goes; a render failure is that report's error,
    an unwritable folder (OutputError) stops the batch."""
    from fzgap.analyze.output import OutputError
    from fzgap.analyze.report_files import jsonl_line, write_report_files

    fmt, folder, stem = out
    try:
        write_report_files(report, fmt, Path(folder), stem)
    except OutputError:
        raise
    except Exception as exc:  # one report's renderer failing must not sink the batch
        return BatchItem(path, None, f"无法写出结果（{type(exc).__name__}: {exc}）")
    line = jsonl_line(report) if fmt == "jsonl" else None
    return BatchItem(path, replace(report, paragraphs=()), None, written=True, line=line)


def _done(path: Path, stem: str, out_dir: Path | None) -> BatchItem | None:
    """A report already audited in ``out_dir`` (for --resume), read back from its JSON."""
    if out_dir is None:
        return None
    f = out_dir / (stem + ".json")
    if not f.is_file():
        return None
    try:
        report = AuditReport.from_dict(json.loads(f.read_text(encoding="utf-8")))
    except (OSError, ValueError, RecordError, KeyError, TypeError):
        return None
    if report.document.source != str(path):
        return None
    return BatchItem(str(path), report, None, skipped=True)


def run_batch(
    inputs: list[Path],
    *,
    model: str | None = None,
    checklist: str | None = None,
    jobs: int = 1,
    backend: str = "local",
    scheduler: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    resume_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    write_to: tuple[str, Path] | None = None,
) -> Iterator[BatchItem]:
    """Audit many files; yield one :class:`BatchItem` per input as soon as it is done.

    Items come in completion order (resumed ones first), so that a caller can write each result
    before the next arrives and hold none of them; sort by ``inputs`` for a stable order. The
    model is loaded by the workers (once each), never by this process.

    Parameters
    ----------
    inputs : list of Path
        Report files (see :func:`collect_inputs`).
    model, checklist : str, optional
        Paths of a model folder and a checklist file (default: the shipped ones).
    jobs : int
        Worker processes for the local backend (1: this process only; -1: every core; see
        :func:`default_jobs`).
    backend : {'local', 'dask'}
        ``dask`` sends the work to a dask.distributed scheduler (``scheduler`` address), or to a
        local cluster when no address is given.
    max_bytes : int
        Size limit of one input file.
    resume_dir : Path, optional
        Skip inputs whose audit JSON is already in this folder.
    progress : callable, optional
        Called with (done, total) after each report.
    timeout : float, optional
        Seconds one report may take before it is reported as an error (None: no limit).
    write_to : (format, folder), optional
        Have the workers write each report's files into this folder (as
        :class:`~fzgap.analyze.batch_writer.BatchWriter` would) and hand back audits without
        their paragraphs (``written`` set), so that no whole report travels to this process.
        Ignored by the dask backend, whose workers may not see this machine's folders.
    """
    todo: list[Path] = []
    total, count = len(inputs), 0
    stems = output_stems(inputs) if resume_dir or write_to else {}
    for p in inputs:
        done = _done(p, stems[str(p)], resume_dir) if resume_dir else None
        if done:
            count += 1
            yield done
        else:
            todo.append(p)
    if progress and count:
        progress(count, total)
    local = write_to is not None and backend != "dask"
    args: list[_Args] = [
        (
            str(p),
            model,
            checklist,
            max_bytes,
            timeout,
            (write_to[0], str(write_to[1]), stems[str(p)]) if local and write_to else None,
        )
        for p in todo
    ]
    for item in _execute(args, jobs, backend, scheduler):
        count += 1
        if progress:
            progress(count, total)
        yield item


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(cap: int = 8) -> int:
    """Worker processes for a batch when none are asked for: one per usable core, at most
    ``cap`` (each worker holds a model of about 100 MB)."""
    return min(usable_cores(), cap)


def _execute(
    args: list[_Args], jobs: int, backend: str, scheduler: str | None
) -> Iterator[BatchItem]:
    """Run the work where asked; yield items as they finish."""
    if not args:
        return
    if backend == "dask":
        from fzgap.analyze.batch_workers import on_dask

        yield from on_dask(_one, args, scheduler)
    elif jobs == 1 or len(args) == 1:
        for a in args:
            yield _one(*a)
    else:
        from fzgap.analyze.batch_workers import local_pool

        yield from local_pool(_one, args, jobs)
