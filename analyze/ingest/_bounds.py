"""Bounds on what one block may hold, so that the cost of an audit stays linear in the input."""

from __future__ import annotations

from fzgap.analyze.ingest._document import Block

__all__ = ["bound_blocks", "MAX_BLOCK_CHARS", "SHORT_RUN", "SHORT_CHARS"]

#: The most characters one block (and so one scored paragraph) may hold. Real paragraphs hold
#: a few hundred; a longer block (a whole file on one line, text without line ends) is cut at the
#: last sentence end before this length, or at the length itself when there is none.
MAX_BLOCK_CHARS = 2000
_ENDS = "。！？；!?;"
#: A run of at least this many consecutive blocks of at most SHORT_CHARS characters is joined:
#: no report has fifty such lines in a row, and 200,000 one-character lines would otherwise be
#: scored as 200,000 paragraphs.
SHORT_RUN = 50
SHORT_CHARS = 3


def _pieces(text: str) -> list[str]:
    """Cut ``text`` into pieces of at most MAX_BLOCK_CHARS, preferring sentence ends."""
    out: list[str] = []
    start = 0
    while len(text) - start > MAX_BLOCK_CHARS:
        window = text[start : start + MAX_BLOCK_CHARS]
        cut = max(window.rfind(c) for c in _ENDS) + 1
        if cut < MAX_BLOCK_CHARS // 4:
            cut = MAX_BLOCK_CHARS  # no sentence end near: a hard cut, no text is lost
        out.append(window[:cut])
        start += cut
    out.append(text[start:])
    return [p for p in out if p.strip()]


def bound_blocks(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Split blocks longer than :data:`MAX_BLOCK_CHARS`; return the blocks and a note saying so.

    Parameters
    ----------
    blocks : tuple of Block
        Blocks in reading order.

    Returns
    -------
    blocks : tuple of Block
        The same text, no block longer than the bound.
    notes : tuple of str
        One sentence in Chinese when a block was split, else empty.
    """
    blocks, joined = _join_short_runs(blocks)
    notes = (
        (f"有 {joined} 行连续的极短行（每行不超过 {SHORT_CHARS} 字）已合并为段落",)
        if joined
        else ()
    )
    if all(len(b.text) <= MAX_BLOCK_CHARS for b in blocks):
        return blocks, notes
    out: list[Block] = []
    split = 0
    for b in blocks:
        if len(b.text) <= MAX_BLOCK_CHARS:
            out.append(b)
            continue
        split += 1
        out += [Block(p, b.hint) for p in _pieces(b.text)]
    note = (
        f"有 {split} 段超过 {MAX_BLOCK_CHARS} 字，已在句末（或每 {MAX_BLOCK_CHARS} 字处）"
        "切分后再评分"
    )
    return tuple(out), (*notes, note)


def _join_short_runs(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], int]:
    """Join long runs of very short blocks into blocks of up to MAX_BLOCK_CHARS."""
    out: list[Block] = []
    joined = 0
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and len(blocks[j].text) <= SHORT_CHARS:
            j += 1
        if j - i >= SHORT_RUN:
            text = "".join(b.text for b in blocks[i:j])
            out += [
                Block(text[k : k + MAX_BLOCK_CHARS]) for k in range(0, len(text), MAX_BLOCK_CHARS)
            ]
            joined += j - i
            i = j
        else:
            out += blocks[i : max(j, i + 1)]
            i = max(j, i + 1)
    return tuple(out), joined
