"""The reviewer's verdict: the model's audit with the review events folded over it.

Events are never changed; an undo is an event that cancels an earlier one (undoing an undo
brings the change back). The model's verdict is kept beside the reviewer's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fzgap.analyze.constants import STATUS_ORDER
from fzgap.model.areas import AREAS, SECTIONS

__all__ = ["ReviewState", "fold", "validate_event", "EventError", "KINDS", "STATE_ZH"]

KINDS = ("labels", "section", "status", "comment", "reviewed", "undo")
STATE_ZH = {"unreviewed": "未审", "in_review": "审核中", "reviewed": "已审"}


class EventError(ValueError):
    """A review event that cannot apply to this report (message in Chinese)."""


@dataclass
class ReviewState:
    """The reviewer's current verdict on one report."""

    labels: dict[int, list[str]] = field(default_factory=dict)
    sections: dict[int, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    comments: list[dict[str, Any]] = field(default_factory=list)
    reviewed: bool = False
    reviewers: list[str] = field(default_factory=list)
    active: set[int] = field(default_factory=set)
    n_events: int = 0

    @property
    def state(self) -> str:
        """unreviewed / in_review / reviewed."""
        if self.reviewed:
            return "reviewed"
        return "in_review" if self.n_events else "unreviewed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "state_zh": STATE_ZH[self.state],
            "reviewed": self.reviewed,
            "reviewers": self.reviewers,
            "labels": {str(k): v for k, v in sorted(self.labels.items())},
            "sections": {str(k): v for k, v in sorted(self.sections.items())},
            "statuses": self.statuses,
            "comments": self.comments,
        }


def validate_event(audit: dict[str, Any], kind: str, target: str, value: Any) -> Any:
    """Check an event against the audit; return its normalised value or raise EventError."""
    n = len(audit["paragraphs"])
    if kind not in KINDS:
        raise EventError(f"未知的操作 {kind!r}")
    if kind in ("labels", "section"):
        if not (target.isdigit() and int(target) < n):
            raise EventError(f"没有第 {target} 段")
        if kind == "labels":
            vals = value if isinstance(value, list) else [value] if value else []
            if any(v not in AREAS for v in vals):
                raise EventError("领域只能是五个领域之一")
            return sorted(set(vals), key=AREAS.index)
        if value not in SECTIONS:
            raise EventError("未知的部分")
        return value
    if kind == "status":
        if target not in AREAS or value not in STATUS_ORDER:
            raise EventError("领域或结论无效")
        return value
    if kind == "reviewed":
        return bool(value) and value not in ("0", "false")
    if kind == "undo":
        if not str(value).isdigit():
            raise EventError("撤销的操作无效")
        return int(value)
    return str(value or "")


def fold(events: list[dict[str, Any]]) -> ReviewState:
    """Apply a report's events, oldest first, skipping the undone ones."""
    live = {e["id"] for e in events if e["kind"] != "undo" and not _undone(e["id"], events)}
    st = ReviewState(n_events=len(events), active=live)
    for e in events:
        if e["id"] not in live:
            continue
        k, t, v = e["kind"], e["target"], e["value"]
        if e["user"] not in st.reviewers:
            st.reviewers.append(e["user"])
        if k == "labels":
            st.labels[int(t)] = list(v)
        elif k == "section":
            st.sections[int(t)] = v
        elif k == "status":
            st.statuses[t] = v
        elif k == "reviewed":
            st.reviewed = bool(v)
        if e["comment"] or k == "comment":
            text = e["comment"] or v
            if text:
                st.comments.append(
                    {
                        "id": e["id"],
                        "user": e["user"],
                        "at": e["at"],
                        "kind": k,
                        "target": t,
                        "text": text,
                    }
                )
    return st


def _undone(event_id: int, events: list[dict[str, Any]]) -> bool:
    """Whether a live (not itself undone) undo event cancels ``event_id``."""
    return any(
        e["kind"] == "undo" and int(e["value"]) == event_id and not _undone(e["id"], events)
        for e in events
    )
