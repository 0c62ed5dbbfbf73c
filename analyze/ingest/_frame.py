"""The 公文 frame: the lines an official document carries around its body, kept as metadata.

Letterhead (``某县人民政府文件``), 文号 (``某政报〔2024〕5号``, with its 签发人),
主送 (``区委、区政府：``), the disclosure note (``（此件公开发布）``), the contact note
(``（联系人：…）``), and the closing 版记 (``抄送：…``, ``某某办公室 2024年3月28日印发``)
are not paragraphs of the report. 特此报告, the signature, the date and the 附件 stay in
the body: they are parts of the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fzgap.analyze.ingest._document import Block
from fzgap.analyze.text import SENTENCE_ENDS

__all__ = ["split_frame", "FRAME_KEYS"]

#: The ``Document.meta`` keys this module fills.
FRAME_KEYS = (
    "letterhead",
    "doc_number",
    "signer",
    "addressee",
    "disclosure",
    "contact",
    "cc",
    "issued",
    "issued_date",
)

_YEAR_BRACKETS = r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]"
_DOC_NUMBER = re.compile(
    rf"^(?P<num>[\u4e00-\u9fffA-Za-z]{{1,16}}\s*{_YEAR_BRACKETS}\s*(?:第\s*)?\d{{1,4}}\s*号)"
    r"(?:\s*签发人\s*[:：]\s*(?P<signer>[\u4e00-\u9fff·、，,\s]{2,30}))?$"
)
_SIGNER = re.compile(r"^签发人\s*[:：]\s*(?P<signer>[\u4e00-\u9fff·、，,\s]{2,30})$")
_LETTERHEAD = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}文\s*件$")
# An addressee is an organ's name: it ends with the name of a kind of organ.
_ORGAN = (
    r"(?:委员会|人民政府|政府|党委|党工委|党组|委|办公室|办|厅|局|部|院|会|处|室|组|中心|所|"
    r"管委会|办事处|公司|署|馆|站|队|团)"
)
_ORGAN_NAME = re.compile(rf"^[\u4e00-\u9fff（）()]{{1,30}}{_ORGAN}$")
_ORGANS = rf"[\u4e00-\u9fff（）()]{{1,30}}?{_ORGAN}"
_ADDRESSEE = re.compile(rf"^(?P<to>{_ORGANS}(?:\s*[、，,]\s*{_ORGANS})*)\s*[:：]$")
_CC = re.compile(r"^抄\s*送\s*[:：]\s*(?P<cc>.+)$")
_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_ISSUED = re.compile(
    rf"^(?P<by>[\u4e00-\u9fff（）()]{{0,40}})\s*(?P<date>{_DATE})\s*(?:印\s*发|印\s*制)$"
)
# The last characters an 印发 line can have (``$`` also matches before a final newline): a
# cheap test that spares the pattern's backtracking on every body line.
_ISSUED_ENDS = ("发", "制", "发\n", "制\n")
_DISCLOSURE = re.compile(r"^[（(]\s*此件[^()（）]{2,12}[)）]$")
_CONTACT = re.compile(r"^[（(]\s*联系人\s*[:：][^()（）]{1,80}[)）]$")
#: How far from the top the 文号 and 主送 may stand (site chrome may still sit above them).
_TOP = 30


def _organ_list(text: str) -> bool:
    """A line listing organs (``区法院，区检察院。``): the rest of a 抄送 list."""
    parts = re.split(r"\s*[，,、]\s*", text.rstrip("。. "))
    return len(text) <= 80 and all(_ORGAN_NAME.match(p) for p in parts)


def _substantive(text: str) -> bool:
    """A line of report prose: long, or ending a sentence."""
    return len(text) > 40 or text[-1:] in SENTENCE_ENDS


def _iso(date: str) -> str | None:
    m = re.match(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", date)
    return f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_frame(blocks: Sequence[Block]) -> tuple[list[Block], dict[str, str]]:
    """Take the 公文 frame lines out of a report's blocks.

    Parameters
    ----------
    blocks : sequence of Block
        The report's blocks in reading order, rejoined and without site chrome.

    Returns
    -------
    blocks : list of Block
        The blocks without frame lines.
    meta : dict of str to str
        What the frame said, under the keys of :data:`FRAME_KEYS` that were found:
        ``doc_number``, ``addressee``, ``cc`` and ``issued`` (the 印发 line), ``issued_date``
        (ISO ``YYYY-MM-DD``), ``letterhead``, ``signer``, ``disclosure``, ``contact``.
    """
    texts = [b.text for b in blocks]
    n = len(texts)
    meta: dict[str, str] = {}
    drop: set[int] = set()
    first_body = next((i for i, t in enumerate(texts) if _substantive(t)), n)
    for i in range(min(first_body, _TOP, n)):
        t = texts[i]
        if blocks[i].hint == "table":
            continue
        if m := _DOC_NUMBER.match(t):
            meta.setdefault("doc_number", re.sub(r"\s+", "", m["num"]))
            if m["signer"]:
                meta.setdefault("signer", _clean(m["signer"]))
            drop.add(i)
        elif m := _SIGNER.match(t):
            meta.setdefault("signer", _clean(m["signer"]))
            drop.add(i)
        elif _LETTERHEAD.match(t) and any(_DOC_NUMBER.match(s) for s in texts[i + 1 : i + 4]):
            meta.setdefault("letterhead", re.sub(r"\s+", "", t))
            drop.add(i)
        elif i >= 1 and len(t) <= 40 and "addressee" not in meta and (m := _ADDRESSEE.match(t)):
            # Right after the title or the 文号: a short line of organs ending in a colon.
            meta["addressee"] = _clean(m["to"])
            drop.add(i)
    # The 版记 closes the document, after any 附件; its two line shapes occur nowhere else.
    i = first_body
    while i < n:
        t = texts[i]
        if m := _CC.match(t):
            cc = _clean(m["cc"])
            drop.add(i)
            # A long 抄送 list runs on to lines of its own.
            while i + 1 < n and cc[-1:] not in "。." and _organ_list(texts[i + 1]):
                i += 1
                cc = f"{cc}{_clean(texts[i])}"
                drop.add(i)
            meta.setdefault("cc", cc.rstrip("。."))
        elif t.endswith(_ISSUED_ENDS) and (m := _ISSUED.match(t)):
            meta.setdefault("issued", _clean(t))
            if iso := _iso(m["date"]):
                meta.setdefault("issued_date", iso)
            drop.add(i)
        i += 1
    for i, t in enumerate(texts):
        if _DISCLOSURE.match(t):
            meta.setdefault("disclosure", t.strip("（）() "))
            drop.add(i)
        elif i >= first_body and _CONTACT.match(t):
            meta.setdefault("contact", t.strip("（）() "))
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop], meta
