"""Mechanical layout variants of a whole report, for tests: the same report typed another way.

Every transform takes the report as text (one paragraph a line, as the samples are) and returns
text; those that choose anything take a ``seed`` and give the same output for the same seed.
They are written independently of fzgap's own heading and reflow code, so that a bug there
cannot hide itself. Import from a test as ``from layouts import hard_wrap`` (``tests/`` is on
the path through its ``conftest.py``).
"""

from __future__ import annotations

import random
import re
import unicodedata

__all__ = [
    "strip_heading_numbers",
    "arabic_numbering",
    "remove_blank_lines",
    "add_blank_lines",
    "hard_wrap",
    "gongwen_frame",
    "variants",
    "PAGE_NUMBER_FORMS",
]

_CN = "一二三四五六七八九十"
_HEADING = re.compile(
    rf"^(?P<m>第[{_CN}]+部分\s*|[{_CN}]{{1,3}}、|[（(][{_CN}]{{1,3}}[)）]|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[)）])"
    r"(?P<t>[^。；;！!？?]{2,40})$"
)
_CN_TOP = re.compile(rf"^([{_CN}]{{1,3}})、")
_CN_PAREN = re.compile(rf"^[（(]([{_CN}]{{1,3}})[)）]")
# a digit after the dot is a decimal (1.5万), except a year: "9.2024年工作安排" is item 9
_NUM = re.compile(r"^(\d{1,2})[.．、](?!\d(?!\d{3}年))")
_NUM_PAREN = re.compile(r"^[（(](\d{1,2})[)）]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_NO_LINE_START = "，。、；：！？）》”’」』%％"
#: The page-number forms ``hard_wrap`` mixes: ``{n}`` the page, ``{total}`` the page count.
PAGE_NUMBER_FORMS = (
    "— {n} —",
    "-{n}-",
    "- {n} -",
    "第{n}页 共{total}页",
    "第 {n} 页",
    "{n}/{total}",
    "{n}",
)
_SIGNATURE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[\u4e00-\u9fff（）()]{2,40}"
    r"(?:人民政府|政府|局|委员会|委|办公室|办事处|管委会|镇|乡|街道|党委|党工委|中心))$"
)


# A 主送 line: organs, then a colon (``县人民政府：``, ``区委、区政府：``).
_ADDRESSEE = re.compile(
    r"^[\u4e00-\u9fff（）()、，,]{1,40}"
    r"(?:人民政府|政府|局|委员会|委|办公室|办|办事处|管委会|党委|党工委|中心)[:：]$"
)


def _lines(text: str) -> list[str]:
    return [s.strip() for s in text.splitlines() if s.strip()]


def _title_at(lines: list[str]) -> int | None:
    """The title's line: the first naming a report near the top (copied pages have menus above)."""
    return next(
        (
            i
            for i, s in enumerate(lines[:12])
            if "报告" in s and len(s) <= 70 and not re.search(r"[:：>|。]", s)
        ),
        None,
    )


