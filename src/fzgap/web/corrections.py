"""The reviewers' paragraph corrections, in the training format of ``train/data``."""

from __future__ import annotations

from typing import Any

from fzgap.web.review import fold
from fzgap.web.store import Store

__all__ = ["correction_rows"]


def correction_rows(store: Store) -> list[dict[str, Any]]:
    """Every paragraph whose labels or section a reviewer changed, with who, when and what.

    Each row has the keys of a labelled paragraph (``report``, ``index``, ``text``, ``labels``,
    ``extended``, ``section``, ``source``) and a ``correction`` object: reviewer, time, the
    report's file and batch, and the model's labels and section before the change.
    """
    batches = {b["id"]: b["name"] for b in store.batches()}
    events = store.events()
    rows = []
    for rep in store.reports():
        if not rep["audit"]:
            continue
        evs = [e for e in events if e["report_id"] == rep["id"]]
        st = fold(evs)
        changed = sorted(set(st.labels) | set(st.sections))
        for i in changed:
            p = rep["audit"]["paragraphs"][i]
            labels = st.labels.get(i, p["labels"])
            section = st.sections.get(i, p["section"])
            if labels == p["labels"] and section == p["section"]:
                continue
            last = [
                e
                for e in evs
                if e["id"] in st.active
                and e["kind"] in ("labels", "section")
                and e["target"] == str(i)
            ][-1]
            rid = f"review-{rep['id']}"
            rows.append(
                {
                    "report": rid,
                    "index": i,
                    "text": p["text"],
                    "labels": labels,
                    "extended": [],
                    "section": section,
                    "source": rid,
                    "correction": {
                        "reviewer": last["user"],
                        "at": last["at"],
                        "file": rep["source"],
                        "batch": batches.get(rep["batch_id"], ""),
                        "model_labels": p["labels"],
                        "model_section": p["section"],
                        "model": rep["model"],
                    },
                }
            )
    return rows
