"""The layering of docs/architecture.md, checked by walking every module's imports.

A failure here names the module that reaches up a layer and the import that does it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Where each part of the package lives in the source tree.
FOLDERS = {
    "fzgap": ROOT / "src" / "fzgap",
    "fzgap.model": ROOT / "model",
    "fzgap.train": ROOT / "train",
    "fzgap.analyze": ROOT / "analyze",
}


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for package, folder in FOLDERS.items():
        for path in folder.rglob("*.py"):
            rel = path.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            out[".".join([package, *parts])] = path
    return out


MODULES = _modules()


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported fzgap module, at module level?) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # Module level: the body, and the bodies of module-level if / try blocks.
    top = {id(node) for node in tree.body}
    for block in tree.body:
        if isinstance(block, ast.If | ast.Try):
            top |= {id(node) for node in ast.walk(block)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        found += [(n, id(node) in top) for n in names if n == "fzgap" or n.startswith("fzgap.")]
    return found


def _layer(module: str) -> str:
    for prefix in ("fzgap.model", "fzgap.train", "fzgap.analyze", "fzgap.cli", "fzgap.web"):
        if module == prefix or module.startswith(prefix + "."):
            return prefix
    return module  # fzgap, fzgap.errors, fzgap.__main__


#: Layer → the layers it may import (besides itself). ``fzgap.errors`` is a leaf all may use.
ALLOWED = {
    "fzgap.errors": set(),
    "fzgap.model": {"fzgap.errors"},
    "fzgap.train": {"fzgap.errors", "fzgap.model"},
    "fzgap.analyze": {"fzgap.errors", "fzgap.model"},
}


def test_the_walk_sees_every_layer() -> None:
    layers = {_layer(m) for m in MODULES}
    assert {"fzgap.model", "fzgap.train", "fzgap.analyze", "fzgap.cli", "fzgap.errors"} <= layers
    assert len(MODULES) > 40


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) in ALLOWED))
def test_lower_layers_never_reach_up(module: str) -> None:
    own = _layer(module)
    bad = [
        name for name, _ in _imports(MODULES[module]) if _layer(name) not in ALLOWED[own] | {own}
    ]
    assert not bad, f"{module} ({MODULES[module]}) imports {bad}"


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if _layer(m) in ("fzgap", "fzgap.cli"))
)
def test_only_the_shell_imports_train_and_only_lazily(module: str) -> None:
    eager = [
        name for name, top in _imports(MODULES[module]) if top and _layer(name) == "fzgap.train"
    ]
    assert not eager, f"{module} imports training code at module level: {eager}"


# Inside analyze/: each stage only looks back down the pipeline.
STAGES = {
    "fzgap.analyze.ingest": {"fzgap.analyze.errors", "fzgap.analyze.text"},
    "fzgap.analyze.segment": {"fzgap.analyze.ingest", "fzgap.analyze.text"},
    "fzgap.analyze.coverage": {
        "fzgap.analyze.segment",
        "fzgap.analyze.records",
        "fzgap.analyze.text",
        "fzgap.analyze.constants",
    },
    "fzgap.analyze.records": {"fzgap.analyze.constants"},
    "fzgap.analyze.render": {
        "fzgap.analyze.records",
        "fzgap.analyze.constants",
        "fzgap.analyze.segment",
        "fzgap.analyze.text",
    },
}


def _stage(module: str) -> str | None:
    return next((s for s in STAGES if module == s or module.startswith(s + ".")), None)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _stage(m)))
def test_pipeline_stages_only_look_back(module: str) -> None:
    own = _stage(module)
    assert own is not None
    bad = [
        name
        for name, _ in _imports(MODULES[module])
        if _layer(name) == "fzgap.analyze" and _stage(name) != own and name not in STAGES[own]
    ]
    assert not bad, f"{module} imports {bad}; allowed besides itself: {sorted(STAGES[own])}"


def test_renderers_do_not_reach_into_other_stages() -> None:
    for module, path in MODULES.items():
        if _stage(module) == "fzgap.analyze.render" and not module.endswith(".segments"):
            names = [n for n, _ in _imports(path)]
            assert not any(n.startswith("fzgap.analyze.segment") for n in names), (module, names)
