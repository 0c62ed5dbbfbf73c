"""Writing results: atomically to a file, or to standard output."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sys
from pathlib import Path

from fzgap.errors import FzgapError

__all__ = ["write_output", "write_file", "open_temporary", "OutputError", "file_mode", "os_reason"]


class OutputError(FzgapError):
    """The output could not be written."""


def file_mode() -> int:
    """The mode a new file gets under the current umask (as ``open`` would give it)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def os_reason(exc: OSError) -> str:
    """A short Chinese reason for a failed write."""
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
    write_file(data.encode("utf-8") if isinstance(data, str) else data, Path(out))


def write_file(data: bytes, path: Path) -> None:
    """Write ``data`` to the file ``path`` atomically, as :func:`write_output` does.

    Nothing is checked beforehand: a write that succeeds costs one file created, written and
    renamed; only a failure looks at the path, to say what is wrong with it.

    Raises
    ------
    OutputError
    """
    try:
        fd, tmp = open_temporary(path)
    except OSError as exc:
        raise _failure(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _failure(path, exc) from None


#: A new file only (never one that exists), for writing, not inherited by child processes.
_NEW = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)
_serial = itertools.count()


def open_temporary(path: Path) -> tuple[int, str]:
    """A new hidden file beside ``path`` (``.name.<pid>-<n>.tmp``), open for writing.

    It gets the mode ``open`` would give a new file under the umask, so that renamed into place
    it needs no chmod. The process id and a counter make the name unique among the processes
    and threads writing the same folder; a name left by an earlier process is skipped.

    Returns
    -------
    (int, str)
        The file descriptor and the file's path.
    """
    folder, name = os.path.split(os.fspath(path))
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}-{next(_serial)}.tmp")
        try:
            return os.open(tmp, _NEW, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", path)


def _failure(path: Path, exc: OSError) -> OutputError:
    """The one-line error of a failed write, naming what is wrong with the path."""
    if path.is_dir():
        return OutputError(f"{path}: 这是一个文件夹；--out 请给出文件名")
    if not path.parent.exists():
        return OutputError(f"{path}: 文件夹 {path.parent} 不存在")
    if not path.parent.is_dir():
        return OutputError(f"{path}: {path.parent} 是文件而不是文件夹")
    return OutputError(f"{path}: 无法写入（{os_reason(exc)}）")
