"""The manifest of a model folder: its fields, their types, and one clear error for each mistake."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fzgap.model.areas import AREAS
from fzgap.model.errors import ModelError

__all__ = ["validate_manifest", "FORMAT_VERSION", "MANIFEST_NAME"]

MANIFEST_NAME = "manifest.json"
FORMAT_VERSION = 1
_HEX64 = re.compile(r"[0-9a-f]{64}")
_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _what(value: Any) -> str:
    """A value's JSON type and (short) form, for messages."""
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    names.update({list: "a list", dict: "an object", type(None): "null"})
    shown = repr(value)
    short = shown[:40] + ("…" if len(shown) > 40 else "")
    return f"{names.get(type(value), type(value).__name__)} ({short})"


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def validate_manifest(manifest: Any, path: Path) -> dict[str, Any]:
    """Check a parsed manifest's fields and types; return it.

    Parameters
    ----------
    manifest : object
        The parsed JSON.
    path : Path
        The manifest file, named in errors.

    Raises
    ------
    ModelError
        One line naming the file and the first wrong field.
    """

    def bad(field: str, want: str, value: Any) -> ModelError:
        return ModelError(f"{path}: manifest field '{field}' must be {want}, not {_what(value)}")

    if not isinstance(manifest, dict):
        raise ModelError(f"{path}: manifest must be a JSON object, not {_what(manifest)}")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise bad("format_version", f"the integer {FORMAT_VERSION}", version)
    if version != FORMAT_VERSION:
        raise ModelError(
            f"{path}: manifest format {version} is not one this fzgap reads ({FORMAT_VERSION}); "
            "use the fzgap that wrote it or retrain with `fzgap train`"
        )
    kind = manifest.get("kind", "tfidf-ovr")
    if not isinstance(kind, str):
        raise bad("kind", "a string", kind)
    labels = manifest.get("labels")
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise bad("labels", "a list of area names", labels)
    if labels != list(AREAS):
        raise ModelError(
            f"{path}: model labels {labels} differ from this fzgap's areas {list(AREAS)}"
        )
    artifact = manifest.get("artifact")
    if not isinstance(artifact, str):
        raise bad("artifact", "a file name (a string)", artifact)
    if not _FILE.fullmatch(artifact):
        raise ModelError(
            f"{path}: manifest field 'artifact' must name a file in the model folder, "
            f"not {artifact!r}"
        )
    digest = manifest.get("artifact_sha256")
    if not isinstance(digest, str) or not _HEX64.fullmatch(digest):
        raise bad("artifact_sha256", "64 lowercase hex digits (a string)", digest)
    thresholds = manifest.get("thresholds")
    if not isinstance(thresholds, dict):
        raise bad("thresholds", "an object of area → number", thresholds)
    for area in AREAS:
        value = thresholds.get(area)
        if not _number(value) or not 0.0 <= float(value) <= 1.0:  # type: ignore[arg-type]
            raise bad(f"thresholds.{area}", "a number from 0 to 1", value)
    versions = manifest.get("versions", {})
    if not isinstance(versions, dict):
        raise bad("versions", "an object of library → version string", versions)
    for lib, ver in versions.items():
        if not isinstance(ver, str):
            raise bad(f"versions.{lib}", "a version string", ver)
    for field in ("training_data_sha256", "command"):
        value = manifest.get(field)
        if value is not None and not isinstance(value, str):
            raise bad(field, "a string", value)
    for field in ("training_counts", "params", "metrics", "features", "tokenizer"):
        value = manifest.get(field)
        if value is not None and not isinstance(value, dict):
            raise bad(field, "an object", value)
    return manifest
