"""The shipped artifact is plain data, checked on load; hostile or malformed folders are refused."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from fzgap.cli import main
from fzgap.model.areas import AREAS
from fzgap.model.artifact import (
    ARTIFACT_NAME,
    MANIFEST_NAME,
    default_model_dir,
    read_manifest,
    sha256_file,
)
from fzgap.model.errors import ModelError
from fzgap.model.scorer import load_model

EXAMPLE = Path(__file__).parents[2] / "examples" / "qinghe-county-2024.txt"


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "model"
    shutil.copytree(default_model_dir(), dst)
    return dst


def _rewrite(folder: Path, **changes) -> None:
    path = folder / MANIFEST_NAME
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.update(changes)
    path.write_text(json.dumps(manifest), encoding="utf-8")


class _Touch:
    """A pickle that runs a shell command when loaded: what an attacker leaves in a model folder."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_shipped_manifest_describes_the_artifact() -> None:
    manifest = read_manifest(default_model_dir())
    assert manifest["labels"] == list(AREAS) and manifest["kind"] == "tfidf-linear"
    assert set(manifest["thresholds"]) == set(AREAS)
    assert manifest["artifact_sha256"] == sha256_file(default_model_dir() / ARTIFACT_NAME)
    assert len(manifest["training_data_sha256"]) == 64
    for lib in ("scikit-learn", "numpy", "jieba"):
        assert manifest["versions"][lib]
    assert manifest["metrics"]["all"]["model"]["macro_f1"] > 0
    assert not list(default_model_dir().glob("*.joblib")) and not list(
        default_model_dir().glob("*.pkl")
    )


