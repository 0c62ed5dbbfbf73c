"""The model card keeps the benchmarks' speed section when it is rendered again."""

from __future__ import annotations

from fzgap.model.artifact import default_model_dir, read_manifest
from fzgap.train.modelcard import render_model_card

OLD = (
    "# card\n\n## Training data\n\nold\n\n## Speed\n\nMeasured with `python benchmarks/x.py`.\n\n"
    "- `fzgap classify`: 2.0 MB/s\n\n## Reproduce\n\nold command\n"
)


def test_a_rerendered_card_keeps_the_speed_section_and_drops_the_rest() -> None:
    card = render_model_card(read_manifest(default_model_dir()), None, "fzgap evaluate", OLD)
    want = "## Speed\n\nMeasured with `python benchmarks/x.py`.\n\n- `fzgap classify`: 2.0 MB/s\n"
    assert want in card
    assert card.count("## Speed") == 1 and "old command" not in card and "\nold\n" not in card


def test_a_card_without_speed_gets_none() -> None:
    card = render_model_card(read_manifest(default_model_dir()), None, "fzgap evaluate", "# x\n")
    assert "## Speed" not in card
