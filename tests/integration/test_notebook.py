"""The exploration notebook runs top to bottom against the library (no Jupyter needed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_notebook_code_cells_run(monkeypatch) -> None:
    nb = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 5
    for cell in cells:
        exec(compile("".join(cell["source"]), "explore.ipynb", "exec"), namespace)
    assert namespace["report"].statuses["first_responsibility"] == "missing"
    assert len(namespace["items"]) == len(list((ROOT / "examples").glob("*.txt")))
    assert os.getcwd() == str(ROOT)
