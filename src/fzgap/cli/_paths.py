"""Checks on output paths before anything is written: never over an input, never into the input
tree, the extension chooses the format, and one batch at a time in a shared folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from fzgap.analyze.output import OutputError, os_reason
from fzgap.analyze.render import EXTENSIONS
from fzgap.cli._common import UsageError

__all__ = ["format_for", "check_single_out", "check_batch_out", "FolderLock", "LOCK_NAME"]

LOCK_NAME = ".fzgap.lock"
_FORMAT_OF = {ext: fmt for fmt, ext in EXTENSIONS.items()} | {".htm": "html", ".markdown": "md"}
_BATCH_FILE_FORMATS = ("jsonl", "csv", "xlsx")


def format_for(fmt: str | None, out: str | None) -> str:
    """The output format: ``--format`` if given, else the one ``--out``'s extension names.

    Raises
    ------
    UsageError
        When ``--format`` and the extension of ``--out`` name different formats.
    """
    implied = _FORMAT_OF.get(Path(out).suffix.lower()) if out and out != "-" else None
    if fmt and implied and fmt != implied:
        raise UsageError(f"{out}: 扩展名表示 {implied} 格式，但 --format 是 {fmt}；请让两者一致")
    return fmt or implied or "text"


def _under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_single_out(out: str | None, inputs: list[str]) -> None:
    """Refuse an output file that is one of the inputs, or a folder under a file."""
    if not out or out == "-":
        return
    target = Path(out).resolve()
    for raw in inputs:
        src = Path(raw).resolve()
        if target == src:
            raise UsageError(f"{out}: 输出文件就是输入文件，会覆盖原报告；请换一个 --out")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"{out}: {parent} 是文件而不是文件夹")
            break


def check_batch_out(out: str | None, paths: list[str], inputs: list[Path], fmt: str) -> bool:
    """Check a batch's ``--out``; return True when it is a folder (False: one file or stdout).

    Raises
    ------
    UsageError
        When the output would overwrite an input or land inside an input folder, or the
        extension names a format a batch cannot put in one file.
    OutputError
        When a folder is needed where a file exists, or the path runs through a file.
    """
    if not out or out == "-":
        return False
    target = Path(out)
    resolved = target.resolve()
    srcs = {p.resolve() for p in inputs}
    if resolved in srcs:
        raise UsageError(f"{out}: 输出就是一个输入文件，会覆盖原报告；请换一个 --out")
    for raw in paths:
        root = Path(raw).resolve()
        if root.is_dir() and _under(resolved, root):
            raise UsageError(
                f"{out}: 在输入文件夹 {raw} 之内；结果会混进报告里，请把 --out 放到输入文件夹之外"
            )
    folder = target.is_dir() or not target.suffix
    if not folder and _FORMAT_OF.get(target.suffix.lower()) not in _BATCH_FILE_FORMATS:
        raise UsageError(f"{out}: 批量处理的结果要么是一个文件夹，要么是 .jsonl/.csv/.xlsx 文件")
    if folder and target.exists() and not target.is_dir():
        raise OutputError(f"{out}: 是一个已存在的文件，这里需要文件夹")
    for parent in resolved.parents:
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"{out}: {parent} 是文件而不是文件夹")
            break
    return folder


class FolderLock:
    """An exclusive lock on an output folder (``.fzgap.lock``), released when the process ends,
    however it ends."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._fh: IO[str] | None = None

    def __enter__(self) -> FolderLock:
        import fcntl

        path = self.folder / LOCK_NAME
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fh = open(path, "a+", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{self.folder}: 无法写入输出文件夹（{os_reason(exc)}）") from None
        try:
            # A POSIX record lock, not flock: it belongs to this process alone, so the batch's
            # forked workers do not inherit it and cannot keep it after this process is killed.
            fcntl.lockf(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            fh.close()
            raise OutputError(
                f"{self.folder}: 另一个 fzgap 批处理（进程 {holder}）正在写入这个文件夹；"
                "请等它结束，或换一个 --out"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self._fh = fh
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()  # closing releases the lock; the file stays, harmless and hidden
