"""The local worker pool of a batch: lost workers, early stops, the audits of one process."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from fzgap.analyze.batch import BatchItem, run_batch
from fzgap.analyze.batch_workers import LOST_WORKER, local_pool

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _work(path: str, marks: str) -> BatchItem:
    """A stand-in for one report: leaves a mark, and kills its own process on ``die``."""
    Path(marks, Path(path).name).touch()
    if path.endswith("die"):
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.02)
    return BatchItem(path, None, "done")


@pytest.mark.parametrize("n", [6, 60])  # one report per task, and several
def test_a_killed_worker_fails_the_reports_left_and_the_rest_are_kept(
    tmp_path: Path, n: int
) -> None:
    names = [f"r{i:03d}" for i in range(n)] + ["die"] + [f"s{i:03d}" for i in range(n)]
    items = list(local_pool(_work, [(n, str(tmp_path)) for n in names], 2))
    assert sorted(i.source for i in items) == sorted(names)  # every input accounted for once
    done = [i for i in items if i.error == "done"]
    lost = [i for i in items if i.error == LOST_WORKER]
    assert done and lost and len(done) + len(lost) == len(names)
    assert "die" in {i.source for i in lost}


def test_stopping_early_cancels_the_reports_not_started(tmp_path: Path) -> None:
    names = [f"r{i:03d}" for i in range(200)]
    stream = local_pool(_work, [(n, str(tmp_path)) for n in names], 2)
    first = next(stream)
    stream.close()  # as a batch does when its output folder becomes unwritable
    assert first.error == "done"
    assert len(list(tmp_path.iterdir())) < len(names)


def test_two_workers_give_the_audits_of_one_process() -> None:
    inputs = sorted(EXAMPLES.glob("*.txt"))[:4]
    one = {i.source: i.report for i in run_batch(inputs, jobs=1)}
    two = {i.source: i.report for i in run_batch(inputs, jobs=2)}
    assert len(one) == 4 and one == two


def test_summaries_follow_the_inputs_whatever_order_the_reports_arrive_in(tmp_path: Path) -> None:
    import csv
    import io

    import openpyxl

    from fzgap.analyze.batch_writer import BatchWriter

    inputs = sorted(EXAMPLES.glob("*.txt"))[:5]
    items = {i.source: i for i in run_batch(inputs, jobs=1)}
    out = tmp_path / "out"
    out.mkdir()
    writer = BatchWriter("json", out, inputs)
    for p in (inputs[3], inputs[0], inputs[4], inputs[2], inputs[1]):  # written as they come
        writer.add(items[str(p)])
    writer.finish()
    text = (out / "summary.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert [Path(r[0]).name for r in rows] == [p.name for p in inputs]
    sheet = openpyxl.load_workbook(out / "summary.xlsx")["汇总"]
    assert [sheet.cell(r, 1).value for r in range(2, 7)] == [p.name for p in inputs]