def _cn(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN.index(s[1]) + 1
    if len(s) == 2 and s[1] == "十":
        return (_CN.index(s[0]) + 1) * 10
    if len(s) == 3:
        return (_CN.index(s[0]) + 1) * 10 + _CN.index(s[2]) + 1
    return _CN.index(s) + 1


def strip_heading_numbers(text: str) -> str:
    """Remove the numbering of every heading that stands alone on its line.

    ``一、主要举措和成效`` → ``主要举措和成效``, ``（二）严格规范公正文明执法`` →
    ``严格规范公正文明执法``, also ``第一部分``, ``1.`` and ``(1)`` headings. A heading is a
    numbered line of 2–40 characters without a sentence end; run-in headings and list items
    (``（一）标题。正文……``, ``一是……``) keep their numbers, as a copied Word file does.
    """
    out = []
    for line in _lines(text):
        m = _HEADING.match(line)
        out.append(m["t"].strip() if m else line)
    return "\n".join(out) + "\n"


def arabic_numbering(text: str) -> str:
    """Renumber with Arabic numerals, as departments do: ``一、`` → ``1.``, ``（一）`` → ``(1)``.

    Where the report already uses ``1.`` or ``(1)`` below them, those move one style down to
    ``①`` so that no two levels share a style (when both exist, ``(1)`` items keep theirs).
    Run-in headings and list lines are renumbered too; ``一是`` items are left alone.
    """
    lines = _lines(text)
    has_num = any(_NUM.match(s) for s in lines)
    has_paren = any(_NUM_PAREN.match(s) for s in lines)
    out = []
    for s in lines:
        if m := _CN_TOP.match(s):
            s = f"{_cn(m[1])}.{s[m.end() :]}"
        elif m := _CN_PAREN.match(s):
            s = f"({_cn(m[1])}){s[m.end() :]}"
        else:
            m = (_NUM.match(s) if has_num else None) or (
                _NUM_PAREN.match(s) if has_paren and not has_num else None
            )
            if m and int(m[1]) <= 20:
                s = f"{_CIRCLED[int(m[1]) - 1]}{s[m.end() :]}"
        out.append(s)
    return "\n".join(out) + "\n"


def remove_blank_lines(text: str) -> str:
    """The report with no blank lines."""
    return "\n".join(_lines(text)) + "\n"


def add_blank_lines(text: str) -> str:
    """The report with a blank line after every paragraph."""
    return "\n\n".join(_lines(text)) + "\n"


def _width(s: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in s)


def _wrap(paragraph: str, width: int, indent: bool) -> list[str]:
    """Break a paragraph at ``width`` columns, keeping punctuation off line starts."""
    lines: list[str] = []
    line, used = ("\u3000\u3000", 2.0) if indent else ("", 0.0)
    for ch in paragraph:
        w = _width(ch)
        if used + w > width and line.strip():
            if ch in _NO_LINE_START:
                # As a word processor does: the mark stays on the line it closes.
                lines.append(line + ch)
                line, used = "", 0.0
                continue
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    if line.strip():
        lines.append(line)
    return lines


def hard_wrap(
    text: str,
    seed: int = 0,
    *,
    width: int | None = None,
    page_lines: int | None = None,
    header: str | None = None,
    indent: bool = False,
) -> str:
    """The report as text pasted from a PDF: hard-wrapped, with page numbers and a running header.

    Each paragraph is broken at ``width`` display columns (Chinese characters take one, ASCII
    half a column), numbers included (``共受理12`` / ``6件``), keeping punctuation off the start
    of a line. After every ``page_lines`` lines comes a page number, in a form the seed picks
    from :data:`PAGE_NUMBER_FORMS` for each page, and from page 2 on a running header (the
    report's title unless ``header`` is given) heads each page.

    Parameters
    ----------
    text : str
        The report, one paragraph a line.
    seed : int
        Chooses the width (30–45) and page length (22–30 lines) when not given, and the
        page-number forms.
    width, page_lines : int, optional
    header : str, optional
        The running header; ``""`` for none.
    indent : bool
        Start each paragraph with two full-width spaces, as many PDFs do. Without it a
        paragraph that ends exactly at the margin is indistinguishable from one that goes on.

    Returns
    -------
    str
    """
    rng = random.Random(seed)
    width = width or rng.randint(30, 45)
    page_lines = page_lines or rng.randint(22, 30)
    paragraphs = _lines(text)
    if header is None:
        # A report without a title line gets the header line a PDF of it would carry.
        at = _title_at(paragraphs)
        header = paragraphs[at] if at is not None else "法治政府建设情况报告"
    wrapped = [ln for p in paragraphs for ln in _wrap(p, width, indent)]
    pages = [wrapped[i : i + page_lines] for i in range(0, len(wrapped), page_lines)]
    forms = [rng.choice(PAGE_NUMBER_FORMS) for _ in pages]
    out: list[str] = []
    for n, page in enumerate(pages, 1):
        if n > 1 and header:
            out.append(header)
        out.extend(page)
        out.append(forms[n - 1].format(n=n, total=len(pages)))
    return "\n".join(out) + "\n"


def gongwen_frame(text: str, seed: int = 0) -> str:
    """The report set in a 公文 frame: 文号, title, 主送, body, 特此报告, signature, 抄送, 印发.

    The 文号 comes first (``某政报〔2025〕7号``: an abbreviation of the unit, the year after
    the report's year), then the title, then a 主送 line (``市人民政府：`` or ``区委、区政府：``),
    the body, ``特此报告。`` before the signature when the report has none, and the 版记:
    ``抄送：…。`` and ``… 办公室  YYYY年M月D日印发``. The seed picks the addressees and numbers.
    A report that already opens with a 文号 is returned as it is; one whose title is followed
    by its own 主送 line keeps that line as the frame's only 主送.
    """
    rng = random.Random(seed)
    lines = _lines(text)
    if re.search(r"〔(?:19|20)\d{2}〕", lines[0]):
        return "\n".join(lines) + "\n"  # already in a frame
    at = _title_at(lines)
    if at is None:  # no title line: the frame goes around the body as it is
        above, title, at = [], "", -1
    else:
        above, title = lines[:at], lines[at]
    m = re.search(r"((?:19|20)\d{2})", title)
    year = int(m[1]) + 1 if m else 2025
    unit = re.split(r"(?:关于)?(?:19|20)\d{2}", title)[0] or "某县人民政府"
    abbrev = (unit[:1] or "某") + rng.choice(["政报", "政发", "府办函", "政"])
    number = f"{abbrev}〔{year}〕{rng.randint(1, 40)}号"
    addressee = rng.choice(
        ["市人民政府：", "区委、区政府：", "县委、县人民政府：", "市委依法治市办："]
    )
    body = lines[at + 1 :]
    if body and _ADDRESSEE.match(body[0]):
        # The report names its own 主送 under the title; a 公文 prints one, so it stays the one.
        addressee, body = body[0], body[1:]
    tail = 0
    while tail < min(3, len(body)) and _SIGNATURE.match(body[len(body) - 1 - tail]):
        tail += 1
    main, signature = body[: len(body) - tail], body[len(body) - tail :]
    if not any(s.startswith("特此报告") for s in body):
        main = [*main, "特此报告。"]
    cc = rng.choice(
        ["抄送：市委依法治市办，市司法局。", "抄送：区委办公室，区人大常委会办公室，区政协办公室。"]
    )
    issued = f"{unit}办公室  {year}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日印发"
    framed = [*above, number, *([title] if title else []), addressee, *main, *signature, cc, issued]
    return "\n".join(framed) + "\n"


def variants(text: str, seed: int = 0) -> dict[str, str]:
    """Every layout variant of a report, by name: the inputs of a layout-invariance test."""
    return {
        "unnumbered": strip_heading_numbers(text),
        "arabic": arabic_numbering(text),
        "no_blank_lines": remove_blank_lines(text),
        "blank_lines": add_blank_lines(text),
        "wrapped": hard_wrap(text, seed),
        "wrapped_indented": hard_wrap(text, seed, indent=True),
        "gongwen": gongwen_frame(text, seed),
    }
