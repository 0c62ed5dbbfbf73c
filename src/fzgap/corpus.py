"""Many reports at once: audit a folder in parallel, save and reload it, and tabulate it.

A :class:`Corpus` is what ``fzgap analyze FOLDER --out OUT`` produces, held in memory: the
``AuditReport`` of every file that could be read and the error of every file that could not.
Tables need pandas (the ``fzgap[notebook]`` extra); auditing, saving and loading do not.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzgap.analyze.batch import BatchItem, collect_inputs, run_batch
from fzgap.analyze.batch_writer import BatchWriter
from fzgap.analyze.records import AuditReport, RecordError
from fzgap.errors import FzgapError
from fzgap.model.areas import AREA_NAMES_ZH, AREAS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus", "CorpusError", "LEVELS", "audit_corpus", "infer_level", "require"]

#: Administrative levels, top to bottom; ``unknown`` when the report names no unit.
LEVELS: tuple[str, ...] = ("province", "city", "county", "township", "department", "unknown")
_STATUS_RANK = {"missing": 0, "thin": 1, "covered": 2}
_GOVERNMENT = ("人民政府", "政府", "办事处", "管理委员会")


class CorpusError(FzgapError):
    """A corpus folder that cannot be read, or a table asked for without pandas."""


def require(module: str) -> Any:
    """Import an optional module of the notebook extra, or fail with one clear line."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise CorpusError(
            f'{module} is not installed: pip install "fzgap[notebook]" for tables and charts'
        ) from None


def infer_level(unit: str | None) -> str:
    """The administrative level of a reporting unit, from its name.

    Parameters
    ----------
    unit : str or None
        e.g. ``清河县人民政府`` (county), ``双峰镇人民政府`` (township),
        ``临江市市场监督管理局`` (department).

    Returns
    -------
    str
        One of :data:`LEVELS`.
    """
    if not unit:
        return "unknown"
    name = unit.strip()
    if name.endswith("街道办事处"):
        return "township"
    place = next((name[: -len(g)] for g in _GOVERNMENT if name.endswith(g)), None)
    if place is None:
        # a bare place name (双峰镇) is the government; anything else (…局, …委员会) a department
        place = (
            name
            if name.endswith(
                ("省", "自治区", "市", "州", "盟", "县", "区", "旗", "镇", "乡", "街道")
            )
            else None
        )
    if place is None:
        return "department"
    if place.endswith(("省", "自治区")) or place in ("北京市", "天津市", "上海市", "重庆市"):
        return "province"
    if place.endswith(("镇", "乡", "街道")):
        return "township"
    if place.endswith(("县", "区", "旗")):
        return "county"
    if place.endswith(("市", "州", "盟")):
        return "city"
    return "department"


