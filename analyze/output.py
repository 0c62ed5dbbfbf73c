"""Writing results: atomically to a file, or to standard output."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from fzgap.errors import FzgapError

__all__ = ["write_output", "OutputError", "file_mode", "os_reason"]


class OutputError(FzgapError):
    """The output could not be written."""


def file_mode() -> int:
    """The mode a new file gets under the current umask (as ``open`` would give it)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def os_reason(exc: OSError) -> str:
    """A short Chinese reason for a failed write."""
    import errno

    return {
        errno.EACCES: "没有写入权限",
        errno.EPERM: "没有写入权限",
        errno.EROFS: "文件系统是只读的",
        errno.ENOSPC: "磁盘已满",
        errno.EDQUOT: "超出磁盘配额",
        errno.ENOTDIR: "路径中有一部分是文件而不是文件夹",
        errno.EISDIR: "这是一个文件夹",
    }.get(exc.errno or 0, exc.strerror or str(exc))


def write_output(data: str | bytes, out: str | os.PathLike[str] | None) -> None:
    """Write ``data`` to ``out`` atomically (a temporary file renamed into place), or to stdout.

    A failed write never leaves a half-written file behind, and the new file gets the mode the
    umask allows (not the 0600 of a temporary file).

    Raises
    ------
    OutputError
        When the path is a folder, its folder is missing or is a file, or the write fails.
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
        raise OutputError(f"{path}: 这是一个文件夹；--out 请给出文件名")
    if not path.parent.exists():
        raise OutputError(f"{path}: 文件夹 {path.parent} 不存在")
    if not path.parent.is_dir():
        raise OutputError(f"{path}: {path.parent} 是文件而不是文件夹")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: 无法写入（{os_reason(exc)}）") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: 无法写入（{os_reason(exc)}）") from None
