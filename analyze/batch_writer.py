"""Writing a batch's results: per-report files, the summary table, the error list."""

from __future__ import annotations

import json
from pathlib import Path

from fzgap.analyze.batch import BatchItem, output_stem
from fzgap.analyze.output import write_output
from fzgap.analyze.records import AuditReport
from fzgap.analyze.render import EXTENSIONS, render_one
from fzgap.analyze.render.table import render_csv, render_xlsx, summary_row

__all__ = ["BatchWriter"]


class BatchWriter:
    """Collects batch items; writes each report's files into ``out_dir`` as it arrives.

    Parameters
    ----------
    fmt : str
        Output format requested on the command line.
    out_dir : Path or None
        Folder for per-report files and ``summary.csv`` / ``summary.xlsx``.
    inputs : list of Path
        All inputs of the batch (for unique output names).
    """

    def __init__(self, fmt: str, out_dir: Path | None, inputs: list[Path]) -> None:
        self.fmt = fmt
        self.out_dir = out_dir
        self.inputs = inputs
        self.items: list[BatchItem] = []

    def add(self, item: BatchItem) -> None:
        """Record an item and, in folder mode, write its files now (so an interrupted batch can
        resume)."""
        self.items.append(item)
        if self.out_dir is None or item.report is None or item.skipped:
            return
        stem = output_stem(Path(item.source), self.inputs)
        if self.fmt not in ("json", "jsonl", "csv", "xlsx"):
            write_output(
                render_one(item.report, self.fmt), self.out_dir / (stem + EXTENSIONS[self.fmt])
            )
        # The JSON is written last: its presence marks the report as done for --resume.
        write_output(
            json.dumps(item.report.to_dict(), ensure_ascii=False, indent=2) + "\n",
            self.out_dir / (stem + ".json"),
        )

    def rows(self) -> list[dict[str, str]]:
        """Summary rows, one per input, in input order."""
        return [summary_row(i.source, i.report, i.error) for i in self.items]

    def evidence(self) -> list[tuple[str, AuditReport]]:
        """(source, audit) of every audited input, in input order."""
        return [(i.source, i.report) for i in self.items if i.report is not None]

    def finish(self) -> list[Path]:
        """Write the summary files in folder mode; return what was written."""
        if self.out_dir is None:
            return []
        written = []
        for name, data in (
            ("summary.csv", render_csv(self.rows())),
            ("summary.xlsx", render_xlsx(self.rows(), self.evidence())),
        ):
            write_output(data, self.out_dir / name)
            written.append(self.out_dir / name)
        if self.fmt == "jsonl":
            lines = "".join(
                json.dumps(d.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
                for _, d in self.evidence()
            )
            write_output(lines, self.out_dir / "audits.jsonl")
            written.append(self.out_dir / "audits.jsonl")
        return written

    def stream(self) -> str | bytes:
        """The whole batch as one output (no folder): jsonl lines, csv, xlsx or the text table."""
        if self.fmt == "jsonl":
            return "".join(
                json.dumps(d.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"
                for _, d in self.evidence()
            )
        if self.fmt == "csv":
            return render_csv(self.rows())
        if self.fmt == "xlsx":
            return render_xlsx(self.rows(), self.evidence())
        from fzgap.analyze.render.text import render_batch_table

        return render_batch_table(self.rows())