@dataclass(frozen=True)
class Corpus:
    """Audits of many reports, in input order, with the errors of the files that failed.

    Attributes
    ----------
    reports : tuple of AuditReport
    errors : tuple of (source, message)
    """

    reports: tuple[AuditReport, ...]
    errors: tuple[tuple[str, str], ...] = ()

    def __len__(self) -> int:
        return len(self.reports)

    def report(self, source: str) -> AuditReport:
        """The audit of one report, by its source path or file name."""
        for r in self.reports:
            if r.document.source == source or Path(r.document.source).name == source:
                return r
        raise KeyError(source)

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> Corpus:
        """Read a ``fzgap analyze FOLDER --out OUT`` result (or a saved corpus) without re-running.

        Parameters
        ----------
        folder : path
            Holds one audit JSON per report and ``summary.csv`` (whose error rows are read back).

        Raises
        ------
        CorpusError
            The folder is missing, holds no audit, or an audit file does not read.
        """
        root = Path(folder)
        if not root.is_dir():
            raise CorpusError(f"{root}: no such folder")
        reports = []
        for f in sorted(root.glob("*.json")):
            try:
                reports.append(AuditReport.from_dict(json.loads(f.read_text(encoding="utf-8"))))
            except (OSError, ValueError, RecordError) as exc:
                raise CorpusError(f"{f}: not an audit JSON ({exc})") from None
        errors = _summary_errors(root / "summary.csv")
        if not reports and not errors:
            raise CorpusError(f"{root}: no audit JSON files (is it a fzgap analyze --out folder?)")
        return cls(tuple(reports), errors)

    def save(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write the layout of ``fzgap analyze --out``: one JSON per report, summary.csv/.xlsx.

        Returns
        -------
        list of Path
            The summary files written.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        items = [BatchItem(r.document.source, r) for r in self.reports]
        items += [BatchItem(source, None, message) for source, message in self.errors]
        writer = BatchWriter("json", out, [Path(i.source) for i in items])
        for item in items:
            writer.add(item)
        return writer.finish()

    def frame(self) -> pd.DataFrame:
        """One row per report: source, unit, level, year, status / score / counts per area.

        Columns ``<area>`` hold the status, ``<area>_rank`` 0 missing / 1 thin / 2 covered,
        ``<area>_score`` the highest paragraph score, ``<area>_paragraphs``,
        ``<area>_main_paragraphs`` and ``<area>_facts`` the coverage counts; ``missing_parts``
        the report parts not found, ``parts_present`` how many were.
        """
        pd = require("pandas")
        rows = [_row(r) for r in self.reports]
        columns = list(_row_keys())
        return pd.DataFrame(rows, columns=columns)

    def evidence_frame(self) -> pd.DataFrame:
        """One row per evidence paragraph: source, unit, year, area, status, index, section,
        score, main, counts, facts and the paragraph text."""
        pd = require("pandas")
        rows = []
        for r in self.reports:
            texts = {p.index: p.text for p in r.paragraphs}
            for a in r.areas:
                for e in a.evidence:
                    rows.append(
                        {
                            "source": r.document.source,
                            "unit": r.structure.unit or "",
                            "year": r.structure.year,
                            "area": a.id,
                            "area_zh": AREA_NAMES_ZH[a.id],
                            "status": a.status,
                            "index": e.index,
                            "section": e.section,
                            "score": e.score,
                            "main": e.main,
                            "counts": e.counts,
                            "facts": "、".join(e.strong_facts),
                            "text": texts.get(e.index, e.sentence),
                        }
                    )
        columns = [
            "source",
            "unit",
            "year",
            "area",
            "area_zh",
            "status",
            "index",
            "section",
            "score",
            "main",
            "counts",
            "facts",
            "text",
        ]
        return pd.DataFrame(rows, columns=columns)

    def subitem_frame(self) -> pd.DataFrame:
        """One row per (report, checklist sub-item): source, year, level, area, id, name, found."""
        pd = require("pandas")
        rows = [
            {
                "source": r.document.source,
                "year": r.structure.year,
                "level": infer_level(r.structure.unit),
                "area": a.id,
                "subitem": s.id,
                "name": s.name,
                "found": s.found,
            }
            for r in self.reports
            for a in r.areas
            for s in a.subitems
        ]
        columns = ["source", "year", "level", "area", "subitem", "name", "found"]
        return pd.DataFrame(rows, columns=columns)


def _row_keys() -> Iterable[str]:
    yield from ("source", "file", "unit", "level", "year", "title")
    for a in AREAS:
        yield from (
            a,
            f"{a}_rank",
            f"{a}_score",
            f"{a}_paragraphs",
            f"{a}_main_paragraphs",
            f"{a}_facts",
        )
    yield from (
        "covered",
        "thin",
        "missing",
        "paragraphs",
        "characters",
        "parts_present",
        "missing_parts",
    )


def _row(r: AuditReport) -> dict[str, Any]:
    s = r.structure
    row: dict[str, Any] = {
        "source": r.document.source,
        "file": Path(r.document.source).name,
        "unit": s.unit or "",
        "level": infer_level(s.unit),
        "year": s.year,
        "title": s.title or "",
    }
    for a in r.areas:
        row[a.id] = a.status
        row[f"{a.id}_rank"] = _STATUS_RANK[a.status]
        row[f"{a.id}_score"] = max((p.scores[a.id] for p in r.paragraphs), default=0.0)
        row[f"{a.id}_paragraphs"] = a.counts.paragraphs
        row[f"{a.id}_main_paragraphs"] = a.counts.main_paragraphs
        row[f"{a.id}_facts"] = a.counts.strong_facts
    statuses = list(r.statuses.values())
    row.update(
        covered=statuses.count("covered"),
        thin=statuses.count("thin"),
        missing=statuses.count("missing"),
        paragraphs=r.document.paragraphs,
        characters=r.document.characters,
        parts_present=sum(p.present for p in s.parts),
        missing_parts="、".join(s.missing_parts),
    )
    return row


def _summary_errors(path: Path) -> tuple[tuple[str, str], ...]:
    """(source, error) of the failed rows of a batch's summary.csv, if there is one."""
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    if not rows:
        return ()
    # the header is in Chinese and English; find the columns by their position in COLUMNS
    from fzgap.analyze.render.table import COLUMNS

    keys = [k for k, _ in COLUMNS]
    src, err = keys.index("source"), keys.index("error")
    return tuple((row[src], row[err]) for row in rows[1:] if len(row) > err and row[err])


def _progress_bar(total: int) -> Callable[[int, int], None]:
    """A tqdm bar on stderr, advanced to ``done`` at each call."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="report", file=sys.stderr)

    def advance(done: int, _total: int) -> None:
        bar.update(done - bar.n)
        if done >= _total:
            bar.close()

    return advance


def audit_corpus(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    backend: str = "local",
    scheduler: str | None = None,
    model: str | None = None,
    checklist: str | None = None,
    progress: bool = True,
) -> Corpus:
    """Audit every report in a folder (or a list of files and folders), in parallel.

    Runs the batch engine of ``fzgap analyze FOLDER``: a file that cannot be read becomes an
    entry of ``Corpus.errors``, and the others are still audited.

    Parameters
    ----------
    paths : path or sequence of paths
        Report files and folders (folders are searched for .txt, .html, .docx and .pdf files).
    jobs : int
        Parallel workers (-1: all cores).
    backend : {'local', 'dask'}
        ``dask`` uses the dask.distributed ``scheduler`` address, or a local cluster.
    model, checklist : str, optional
        A model folder and a checklist file (default: the shipped ones).
    progress : bool
        Show a progress bar on stderr.

    Returns
    -------
    Corpus

    Examples
    --------
    >>> corpus = fzgap.audit_corpus("examples", jobs=2, progress=False)  # doctest: +SKIP
    >>> corpus.frame()[["unit", "level", "year", "decision"]]  # doctest: +SKIP
    """
    items = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    inputs = collect_inputs([str(p) for p in items])
    bar = _progress_bar(len(inputs)) if progress and inputs else None
    reports, errors = [], []
    # the batch engine yields in completion order; a corpus keeps the order of its inputs
    rank = {str(p): i for i, p in enumerate(inputs)}
    for item in run_batch(
        inputs,
        model=model,
        checklist=checklist,
        jobs=jobs,
        backend=backend,
        scheduler=scheduler,
        progress=bar,
    ):
        if item.report is not None:
            reports.append(item.report)
        else:
            errors.append((item.source, item.error or "unknown error"))
    reports.sort(key=lambda r: rank.get(r.document.source, len(rank)))
    errors.sort(key=lambda e: rank.get(e[0], len(rank)))
    return Corpus(tuple(reports), tuple(errors))
