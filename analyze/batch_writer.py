"""Writing a batch's results: per-report files as each report finishes, the summary table, the
error list.

Memory stays flat in the number of reports: the writer keeps one summary row and the evidence of
each report (never its paragraphs), and streams JSON lines to disk in input order.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import IO

from fzgap.analyze.batch import BatchItem, output_stem
from fzgap.analyze.output import OutputError, file_mode, write_output
from fzgap.analyze.records import AuditReport
from fzgap.analyze.render import EXTENSIONS, render_one
from fzgap.analyze.render.table import render_csv, render_xlsx, summary_row

__all__ = ["BatchWriter"]


def _jsonl(report: AuditReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


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
            fd, self.tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
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
        os.chmod(self.tmp, file_mode())
        os.replace(self.tmp, self.out)

    def abort(self) -> None:
        """Remove the partial file."""
        if self.tmp is not None:
            self.fh.close()
            Path(self.tmp).unlink(missing_ok=True)


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
    """

    def __init__(
        self, fmt: str, out_dir: Path | None, inputs: list[Path], out_file: Path | None = None
    ) -> None:
        self.fmt = fmt
        self.out_dir = out_dir
        self.out_file = out_file
        self.inputs = inputs
        self._order = {str(p): i for i, p in enumerate(inputs)}
        self._items: dict[str, BatchItem] = {}
        self._lines: _Lines | None = None
        if out_dir is not None:
            # A killed run can leave its hidden temporary files; the finished files are whole.
            for stale in out_dir.glob(".*.tmp"):
                stale.unlink(missing_ok=True)
        if fmt == "jsonl":
            target = out_dir / "audits.jsonl" if out_dir is not None else out_file
            self._lines = _Lines(self._order, target)

    @property
    def items(self) -> list[BatchItem]:
        """Every item so far (audits without their paragraphs), in input order."""
        return sorted(self._items.values(), key=lambda i: self._order.get(i.source, 1 << 30))

    def add(self, item: BatchItem) -> None:
        """Record an item and, in folder mode, write its files now (so an interrupted batch can
        resume); a file that cannot be rendered or written becomes that report's error."""
        if item.report is not None and self.out_dir is not None and not item.skipped:
            try:
                self._write_files(item.report, output_stem(Path(item.source), self.inputs))
            except OutputError:
                raise
            except Exception as exc:  # one report's renderer failing must not sink the batch
                item = BatchItem(item.source, None, f"无法写出结果（{type(exc).__name__}: {exc}）")
        if self._lines is not None:
            self._lines.add(item.source, _jsonl(item.report) if item.report else None)
        slim = replace(item.report, paragraphs=()) if item.report is not None else None
        self._items[item.source] = BatchItem(item.source, slim, item.error, item.skipped)

    def _write_files(self, report: AuditReport, stem: str) -> None:
        assert self.out_dir is not None
        if self.fmt not in ("json", "jsonl", "csv", "xlsx"):
            write_output(render_one(report, self.fmt), self.out_dir / (stem + EXTENSIONS[self.fmt]))
        # The JSON is written last: its presence marks the report as done for --resume.
        write_output(
            json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n",
            self.out_dir / (stem + ".json"),
        )

    def rows(self) -> list[dict[str, str]]:
        """Summary rows, one per input, in input order."""
        return [summary_row(i.source, i.report, i.error) for i in self.items]

    def evidence(self) -> list[tuple[str, AuditReport]]:
        """(source, audit) of every audited input, in input order (audits without paragraphs)."""
        return [(i.source, i.report) for i in self.items if i.report is not None]

    def _links(self) -> dict[str, str]:
        """Source → the report's audit file beside the summary (a relative link for the xlsx)."""
        ext = EXTENSIONS[self.fmt] if self.fmt in ("text", "md", "html") else ".json"
        return {
            i.source: output_stem(Path(i.source), self.inputs) + ext
            for i in self.items
            if i.report is not None
        }

    def _xlsx(self) -> bytes:
        """The workbook; a report whose cells the workbook refuses is listed with an error."""
        try:
            return render_xlsx(self.rows(), self.evidence(), self._links())
        except Exception:
            for item in self.items:
                if item.report is None:
                    continue
                try:
                    render_xlsx(
                        [summary_row(item.source, item.report)], [(item.source, item.report)]
                    )
                except Exception as exc:
                    self._items[item.source] = BatchItem(
                        item.source,
                        None,
                        f"汇总表无法写入这份报告的内容（{type(exc).__name__}）",
                    )
            return render_xlsx(self.rows(), self.evidence(), self._links())

    def finish(self) -> list[Path]:
        """Write the summary files in folder mode; return what was written."""
        if self._lines is not None and self.out_dir is not None:
            self._lines.close()
        if self.out_dir is None:
            return []
        xlsx = self._xlsx()  # first: it may turn a report into an error row of the csv too
        written = []
        for name, data in (("summary.csv", render_csv(self.rows())), ("summary.xlsx", xlsx)):
            write_output(data, self.out_dir / name)
            written.append(self.out_dir / name)
        if self.fmt == "jsonl":
            written.append(self.out_dir / "audits.jsonl")
        return written

    def stream(self, width: int | None = None, lang: str = "zh") -> str | bytes | None:
        """The whole batch as one output (no folder): csv, xlsx or the text table; None for jsonl
        (already written as the reports arrived)."""
        if self._lines is not None:
            self._lines.close()
            return None
        if self.fmt == "csv":
            return render_csv(self.rows())
        if self.fmt == "xlsx":
            return self._xlsx()
        from fzgap.analyze.render.text import render_batch_table

        if width is None:
            return render_batch_table(self.rows(), lang=lang)
        return render_batch_table(self.rows(), width_=width, lang=lang)

    def abort(self) -> None:
        """Remove partial outputs after a failure."""
        if self._lines is not None:
            self._lines.abort()
