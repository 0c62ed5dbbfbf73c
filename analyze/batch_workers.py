"""Where a batch's reports are audited besides this process: a local pool of worker processes,
or a dask.distributed cluster. Both yield each report's item as soon as it is done."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any

from fzgap.analyze.batch import DASK_WORKER_WAIT, BatchItem, usable_cores
from fzgap.errors import FzgapError

__all__ = ["local_pool", "on_dask"]

#: The message of a report whose worker process died (killed, out of memory) before it was done.
LOST_WORKER = "工作进程意外退出（可能是内存不足），这份报告没有审查完；可用 --resume 重试"


def local_pool(
    fn: Callable[..., BatchItem], args: Sequence[tuple], jobs: int
) -> Iterator[BatchItem]:
    """Run ``fn(*a)`` for each of ``args`` in ``jobs`` worker processes (-1: one per usable
    core).

    On Linux the workers are forked: they start at once with what this process has imported,
    and each loads the model on its first report (this process never does). Items come in
    completion order. When a worker dies, the reports not yet done become error items and the
    batch goes on to write what it has; when the caller stops early, the reports not started
    are cancelled.
    """
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    n = usable_cores() if jobs == -1 else jobs
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    pool = ProcessPoolExecutor(
        max(1, min(n, len(args))),
        mp_context=multiprocessing.get_context(method),
        initializer=_worker_start,
        initargs=(os.getpid(),),
    )
    # A few reports per task: each task costs the parent a round trip through the pool, which
    # for one report is a tenth of the report's own work; few enough that the workers end
    # together and a lost worker takes few reports with it.
    size = max(1, min(8, len(args) // (16 * n)))
    chunks = [args[i : i + size] for i in range(0, len(args), size)]
    todo = iter(chunks)
    # A few tasks per worker in flight, no more: a finished task's items are let go as soon as
    # they are handed on, so that memory stays flat in the number of reports.
    running: dict[Future[list[BatchItem]], Sequence[tuple]] = {}
    try:
        while True:
            for chunk in islice(todo, 4 * n - len(running)):
                try:
                    running[pool.submit(_run_chunk, fn, chunk)] = chunk
                except BrokenProcessPool:  # a worker died: nothing more can start
                    for rest in (chunk, *todo):
                        yield from (BatchItem(a[0], None, LOST_WORKER) for a in rest)
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                chunk = running.pop(fut)
                try:
                    items = fut.result()
                except BrokenProcessPool:
                    items = [BatchItem(a[0], None, LOST_WORKER) for a in chunk]
                yield from items
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_chunk(fn: Callable[..., BatchItem], chunk: Sequence[tuple]) -> list[BatchItem]:
    """Run one task's reports in a worker."""
    return [fn(*a) for a in chunk]


def _worker_start(parent: int) -> None:
    """Leave Ctrl-C to the parent, which stops the batch and the pool (no worker traceback); on
    Linux, end with the parent however it ends (a killed batch leaves no worker behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)


_PR_SET_PDEATHSIG = 1


def on_dask(
    fn: Callable[..., BatchItem], args: Sequence[tuple], scheduler: str | None
) -> Iterator[BatchItem]:
    """Run ``fn(*a)`` for each of ``args`` on a dask.distributed cluster (at ``scheduler``, or a
    local one); a lost worker fails one report, no worker fails fast."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FzgapError("dask 后端需要 dask.distributed：pip install 'fzgap[dask]'") from None
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
        raise FzgapError(f"无法连接 dask 调度器 {scheduler}（{exc}）") from None
    try:
        try:
            client.wait_for_workers(1, timeout=DASK_WORKER_WAIT)
        except (TimeoutError, OSError):
            raise FzgapError(
                f"dask 调度器 {scheduler or '(本地)'} 在 {DASK_WORKER_WAIT:g} 秒内没有可用的 "
                "worker；请先启动 dask worker"
            ) from None
        futures = {client.submit(fn, *a, pure=False): a[0] for a in args}
        yield from _gather(client, futures, args[0][4] if args else None)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _gather(
    client: Any, futures: dict[Any, str], budget: float | None = None
) -> Iterator[BatchItem]:
    """Yield results as they finish; a report a worker holds longer than ``budget`` seconds is
    reported as an error and cancelled (a worker thread cannot be interrupted from inside, so
    the parent keeps the clock); when no worker is left for too long, fail what remains."""
    import time

    from distributed import wait

    pending = set(futures)
    idle_since: float | None = None
    started: dict[str, float] = {}  # future key → when a worker first held it
    while pending:
        if budget:
            now = time.monotonic()
            held = {k for keys in client.processing().values() for k in keys}
            for fut in sorted(pending, key=lambda f: futures[f]):
                if fut.key in held:
                    started.setdefault(fut.key, now)
                if fut.key in started and now - started[fut.key] > budget and not fut.done():
                    pending.discard(fut)
                    fut.cancel()
                    yield BatchItem(
                        futures[fut],
                        None,
                        f"处理超过 {budget:g} 秒仍未完成，已放弃"
                        "（文件可能损坏；可用 --timeout 放宽）",
                    )
            if not pending:
                break
        try:
            done, pending = wait(
                list(pending), timeout=min(5.0, budget or 5.0), return_when="FIRST_COMPLETED"
            )
        except TimeoutError:  # nothing finished in 5 s: see whether any worker is left
            done = set()
        for fut in done:
            try:
                yield fut.result()
            except Exception as exc:  # a lost worker fails one report, not the batch
                yield BatchItem(
                    futures[fut], None, f"dask worker 失败（{type(exc).__name__}: {exc}）"
                )
            fut.release()
        if done or client.scheduler_info().get("workers"):
            idle_since = None
            continue
        idle_since = idle_since or time.monotonic()
        if time.monotonic() - idle_since > DASK_WORKER_WAIT:
            for fut in sorted(pending, key=lambda f: futures[f]):
                yield BatchItem(
                    futures[fut],
                    None,
                    f"dask 集群已没有 worker（等待 {DASK_WORKER_WAIT:g} 秒），这份报告未处理",
                )
                fut.cancel()
            return
