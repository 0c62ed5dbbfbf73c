"""The ``fzgap`` command line: parse, call one library function per command, render.

Each command lives in its own module under ``fzgap.cli`` and exposes
``NAME``, ``HELP``, ``EXAMPLE``, ``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from fzgap.errors import FzgapError

__all__ = ["main", "build_parser", "COMMANDS", "EXIT_OK", "EXIT_FAIL", "EXIT_USAGE"]

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
