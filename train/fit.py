"""Fit the classifier on the whole corpus; write the pure-data artifact, manifest and model card."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fzgap.model.classifier import build_pipeline
from fzgap.train.corpus import Corpus
from fzgap.train.evaluate import Evaluation
from fzgap.train.export import export_pipeline

__all__ = ["fit_pipeline", "train_model", "PARAMS"]

#: The shipped configuration (see ``build_pipeline``).
PARAMS = {"features": "both", "C": 8.0, "cv": 5, "random_state": 0}


def fit_pipeline(corpus: Corpus, **params):
    """Fit the pipeline on every row; thresholds come from grouped cross-validation in the fit."""
    pipe = build_pipeline(**{**PARAMS, **params})
    pipe.fit(corpus.texts, corpus.indicator(), clf__groups=corpus.groups)
    return pipe


def train_model(
    corpus: Corpus,
    out_dir: str | Path,
    evaluation: Evaluation | None = None,
    command: str = "fzgap train",
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Train on ``corpus`` and write artifact, manifest and ``MODEL_CARD.md`` into ``out_dir``.

    Returns
    -------
    Path
        The manifest's path.
    """
    say = progress or (lambda _msg: None)
    say(f"fitting on {len(corpus.rows)} paragraphs from {len(set(corpus.groups))} reports/batches")
    pipe = fit_pipeline(corpus)
    manifest = {
        "training_data_sha256": corpus.sha256,
        "training_counts": corpus.counts(),
        "params": PARAMS,
        "metrics": evaluation.to_dict() if evaluation else None,
        "command": command,
    }
    say(f"writing {out_dir}")
    path = export_pipeline(pipe, out_dir, manifest)
    from fzgap.model.artifact import read_manifest
    from fzgap.train.modelcard import render_model_card

    card = Path(out_dir) / "MODEL_CARD.md"
    previous = card.read_text(encoding="utf-8") if card.is_file() else None
    card.write_text(
        render_model_card(read_manifest(out_dir), evaluation, command, previous), encoding="utf-8"
    )
    return path
