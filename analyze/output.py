"""Writing results: atomically to a file, or to standard output."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from fzgap.errors import FzgapError

__all__ = ["write_output", "OutputError"]


class OutputError(FzgapError):
    """The output could not be written."""


def write_output(data: str | bytes, out: str | os.PathLike[str] | None) -> None:
    """Write ``data`` to ``out`` atomically (a temporary file renamed into place), or to stdout.

    A failed write never leaves a half-written file behind.
    """
    if out is None or str(out) == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    path = Path(out)
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name for --out")
    if not path.parent.exists():
        raise OutputError(f"{path}: folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None
