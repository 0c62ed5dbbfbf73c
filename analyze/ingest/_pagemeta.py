"""Page metadata a government website carries beside a report: its publication date, its 文号.

Chrome stripping drops the info rows (``发布日期：2024-03-28``); what they say is kept here,
as is the date in the ``<meta name="PubDate">``-style tags content systems write in a page's head.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

__all__ = ["iso_date", "meta_from_rows", "meta_from_html_head"]

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)"
    r"|(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?!\d))"
)
_LABEL_END = r"\s*[:：]\s*"
# The row labels, by the meta key their value goes to; the first label found wins.
_ROW_LABELS: tuple[tuple[str, str], ...] = (
    ("published", r"(?:发布日期|发布时间|公开日期|公开时间|发稿时间|上网时间)"),
    ("written", r"(?:成文日期|成文时间|印发日期)"),
)
_DOC_NUMBER_ROW = re.compile(
    r"(?:发文字号|文\s*号)\s*[:：]\s*(?P<v>[^\s|｜:：]{0,16}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号)"
)
_META_TAG = re.compile(r"<meta\b[^>]{0,600}>", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# Names content systems give the publication date, most specific first.
_PUBLISHED_NAMES = (
    "pubdate",
    "publishdate",
    "publish_date",
    "publishdatetime",
    "firstpublishedtime",
    "publishedtime",
    "published_time",
    "article:published_time",
    "og:published_time",
    "og:release_date",
    "releasedate",
    "datepublished",
    "dcterms.issued",
    "dc.date.issued",
    "dc.date",
    "date",
)
#: Bytes of a page searched for head tags: a head never runs longer.
_HEAD_CHARS = 200_000


def iso_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO ``YYYY-MM-DD`` (``2024年3月28日``, ``2024/3/28``).

    Parameters
    ----------
    text : str

    Returns
    -------
    str or None
        ``None`` when no valid date is written there.
    """
    for m in _DATE.finditer(text):
        month, day = (m["m"], m["d"]) if m["m"] else (m["m2"], m["d2"])
        try:
            return dt.date(int(m["y"]), int(month), int(day)).isoformat()
        except ValueError:
            continue
    return None


def meta_from_rows(lines: Iterable[str]) -> dict[str, str]:
    """Read the publication date, the writing date and the 文号 from a page's info rows.

    Parameters
    ----------
    lines : iterable of str
        The lines chrome stripping removed.

    Returns
    -------
    dict of str to str
        ``published`` and ``written`` (ISO dates) and ``doc_number``, those found.
    """
    meta: dict[str, str] = {}
    for line in lines:
        for key, label in _ROW_LABELS:
            if key in meta:
                continue
            m = re.search(label + _LABEL_END + r"(?P<v>[^|｜]{0,40})", line)
            if m and (iso := iso_date(m["v"])):
                meta[key] = iso
        if "doc_number" not in meta and (m := _DOC_NUMBER_ROW.search(line)):
            meta["doc_number"] = re.sub(r"\s+", "", m["v"])
    return meta


def meta_from_html_head(page: str) -> dict[str, str]:
    """Read the publication date from a page's ``<meta>`` tags (``PubDate``, ``publishdate`` …).

    Parameters
    ----------
    page : str
        The decoded HTML page.

    Returns
    -------
    dict of str to str
        ``{"published": "YYYY-MM-DD"}``, or empty when no tag gives a valid date.
    """
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(page[:_HEAD_CHARS]):
        attrs = {
            m[1].lower(): next(v for v in m.groups()[1:] if v is not None)
            for m in _ATTR.finditer(tag.group(0))
        }
        name = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        if name in _PUBLISHED_NAMES and name not in found:
            iso = iso_date(attrs.get("content", ""))
            if iso:
                found[name] = iso
    best = next((found[n] for n in _PUBLISHED_NAMES if n in found), None)
    return {"published": best} if best else {}
