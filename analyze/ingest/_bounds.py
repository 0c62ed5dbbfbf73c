"""Bounds on what one block may hold, so that the cost of an audit stays linear in the input."""

from __future__ import annotations

from fzgap.analyze.ingest._document import Block

__all__ = ["bound_blocks", "MAX_BLOCK_CHARS"]

#: The most characters one block (and so one scored paragraph) may hold. Real paragraphs hold
#: a few hundred; a longer block (a whole file on one line, text without line ends) is cut at the
#: last sentence end before this length, or at the length itself when there is none.
MAX_BLOCK_CHARS = 2000
_ENDS = "。！？；!?;"


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
    if all(len(b.text) <= MAX_BLOCK_CHARS for b in blocks):
        return blocks, ()
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
    return tuple(out), (note,)
