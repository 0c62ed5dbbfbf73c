"""The shipped artifact: verified on load; tampered, truncated or incompatible files are refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fzgap.cli import main
from fzgap.model.areas import AREAS
from fzgap.model.artifact import (
    ARTIFACT_NAME,
    MANIFEST_NAME,
    default_model_dir,
    load_pipeline,
    read_manifest,
    sha256_file,
)
from fzgap.model.errors import ModelError
from fzgap.model.scorer import load_model


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "model"
    shutil.copytree(default_model_dir(), dst)
    return dst


def test_shipped_manifest_describes_the_artifact() -> None:
    manifest = read_manifest(default_model_dir())
    assert manifest["labels"] == list(AREAS)
    assert set(manifest["thresholds"]) == set(AREAS)
    assert manifest["artifact_sha256"] == sha256_file(default_model_dir() / ARTIFACT_NAME)
    assert len(manifest["training_data_sha256"]) == 64
    for lib in ("scikit-learn", "numpy", "scipy", "jieba", "joblib"):
        assert manifest["versions"][lib]
    assert manifest["metrics"]["all"]["model"]["macro_f1"] > 0


def test_tampered_artifact_is_refused(model_copy: Path) -> None:
    art = model_copy / ARTIFACT_NAME
    data = bytearray(art.read_bytes())
    data[len(data) // 2] ^= 0xFF
    art.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match the manifest"):
        load_pipeline(model_copy)


def test_incompatible_library_version_is_refused(model_copy: Path) -> None:
    path = model_copy / MANIFEST_NAME
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["versions"]["scikit-learn"] = "0.24.2"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        load_pipeline(model_copy)


def test_missing_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no manifest.json"):
        load_pipeline(tmp_path)


def test_cli_refuses_a_tampered_model_in_one_line(model_copy: Path, capsys) -> None:
    (model_copy / ARTIFACT_NAME).write_bytes(b"not a model")
    code = main(["explain", "--model", str(model_copy), "全年办理行政复议案件66件。"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "does not match the manifest" in err


def test_load_model_is_cached_and_scores_in_area_order() -> None:
    m = load_model()
    assert load_model() is m
    proba = m.predict_proba(["全年办理行政复议案件66件，纠错率12%。"])
    assert proba.shape == (1, 5) and int(proba.argmax()) == AREAS.index("reconsideration")
