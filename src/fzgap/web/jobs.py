"""Background audits: uploads are queued in the store and audited by worker threads, so a long
batch never blocks the page."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fzgap.web.store import Store

__all__ = ["Auditor"]


class Auditor:
    """Runs the library's audit on queued reports, one model shared by the workers."""

    def __init__(self, store: Store, model: str | None, workers: int = 1) -> None:
        self.store = store
        self.model_dir = model
        self._model: Any = None
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fzgap-audit")

    def model(self) -> Any:
        """The scorer, loaded once."""
        with self._lock:
            if self._model is None:
                from fzgap.model.scorer import load_model

                self._model = load_model(self.model_dir)
            return self._model

    def model_id(self) -> str:
        """Which model produces the audits: its artifact hash and folder."""
        sha = str(self.model().manifest.get("artifact_sha256") or "")[:12]
        return f"{sha} ({self.model_dir})" if self.model_dir else f"{sha} (shipped)"

    def submit(self, report_id: int) -> None:
        """Queue one report's audit."""
        self._pool.submit(self._run, report_id)

    def resume(self) -> None:
        """Queue the reports a previous run left unaudited."""
        for rid in self.store.pending():
            self.submit(rid)

    def _run(self, report_id: int) -> None:
        from fzgap.analyze.audit import analyze_document
        from fzgap.analyze.ingest import load_document
        from fzgap.errors import FzgapError

        self.store.set_state(report_id, "running")
        name, raw = self.store.raw(report_id)
        try:
            doc = load_document(raw, name=name, max_bytes=len(raw) + 1)
            audit = analyze_document(doc, model=self.model())
            self.store.finish_report(report_id, audit.to_dict(), None, self.model_id())
        except FzgapError as exc:
            self.store.finish_report(report_id, None, str(exc), None)
        except Exception as exc:  # a crash in one report must not stop the batch
            self.store.finish_report(
                report_id, None, f"{name}: 审查失败（{type(exc).__name__}）", None
            )

    def shutdown(self) -> None:
        """Stop the workers after their current audit."""
        self._pool.shutdown(wait=True, cancel_futures=True)
