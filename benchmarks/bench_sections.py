"""Measure section typing and area statuses: the figures of docs/structure.md.

1. Section accuracy per paragraph, leave-one-report-out on the labelled corpus: for each report
   (batch) of ``train/data``, the section classifier is refitted without it, the report is
   rebuilt as a text file (one paragraph a line) and segmented, and every labelled paragraph's
   section is compared.
2. Section accuracy on the layout fixtures (``tests/fixtures/layouts/*.sections.jsonl``), with the
   shipped classifier (never trained on them).
3. Status accuracy on every fixture report with reviewer verdicts, for fzgap and for a keyword
   count blind to sections (an area is covered when its keywords occur in two paragraphs or
   more, thin in one, missing in none).

Usage: ``python benchmarks/bench_sections.py [--skip-loro]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from fzgap import analyze_file, load_document
from fzgap.analyze.segment import section_agreement, segment
from fzgap.analyze.text import looks_like_title
from fzgap.model.areas import AREAS
from fzgap.train.baselines import keyword_predict
from fzgap.train.corpus import load_corpus
from fzgap.train.sections import fit_section_model

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = (ROOT / "tests" / "fixtures" / "reports", ROOT / "tests" / "fixtures" / "layouts")


def _score(labelled: list[tuple[str, str]], got: list[set[str]]) -> tuple[int, Counter]:
    right = sum(g == {s} for (_, s), g in zip(labelled, got))
    errors = Counter(
        f"{s}->{'/'.join(sorted(g)) or 'lost'}" for (_, s), g in zip(labelled, got) if g != {s}
    )
    return right, errors


def loro() -> None:
    """Leave-one-report-out section accuracy on the labelled corpus."""
    corpus = load_corpus()
    groups = sorted({r.report for r in corpus.rows})
    right = total = 0
    errors: Counter = Counter()
    by_kind: Counter = Counter()
    by_kind_total: Counter = Counter()
    lost = 0
    for g in groups:
        if g.startswith("hard-"):
            continue  # single paragraphs of hard cases, not reports: no order to decode
        rows = sorted((r for r in corpus.rows if r.report == g), key=lambda r: r.index)
        model = fit_section_model(corpus, exclude=frozenset({g}))
        # A batch may hold several short reports: each title starts a new one.
        docs: list[list] = []
        for r in rows:
            if not docs or (looks_like_title(r.text) and r.section == "preamble"):
                docs.append([])
            docs[-1].append(r)
        k = 0
        e: Counter = Counter()
        for doc_rows in docs:
            text = "\n".join(r.text for r in doc_rows) + "\n"
            report = segment(load_document(text.encode("utf-8"), name=g), section_model=model)
            labelled = [(r.text, r.section) for r in doc_rows]
            got = section_agreement(labelled, report.paragraphs)
            # Rows ingestion drops as site chrome (发布时间 …) are not paragraphs: not scored.
            lost += sum(not s for s in got)
            pairs = [(lab, s) for lab, s in zip(labelled, got) if s]
            dk, de = _score([p for p, _ in pairs], [s for _, s in pairs])
            k, e = k + dk, e + de
        scored = k + sum(e.values())
        right, total, errors = right + k, total + scored, errors + e
        kind = "real" if rows[0].source != "authored" else g.rstrip("0123456789").rstrip("-")
        by_kind[kind] += k
        by_kind_total[kind] += scored
    print(
        f"LORO section accuracy: {right}/{total} = {right / total:.3f} ({lost} chrome rows dropped)"
    )
    for kind in sorted(by_kind_total):
        print(
            f"  {kind:10s} {by_kind[kind]}/{by_kind_total[kind]} = "
            f"{by_kind[kind] / by_kind_total[kind]:.3f}"
        )
    print("  commonest errors:", errors.most_common(8))


def fixtures_sections() -> None:
    """Section accuracy on the layout fixtures."""
    right = total = 0
    for path in sorted(FIXTURES[1].glob("*.txt")):
        truth = path.with_suffix(".sections.jsonl")
        labelled = [
            (d["text"], d["section"])
            for d in map(json.loads, truth.read_text(encoding="utf-8").splitlines())
        ]
        report = segment(load_document(path))
        k, e = _score(labelled, section_agreement(labelled, report.paragraphs))
        print(f"  {path.name:48s} {k}/{len(labelled)} {dict(e) or ''}")
        right, total = right + k, total + len(labelled)
    print(f"layout fixtures section accuracy: {right}/{total} = {right / total:.3f}")


def _keyword_status(path: Path) -> dict[str, str]:
    doc = load_document(path)
    lines = [b.text for b in doc.blocks if len(b.text.strip()) > 0]
    hits = keyword_predict(lines).sum(axis=0)
    return {
        a: "covered" if n >= 2 else ("thin" if n == 1 else "missing") for a, n in zip(AREAS, hits)
    }


def statuses() -> None:
    """Status accuracy of fzgap and of a keyword count on every fixture with verdicts."""
    for folder in FIXTURES:
        ours = base = total = 0
        for expected in sorted(folder.glob("*-expected.json")):
            for name, verdicts in json.loads(expected.read_text(encoding="utf-8")).items():
                audit = analyze_file(folder / name)
                kw = _keyword_status(folder / name)
                for area in AREAS:
                    if verdicts.get(area) not in ("covered", "thin", "missing"):
                        continue
                    total += 1
                    ours += audit.area(area).status == verdicts[area]
                    base += kw[area] == verdicts[area]
        print(
            f"{folder.name}: fzgap {ours}/{total} = {ours / total:.3f}; "
            f"keyword count {base}/{total} = {base / total:.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-loro", action="store_true", help="skip the slow LORO refits")
    args = parser.parse_args(argv)
    if not args.skip_loro:
        loro()
    fixtures_sections()
    statuses()
    return 0


if __name__ == "__main__":
    sys.exit(main())
