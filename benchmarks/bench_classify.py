"""Throughput of `fzgap classify` on a few MB of paragraphs, beside plain `jieba.lcut` on the same
text, and the model's load time. Run: python benchmarks/bench_classify.py [--mb 3]

The paragraphs are built from the labelled corpus by joining pairs of rows, so that every
paragraph is distinct (no cache can help) and the text is in the genre.
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--mb", type=float, default=3.0, help="megabytes (UTF-8) of paragraphs (default 3)"
    )
    parser.add_argument(
        "--card", help="also write the results into this model card's '## Speed' section"
    )
    args = parser.parse_args()

    from fzgap.train.corpus import load_corpus

    rows = [r.text for r in load_corpus().rows]
    texts: list[str] = []
    size, i = 0, 0
    while size < args.mb * 1e6:
        t = rows[i % len(rows)] + rows[(i * 7919 + 13) % len(rows)]
        texts.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    mb = size / 1e6

    from fzgap.model import classifier  # noqa: F401  (import the libraries first: load time is the artifact's own)
    from fzgap.model.artifact import load_pipeline

    t0 = time.perf_counter()
    load_pipeline()
    load_s = time.perf_counter() - t0

    import jieba

    jieba.initialize()
    t0 = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    jieba_s = time.perf_counter() - t0

    from fzgap.model.scorer import classify, load_model

    model = load_model()
    classify(model, ["预热。"])
    t0 = time.perf_counter()
    classify(model, texts)
    classify_s = time.perf_counter() - t0

    import os
    import platform

    lines = [
        f"- Text: {len(texts)} distinct paragraphs, {mb:.2f} MB UTF-8 "
        "(pairs of corpus rows joined).",
        f"- Model load (SHA-256 check + unpickle, libraries already imported): {load_s:.3f} s",
        f"- Plain `jieba.lcut` (default dictionary, HMM on): **{mb / jieba_s:.2f} MB/s** "
        f"({jieba_s:.1f} s)",
        "- `fzgap classify` (normalise, jieba words + character n-grams, 5 areas): "
        f"**{mb / classify_s:.2f} MB/s** ({classify_s:.1f} s)",
        f"- Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}.",
    ]
    print("\n".join(lines))
    if args.card:
        _write_card(args.card, lines, args.mb)


def _write_card(path: str, lines: list[str], mb: float) -> None:
    """Replace (or add) the '## Speed' section of a model card."""
    from pathlib import Path

    card = Path(path)
    text = card.read_text(encoding="utf-8") if card.exists() else ""
    section = (
        "## Speed\n\n"
        + "\n".join(lines)
        + f"\n\nMeasured with `python benchmarks/bench_classify.py --mb {mb:g} --card {path}`.\n"
    )
    if "## Speed" in text:
        head, _, rest = text.partition("## Speed")
        tail = rest.split("\n## ", 1)
        text = head + section + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    card.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
