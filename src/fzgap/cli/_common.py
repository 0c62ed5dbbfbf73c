"""Arguments shared by several commands."""

from __future__ import annotations

import argparse
from typing import Any

from fzgap.analyze.ingest import DEFAULT_MAX_BYTES
from fzgap.errors import FzgapError

__all__ = [
    "add_max_size",
    "max_bytes",
    "UsageError",
    "add_model",
    "add_data",
    "read_lines",
    "Progress",
]


class UsageError(FzgapError):
    """The command was called with values that cannot work together."""


def add_max_size(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-size MB``."""
    parser.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / 1048576,
        metavar="MB",
        help="refuse input files larger than this (default: %(default)g MB)",
    )


def max_bytes(args: argparse.Namespace) -> int:
    """The size limit in bytes."""
    if args.max_size <= 0:
        raise UsageError("--max-size must be positive")
    return int(args.max_size * 1048576)


def add_model(parser: argparse.ArgumentParser) -> None:
    """Add ``--model PATH``."""
    parser.add_argument(
        "--model",
        metavar="DIR",
        help="use a model folder written by `fzgap train` (default: the shipped model)",
    )


def add_data(parser: argparse.ArgumentParser) -> None:
    """Add ``--data DIR`` (labelled paragraphs for training and evaluation)."""
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="folder of labelled .jsonl files (default: the data shipped with fzgap)",
    )


def read_lines(source: str, limit: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Non-empty lines of a UTF-8/GBK/UTF-16 text file (of at most ``limit`` bytes), or of
    standard input for ``-``."""
    import sys

    from fzgap.analyze.errors import EmptyDocumentError
    from fzgap.analyze.ingest._decoding import decode_text

    if source == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        from pathlib import Path

        from fzgap.analyze.ingest import read_file_bytes

        data = read_file_bytes(Path(source), limit)
        name = source
    if not data.strip():
        raise EmptyDocumentError(name, "is empty")
    text, _ = decode_text(data, name)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise EmptyDocumentError(name, "holds no text")
    return lines


class Progress:
    """Progress of a long command on stderr: a tqdm bar per stage on a terminal, fed by messages.

    Messages ending in ``fold N/M`` move the bar; others are printed above it. When stderr is
    not a terminal, the fold messages are dropped and the others printed as lines.

    Parameters
    ----------
    command : str
        Name shown in front of each message (``evaluate``, ``train``).
    """

    _STEP = __import__("re").compile(r"^\s*(?P<stage>.*?):? fold (?P<n>\d+)/(?P<total>\d+)$")

    def __init__(self, command: str) -> None:
        import sys

        self.command = command
        self.tty = sys.stderr.isatty()
        self._bar: Any = None
        self._stage = ""

    def __call__(self, message: str) -> None:
        import sys

        m = self._STEP.match(message)
        if m is None:
            line = f"[fzgap {self.command}] {message.strip()}"
            if self._bar is not None:
                self._bar.write(line, file=sys.stderr)
            else:
                print(line, file=sys.stderr, flush=True)
            return
        if not self.tty:
            return
        from tqdm import tqdm

        if self._bar is None or m["stage"] != self._stage:
            self.close()
            self._stage = m["stage"]
            self._bar = tqdm(total=int(m["total"]), desc=self._stage, unit="折", file=sys.stderr)
        self._bar.n = int(m["n"])
        self._bar.refresh()

    def close(self) -> None:
        """Close the current bar."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
