"""Reading a report file's bytes within a size limit, with one-line errors (imports nothing
heavy: `fzgap classify` reads its input with it)."""

from __future__ import annotations

from pathlib import Path

from fzgap.analyze.errors import FileTooLargeError, InputError, NotAFileError, NotFoundError

__all__ = ["DEFAULT_MAX_BYTES", "read_file_bytes"]

#: Default size limit: far above any real report, low enough to refuse a wrong file quickly.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def read_file_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing missing paths, folders and files over ``max_bytes`` with typed
    errors."""
    name = str(path)
    if not path.exists():
        raise NotFoundError(name, "没有这个文件")
    if path.is_dir():
        raise NotAFileError(
            name,
            "这是文件夹，不是报告文件（请给出文件；批量处理用 `fzgap analyze 文件夹`）",
        )
    if not path.is_file():
        raise NotAFileError(name, "不是普通文件")
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLargeError(
            name,
            f"文件有 {size / 1048576:.1f} MB，超过 {max_bytes / 1048576:.1f} MB 的上限"
            "（可用 --max-size 放宽）",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"无法读取（{exc.strerror or exc}）") from None
