"""Government-website chrome: recognise the lines a copied or saved page carries besides the report.

One filter serves HTML pages and text copied from them, so both lose the same chrome.
"""

from __future__ import annotations

import re

from fzgap.analyze.text import SENTENCE_ENDS, looks_like_title

__all__ = ["is_chrome_line", "page_mask"]

# Labels of the info rows and widgets, each optionally followed by a value up to the next label.
_FIELD = (
    r"(?:索引号|主题分类|发布机构|发文机关|发文字号|成文日期|发布日期|发布时间|公开日期|生效日期|信息来源|来源|"
    r"浏览次数|阅读次数|访问次数|点击数|点击量|浏览量|作者|责任编辑|编辑|文章来源|分类|体裁分类|公开方式|公开范围|"
    r"有效性|时效|文号|所属机构|组配分类|信息类别|关键词|扫一扫|分享到|分享)"
)
_FIELD_ROW = re.compile(r"(?:^|(?<=[\s|｜】\]]))" + _FIELD + r"\s*[:：]")
_WIDGETS = re.compile(
    r"无障碍(?:浏览|阅读|版)?|长者(?:助手|模式|版)|适老化|关怀版|登录|注册|个人中心|English|繁体|简体|"
    r"字号|字体|[【\[]?\s*[大中小]\s*[大中小]\s*[大中小]\s*[】\]]?|默认|视力保护色|护眼模式|背景色|"
    r"分享到?|微信|微博|QQ空间|打印(?:本页|此页|文章)?|关闭(?:本页|窗口|页面)?|收藏|"
    r"语音播报|朗读|播放|暂停|停止|返回顶部|回到顶部|返回|纠错|我要纠错|"
    r"触碰右侧展开|扫一扫(?:在手机(?:上)?(?:打开|查看)(?:当前页)?)?|手机版|移动版|"
    r"网站地图|联系我们|网站声明|隐私声明|使用帮助|相关链接|政务微博|政务微信|"
    r"上一篇|下一篇|上一条|下一条|首页|当前位置|您当前的位置|您现在的位置|您的位置|所在位置|当前页"
)
_FOOTER = re.compile(
    r"主办单位|承办单位|主办[:：]|承办[:：]|协办单位|技术支持|运行维护|网站标识码|版权所有|备案号|ICP备|"
    r"公网安备|Copyright|©|建议使用.{0,20}浏览器|分辨率|政府网站找错"
)
_BREADCRUMB = re.compile(
    r"^(?:您当前的位置|您现在的位置|您的位置|当前位置|所在位置)\s*[:：]?|^首页\s*[>＞›»]|^(?:上一篇|下一篇|上一条|下一条)\s*[:：]"
)
_DATEISH = re.compile(r"[\d\s:：\-/年月日.时分秒]+")
_RESIDUE = re.compile(r"[\s>＞›»|｜/\\·•:：,，、;；\[\]【】()（）\-—_=+*#]+")


def is_chrome_line(line: str) -> bool:
    """Tell whether ``line`` is site chrome (navigation, info row, widget, footer), not report text.

    A line of report prose is never chrome: a line that ends a sentence and runs past
    40 characters is kept whatever words it holds.

    Parameters
    ----------
    line : str
        One line, already stripped.

    Returns
    -------
    bool
    """
    s = line.strip()
    if not s:
        return False
    if len(s) > 40 and s[-1] in SENTENCE_ENDS:
        return False
    if _BREADCRUMB.search(s) and len(s) <= 80:
        return True
    if _FOOTER.search(s) and len(s) <= 160 and not s.endswith("。"):
        return True
    if len(s) > 120:
        return False
    rest = _FIELD_ROW.sub(" ", s) if _FIELD_ROW.search(s) else s
    had_field = rest != s
    rest = _WIDGETS.sub(" ", rest)
    if had_field:
        # Field values (a date, a unit name, a count) remain: allow short leftovers.
        leftovers = [t for t in _RESIDUE.split(rest) if t and not _DATEISH.fullmatch(t)]
        return sum(len(t) for t in leftovers) <= max(24, len(s) // 2)
    if rest == s:
        return False
    residue = _RESIDUE.sub("", rest)
    return len(residue) <= 2


def _menu_row(line: str) -> bool:
    """A row of three or more short link texts (首页 | 政务公开 | 政务服务 …)."""
    tokens = [t for t in re.split(r"[|｜·•/\s]+", line) if t]
    return (
        len(tokens) >= 3 and all(len(t) <= 8 for t in tokens) and not re.search(r"[。，,；;]", line)
    )


def _substantive(line: str) -> bool:
    return len(line) > 40 or line.rstrip()[-1:] in SENTENCE_ENDS


def page_mask(lines: list[str]) -> list[bool]:
    """Mark the lines to keep: not chrome, not the menu above the title, not below a page footer.

    Parameters
    ----------
    lines : list of str
        Stripped, non-empty lines of a page or of text copied from one.

    Returns
    -------
    list of bool
        ``True`` for each line that belongs to the report.
    """
    n = len(lines)
    keep = [not is_chrome_line(s) for s in lines]
    footer = [not keep[i] and bool(_FOOTER.search(s)) for i, s in enumerate(lines)]
    title = next((i for i in range(min(n, 60)) if keep[i] and looks_like_title(lines[i])), None)
    first_body = next((i for i in range(n) if keep[i] and _substantive(lines[i])), n)
    # Only above a recognised title is it safe to drop short lines: elsewhere they may be headings.
    head_end = title if title is not None and title <= first_body else 0
    for i in range(head_end):
        # Menu entries above the report title: short lines, or rows of short link texts.
        if keep[i] and not _substantive(lines[i]) and (len(lines[i]) <= 20 or _menu_row(lines[i])):
            keep[i] = False
    last_body = max((i for i in range(n) if keep[i] and _substantive(lines[i])), default=-1)
    cut = next((i for i in range(last_body + 1, n) if footer[i]), None)
    if cut is not None:
        for i in range(cut, n):
            keep[i] = False
    return keep
