"""The model card: what the model is, what it was trained on and how it scores, in Markdown."""

from __future__ import annotations

from typing import Any

from fzgap.model.areas import AREA_NAMES_ZH, AREAS
from fzgap.train.evaluate import Evaluation, Scores

__all__ = ["render_model_card", "metrics_table", "kept_sections", "KEPT"]

#: Sections written by other tools (the benchmarks) that a re-rendered card keeps.
KEPT = ("Speed",)


def metrics_table(scores: dict[str, Scores]) -> str:
    """One Markdown table: a row per system, P/R/F1 per area, then macro-F1."""
    head = (
        "| system | "
        + " | ".join(f"{a} ({AREA_NAMES_ZH[a]}) P / R / F1" for a in AREAS)
        + " | macro-F1 |"
    )
    sep = "|---|" + "---|" * len(AREAS) + "---|"
    rows = [head, sep]
    for system, s in scores.items():
        cells = [f"{s.precision[a]:.2f} / {s.recall[a]:.2f} / **{s.f1[a]:.2f}**" for a in AREAS]
        rows.append(f"| {system} | " + " | ".join(cells) + f" | **{s.macro_f1:.3f}** |")
    return "\n".join(rows)


def kept_sections(previous: str | None) -> str:
    """The sections of a previous card that re-rendering keeps (see ``KEPT``), as Markdown."""
    if not previous:
        return ""
    out = []
    for title in KEPT:
        marker = f"## {title}\n"
        if marker in previous:
            body = previous.split(marker, 1)[1].split("\n## ", 1)[0]
            out.append(marker + body.rstrip("\n") + "\n")
    return "\n".join(out)


def render_model_card(
    manifest: dict[str, Any] | None,
    evaluation: Evaluation | None,
    command: str,
    previous: str | None = None,
) -> str:
    """Render the model card from the manifest and (if run) the evaluation.

    Parameters
    ----------
    manifest : dict or None
    evaluation : Evaluation or None
    command : str
        The command that reproduces the card.
    previous : str, optional
        The card being replaced: its speed section (written by the benchmarks) is kept.
    """
    lines = ["# fzgap paragraph classifier — model card", ""]
    lines += [
        "Tags each paragraph of a 法治政府建设年度报告 with the checklist areas it reports on "
        "(multi-label): " + ", ".join(f"`{a}` {AREA_NAMES_ZH[a]}" for a in AREAS) + ". "
        "Labels follow the project's annotation guide.",
        "",
        "**Model.** TF-IDF on jieba words (uni- and bigrams, with a domain user dictionary) "
        "and on character 2–4-grams, side by side; one-vs-rest logistic regression "
        "(liblinear, balanced class weights); one decision threshold per area, chosen to "
        "maximise F1 on out-of-fold probabilities from grouped 5-fold cross-validation inside "
        "the training data. Fixed seeds: training twice gives the same artifact.",
        "",
    ]
    if manifest:
        counts = manifest.get("training_counts", {})
        lines += [
            "## Training data",
            "",
            f"- {counts.get('rows', '?')} labelled paragraphs: "
            + ", ".join(f"{a} {counts.get(a, '?')}" for a in AREAS)
            + f", no area {counts.get('none', '?')}.",
            f"- Training-data SHA-256: `{manifest.get('training_data_sha256', '?')}`",
            f"- Artifact SHA-256: `{manifest.get('artifact_sha256', '?')}`",
            "- Thresholds: "
            + ", ".join(f"{a} {t:.3f}" for a, t in manifest.get("thresholds", {}).items()),
            "- Libraries: "
            + ", ".join(f"{k} {v}" for k, v in sorted(manifest.get("versions", {}).items())),
            "",
        ]
    if evaluation:
        lines += [
            "## Leave-one-report-out evaluation",
            "",
            "Every real report and every authored batch is held out in turn "
            f"({evaluation.n_groups} folds, {evaluation.n_rows} paragraphs); a model trained on "
            "the others predicts it. Baselines in the same table: `keywords` is a reviewer's "
            "Ctrl-F (决策 / 执法, 行政处罚 / 复议, 应诉 / 普法, 法治宣传, 学法 / 第一责任人, "
            "主要负责人); `words-only` and `chars-only` are the same classifier on one "
            "feature set.",
            "",
            "### All held-out paragraphs",
            "",
            metrics_table(evaluation.all),
            "",
        ]
        if evaluation.real:
            lines += [
                f"### The real reports only ({evaluation.n_real} paragraphs of "
                f"{', '.join(evaluation.real_reports)}, each held out)",
                "",
                metrics_table(evaluation.real),
                "",
                "Three reports are few: read these figures as a check on real text, "
                "with wide error bars.",
                "",
            ]
    lines += ["## Reproduce", "", "```", command, "```", ""]
    kept = kept_sections(previous)
    return "\n".join(lines) + ("\n" + kept if kept else "")
