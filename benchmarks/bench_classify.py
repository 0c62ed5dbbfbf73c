"""Throughput of `fzgap classify` on a few MB of paragraphs, beside plain `jieba.lcut` on the same text,
and the model's load time. Run: python benchmarks/bench_classify.py [--mb 3]

The paragraphs are built from the labelled corpus by joining pairs of rows, so that every
paragraph is distinct (no cache can help) and the text is in the genre.
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes (UTF-8) of paragraphs (default 3)")
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

    t0 = time.perf_counter()
    from fzgap.model.artifact import load_pipeline

    load_pipeline()
    load_s = time.perf_counter() - t0

    import jieba

    jieba.initialize()
    t0 = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    jieba_s = time.perf_counter() - t0

    from fzgap.model.scorer import load_model

    model = load_model()
    model.classify(["预热。"])
    t0 = time.perf_counter()
    model.classify(texts)
    classify_s = time.perf_counter() - t0

    print(f"paragraphs: {len(texts)}, {mb:.2f} MB UTF-8")
    print(f"model load (verify sha256 + unpickle): {load_s:.3f} s")
    print(f"plain jieba.lcut (HMM on, default dict): {mb / jieba_s:.2f} MB/s ({jieba_s:.1f} s)")
    print(f"fzgap classify (normalise, jieba words + char n-grams, 5 areas): {mb / classify_s:.2f} MB/s ({classify_s:.1f} s)")


if __name__ == "__main__":
    main()
