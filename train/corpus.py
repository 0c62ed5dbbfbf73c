"""The labelled corpus: loading, validation and hashing of ``train/data``."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from fzgap.errors import FzgapError
from fzgap.model.areas import AREAS, EXTENDED_TAGS, SECTIONS

__all__ = [
    "Row",
    "Corpus",
    "load_corpus",
    "default_data_dir",
    "CorpusError",
    "char_grams",
    "near_duplicates",
    "MIN_POSITIVES",
    "MIN_OTHER",
    "MAX_JACCARD",
]

MIN_POSITIVES = 300
MIN_OTHER = 600
MAX_JACCARD = 0.5
_KEYS = {"report", "index", "text", "labels", "extended", "section", "source"}


class CorpusError(FzgapError):
    """The labelled data is malformed."""


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled paragraph."""

    report: str
    index: int
    text: str
    labels: tuple[str, ...]
    extended: tuple[str, ...]
    section: str
    source: str

    @property
    def group(self) -> str:
        """The unit of leave-one-report-out evaluation: the real report, or the authored batch."""
        return self.report


@dataclass(frozen=True, slots=True)
class Corpus:
    """All labelled rows, with their files' combined hash."""

    rows: tuple[Row, ...]
    sha256: str

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.rows]

    @property
    def groups(self) -> np.ndarray:
        return np.array([r.group for r in self.rows])

    def indicator(self) -> np.ndarray:
        """Label matrix, shape (n_rows, 5), in ``AREAS`` order."""
        return np.array([[a in r.labels for a in AREAS] for r in self.rows], dtype=int)

    def counts(self) -> dict[str, int]:
        """Positives per area, rows with no area, and rows in all."""
        c = Counter(a for r in self.rows for a in r.labels)
        return {
            **{a: c[a] for a in AREAS},
            "none": sum(not r.labels for r in self.rows),
            "rows": len(self.rows),
        }


def default_data_dir() -> Path:
    """The labelled data shipped with fzgap."""
    return Path(str(resources.files("fzgap.train").joinpath("data")))


def _parse(path: Path, lineno: int, line: str) -> Row:
    where = f"{path}:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict) or set(obj) != _KEYS:
        raise CorpusError(f"{where}: keys must be {sorted(_KEYS)}")
    if not isinstance(obj["text"], str) or not obj["text"].strip():
        raise CorpusError(f"{where}: empty text")
    bad = set(obj["labels"]) - set(AREAS) or set(obj["extended"]) - set(EXTENDED_TAGS)
    if bad:
        raise CorpusError(f"{where}: unknown labels {sorted(bad)}")
    if obj["section"] not in SECTIONS:
        raise CorpusError(f"{where}: unknown section {obj['section']!r}")
    if obj["source"] not in ("authored", obj["report"]):
        raise CorpusError(f"{where}: source must be 'authored' or the report id")
    return Row(
        obj["report"],
        int(obj["index"]),
        obj["text"],
        tuple(sorted(set(obj["labels"]), key=AREAS.index)),
        tuple(obj["extended"]),
        obj["section"],
        obj["source"],
    )


def load_corpus(data_dir: str | Path | None = None) -> Corpus:
    """Load every ``*.jsonl`` under ``data_dir`` (recursively, sorted by path).

    Raises
    ------
    CorpusError
        On a malformed row (naming file and line) or an empty folder.
    """
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder of labelled .jsonl files")
    files = sorted(root.rglob("*.jsonl"))
    if not files:
        raise CorpusError(f"{root}: holds no .jsonl files")
    digest = hashlib.sha256()
    rows: list[Row] = []
    for path in files:
        data = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: not UTF-8 text (byte {exc.start})") from None
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.strip():
                rows.append(_parse(path, lineno, line))
    return Corpus(tuple(rows), digest.hexdigest())


def char_grams(text: str, n: int = 5) -> frozenset[str]:
    """Character n-grams of ``text`` without whitespace (the text itself when shorter than n)."""
    t = "".join(text.split())
    return frozenset(t[i : i + n] for i in range(max(1, len(t) - n + 1)))


def near_duplicates(
    texts: list[str], threshold: float = MAX_JACCARD
) -> list[tuple[int, int, float]]:
    """Pairs whose character 5-gram Jaccard similarity reaches ``threshold``, via an inverted
    index."""
    grams = [char_grams(t) for t in texts]
    index: dict[str, list[int]] = {}
    for i, g in enumerate(grams):
        for x in g:
            index.setdefault(x, []).append(i)
    pairs = []
    for i, g in enumerate(grams):
        shared: Counter[int] = Counter()
        for x in g:
            for j in index[x]:
                if j > i:
                    shared[j] += 1
        for j, c in shared.items():
            jac = c / (len(g) + len(grams[j]) - c)
            if jac >= threshold:
                pairs.append((i, j, jac))
    return pairs