def test_tampered_artifact_is_refused(model_copy: Path) -> None:
    art = model_copy / ARTIFACT_NAME
    data = bytearray(art.read_bytes())
    data[len(data) // 2] ^= 0xFF
    art.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match the manifest"):
        load_model(model_copy)


def test_missing_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no manifest.json"):
        load_model(tmp_path)


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


def _pickle_attack(folder: Path, marker: Path, kind: str | None, name: str) -> None:
    """The attack of the reliability issue: a pickle that runs a command, its SHA-256 recomputed."""
    (folder / name).write_bytes(pickle.dumps(_Touch(marker)))
    changes = {"artifact": name, "artifact_sha256": sha256_file(folder / name)}
    if kind is not None:
        changes["kind"] = kind
    _rewrite(folder, **changes)
    if kind is None:
        manifest = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        del manifest["kind"]
        (folder / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")


ATTACKS = [
    ("tfidf-ovr", "fzgap-classifier.joblib"),  # the old pickled kind, by name
    (None, "fzgap-classifier.joblib"),  # a manifest that names no kind (the old default)
    ("tfidf-linear", "fzgap-classifier.npz"),  # a pickle in place of the .npz
    ("tfidf-linear", "model.pkl"),
]


@pytest.mark.parametrize(("kind", "name"), ATTACKS, ids=[f"{k}-{n}" for k, n in ATTACKS])
def test_a_pickle_that_runs_a_command_is_never_loaded(
    model_copy: Path, tmp_path: Path, kind: str | None, name: str
) -> None:
    marker = tmp_path / "pwned"
    _pickle_attack(model_copy, marker, kind, name)
    with pytest.raises(ModelError) as info:
        load_model(model_copy)
    assert "\n" not in str(info.value) and str(model_copy) in str(info.value)
    assert not marker.exists()


def test_the_pickle_attack_fails_in_one_line_through_the_cli(
    model_copy: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    _pickle_attack(model_copy, marker, "tfidf-ovr", "fzgap-classifier.joblib")
    proc = subprocess.run(
        [sys.executable, "-m", "fzgap", "analyze", str(EXAMPLE), "--model", str(model_copy)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "pickle" in proc.stderr, proc.stderr
    assert not marker.exists()


def test_an_npz_holding_an_object_array_is_refused(model_copy: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    art = model_copy / ARTIFACT_NAME
    with np.load(art) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["coef"] = np.array([_Touch(marker)], dtype=object)
    np.savez(art, **arrays)  # numpy pickles object arrays when asked to write them
    _rewrite(model_copy, artifact_sha256=sha256_file(art))
    with pytest.raises(ModelError, match="not a plain-data model"):
        load_model(model_copy)
    assert not marker.exists()


BAD_FIELDS = [
    ({"versions": "1.9"}, "'versions' must be an object"),
    ({"versions": {"numpy": 2}}, "'versions.numpy' must be a version string"),
    ({"format_version": "1"}, "'format_version' must be the integer 1, not a string"),
    ({"format_version": True}, "'format_version' must be the integer 1, not a boolean"),
    ({"format_version": 7}, "manifest format 7 is not one this fzgap reads"),
    ({"artifact": ["fzgap-classifier.npz"]}, "'artifact' must be a file name"),
    ({"artifact": "../../etc/passwd"}, "'artifact' must name a file in the model folder"),
    ({"artifact_sha256": 12}, "'artifact_sha256' must be 64 lowercase hex digits"),
    ({"thresholds": {a: "0.5" for a in AREAS}}, "'thresholds.decision' must be a number"),
    ({"thresholds": [0.5] * 5}, "'thresholds' must be an object"),
    ({"labels": "decision"}, "'labels' must be a list"),
    ({"kind": 3}, "'kind' must be a string"),
    ({"training_data_sha256": 5}, "'training_data_sha256' must be a string"),
    ({"metrics": "good"}, "'metrics' must be an object"),
]


@pytest.mark.parametrize(("change", "message"), BAD_FIELDS, ids=[m for _, m in BAD_FIELDS])
def test_manifest_fields_of_the_wrong_type_get_one_clear_line(
    model_copy: Path, change: dict, message: str
) -> None:
    _rewrite(model_copy, **change)
    with pytest.raises(ModelError) as info:
        load_model(model_copy)
    text = str(info.value)
    assert message in text and "\n" not in text and str(model_copy) in text
    assert "unsupported" not in text


def test_a_wrong_manifest_type_exits_2_in_one_line_from_the_cli(model_copy: Path, capsys) -> None:
    _rewrite(model_copy, format_version="1")
    code = main(["analyze", str(EXAMPLE), "--model", str(model_copy)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "format_version" in err


def test_changed_feature_settings_are_refused(model_copy: Path) -> None:
    manifest = json.loads((model_copy / MANIFEST_NAME).read_text(encoding="utf-8"))
    manifest["features"]["chars"]["ngram_range"] = [1, 3]
    (model_copy / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ModelError, match="feature settings"):
        load_model(model_copy)


def test_loading_imports_neither_sklearn_nor_scipy_nor_pickle_readers() -> None:
    code = (
        "import sys\nfrom fzgap.model.scorer import load_model\n"
        "m = load_model(); m.predict_proba(['全年办理行政复议案件66件。'])\n"
        "bad = [n for n in ('sklearn', 'scipy', 'joblib') if n in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_incompressible_arrays_are_stored_and_text_deflated(tmp_path: Path) -> None:
    import zipfile

    from fzgap.model.artifact import write_artifact

    rng = np.random.default_rng(0)
    arrays = {
        "coef": rng.normal(size=(5, 4000)),
        "terms": np.frombuffer("行政复议\x00行政诉讼\x00".encode() * 500, dtype=np.uint8),
    }
    path = tmp_path / ARTIFACT_NAME
    write_artifact(arrays, path)
    first = path.read_bytes()
    write_artifact(arrays, path)
    assert path.read_bytes() == first  # the same arrays, the same bytes
    with zipfile.ZipFile(path) as zf:
        kinds = {i.filename: i.compress_type for i in zf.infolist()}
    assert kinds == {"coef.npy": zipfile.ZIP_STORED, "terms.npy": zipfile.ZIP_DEFLATED}
    with np.load(path, allow_pickle=False) as npz:
        assert all(np.array_equal(npz[k], v) for k, v in arrays.items())


def test_the_shipped_coefficients_are_stored_not_deflated() -> None:
    import zipfile

    with zipfile.ZipFile(default_model_dir() / ARTIFACT_NAME) as zf:
        assert zf.getinfo("coef.npy").compress_type == zipfile.ZIP_STORED
