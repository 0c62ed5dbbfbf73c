"""Agreement of a segmentation with labelled paragraphs: did each get the right section?"""

from __future__ import annotations

from collections.abc import Sequence

from fzgap.analyze.segment._segment import Paragraph
from fzgap.model.textnorm import normalize

__all__ = ["section_agreement"]


def _key(text: str) -> str:
    return normalize(text).replace(" ", "")


def section_agreement(
    labelled: Sequence[tuple[str, str]], paragraphs: Sequence[Paragraph]
) -> list[set[str]]:
    """The sections the segmenter gave to the text of each labelled paragraph.

    The segmenter may cut a labelled paragraph in pieces (joined items, a merged section's
    item) or drop a line (page furniture): texts are aligned character by character, so each
    labelled paragraph gets the set of sections of the pieces that cover it (empty if none).
    A labelled paragraph is right when its set is exactly ``{its section}``.

    Parameters
    ----------
    labelled : sequence of (text, section)
        The true paragraphs in order.
    paragraphs : sequence of Paragraph
        The segmenter's paragraphs of the same report.

    Returns
    -------
    list of set of str
        One set per labelled paragraph.
    """
    cat, owner = "", []
    for j, (text, _) in enumerate(labelled):
        k = _key(text)
        cat += k
        owner += [j] * len(k)
    got: list[set[str]] = [set() for _ in labelled]
    pos = 0
    for p in paragraphs:
        k = _key(p.text)
        at = cat.find(k, pos) if k else -1
        if at < 0:
            continue
        for j in set(owner[at : at + len(k)]):
            got[j].add(p.section)
        pos = at + len(k)
    return got
