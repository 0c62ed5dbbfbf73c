"""``fzgap segment``: show how a report splits into paragraphs, headings and sections."""

from __future__ import annotations

import argparse

from fzgap.analyze.ingest import load_document
from fzgap.analyze.output import write_output
from fzgap.analyze.render.segments import render_segments_jsonl, render_segments_text
from fzgap.analyze.segment import segment
from fzgap.cli._common import add_max_size, max_bytes

NAME = "segment"
HELP = "split a report into paragraphs with their headings and section types"
EXAMPLE = (
    "fzgap segment examples/qinghe-county-2024.txt\n"
    "fzgap segment report.docx --format jsonl > paragraphs.jsonl"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument("file", help="report file: .txt (UTF-8/GBK/UTF-16), .html, .docx or .pdf")
    parser.add_argument(
        "--format", choices=("text", "jsonl"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--out", help="write to this file instead of standard output")
    add_max_size(parser)


def run(args: argparse.Namespace) -> int:
    """Segment one file and print it."""
    report = segment(load_document(args.file, max_bytes=max_bytes(args)))
    write_output(
        render_segments_jsonl(report) if args.format == "jsonl" else render_segments_text(report),
        args.out,
    )
    return 0
