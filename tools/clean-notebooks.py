"""Strip outputs from notebooks before committing them: outputs, execution counts and run metadata.

Cell ids are kept (and added where missing), so diffs stay small and cells stay addressable.
Usage: ``python tools/clean-notebooks.py [--check] [NOTEBOOK ...]`` (default: all of notebooks/);
``--check`` changes nothing and exits 1 if a notebook is not clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbformat.validator import normalize

ROOT = Path(__file__).resolve().parents[1]
#: Cell metadata that executing a notebook writes (nbclient timings, Jupyter's view state).
RUN_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without outputs, execution counts or run metadata, every cell with an id."""
    nb.nbformat, nb.nbformat_minor = 4, max(nb.nbformat_minor, 5)
    for cell in nb.cells:
        for key in RUN_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    _, nb = normalize(nb)  # adds the ids that are missing
    nb = nbformat.from_dict(nb)
    nbformat.validate(nb)
    return nb


def main(argv: list[str] | None = None) -> int:
    """Clean the notebooks in place (or only check them); return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true", help="only report notebooks not clean")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    dirty = []
    for path in paths:
        before = path.read_text(encoding="utf-8")
        after = nbformat.writes(clean(nbformat.reads(before, as_version=4))) + "\n"
        if after != before:
            dirty.append(path)
            if not args.check:
                path.write_text(after, encoding="utf-8")
    for path in dirty:
        print(f"{'not clean' if args.check else 'cleaned'}: {path}", file=sys.stderr)
    return 1 if args.check and dirty else 0


if __name__ == "__main__":
    sys.exit(main())
