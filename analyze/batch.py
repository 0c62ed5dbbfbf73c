"""Batches: many reports, in parallel (joblib) or on a dask.distributed cluster; one bad file never
stops them."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fzgap.analyze.errors import InputError, NotFoundError
from fzgap.analyze.ingest import DEFAULT_MAX_BYTES, REPORT_SUFFIXES
from fzgap.analyze.records import AuditReport, RecordError
from fzgap.errors import FzgapError

__all__ = ["BatchItem", "collect_inputs", "run_batch", "REPORT_SUFFIXES", "output_stem"]


@dataclass(frozen=True, slots=True)
class BatchItem:
    """The outcome for one input: an audit, or the one-line error that stopped it."""

    source: str
    report: AuditReport | None
    error: str | None = None
    skipped: bool = False  # read back from an earlier run's JSON (--resume)


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
            raise NotFoundError(raw, "no such file or folder")
    return list(dict.fromkeys(out))


def output_stem(path: Path, inputs: list[Path]) -> str:
    """A file name for a report's outputs, unique within the batch."""
    same = [q for q in inputs if q.stem == path.stem]
    if len(same) <= 1:
        return path.stem
    return "__".join(path.with_suffix("").parts[-3:]).replace(os.sep, "__")


def _one(path: str, model: str | None, checklist: str | None, max_bytes: int) -> BatchItem:
    """Audit one file, turning every failure into an error line (runs in workers)."""
    from fzgap.analyze.audit import analyze_file

    try:
        return BatchItem(
            path, analyze_file(path, model=model, checklist=checklist, max_bytes=max_bytes)
        )
    except InputError as exc:
        return BatchItem(path, None, exc.problem)
    except FzgapError as exc:
        return BatchItem(path, None, str(exc))
    except Exception as exc:  # a bug must not sink a province's batch; it is reported per file
        return BatchItem(path, None, f"internal error ({type(exc).__name__}: {exc})")


def _done(path: Path, inputs: list[Path], out_dir: Path | None) -> BatchItem | None:
    """A report already audited in ``out_dir`` (for --resume), read back from its JSON."""
    if out_dir is None:
        return None
    f = out_dir / (output_stem(path, inputs) + ".json")
    if not f.is_file():
        return None
    try:
        report = AuditReport.from_dict(json.loads(f.read_text(encoding="utf-8")))
    except (OSError, ValueError, RecordError):
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
    backend: str = "joblib",
    scheduler: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    resume_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[BatchItem]:
    """Audit many files; yield one :class:`BatchItem` per input, in input order.

    Parameters
    ----------
    inputs : list of Path
        Report files (see :func:`collect_inputs`).
    model, checklist : str, optional
        Paths of a model folder and a checklist file (default: the shipped ones).
    jobs : int
        Parallel workers for the joblib backend (-1: all cores).
    backend : {'joblib', 'dask'}
        ``dask`` sends the work to a dask.distributed scheduler (``scheduler`` address), or to a
        local cluster when no address is given.
    resume_dir : Path, optional
        Skip inputs whose audit JSON is already in this folder.
    progress : callable, optional
        Called with (done, total) after each report.
    """
    todo: list[Path] = []
    ready: dict[str, BatchItem] = {}
    for p in inputs:
        done = _done(p, inputs, resume_dir) if resume_dir else None
        if done:
            ready[str(p)] = done
        else:
            todo.append(p)
    results: dict[str, BatchItem] = {}
    total, count = len(inputs), len(ready)
    if progress and count:
        progress(count, total)
    args = [(str(p), model, checklist, max_bytes) for p in todo]
    for item in _execute(args, jobs, backend, scheduler):
        results[item.source] = item
        count += 1
        if progress:
            progress(count, total)
    for p in inputs:
        yield ready.get(str(p)) or results[str(p)]


def _execute(
    args: list[tuple[str, str | None, str | None, int]],
    jobs: int,
    backend: str,
    scheduler: str | None,
) -> Iterator[BatchItem]:
    if not args:
        return
    if backend == "dask":
        yield from _dask(args, scheduler)
    elif jobs == 1 or len(args) == 1:
        for a in args:
            yield _one(*a)
    else:
        from joblib import Parallel, delayed

        yield from Parallel(n_jobs=jobs, return_as="generator_unordered")(
            delayed(_one)(*a) for a in args
        )


def _dask(
    args: list[tuple[str, str | None, str | None, int]], scheduler: str | None
) -> Iterator[BatchItem]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise FzgapError(
            "the dask backend needs dask.distributed: pip install 'fzgap[dask]'"
        ) from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise FzgapError(f"cannot reach the dask scheduler at {scheduler} ({exc})") from None
    try:
        futures = [client.submit(_one, *a, pure=False) for a in args]
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:  # a lost worker fails one report, not the batch
                i = futures.index(fut)
                yield BatchItem(
                    args[i][0], None, f"dask worker failed ({type(exc).__name__}: {exc})"
                )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
