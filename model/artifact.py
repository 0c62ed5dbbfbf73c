"""The shipped artifact: a joblib file and a manifest that vouches for it."""

from __future__ import annotations

import hashlib
import json
import platform
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from fzgap.model.areas import AREAS
from fzgap.model.errors import ModelError

__all__ = [
    "save_artifact",
    "canonicalize",
    "read_manifest",
    "load_pipeline",
    "default_model_dir",
    "library_versions",
    "sha256_file",
    "ARTIFACT_NAME",
    "MANIFEST_NAME",
    "FORMAT_VERSION",
    "KIND",
]

ARTIFACT_NAME = "fzgap-classifier.joblib"
MANIFEST_NAME = "manifest.json"
FORMAT_VERSION = 1
#: The manifest ``kind`` of a joblib pipeline artifact (see :mod:`fzgap.model.scorer`).
KIND = "tfidf-ovr"
_PINNED = ("scikit-learn", "numpy", "scipy", "joblib", "jieba")


def default_model_dir() -> Path:
    """Folder of the model shipped inside the package."""
    return Path(str(resources.files("fzgap.model").joinpath("artifacts")))


def library_versions() -> dict[str, str]:
    """Versions of the libraries whose pickles the artifact depends on."""
    out = {"python": platform.python_version()}
    for name in _PINNED + ("fzgap",):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "unknown"
    return out


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _rebuild_vocabulary(terms: str, indices: np.ndarray) -> dict[str, int]:
    """Inverse of :class:`CompactVocabulary`'s pickling: a plain dict again."""
    return dict(zip(terms.split("\x00"), indices.tolist()))


class CompactVocabulary(dict):
    """A vectorizer vocabulary that pickles as one string and one array.

    joblib unpickles with the pure-Python unpickler, for which tens of thousands of small
    strings take most of a second; one string and one array take milliseconds.
    """

    def __reduce__(self):
        return _rebuild_vocabulary, (
            "\x00".join(self.keys()),
            np.fromiter(self.values(), dtype=np.int64, count=len(self)),
        )


def canonicalize(estimator: Any) -> Any:
    """Prepare a fitted pipeline for saving: same training, same bytes; quick to load.

    scikit-learn's vectorizers remember ``id(stop_words)`` (a memory address) to skip a
    check; it differs from process to process and is recomputed when absent. Vocabularies
    are wrapped in :class:`CompactVocabulary`.
    """
    stack = [estimator]
    while stack:
        obj = stack.pop()
        if hasattr(obj, "_stop_words_id"):
            del obj._stop_words_id
        vocab = getattr(obj, "vocabulary_", None)
        if isinstance(vocab, dict) and not isinstance(vocab, CompactVocabulary):
            obj.vocabulary_ = CompactVocabulary(vocab)
        for attr in ("steps", "transformer_list"):
            stack += [step for _, step in getattr(obj, attr, [])]
    return estimator


def save_artifact(pipeline: Any, directory: str | Path, manifest: dict[str, Any]) -> Path:
    """Write the fitted pipeline and its manifest into ``directory``; return the manifest path.

    The manifest gets the label set, format version, library versions and the artifact's
    SHA-256 added to what the caller gives (thresholds, data hash, metrics, params).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    canonicalize(pipeline)
    artifact = directory / ARTIFACT_NAME
    tmp = artifact.with_suffix(".tmp")
    joblib.dump(pipeline, tmp, compress=("zlib", 3))
    tmp.replace(artifact)
    full = {
        "format_version": FORMAT_VERSION,
        "kind": KIND,
        "labels": list(AREAS),
        "artifact": ARTIFACT_NAME,
        "artifact_sha256": sha256_file(artifact),
        "versions": library_versions(),
        **manifest,
    }
    path = directory / MANIFEST_NAME
    path.write_text(
        json.dumps(full, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path


def read_manifest(directory: str | Path) -> dict[str, Any]:
    """Read and check a manifest (not the artifact)."""
    directory = Path(directory)
    if directory.is_file():
        directory = directory.parent
    path = directory / MANIFEST_NAME
    if not path.is_file():
        raise ModelError(
            f"{directory}: no {MANIFEST_NAME} here; give the folder that `fzgap train` wrote"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: manifest is not valid JSON ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{path}: unsupported manifest format "
            f"{manifest.get('format_version') if isinstance(manifest, dict) else '?'} "
            f"(this fzgap reads {FORMAT_VERSION})"
        )
    if manifest.get("labels") != list(AREAS):
        raise ModelError(
            f"{path}: model labels {manifest.get('labels')} "
            f"differ from this fzgap's areas {list(AREAS)}"
        )
    return manifest


def _compatible(built: str, running: str) -> bool:
    """Same major.minor: pickles of scikit-learn estimators are only safe within one minor
    version."""
    return built.split(".")[:2] == running.split(".")[:2]


def load_pipeline(directory: str | Path | None = None) -> tuple[Any, dict[str, Any]]:
    """Load a verified pipeline and its manifest.

    Raises
    ------
    ModelError
        When the manifest is missing or malformed, the artifact's SHA-256 differs from the
        manifest (tampered or truncated), or it was built with incompatible library versions.
    """
    directory = Path(directory) if directory is not None else default_model_dir()
    manifest = read_manifest(directory)
    if directory.is_file():
        directory = directory.parent
    artifact = directory / manifest.get("artifact", ARTIFACT_NAME)
    if not artifact.is_file():
        raise ModelError(f"{artifact}: model artifact is missing")
    digest = sha256_file(artifact)
    if digest != manifest.get("artifact_sha256"):
        raise ModelError(
            f"{artifact}: SHA-256 {digest[:12]}… does not match the manifest; "
            "the file was changed or damaged, refusing to load it"
        )
    running = library_versions()
    for name in ("scikit-learn", "numpy"):
        built = manifest.get("versions", {}).get(name, "unknown")
        if name == "scikit-learn" and not _compatible(built, running[name]):
            raise ModelError(
                f"{artifact}: built with {name} {built}, running {running[name]}; "
                "retrain it with `fzgap train`"
            )
        if name == "numpy" and built.split(".")[:1] != running[name].split(".")[:1]:
            raise ModelError(
                f"{artifact}: built with {name} {built}, running {running[name]}; "
                "retrain it with `fzgap train`"
            )
    try:
        pipeline = joblib.load(artifact)
    except Exception as exc:  # unpickling can fail in many library-specific ways
        raise ModelError(f"{artifact}: cannot be loaded ({type(exc).__name__}: {exc})") from None
    return pipeline, manifest
