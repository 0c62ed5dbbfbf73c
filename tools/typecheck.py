"""Type-check the fzgap package with mypy, from the source tree, whether or not it is installed.

The package is spread over the user's top-level folders (``src/fzgap``, ``model/``, ``train/``,
``analyze/``), a layout mypy cannot map to package names; this script builds the package tree
from symlinks in a temporary folder and checks that. Usage: ``python tools/typecheck.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Sub-packages that live outside ``src/fzgap``: package name → folder.
MAPPED = {"model": "model", "train": "train", "analyze": "analyze"}


def main() -> int:
    """Run mypy over the assembled package; return its exit code."""
    with tempfile.TemporaryDirectory(prefix="fzgap-typecheck-") as tmp:
        pkg = Path(tmp) / "fzgap"
        pkg.mkdir()
        for entry in (ROOT / "src" / "fzgap").iterdir():
            if entry.name != "__pycache__":
                os.symlink(entry, pkg / entry.name)
        for name, folder in MAPPED.items():
            os.symlink(ROOT / folder, pkg / name)
        config = str(ROOT / "pyproject.toml")
        cmd = [sys.executable, "-m", "mypy", "--config-file", config, "-p", "fzgap"]
        env = {**os.environ, "MYPYPATH": tmp}
        return subprocess.call(cmd, cwd=tmp, env=env)


if __name__ == "__main__":
    raise SystemExit(main())
