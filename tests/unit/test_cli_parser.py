"""A command's parser alone is the same parser as in the full one; `classify` loads little."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from fzgap.cli import COMMANDS, build_parser


def _sub(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return action.choices[name]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_commands_own_parser_is_the_one_in_the_full_parser(name: str) -> None:
    alone, full = _sub(build_parser(name), name), _sub(build_parser(), name)
    assert alone.format_help() == full.format_help()
    assert alone.prog == full.prog == f"fzgap {name}"


def test_classify_imports_no_other_command(tmp_path) -> None:
    src = tmp_path / "p.txt"
    src.write_text("全年办理行政复议案件66件。\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from fzgap.cli import main\n"
        f"assert main(['classify', {str(src)!r}, '--out', {str(tmp_path / 'o.jsonl')!r}]) == 0\n"
        "mods = ('fzgap.cli.', 'fzgap.analyze.batch')\n"
        "print(sorted(m for m in sys.modules if m.startswith(mods)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['fzgap.cli._common', 'fzgap.cli.classify']"


def test_classify_takes_a_larger_file_when_asked(tmp_path, capsys) -> None:
    from fzgap.cli import main

    src = tmp_path / "p.txt"
    src.write_text("全年办理行政复议案件66件。\n" * 30_000, encoding="utf-8")  # about 1.2 MB
    out = tmp_path / "o.tsv"
    assert main(["classify", str(src), "--max-size", "1", "--out", str(out)]) == 2
    assert "--max-size" in capsys.readouterr().err and not out.exists()
    assert (
        main(["classify", str(src), "--max-size", "2", "--format", "tsv", "--out", str(out)]) == 0
    )
    assert len(out.read_text(encoding="utf-8").splitlines()) == 30_001
