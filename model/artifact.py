"""The model folder: a pure-data artifact (``.npz`` of plain arrays) and a manifest vouching for it.

Loading a model never runs code: the artifact is read with ``numpy.load(allow_pickle=False)``
after its SHA-256 is checked, and no other file of the folder is ever opened. The format is
described in ``docs/model-format.md``.
"""

from __future__ import annotations

import hashlib
import io
import json
import platform
import zipfile
import zlib
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from fzgap.model.errors import ModelError
from fzgap.model.manifest import FORMAT_VERSION, MANIFEST_NAME, validate_manifest

__all__ = [
    "save_arrays",
    "write_artifact",
    "read_manifest",
    "load_arrays",
    "default_model_dir",
    "library_versions",
    "sha256_file",
    "ARTIFACT_NAME",
    "MANIFEST_NAME",
    "FORMAT_VERSION",
    "KIND",
    "PICKLE_KIND",
    "MAX_ARTIFACT_BYTES",
]

ARTIFACT_NAME = "fzgap-classifier.npz"
#: The manifest ``kind`` of the pure-data TF-IDF + linear model (:mod:`fzgap.model.linear`).
KIND = "tfidf-linear"
#: The kind of the pickled pipelines fzgap wrote before: refused, since unpickling runs code.
PICKLE_KIND = "tfidf-ovr"
#: Refuse artifacts (and their arrays, uncompressed) larger than this.
MAX_ARTIFACT_BYTES = 512 * 1024 * 1024
_PINNED = ("numpy", "scikit-learn", "jieba", "rjieba")
# A fixed timestamp in the zip: the same model gives the same bytes.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def default_model_dir() -> Path:
    """Folder of the model shipped inside the package."""
    return Path(str(resources.files("fzgap.model").joinpath("artifacts")))


def library_versions() -> dict[str, str]:
    """Versions of the libraries that trained (and read) the model."""
    from importlib import metadata

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


def write_artifact(arrays: dict[str, np.ndarray], artifact: Path) -> None:
    """Write plain arrays as a ``.npz`` (atomically, the same bytes for the same arrays).

    Each array is deflated unless that saves less than half of its size (the
    coefficients, whose float64 digits shrink by a quarter): a stored member is read back with
    no inflating, which is most of the time of loading a model.
    """
    tmp = artifact.with_name(artifact.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name in sorted(arrays):
            arr = np.asarray(arrays[name])
            if arr.dtype == object:
                raise ValueError(f"array {name!r} holds Python objects; the artifact is plain data")
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arr), allow_pickle=False)
            data = buf.getvalue()
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_EPOCH)
            deflated = len(zlib.compress(data, 6)) < len(data) // 2
            info.compress_type = zipfile.ZIP_DEFLATED if deflated else zipfile.ZIP_STORED
            zf.writestr(info, data)
    tmp.replace(artifact)


def save_arrays(
    arrays: dict[str, np.ndarray], directory: str | Path, manifest: dict[str, Any]
) -> Path:
    """Write plain arrays as the artifact, and the manifest, into ``directory``; return its path.

    The manifest gets the kind, label set, format version, library versions and the
    artifact's SHA-256 added to what the caller gives (thresholds, data hash, metrics …).
    """
    from fzgap.model.areas import AREAS

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    artifact = directory / ARTIFACT_NAME
    write_artifact(arrays, artifact)
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
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(
        json.dumps(full, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    tmp.replace(path)
    return path


def read_manifest(directory: str | Path) -> dict[str, Any]:
    """Read and check a manifest (not the artifact): JSON, field types, format and labels."""
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
    except OSError as exc:
        raise ModelError(f"{path}: cannot read the manifest ({exc.strerror})") from None
    return validate_manifest(manifest, path)


def load_arrays(directory: str | Path, manifest: dict[str, Any]) -> dict[str, np.ndarray]:
    """The verified arrays of a model folder: SHA-256 checked first, then read without pickle.

    Raises
    ------
    ModelError
        When the artifact is missing, too large, differs from the manifest's SHA-256, or is
        not a plain-array ``.npz`` (an array of Python objects is refused, never unpickled).
    """
    directory = Path(directory)
    if directory.is_file():
        directory = directory.parent
    artifact = directory / manifest["artifact"]
    if not artifact.is_file():
        raise ModelError(f"{artifact}: model artifact is missing")
    if artifact.stat().st_size > MAX_ARTIFACT_BYTES:
        raise ModelError(f"{artifact}: larger than {MAX_ARTIFACT_BYTES >> 20} MiB; refusing it")
    try:
        # Read once: the bytes hashed are the bytes unpacked, whatever happens to the file.
        with open(artifact, "rb") as fh:
            data = fh.read(MAX_ARTIFACT_BYTES + 1)
    except OSError as exc:
        raise ModelError(f"{artifact}: cannot read the model artifact ({exc.strerror})") from None
    if len(data) > MAX_ARTIFACT_BYTES:
        raise ModelError(f"{artifact}: larger than {MAX_ARTIFACT_BYTES >> 20} MiB; refusing it")
    digest = hashlib.sha256(data).hexdigest()
    if digest != manifest["artifact_sha256"]:
        raise ModelError(
            f"{artifact}: SHA-256 {digest[:12]}… does not match the manifest; "
            "the file was changed or damaged, refusing to load it"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_ARTIFACT_BYTES:
                raise ModelError(
                    f"{artifact}: its arrays unpack to more than "
                    f"{MAX_ARTIFACT_BYTES >> 20} MiB; refusing it"
                )
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                return {name: npz[name] for name in npz.files}
    except ModelError:
        raise
    except ValueError as exc:  # numpy's answer to an object array when pickles are off
        raise ModelError(f"{artifact}: not a plain-data model ({exc}); refusing it") from None
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise ModelError(f"{artifact}: not a readable .npz model ({exc})") from None
