"""The corrections round trip: review → export → train --feedback → the model now agrees."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from web_helpers import EXAMPLES, csrf_of, wait_done

from fzgap.web import Settings, create_app

DATA = Path(__file__).resolve().parents[2] / "train" / "data"


@pytest.mark.slow
def test_export_train_and_the_corrected_paragraph_follows_the_reviewer(tmp_path: Path) -> None:
    db = tmp_path / "review.sqlite3"
    sample = EXAMPLES / "qinghe-county-2024.txt"
    with TestClient(create_app(Settings(db=db))) as c:
        csrf = csrf_of(c)
        r = c.post(
            "/api/upload",
            data={"batch": "回流", "csrf": csrf},
            files={"files": (sample.name, sample.read_bytes(), "text/plain")},
        )
        rid = r.json()["reports"][0]["id"]
        wait_done(c, r.json()["batch_id"])
        paras = c.get(f"/api/reports/{rid}").json()["audit"]["paragraphs"]
        # a paragraph the model gives one area; the reviewer says it reports on another
        p = next(x for x in paras if x["labels"] == ["enforcement"] and len(x["text"]) > 40)
        wanted = ["reconsideration"]
        c.post(
            f"/api/reports/{rid}/review",
            headers={"x-csrf-token": csrf},
            json={"kind": "labels", "target": str(p["index"]), "value": wanted},
        )
    out = tmp_path / "corrections.jsonl"
    run = lambda *a: subprocess.run(
        [sys.executable, "-m", "fzgap", *a], capture_output=True, text=True, timeout=1800
    )
    r = run("corrections", "export", "--db", str(db), "--out", str(out))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert row["text"] == p["text"] and row["labels"] == wanted
    assert row["correction"]["model_labels"] == ["enforcement"]
    assert row["correction"]["reviewer"] and row["correction"]["file"] == sample.name
    # a small corpus keeps the test quick: six authored batches and the real reports
    small = tmp_path / "data"
    for name in ("county-1", "county-2", "town-1", "town-2", "dept-1", "city-1"):
        (small / "authored").mkdir(parents=True, exist_ok=True)
        shutil.copy(DATA / "authored" / f"{name}.jsonl", small / "authored")
    shutil.copytree(DATA / "real", small / "real")
    model = tmp_path / "model"
    r = run(
        "train", "--data", str(small), "--feedback", str(db), "--out", str(model), "--jobs", "2"
    )
    assert r.returncode == 0, r.stderr
    assert "macro-F1" in r.stdout and "review-1" in r.stdout
    manifest = json.loads((model / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["feedback"]["corrections"] == 1
    assert "Reviewers' corrections" in (model / "MODEL_CARD.md").read_text(encoding="utf-8")
    from fzgap.model.scorer import labels_of, load_model

    scorer = load_model(model)
    assert list(labels_of(scorer, scorer.predict_proba([p["text"]])[0])) == wanted
