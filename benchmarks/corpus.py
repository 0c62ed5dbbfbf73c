"""Generated benchmark text: distinct paragraphs and distinct reports, in the genre, seeded.

Distinctness: every clause is drawn from a word-bigram chain fitted on the labelled corpus
(seeded, ``numpy.random.default_rng``), so its runs of 汉字 are new recombinations of the
genre's words rather than copies of a few thousand paragraphs; paragraphs are kept only if
never seen before (a set of the exact strings). :func:`distinctness` measures what share of
paragraphs and of runs between punctuation are distinct, and the benchmark prints it, so
that no token cache can flatter a figure unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np

__all__ = ["paragraphs", "reports", "distinctness"]

_PUNCT = re.compile(r"[，。；、：]")
_RUN = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+")
_AREAS = (
    "一、推进依法科学民主决策",
    "二、严格规范公正文明执法",
    "三、发挥行政复议化解行政争议主渠道作用",
    "四、深入开展法治宣传教育",
    "五、履行推进法治建设第一责任人职责",
    "六、存在的不足和原因",
    "七、下一年度工作打算",
)


class _Chain:
    """A word-bigram chain over the labelled corpus's clauses."""

    def __init__(self) -> None:
        from fzgap.model.segmenter import get_segmenter
        from fzgap.train.corpus import load_corpus

        seg = get_segmenter(engine="jieba")
        vocab: dict[str, int] = {"<s>": 0, "</s>": 1}
        pairs: list[tuple[int, int]] = []
        for text in load_corpus().texts:
            for clause in _PUNCT.split(text):
                words = [w for w in seg.cut_run(clause) if w.strip()] if clause.strip() else []
                ids = [0] + [vocab.setdefault(w, len(vocab)) for w in words] + [1]
                pairs += list(zip(ids[:-1], ids[1:]))
        self.words = list(vocab)
        arr = np.array(sorted(pairs), dtype=np.int64)
        self.nexts = arr[:, 1]
        self.starts = np.searchsorted(arr[:, 0], np.arange(len(vocab) + 1))

    def clause(self, rng: np.random.Generator, max_words: int = 14) -> str:
        out, cur = [], 0
        while len(out) < max_words:
            lo, hi = self.starts[cur], self.starts[cur + 1]
            if hi <= lo:
                break
            cur = int(self.nexts[rng.integers(lo, hi)])
            if cur == 1:
                if len(out) >= 3:
                    break
                cur = 0
                continue
            out.append(self.words[cur])
        return "".join(out)


def paragraphs(n_bytes: int, seed: int = 0) -> Iterator[str]:
    """Distinct paragraphs until ``n_bytes`` of UTF-8 are given (2–7 clauses of 1–3 sentences)."""
    chain, rng = _Chain(), np.random.default_rng(seed)
    seen: set[str] = set()
    size = 0
    while size < n_bytes:
        parts = []
        for _ in range(int(rng.integers(1, 4))):
            clauses = [chain.clause(rng) for _ in range(int(rng.integers(2, 6)))]
            parts.append("，".join(c for c in clauses if c) + "。")
        para = "".join(parts)
        if len(para) < 12 or para in seen:
            continue
        seen.add(para)
        size += len(para.encode("utf-8")) + 1
        yield para


def reports(n_bytes: int, report_bytes: int = 15_000, seed: int = 0) -> Iterator[str]:
    """Distinct reports of about ``report_bytes`` each: a title, a preamble, seven sections."""
    source = paragraphs(n_bytes + report_bytes, seed)
    size, k = 0, 0
    while size < n_bytes:
        lines = [f"第{k}号县人民政府2024年法治政府建设年度报告"]
        per_section = report_bytes // (len(_AREAS) + 1)
        for heading in ("",) + _AREAS:
            if heading:
                lines.append(heading)
            body = 0
            while body < per_section:
                para = next(source)
                lines.append(para)
                body += len(para.encode("utf-8")) + 1
        text = "\n".join(lines) + "\n"
        size += len(text.encode("utf-8"))
        k += 1
        yield text


def distinctness(texts: list[str]) -> tuple[float, float]:
    """Share of distinct paragraphs and of distinct runs (between punctuation) in ``texts``."""
    runs = [r for t in texts for r in _RUN.findall(t)]
    return len(set(texts)) / max(len(texts), 1), len(set(runs)) / max(len(runs), 1)
