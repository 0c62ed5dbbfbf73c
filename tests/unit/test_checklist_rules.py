"""The checklist's optional rule ``covered_needs_subitem``: what a supervisor's own copy may say."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from fzgap.model.checklist import ChecklistError, load_checklist

SHIPPED = resources.files("fzgap.model").joinpath("checklist.toml")


def _copy(tmp_path: Path, old: str, new: str) -> Path:
    """A supervisor's copy of the shipped checklist with one line changed."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mine.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


RULE = 'covered_needs_subitem = ["first_responsibility"]\n'


def test_the_shipped_checklist_asks_it_of_first_responsibility_only() -> None:
    assert load_checklist().rules.covered_needs_subitem == ("first_responsibility",)


def test_a_copy_written_before_the_rule_still_loads_without_it(tmp_path: Path) -> None:
    assert load_checklist(_copy(tmp_path, RULE, "")).rules.covered_needs_subitem == ()


def test_an_unknown_area_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError, match="mine.toml.*covered_needs_subitem"):
        load_checklist(_copy(tmp_path, RULE, 'covered_needs_subitem = ["leaders"]\n'))
