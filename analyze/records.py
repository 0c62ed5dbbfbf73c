"""The audit's records: frozen, typed, with ``to_dict()``; the contract between layers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["Status", "STATUS_ORDER", "Reason", "Evidence", "SubItemResult", "AreaCounts", "AreaResult",
           "StructurePart", "Structure", "ParagraphResult", "DocumentInfo", "AuditReport", "SCHEMA_VERSION"]

#: Version of the JSON schema written by ``to_dict`` (docs/audit-schema.md).
SCHEMA_VERSION = "1.0"
Status = Literal["covered", "thin", "missing"]
#: Statuses from worst to best.
STATUS_ORDER: tuple[str, ...] = ("missing", "thin", "covered")


@dataclass(frozen=True, slots=True)
class Reason:
    """A human-readable reason in Chinese, with a stable machine code."""

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A paragraph that speaks to an area, with the sentence that carries it."""

    index: int
    section: str
    score: float
    sentence: str
    main: bool
    strong_facts: tuple[str, ...]
    counts: bool  # in a section that counts as the year's work

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "section": self.section, "score": self.score, "sentence": self.sentence,
                "main": self.main, "strong_facts": list(self.strong_facts), "counts": self.counts}


@dataclass(frozen=True, slots=True)
class SubItemResult:
    """Whether a sub-item's wording was found in the area's counting evidence."""

    id: str
    name: str
    found: bool
    paragraphs: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "found": self.found, "paragraphs": list(self.paragraphs)}


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
        return {"paragraphs": self.paragraphs, "main_paragraphs": self.main_paragraphs, "characters": self.characters,
                "share": self.share, "strong_facts": self.strong_facts, "plan_paragraphs": self.plan_paragraphs,
                "deficiency_paragraphs": self.deficiency_paragraphs}


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
        return {"id": self.id, "name": self.name, "status": self.status,
                "reasons": [r.to_dict() for r in self.reasons], "evidence": [e.to_dict() for e in self.evidence],
                "subitems": [s.to_dict() for s in self.subitems], "counts": self.counts.to_dict()}


@dataclass(frozen=True, slots=True)
class StructurePart:
    """One part the 督察工作规定 requires (S1–S4), and whether the report has it."""

    id: str
    name: str
    section: str
    present: bool
    heading: str | None
    paragraphs: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "section": self.section, "present": self.present,
                "heading": self.heading, "paragraphs": self.paragraphs}


@dataclass(frozen=True, slots=True)
class Structure:
    """The report's structure: required parts, and what its opening says."""

    parts: tuple[StructurePart, ...]
    title: str | None
    unit: str | None
    year: int | None

    @property
    def missing_parts(self) -> tuple[str, ...]:
        """Names of the required parts the report lacks."""
        return tuple(p.name for p in self.parts if not p.present)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "unit": self.unit, "year": self.year,
                "parts": [p.to_dict() for p in self.parts], "missing_parts": list(self.missing_parts)}


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
        return {"index": self.index, "text": self.text, "kind": self.kind, "section": self.section,
                "headings": list(self.headings), "labels": list(self.labels), "scores": self.scores}


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Where the report came from."""

    source: str
    format: str
    encoding: str | None
    characters: int
    paragraphs: int
    removed_chrome_lines: int

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "format": self.format, "encoding": self.encoding, "characters": self.characters,
                "paragraphs": self.paragraphs, "removed_chrome_lines": self.removed_chrome_lines}


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The audit of one report: per-area verdicts, structure, paragraphs and provenance."""

    document: DocumentInfo
    structure: Structure
    areas: tuple[AreaResult, ...]
    paragraphs: tuple[ParagraphResult, ...]
    model: dict[str, Any]
    checklist: dict[str, Any]

    def area(self, area_id: str) -> AreaResult:
        """The result for one area id."""
        return next(a for a in self.areas if a.id == area_id)

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
            "summary": {s: [a.id for a in self.areas if a.status == s] for s in STATUS_ORDER},
            "areas": [a.to_dict() for a in self.areas],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "model": self.model,
            "checklist": self.checklist,
        }
