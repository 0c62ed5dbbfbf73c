"""The ``fzgap`` command line: parse, call one library function per command, render.

Each command lives in its own module under ``fzgap.cli`` and exposes
``NAME``, ``HELP``, ``EXAMPLE``, ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import threading
from collections.abc import Sequence

from fzgap.errors import FzgapError

__all__ = ["main", "entry", "build_parser", "COMMANDS", "EXIT_OK", "EXIT_FAIL", "EXIT_USAGE"]

#: Command modules, in the order ``fzgap --help`` lists them.
COMMANDS: tuple[str, ...] = (
    "analyze",
    "segment",
    "classify",
    "explain",
    "train",
    "evaluate",
    "serve",
    "users",
    "corrections",
)
EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
#: Commands whose every file is written and closed when they return: the console command ends
#: them without the interpreter's teardown, which frees the segmenter's dictionary, the model
#: and every object one by one (20–40 ms, a tenth of a small job).
_QUICK_EXIT = frozenset({"analyze", "classify", "segment", "explain"})
#: Commands that fit models, where numpy's BLAS threads do work.
_BLAS_COMMANDS = frozenset({"train", "evaluate"})
_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors on one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: 错误: {message}（用法见 '{self.prog} --help'）\n")
        raise SystemExit(EXIT_USAGE)


class _Version(argparse.Action):
    """``--version``, reading the installed version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from fzgap import __version__

        parser.exit(message=f"fzgap {__version__}\n")


def _command(name: str):
    return importlib.import_module(f"fzgap.cli.{name}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every command and its example (or only the one named:
    a command's module imports what it needs, and `fzgap classify` needs little)."""
    parser = _Parser(
        prog="fzgap",
        description=(
            "Audit annual rule-of-law reports (法治政府建设年度报告) for checklist coverage."
        ),
        epilog="Example: fzgap analyze examples/qinghe-county-2024.txt",
    )
    parser.add_argument("--version", action=_Version, help="show fzgap's version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only in COMMANDS else COMMANDS:
        mod = _command(name)
        p = sub.add_parser(
            mod.NAME,
            help=mod.HELP,
            description=mod.HELP,
            epilog="Example:\n  " + "\n  ".join(mod.EXAMPLE.splitlines()),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 check failed, 2 input or usage error)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args._run(args) or 0)
    except FzgapError as exc:
        sys.stderr.write(f"fzgap: 错误: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("fzgap: 已中断\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def entry() -> None:
    """The ``fzgap`` console command (and ``python -m fzgap``): :func:`main`, then exit."""
    argv = sys.argv[1:]
    command = argv[0] if argv else None
    if command not in _BLAS_COMMANDS and not any(v in os.environ for v in _BLAS_THREADS):
        # Inference never calls BLAS, but OpenBLAS starts a thread per core when numpy is
        # imported, and they take about 0.1 s of CPU from the other core.
        os.environ["OPENBLAS_NUM_THREADS"] = "1"
    code = main(argv)
    if command in _QUICK_EXIT and _nothing_running():
        os._exit(_flushed(code))
    raise SystemExit(code)


def _flushed(code: int) -> int:
    """Flush stdout and stderr before a quick exit; the exit code Python's teardown would give."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # closed at start (``>&-``) or none given (a service)
            continue
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            pass  # the reader stopped early (``| head``), or it is closed: nothing is pending
        except OSError:
            code = code or 120  # output lost (a full disk): Python's own code for it
    return code


def _nothing_running() -> bool:
    """No other thread and no child process: skipping the teardown then loses nothing."""
    if threading.active_count() > 1:
        return False
    mp = sys.modules.get("multiprocessing")
    return mp is None or not mp.active_children()
