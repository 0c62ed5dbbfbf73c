"""Writing a batch's results: per-report files as each report finishes, the summary table, the
error list.

Memory stays flat in the number of reports: a report's files are written as it arrives (by the
worker itself when the batch runs with ``write_to``), its summary row and counting evidence go
to a temporary file on disk, and in folder mode the summaries (csv, xlsx) take each row as soon as
every earlier input has arrived (into unnamed temporary files, copied into place when the batch
ends), so that they are written while the workers go on. JSON lines are streamed to disk in input
order as reports finish.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from fzgap.analyze.batch import BatchItem, output_stems
from fzgap.analyze.output import OutputError, open_temporary, os_reason
from fzgap.analyze.records import AuditReport
from fzgap.analyze.render import EXTENSIONS
from fzgap.analyze.render.table import (
    CSV_HEADER,
    csv_line,
    summary_cells,
    summary_row,
    summary_workbook,
)
from fzgap.analyze.render.workbook import SummaryWorkbook, evidence_rows
from fzgap.analyze.report_files import jsonl_line, write_report_files

__all__ = ["BatchWriter"]


class _Lines:
    """JSON lines written in input order as reports arrive (a reorder buffer), atomically."""

    def __init__(self, order: dict[str, int], out: Path | None) -> None:
        self.order, self.out, self.next = order, out, 0
        self.waiting: dict[int, str | None] = {}
        self.tmp: str | None = None
        self.fh: IO[str]
        if out is None:
            self.fh = sys.stdout
        else:
            fd, self.tmp = open_temporary(out)
            self.fh = os.fdopen(fd, "w", encoding="utf-8")

    def add(self, source: str, line: str | None) -> None:
        """Queue the line of one input (None: that input has no audit)."""
        self.waiting[self.order[source]] = line
        while self.next in self.waiting:
            text = self.waiting.pop(self.next)
            if text:
                self.fh.write(text)
            self.next += 1

    def close(self) -> None:
        """Flush; move the file into place."""
        self.fh.flush()
        if self.out is None or self.tmp is None:
            return
        self.fh.close()
        os.replace(self.tmp, self.out)

    def abort(self) -> None:
        """Remove the partial file."""
        if self.tmp is not None:
            self.fh.close()
            Path(self.tmp).unlink(missing_ok=True)


class _Spill:
    """Summary records on disk (an unnamed temporary file), read back in input order."""

    def __init__(self) -> None:
        # Open for the whole batch, and gone with the process however it ends.
        self.fh = tempfile.TemporaryFile()  # noqa: SIM115
        self.where: dict[int, tuple[int, int]] = {}  # input number → (offset, length)

    def put(self, n: int, record: dict[str, object]) -> None:
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        self.fh.seek(0, io.SEEK_END)
        self.where[n] = (self.fh.tell(), len(data))
        self.fh.write(data)

    def get(self, n: int) -> dict:
        """The record of input number ``n``."""
        at, size = self.where[n]
        self.fh.seek(at)
        return json.loads(self.fh.read(size))

    def __iter__(self) -> Iterator[dict]:
        for n in sorted(self.where):
            at, size = self.where[n]
            self.fh.seek(at)
            yield json.loads(self.fh.read(size))


class BatchWriter:
    """Takes batch items in any order; writes each report's files into ``out_dir`` as it arrives.

    Parameters
    ----------
    fmt : str
        Output format requested on the command line.
    out_dir : Path or None
        Folder for per-report files and ``summary.csv`` / ``summary.xlsx``.
    inputs : list of Path
        All inputs of the batch (for unique output names and the order of the summary).
    out_file : Path, optional
        Without a folder: the one file the batch goes to (None: standard output).

    Attributes
    ----------
    errors : list of (source, message)
        The inputs that failed so far, in arrival order.
    done, skipped : int
        Audits so far; of them, read back from an earlier run (``--resume``).
    statuses : set of str
        Every area status seen (for ``--fail-on``).
    """

    def __init__(
        self, fmt: str, out_dir: Path | None, inputs: list[Path], out_file: Path | None = None
    ) -> None:
        self.fmt = fmt
        self.out_dir = out_dir
        self.out_file = out_file
        self.inputs = inputs
        self._order = {str(p): i for i, p in enumerate(inputs)}
        self._stems = output_stems(inputs)
        self._spill = _Spill()
        self._lines: _Lines | None = None
        self.errors: list[tuple[str, str]] = []
        self.done = self.skipped = 0
        self.statuses: set[str] = set()
        if out_dir is not None:
            # A killed run can leave its hidden temporary files; the finished files are whole.
            for stale in out_dir.glob(".*.tmp"):
                stale.unlink(missing_ok=True)
        if fmt == "jsonl":
            target = out_dir / "audits.jsonl" if out_dir is not None else out_file
            self._lines = _Lines(self._order, target)
        # In folder mode the summary rows are written in input order as the reports arrive
        # (while the workers go on), into unnamed temporary files copied into place at the end.
        self._book = summary_workbook() if out_dir is not None else None
        self._csv: IO[bytes] | None = None
        self._next = 0
        if out_dir is not None:
            self._csv = tempfile.TemporaryFile()  # noqa: SIM115
            self._csv.write(CSV_HEADER)

    @property
    def write_to(self) -> tuple[str, Path] | None:
        """(format, folder) for :func:`~fzgap.analyze.batch.run_batch`: the workers write each
        report's files themselves and hand back only what the summaries need."""
        return (self.fmt, self.out_dir) if self.out_dir is not None else None

    def add(self, item: BatchItem) -> None:
        """Record an item and, in folder mode, write its files now (so an interrupted batch can
        resume); a file that cannot be rendered or written becomes that report's error."""
        report = item.report
        if report is not None and self.out_dir is not None and not (item.skipped or item.written):
            try:
                write_report_files(report, self.fmt, self.out_dir, self._stems[item.source])
            except OutputError:
                raise
            except Exception as exc:  # one report's renderer failing must not sink the batch
                report = None
                item = BatchItem(item.source, None, f"无法写出结果（{type(exc).__name__}: {exc}）")
        if self._lines is not None:
            line = item.line or (jsonl_line(report) if report is not None else None)
            self._lines.add(item.source, line)
        self._record(item.source, report, item.error, item.skipped)

    def _record(
        self, source: str, report: AuditReport | None, error: str | None, skipped: bool
    ) -> None:
        """Count the item and spill its summary row and evidence to disk."""
        if report is None:
            self.errors.append((source, error or "unknown error"))
        else:
            self.done += 1
            self.skipped += skipped
            self.statuses.update(a.status for a in report.areas)
        record: dict[str, object] = {
            "row": summary_row(source, report, error),
            "ev": evidence_rows(report) if report is not None else [],
        }
        n = self._order.get(source, len(self._order))
        self._spill.put(n, record)
        if self._book is None or n != self._next:
            return  # an earlier input is still to come: its turn comes first
        self._summarise(record, self._book, self._csv)
        self._next += 1
        while self._next in self._spill.where:  # the later ones that were waiting for it
            self._summarise(self._spill.get(self._next), self._book, self._csv)
            self._next += 1

    def _link(self, row: dict[str, str]) -> str | None:
        """The report's audit file beside the summary (a relative link for the xlsx)."""
        if row["error"] or self.out_dir is None:
            return None
        ext = EXTENSIONS[self.fmt] if self.fmt in ("text", "md", "html") else ".json"
        return self._stems[row["source"]] + ext

    def failures(self) -> list[tuple[str, str]]:
        """(source, message) of every input that failed, in input order."""
        return sorted(self.errors, key=lambda e: self._order.get(e[0], 1 << 30))

    def rows(self) -> list[dict[str, str]]:
        """Summary rows, one per input, in input order."""
        return [r["row"] for r in self._spill]

    def _summarise(
        self, record: dict, book: SummaryWorkbook | None, csv_out: IO[bytes] | None
    ) -> None:
        """One report's summary row and evidence into the workbook and the csv; a report whose
        cells the workbook refuses becomes an error row in both."""
        row = record["row"]
        if book is not None:
            try:
                book.add(row, summary_cells(row), record["ev"], self._link(row))
            except Exception as exc:
                row = summary_row(
                    row["source"],
                    None,
                    f"汇总表无法写入这份报告的内容（{type(exc).__name__}）",
                )
                self.errors.append((row["source"], row["error"]))
                self.done -= 1
                book.add(row, summary_cells(row))
        if csv_out is not None:
            csv_out.write(csv_line(summary_cells(row)).encode("utf-8"))

    def _summaries(self, csv_out: IO[bytes] | None, xlsx_out: IO[bytes] | None) -> None:
        """Write the csv and the workbook in one pass over the spilled records."""
        book = summary_workbook() if xlsx_out is not None else None
        if csv_out is not None:
            csv_out.write(CSV_HEADER)
        for record in self._spill:
            self._summarise(record, book, csv_out)
        if book is not None and xlsx_out is not None:
            book.save(xlsx_out)

    def finish(self) -> list[Path]:
        """Write the summary files in folder mode; return what was written."""
        if self._lines is not None and self.out_dir is not None:
            self._lines.close()
        if self.out_dir is None or self._book is None or self._csv is None:
            return []
        # Rows still waiting for an earlier input that never came (none when the batch ran
        # through): in input order.
        for n in sorted(k for k in self._spill.where if k >= self._next):
            self._summarise(self._spill.get(n), self._book, self._csv)
        paths = [self.out_dir / "summary.csv", self.out_dir / "summary.xlsx"]
        with _Atomic(paths[0]) as csv_out, _Atomic(paths[1]) as xlsx_out:
            self._csv.seek(0)
            shutil.copyfileobj(self._csv, csv_out)
            self._book.save(xlsx_out)
        if self.fmt == "jsonl":
            paths.append(self.out_dir / "audits.jsonl")
        return paths

    def stream(self, width: int | None = None, lang: str = "zh") -> str | bytes | None:
        """The whole batch as one output (no folder): csv, xlsx or the text table; None for jsonl
        (already written as the reports arrived)."""
        if self._lines is not None:
            self._lines.close()
            return None
        if self.fmt in ("csv", "xlsx"):
            buf = io.BytesIO()
            self._summaries(buf if self.fmt == "csv" else None, buf if self.fmt == "xlsx" else None)
            return buf.getvalue()
        from fzgap.analyze.render.text import render_batch_table

        rows = (r["row"] for r in self._spill)  # one at a time: the table holds no row
        if width is None:
            return render_batch_table(rows, lang=lang)
        return render_batch_table(rows, width_=width, lang=lang)

    def abort(self) -> None:
        """Remove partial outputs after a failure."""
        if self._lines is not None:
            self._lines.abort()


class _Atomic:
    """A file written under a temporary name and moved into place only when whole."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp: str | None = None

    def __enter__(self) -> IO[bytes]:
        try:
            fd, self.tmp = open_temporary(self.path)
        except OSError as exc:
            raise OutputError(f"{self.path}: 无法写入（{os_reason(exc)}）") from None
        self.fh = os.fdopen(fd, "wb")
        return self.fh

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        assert self.tmp is not None
        try:
            self.fh.close()
            if kind is None:
                os.replace(self.tmp, self.path)
                return
        except OSError as err:
            exc = err
        Path(self.tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{self.path}: 无法写入（{os_reason(exc)}）") from None
