"""Cost of huge inputs: seconds and peak memory per MB for one long line and for many short lines.

Run: ``python benchmarks/bench_huge_inputs.py [MB ...]``; each case runs in a fresh process so
that peak memory is its own. The figures are in docs/robustness.md.
"""

from __future__ import annotations

import json
import subprocess
import sys

__all__ = ["main"]

_CHILD = """
import resource, sys, time
from fzgap.analyze.audit import analyze_document
from fzgap.analyze.ingest import load_document
from fzgap.model.scorer import load_model
kind, mb = sys.argv[1], float(sys.argv[2])
model = load_model()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
unit = "县政府常务会议专题研究法治建设4次，办理行政复议案件12件，"
if kind == "one-line":
    data = (unit * int(mb * 1048576 / len(unit.encode()))).encode()
else:
    data = ("法\\n" * int(mb * 1048576 / 4)).encode()
t = time.perf_counter()
report = analyze_document(load_document(data, name="x.txt", max_bytes=1 << 40), model=model)
secs = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(data), secs, (peak - base) * 1024, len(report.paragraphs))
"""


def main(sizes: list[float]) -> None:
    """Print one line per case: bytes, seconds, s/MB, extra peak memory ÷ input size."""
    for kind in ("one-line", "short-lines"):
        for mb in sizes:
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, kind, str(mb)],
                capture_output=True, text=True, check=True,
            ).stdout.split()  # fmt: skip
            n, secs, extra, paras = int(out[0]), float(out[1]), float(out[2]), int(out[3])
            print(json.dumps({
                "case": kind, "MB": round(n / 1048576, 2), "paragraphs": paras,
                "seconds": round(secs, 2), "s_per_MB": round(secs / (n / 1048576), 2),
                "memory_x_input": round(extra / n, 1),
            }))  # fmt: skip


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1.0, 4.0])
