"""Training on the corpus plus the reviewers' corrections, and what the corrections changed.

Corrections come from the review workbench (``fzgap corrections export``): labelled paragraphs in
the format of ``train/data`` with a ``correction`` object (reviewer, time, the model's labels).
Each corrected report is one more group of leave-one-report-out evaluation, so the comparison
below never scores a model on a report whose corrections it was trained on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from fzgap.train.corpus import Corpus, CorpusError, Row, _parse
from fzgap.train.evaluate import loro_predict, score

__all__ = ["FeedbackReport", "load_feedback", "compare_feedback", "train_with_feedback", "REPEAT"]

#: How many times a corrected paragraph counts: a reviewer's verdict on real text outweighs one
#: authored example.
REPEAT = 3


def load_feedback(source: str | Path | Iterable[dict[str, Any]]) -> list[Row]:
    """Rows of a corrections JSONL file (or of already-read records).

    Raises
    ------
    CorpusError
        On a malformed line, naming the file and line.
    """
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CorpusError(f"{path}: cannot read corrections ({exc})") from None
        records = [(i, line) for i, line in enumerate(lines, 1) if line.strip()]
        name = path
    else:
        records = [(i, json.dumps(r, ensure_ascii=False)) for i, r in enumerate(source, 1)]
        name = Path("<corrections>")
    rows = []
    for lineno, line in records:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{name}:{lineno}: not valid JSON ({exc.msg})") from None
        if isinstance(obj, dict):
            obj.pop("correction", None)
        rows.append(_parse(name, lineno, json.dumps(obj, ensure_ascii=False)))
    return rows


@dataclass(frozen=True)
class FeedbackReport:
    """How the corrections changed the leave-one-report-out scores, and where."""

    before: dict[str, float]
    after: dict[str, float]
    reports: list[dict[str, Any]]
    n_corrections: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": self.before,
            "after": self.after,
            "reports": self.reports,
            "corrections": self.n_corrections,
        }

    def lines(self) -> list[str]:
        """The comparison in plain lines (printed and stored in the model card)."""
        out = [
            f"{self.n_corrections} corrected paragraphs from {len(self.reports)} reports",
            "leave-one-report-out macro-F1 on the corpus: "
            + ", ".join(f"{k} {self.before[k]:.3f} → {self.after[k]:.3f}" for k in self.before),
        ]
        for r in self.reports:
            out.append(
                f"  {r['report']}: agrees with the reviewers on {r['old']}/{r['n']} "
                f"before, {r['new']}/{r['n']} after (held out)"
                + ("  ← now agrees" if r["new"] > r["old"] else "")
            )
        return out


def _combined(corpus: Corpus, rows: list[Row]) -> Corpus:
    digest = hashlib.sha256(corpus.sha256.encode())
    for r in rows:
        digest.update(json.dumps([r.report, r.index, r.text, r.labels, r.section]).encode())
    return Corpus(corpus.rows + tuple(r for r in rows for _ in range(REPEAT)), digest.hexdigest())


def compare_feedback(
    corpus: Corpus, rows: list[Row], n_jobs: int = 1, progress: Callable[[str], None] | None = None
) -> FeedbackReport:
    """Leave-one-report-out scores before and after adding the corrections.

    Scores are on the corpus rows (all, and the real reports'); for each corrected report, how
    many of its corrected paragraphs a model that never saw that report's corrections labels as
    the reviewer did — the base model, then the model trained with the other corrections.
    """
    from fzgap.train.fit import fit_pipeline

    combined = _combined(corpus, rows)
    n = len(corpus.rows)
    y = corpus.indicator()
    real = np.array([r.source != "authored" for r in corpus.rows])
    old = loro_predict(corpus, n_jobs=n_jobs, progress=progress)
    new_all = loro_predict(combined, n_jobs=n_jobs, progress=progress)
    new = new_all[:n]
    before = {"all": score(y, old).macro_f1}
    after = {"all": score(y, new).macro_f1}
    if real.any():
        before["real"] = score(y[real], old[real]).macro_f1
        after["real"] = score(y[real], new[real]).macro_f1
    base = fit_pipeline(corpus)
    fb = Corpus(tuple(rows), "")
    old_fb = base.predict(fb.texts)
    new_fb = new_all[n::REPEAT]  # each correction is repeated REPEAT times in a row
    y_fb = fb.indicator()
    reports = []
    for rep in sorted({r.report for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.report == rep]
        reports.append(
            {
                "report": rep,
                "n": len(idx),
                "old": int(sum((old_fb[i] == y_fb[i]).all() for i in idx)),
                "new": int(sum((new_fb[i] == y_fb[i]).all() for i in idx)),
            }
        )
    return FeedbackReport(before, after, reports, len(rows))


def train_with_feedback(
    corpus: Corpus,
    rows: list[Row],
    out_dir: str | Path,
    comparison: FeedbackReport | None,
    command: str,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Train on the corpus plus the corrections; record the comparison in manifest and card."""
    from fzgap.model.artifact import MANIFEST_NAME
    from fzgap.train.fit import train_model

    path = train_model(_combined(corpus, rows), out_dir, None, command=command, progress=progress)
    if comparison is not None:
        manifest_path = Path(out_dir) / MANIFEST_NAME
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["feedback"] = comparison.to_dict()
        manifest_path.write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        card = Path(out_dir) / "MODEL_CARD.md"
        card.write_text(
            card.read_text(encoding="utf-8")
            + "\n## Reviewers' corrections\n\n"
            + "\n".join(f"- {line.strip()}" for line in comparison.lines())
            + "\n",
            encoding="utf-8",
        )
    return path
