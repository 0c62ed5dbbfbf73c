"""The audit's records: frozen, typed, with ``to_dict()`` and ``from_dict()``; the contract between
layers.

``AuditReport.from_dict(report.to_dict()) == report`` for every audit: a saved audit (a batch's
JSON files, ``--resume``, the web tool's store) is read back into the same records.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, fields
from typing import Any, TypeVar, cast

from fzgap.analyze.constants import STATUS_ORDER, Status
from fzgap.errors import FzgapError

__all__ = [
    "Status",
    "STATUS_ORDER",
    "Reason",
    "Fact",
    "Evidence",
    "SubItemResult",
    "AreaCounts",
    "AreaResult",
    "StructurePart",
    "FormCheck",
    "Structure",
    "ParagraphResult",
    "DocumentInfo",
    "ModelInfo",
    "ChecklistInfo",
    "AuditReport",
    "SCHEMA_VERSION",
    "RecordError",
    "file_name",
]

#: Version of the JSON schema written by ``to_dict`` (docs/audit-schema.md).
SCHEMA_VERSION = "1.2"
#: Versions ``from_dict`` reads: minor versions only add fields, so older audits read back
#: (1.0 audits have no ``facts``, 1.1 audits no structure checks).
_READABLE = ("1.0", "1.1", SCHEMA_VERSION)


class RecordError(FzgapError):
    """A saved audit does not have the documented form."""


_Record = TypeVar("_Record", bound=type)


def _pickled_by_fields(cls: _Record) -> _Record:
    """Pickle the record as its class and its fields' values.

    A frozen dataclass with slots otherwise pickles through a state read and restored field by
    field in Python, which made handing a batch's audits from its workers to the parent cost
    as much as writing their files.
    """
    values = operator.attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self: object) -> tuple[type, tuple[object, ...]]:
        return cls, values(self)

    setattr(cls, "__reduce__", __reduce__)  # noqa: B010 (a method of the class being made)
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Reason:
    """A human-readable reason in Chinese, with a stable machine code."""

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reason:
        return cls(d["code"], d["message"])


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fact:
    """A strong fact in its phrase: ``4件`` in ``受理行政复议案件4件``.

    ``start`` and ``end`` are the phrase's span in the paragraph's normalised text (full-width
    digits and punctuation made half-width, spaces collapsed).
    """

    text: str
    phrase: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "phrase": self.phrase, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        return cls(d["text"], d["phrase"], d["start"], d["end"])


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """A paragraph that speaks to an area, with the sentence that carries it and its facts."""

    index: int
    section: str
    score: float
    sentence: str
    main: bool
    strong_facts: tuple[str, ...]  # the bare facts, kept for readers of schema 1.0
    counts: bool  # in a section that counts as the year's work
    facts: tuple[Fact, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "section": self.section,
            "score": self.score,
            "sentence": self.sentence,
            "main": self.main,
            "strong_facts": list(self.strong_facts),
            "facts": [f.to_dict() for f in self.facts],
            "counts": self.counts,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(
            d["index"],
            d["section"],
            d["score"],
            d["sentence"],
            d["main"],
            tuple(d["strong_facts"]),
            d["counts"],
            tuple(Fact.from_dict(f) for f in d.get("facts", ())),
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SubItemResult:
    """Whether a sub-item's wording was found in the area's counting evidence."""

    id: str
    name: str
    found: bool
    paragraphs: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "found": self.found,
            "paragraphs": list(self.paragraphs),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SubItemResult:
        return cls(d["id"], d["name"], d["found"], tuple(d["paragraphs"]))


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class AreaCounts:
    """How much of the report reviews the year's work in an area."""

    paragraphs: int
    main_paragraphs: int
    characters: int
    share: float
    strong_facts: int
    plan_paragraphs: int
    deficiency_paragraphs: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraphs": self.paragraphs,
            "main_paragraphs": self.main_paragraphs,
            "characters": self.characters,
            "share": self.share,
            "strong_facts": self.strong_facts,
            "plan_paragraphs": self.plan_paragraphs,
            "deficiency_paragraphs": self.deficiency_paragraphs,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AreaCounts:
        return cls(
            d["paragraphs"],
            d["main_paragraphs"],
            d["characters"],
            d["share"],
            d["strong_facts"],
            d["plan_paragraphs"],
            d["deficiency_paragraphs"],
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class AreaResult:
    """The verdict on one checklist area."""

    id: str
    name: str
    status: Status
    reasons: tuple[Reason, ...]
    evidence: tuple[Evidence, ...]
    subitems: tuple[SubItemResult, ...]
    counts: AreaCounts

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status,
            "reasons": [r.to_dict() for r in self.reasons],
            "evidence": [e.to_dict() for e in self.evidence],
            "subitems": [s.to_dict() for s in self.subitems],
            "counts": self.counts.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AreaResult:
        if d["status"] not in STATUS_ORDER:
            raise RecordError(f"unknown status {d['status']!r} for area {d['id']!r}")
        return cls(
            d["id"],
            d["name"],
            cast(Status, d["status"]),
            tuple(Reason.from_dict(r) for r in d["reasons"]),
            tuple(Evidence.from_dict(e) for e in d["evidence"]),
            tuple(SubItemResult.from_dict(s) for s in d["subitems"]),
            AreaCounts.from_dict(d["counts"]),
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class StructurePart:
    """One part of a report (S1–S4 required by the 督察工作规定, S5 optional): is it there?"""

    id: str
    name: str
    section: str
    present: bool
    heading: str | None
    paragraphs: int
    required: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "section": self.section,
            "present": self.present,
            "heading": self.heading,
            "paragraphs": self.paragraphs,
            "required": self.required,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StructurePart:
        return cls(
            d["id"],
            d["name"],
            d["section"],
            d["present"],
            d["heading"],
            d["paragraphs"],
            d.get("required", True),
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class FormCheck:
    """A check of the report's form a supervisor makes first (title, publication date, structure).

    ``status`` is ``ok``, ``problem`` or ``unknown`` (the report does not show it).
    """

    code: str
    status: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "status": self.status, "message": self.message}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FormCheck:
        return cls(d["code"], d["status"], d["message"])


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Structure:
    """The report's structure: its parts, what its opening says, and the form checks.

    ``read_by_content`` is true when no heading named a section, so that sections were judged
    by what each paragraph says; ``published`` is the page's publication date (``YYYY-MM-DD``).
    """

    parts: tuple[StructurePart, ...]
    title: str | None
    unit: str | None
    year: int | None
    read_by_content: bool = False
    published: str | None = None
    checks: tuple[FormCheck, ...] = ()

    @property
    def missing_parts(self) -> tuple[str, ...]:
        """Names of the required parts the report lacks."""
        return tuple(p.name for p in self.parts if not p.present and p.required)

    def check(self, code: str) -> FormCheck | None:
        """The form check with this code, if it was made."""
        return next((c for c in self.checks if c.code == code), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "unit": self.unit,
            "year": self.year,
            "parts": [p.to_dict() for p in self.parts],
            "missing_parts": list(self.missing_parts),
            "read_by_content": self.read_by_content,
            "published": self.published,
            "checks": [c.to_dict() for c in self.checks],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Structure:
        return cls(
            tuple(StructurePart.from_dict(p) for p in d["parts"]),
            d["title"],
            d["unit"],
            d["year"],
            bool(d.get("read_by_content", False)),
            d.get("published"),
            tuple(FormCheck.from_dict(c) for c in d.get("checks", ())),
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParagraphResult:
    """A paragraph with its section and the model's verdict."""

    index: int
    text: str
    kind: str
    section: str
    headings: tuple[str, ...]
    labels: tuple[str, ...]
    scores: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "kind": self.kind,
            "section": self.section,
            "headings": list(self.headings),
            "labels": list(self.labels),
            "scores": self.scores,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ParagraphResult:
        return cls(
            d["index"],
            d["text"],
            d["kind"],
            d["section"],
            tuple(d["headings"]),
            tuple(d["labels"]),
            dict(d["scores"]),
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Where the report came from."""

    source: str
    format: str
    encoding: str | None
    characters: int
    paragraphs: int
    removed_chrome_lines: int
    #: What ingestion changed to keep the cost bounded (e.g. an over-long paragraph cut), in
    #: Chinese; written to JSON only when there is something to say.
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "characters": self.characters,
            "paragraphs": self.paragraphs,
            "removed_chrome_lines": self.removed_chrome_lines,
        }
        if self.notes:
            d["notes"] = list(self.notes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentInfo:
        return cls(
            d["source"],
            d["format"],
            d["encoding"],
            d["characters"],
            d["paragraphs"],
            d["removed_chrome_lines"],
            tuple(d.get("notes", ())),
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which model produced the audit."""

    artifact_sha256: str | None
    thresholds: dict[str, float]
    training_data_sha256: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "artifact_sha256": self.artifact_sha256,
            "thresholds": self.thresholds,
            "training_data_sha256": self.training_data_sha256,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ModelInfo:
        return cls(
            d.get("artifact_sha256"), dict(d.get("thresholds") or {}), d.get("training_data_sha256")
        )


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ChecklistInfo:
    """Which checklist the audit applied."""

    name: str
    version: int
    source: str
    counting_sections: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "source": self.source,
            "counting_sections": list(self.counting_sections),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ChecklistInfo:
        return cls(d["name"], d["version"], d["source"], tuple(d["counting_sections"]))


def file_name(source: str) -> str:
    """The last part of a path written on any system (a Windows path read on Linux too)."""
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class AuditReport:
    """The audit of one report: per-area verdicts, structure, paragraphs and provenance."""

    document: DocumentInfo
    structure: Structure
    areas: tuple[AreaResult, ...]
    paragraphs: tuple[ParagraphResult, ...]
    model: ModelInfo
    checklist: ChecklistInfo

    @property
    def display_title(self) -> str:
        """A heading for people that never shows a path.

        The report's title; else its unit and year with 法治政府建设年度报告; else the file
        name without its folders.
        """
        s = self.structure
        if s.title:
            return s.title
        if s.unit:
            return f"{s.unit}{f'{s.year}年' if s.year else ''}法治政府建设年度报告"
        return file_name(self.document.source)

    def area(self, area_id: str) -> AreaResult:
        """The result for one area id."""
        return next(a for a in self.areas if a.id == area_id)

    @property
    def summary(self) -> dict[str, list[str]]:
        """Status → ids of the areas with it, for every status (the JSON's ``summary``)."""
        return {s: [a.id for a in self.areas if a.status == s] for s in STATUS_ORDER}

    @property
    def statuses(self) -> dict[str, str]:
        """Area id → status."""
        return {a.id: a.status for a in self.areas}

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON form (schema version ``SCHEMA_VERSION``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "document": self.document.to_dict(),
            "structure": self.structure.to_dict(),
            "summary": self.summary,
            "areas": [a.to_dict() for a in self.areas],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "model": self.model.to_dict(),
            "checklist": self.checklist.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AuditReport:
        """Read an audit back from its JSON form.

        Raises
        ------
        RecordError
            When ``d`` is not an audit of schema version ``SCHEMA_VERSION``.
        """
        if not isinstance(d, dict) or d.get("schema_version") not in _READABLE:
            version = d.get("schema_version") if isinstance(d, dict) else None
            raise RecordError(
                f"not an fzgap audit of schema {SCHEMA_VERSION} (schema_version {version!r})"
            )
        try:
            return cls(
                DocumentInfo.from_dict(d["document"]),
                Structure.from_dict(d["structure"]),
                tuple(AreaResult.from_dict(a) for a in d["areas"]),
                tuple(ParagraphResult.from_dict(p) for p in d["paragraphs"]),
                ModelInfo.from_dict(d["model"]),
                ChecklistInfo.from_dict(d["checklist"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RecordError(
                f"audit JSON is incomplete or malformed ({type(exc).__name__}: {exc})"
            ) from None
