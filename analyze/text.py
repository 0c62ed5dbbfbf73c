"""Text shapes every stage of the pipeline recognises: sentence ends, wide characters and
report titles."""

from __future__ import annotations

import re

__all__ = ["SENTENCE_ENDS", "CLAUSE_ENDS", "WIDE_RUNS", "looks_like_title"]

#: Characters that end a sentence (full-width and ASCII).
SENTENCE_ENDS = "。；;！!？?"
#: Characters that end a clause inside a sentence, besides the sentence ends.
CLAUSE_ENDS = "，,：:"
#: Runs of characters East Asian Wide or Fullwidth and not combining (checked against
#: unicodedata and wcwidth by tests): ideographic space and punctuation, CJK ideographs and
#: full-width forms, which make up most of a report.
WIDE_RUNS = re.compile("[\u3000-\u3029\u3030-\u303e\u4e00-\u9fff\uff01-\uff60]+")

_TITLE = re.compile(r"(法治|依法行政|法治政府).{0,30}(报告|情况|总结)|(报告|总结)$")


def looks_like_title(line: str) -> bool:
    """Tell whether ``line`` reads like a report title (short, names a report, no sentence end)."""
    s = line.strip()
    if not 6 <= len(s) <= 70 or s[-1] in SENTENCE_ENDS + ":：，," or "。" in s or "如下" in s:
        return False
    return bool(_TITLE.search(s.replace(" ", "")))
