"""HTML, DOCX and PDF versions of a report yield the same paragraphs as its UTF-8 text."""

from __future__ import annotations

import html
import io

import pytest

from fzgap import load_document, segment
from fzgap.analyze.errors import CorruptDocumentError, NoTextLayerError
from fzgap.analyze.ingest._pdf import PdfLine, rejoin_lines


def _paragraphs(source) -> list[str]:
    return [p.text for p in segment(load_document(source)).paragraphs]


CHROME_TOP = """
<div class="top"><a href="/">无障碍</a> <a>长者助手</a> <a>登录</a> <span>English</span></div>
<nav><ul><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul></nav>
<div class="menu"><a>机构概况</a><a>新闻中心</a><a>信息公开</a></div>
<div class="crumb">您当前的位置：<a>首页</a> &gt; <a>政务公开</a> &gt; 工作报告</div>
"""
CHROME_INFO = """
<table class="info"><tr><td>索引号：11420300/2024-00012</td><td>发布机构：县政府办公室</td></tr>
<tr><td>发布日期：2024-03-12</td><td>信息来源：县司法局</td></tr></table>
<div class="tools">【字体：<a>大</a> <a>中</a> <a>小</a>】 视力保护色：<a>●</a> 语音播报</div>
"""
CHROME_BOTTOM = """
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="bar"><a>打印本页</a> <a>关闭窗口</a></div>
<div class="links">上一篇：关于做好2024年春耕生产工作的通知</div>
<footer><p>主办单位：清河县人民政府办公室　承办单位：清河县政务服务数据管理局</p>
<p>网站标识码：4205000001　备案号：鄂ICP备00000000号　技术支持：某某信息技术有限公司</p></footer>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
"""


def _as_html(lines: list[str], charset: str = "utf-8") -> bytes:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}">'
        f"<title>{html.escape(lines[0])}_清河县人民政府</title>"
        "<style>p { text-indent: 2em; }</style><script>console.log('x')</script></head><body>"
        f"{CHROME_TOP}<h1>{html.escape(lines[0])}</h1>{CHROME_INFO}"
        f'<div id="zoom" class="TRS_Editor">{body}</div>{CHROME_BOTTOM}</body></html>'
    )
    return page.encode(charset)


def test_html_page_keeps_the_report_and_drops_the_chrome(
    sample_path, sample_lines, tmp_path
) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(_as_html(sample_lines))
    assert _paragraphs(page) == _paragraphs(sample_path)
    text = load_document(page).text
    for chrome in (
        "无障碍",
        "长者助手",
        "当前的位置",
        "索引号",
        "发布日期",
        "字体",
        "视力保护色",
        "分享到",
        "打印本页",
        "关闭窗口",
        "主办单位",
        "备案号",
        "技术支持",
        "统计代码",
        "console",
    ):
        assert chrome not in text


def test_title_only_in_the_head_is_restored(sample_path, sample_lines, tmp_path) -> None:
    page = _as_html(sample_lines).replace(f"<h1>{html.escape(sample_lines[0])}</h1>".encode(), b"")
    (tmp_path / "report.html").write_bytes(page)
    assert _paragraphs(tmp_path / "report.html") == _paragraphs(sample_path)


def test_html_page_in_gbk_with_meta_charset(sample_path, sample_lines, tmp_path) -> None:
    page = tmp_path / "report.htm"
    page.write_bytes(_as_html(sample_lines, charset="gbk"))
    assert _paragraphs(page) == _paragraphs(sample_path)


def test_copied_page_text_loses_the_same_chrome(sample_path, sample_lines, tmp_path) -> None:
    copied = [
        "无障碍版 长者助手 登录",
        "您当前的位置: > >政府工作报告",
        sample_lines[0],
        "信息来源:本网 发布日期:2024-03-12 分享:",
        *sample_lines[1:],
        "分享到：",
        "【字体：大 中 小】 打印本页 关闭窗口",
        "主办单位：清河县人民政府办公室 技术支持：某某公司",
    ]
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(copied), encoding="utf-8")
    assert _paragraphs(path) == _paragraphs(sample_path)


def _as_docx(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(lines[0], level=0)
    for line in lines[1:]:
        if line.startswith(("一、", "二、", "三、", "四、", "五、")):
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_yields_the_same_paragraphs(sample_path, sample_lines, tmp_path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_as_docx(sample_lines))
    assert _paragraphs(path) == _paragraphs(sample_path)


def test_docx_tables_are_read_in_document_order(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、主要举措和成效")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "行政复议案件", "66件"
    document.add_paragraph("二、存在的不足")
    buf = io.BytesIO()
    document.save(buf)
    doc = load_document(buf.getvalue(), name="t.docx")
    assert [b.text for b in doc.blocks] == [
        "一、主要举措和成效",
        "指标 | 数量",
        "行政复议案件 | 66件",
        "二、存在的不足",
    ]


def _as_pdf(lines: list[str], indent: bool) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    size, left, width = 12, 72, 36  # 36 characters a line
    y = A4[1] - 72
    page = 1

    def emit(text: str, x: float) -> None:
        nonlocal y, page
        if y < 72:
            c.drawCentredString(A4[0] / 2, 40, f"- {page} -")
            c.showPage()
            page += 1
            y = A4[1] - 72
        c.setFont("STSong-Light", size)
        c.drawString(x, y, text)
        y -= size * 1.6

    # Wrap by measured width, as a word processor does: a line takes characters while they fit.
    full = width * size
    for line in lines:
        first = indent
        rest = line
        while rest:
            room = full - (2 * size if first else 0)
            n = 1
            while (
                n < len(rest)
                and pdfmetrics.stringWidth(rest[: n + 1], "STSong-Light", size) <= room
            ):
                n += 1
            chunk, rest = rest[:n], rest[n:]
            emit(chunk, left + (2 * size if first else 0))
            first = False
    c.drawCentredString(A4[0] / 2, 40, f"- {page} -")
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("indent", [True, False], ids=["first-line-indent", "flush-left"])
def test_pdf_rejoins_wrapped_lines(sample_lines, tmp_path, indent: bool) -> None:
    # The built-in CID font has no glyph for the middle dot; everything else is drawn as written.
    lines = [line.replace("·", "-") for line in sample_lines]
    (tmp_path / "report.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(_as_pdf(lines, indent))
    assert _paragraphs(tmp_path / "report.pdf") == _paragraphs(tmp_path / "report.txt")


def test_rejoin_keeps_short_lines_and_headings_apart() -> None:
    lines = [
        PdfLine(0, 72, 500, 100, 12, "（一）强化组织领导"),
        PdfLine(0, 96, 500, 120, 12, "全年召开常务会议专题研究法治政府建设工作六次，审议通过"),
        PdfLine(0, 72, 300, 140, 12, "年度报告。"),
        PdfLine(0, 72, 500, 160, 12, "1.持续优化营商环境"),
    ]
    assert rejoin_lines(lines) == [
        "（一）强化组织领导",
        "全年召开常务会议专题研究法治政府建设工作六次，审议通过年度报告。",
        "1.持续优化营商环境",
    ]


def test_fragments_of_one_line_are_joined_before_rejoining() -> None:
    from fzgap.analyze.ingest._pdf import _merge_fragments

    lines = [
        PdfLine(0, 72, 300, 100, 12, "全年召开常务会议专题研究法治"),
        PdfLine(0, 302, 500, 100.2, 12, "政府建设工作六次，审议通过"),
        PdfLine(0, 72, 200, 120, 12, "年度报告。"),
    ]
    assert rejoin_lines(_merge_fragments(lines)) == [
        "全年召开常务会议专题研究法治政府建设工作六次，审议通过年度报告。"
    ]


def test_scanned_pdf_without_text_layer_is_refused(tmp_path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.rect(72, 72, 300, 400, fill=1)  # a page with only graphics, as a scan has
    c.save()
    with pytest.raises(NoTextLayerError, match="no text layer"):
        load_document(buf.getvalue(), name="scan.pdf")


def test_password_protected_pdf_is_refused_by_name() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret"))
    c.drawString(100, 700, "report")
    c.save()
    with pytest.raises(CorruptDocumentError, match="password-protected"):
        load_document(buf.getvalue(), name="locked.pdf")


def test_truncated_pdf_is_corrupt(sample_lines) -> None:
    data = _as_pdf(sample_lines[:5], True)
    with pytest.raises((CorruptDocumentError, NoTextLayerError)):
        load_document(data[: len(data) // 3], name="broken.pdf")


def test_corrupt_docx_is_refused() -> None:
    with pytest.raises(CorruptDocumentError, match="DOCX"):
        load_document(
            b"PK\x03\x04" + b"word/document.xml" + b"\x00garbage" * 50, name="broken.docx"
        )


def test_traditional_characters_are_normalised_for_analysis_only(tmp_path) -> None:
    path = tmp_path / "trad.txt"
    path.write_text(
        "一、主要舉措和成效\n（一）全年辦理行政復議案件６６件，糾錯率１２％。\n", encoding="utf-8"
    )
    paragraphs = segment(load_document(path)).paragraphs
    assert paragraphs[1].text == "（一）全年辦理行政復議案件６６件，糾錯率１２％。"
    assert paragraphs[1].norm == "(一)全年办理行政复议案件66件,纠错率12%。"
    assert paragraphs[0].section == "achievement"
