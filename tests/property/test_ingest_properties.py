"""Properties of ingestion, one per kind of input, each with the one outcome that input must have:
its text as a Document, or one specific typed InputError; and segmentation loses no body text."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from fzgap import Document, load_document, segment
from fzgap.analyze.errors import (
    BinaryDataError,
    CorruptDocumentError,
    EmptyDocumentError,
    EncodingDetectionError,
    FormatMismatchError,
    HostileDocumentError,
    InputError,
    NotChineseError,
    NoTextLayerError,
    UnsupportedFormatError,
)

HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
WORD = st.text(HANZI, min_size=2, max_size=12)
PUNCT = st.sampled_from(["，", "、", "：", "；"])
#: The 3,755 common hanzi (GB2312 level 1): text every supported encoding can carry.
COMMON = [
    bytes([hi, lo]).decode("gb2312")
    for hi in range(0xB0, 0xD8)
    for lo in range(0xA1, 0xFF)
    if not (hi == 0xD7 and lo > 0xF9)
]
#: Control characters that are neither whitespace nor line breaks.
CONTROLS = "".join(map(chr, [*range(0x01, 0x09), *range(0x0E, 0x20)]))


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(st.tuples(WORD, PUNCT), min_size=1, max_size=5))
    digits = draw(st.one_of(st.just(""), st.integers(1, 9999).map(lambda n: f"{n}件")))
    return "".join(w + p for w, p in parts)[:-1] + digits + "。"


@st.composite
def bodies(draw) -> str:
    prefix = draw(st.sampled_from(["", "一是", "（一）", "1.", "二、", "(3)"]))
    return prefix + "".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


@st.composite
def prose_lines(draw) -> list[str]:
    """Lines of report prose: common hanzi and punctuation, over 40 characters, each a sentence
    (the shape a report line has and site chrome never has)."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        words = draw(
            st.lists(
                st.text(st.sampled_from(COMMON), min_size=2, max_size=10), min_size=5, max_size=12
            )
        )
        line = "，".join(words)
        while len(line) <= 40:
            line += "，" + line
        lines.append(line + "。")
    return lines


# --- inputs that must give a Document ------------------------------------------------------------

#: Encoding → how fzgap names it: the encodings a supervisor's files come in.
ENCODINGS = {
    "utf-8": ("utf-8", b""),
    "utf-8-sig": ("utf-8", codecs.BOM_UTF8),
    "utf-16-le": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16-be": ("utf-16-be", codecs.BOM_UTF16_BE),
    "gb18030": ("gb18030", b""),
}


@settings(max_examples=80, deadline=None)
@given(
    prose_lines(), st.sampled_from(["\n", "\r\n", "\r", "\n\n"]), st.sampled_from(sorted(ENCODINGS))
)
def test_report_text_in_a_supported_encoding_gives_its_lines(
    lines: list[str], newline: str, name: str
) -> None:
    codec, bom = ENCODINGS[name]
    data = bom + newline.join(lines).encode(codec)
    if name == "gb18030":
        # bytes that also read as UTF-8 are UTF-8: the property is about GB18030-only bytes
        assume(not _is_utf8(data))
    doc = load_document(data, name="report.txt")
    assert isinstance(doc, Document)
    assert (doc.format, doc.encoding, doc.removed) == ("text", name, 0)
    assert [b.text for b in doc.blocks] == lines
    assert doc.text == "\n".join(lines)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- inputs that must give one typed error -------------------------------------------------------


def _refused(data: bytes, error: type[InputError], name: str | None = "fuzz.txt") -> InputError:
    """Load ``data`` and return the error, which must be exactly ``error``, one line, named."""
    with pytest.raises(InputError) as info:
        load_document(data, name=name)
    exc = info.value
    assert type(exc) is error, f"{type(exc).__name__}: {exc}"
    assert "\n" not in str(exc) and str(exc).startswith(f"{name or '<bytes>'}: ")
    return exc


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE]),
    st.lists(st.sampled_from([b" ", b"\t", b"\r", b"\n", b"\x00"]), max_size=200),
)
def test_blank_input_is_an_empty_document(bom: bytes, blank: list[bytes]) -> None:
    exc = _refused(bom + b"".join(blank), EmptyDocumentError)
    assert exc.problem == "是空文件"


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from(CONTROLS), min_size=1, max_size=500))
def test_control_bytes_are_binary_data(controls: str) -> None:
    _refused(controls.encode("ascii"), BinaryDataError)


@settings(max_examples=40, deadline=None)
@given(prose_lines(), st.data())
def test_text_full_of_control_characters_is_binary_data(
    lines: list[str], data: st.DataObject
) -> None:
    text = list("\n".join(lines))
    # over 1% of the characters: more than a stray control character in a real report
    for _ in range(len(text) // 40 + 1):
        at = data.draw(st.integers(0, len(text)))
        text.insert(at, data.draw(st.sampled_from(CONTROLS + "\x00")))
    _refused("".join(text).encode("utf-8"), BinaryDataError)


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789 "), min_size=1), st.data())
def test_bytes_no_supported_encoding_reads_are_an_encoding_error(
    ascii_text: str, data: st.DataObject
) -> None:
    # 0xFF is valid in neither UTF-8 nor GB18030, and an odd length rules out UTF-16
    raw = bytearray(b"a" + ascii_text.encode("ascii"))
    for _ in range(data.draw(st.integers(1, 5))):
        raw.insert(data.draw(st.integers(1, len(raw))), 0xFF)
    if len(raw) % 2 == 0:
        raw += b"a"
    _refused(bytes(raw), EncodingDetectionError)


#: Magic bytes of formats fzgap does not read → words of the message that says what the file is.
UNSUPPORTED = {
    b"\x89PNG\r\n\x1a\n": "这是图片",
    b"\xff\xd8\xff\xe0": "这是图片",
    b"GIF89a": "这是图片",
    b"II*\x00": "这是图片",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "这是旧版 Office 文件",
    b"\x1f\x8b\x08": "这是压缩包",
    b"7z\xbc\xaf\x27\x1c": "这是压缩包",
    b"Rar!\x1a\x07": "这是压缩包",
    b"{\\rtf1": "这是 RTF 文件",
    b"PK\x03\x04": "这是 ZIP 压缩包",
    b"PK\x03\x04xl/": "这是 Excel 工作簿",
    b"PK\x03\x04ppt/": "这是 PowerPoint 文件",
}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(UNSUPPORTED)), st.binary(max_size=2048))
def test_known_formats_fzgap_does_not_read_are_unsupported(head: bytes, tail: bytes) -> None:
    # no part names in the tail: a ZIP's kind is told by the first part name
    assume(b"/" not in tail and b"]" not in tail)
    exc = _refused(head + tail, UnsupportedFormatError)
    assert exc.problem.startswith(UNSUPPORTED[head])


BROKEN = {b"%PDF-1.4\n": ".pdf", b"PK\x03\x04word/": ".docx"}


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(BROKEN)), st.binary(max_size=2048), st.booleans())
def test_broken_containers_are_corrupt_documents(head: bytes, tail: bytes, named: bool) -> None:
    assume(b"%%EOF" not in tail and b"PK\x05\x06" not in tail)  # no real structure by chance
    name = f"fuzz{BROKEN[head]}" if named else None
    exc = _refused(head + tail, CorruptDocumentError, name)
    assert "已损坏" in exc.problem or "缺少必需的部件" in exc.problem


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(sorted(BROKEN)), st.binary(max_size=256), st.sampled_from([".txt", ".html", ""])
)
def test_a_container_named_as_text_is_a_format_mismatch(head: bytes, tail: bytes, ext: str) -> None:
    exc = _refused(head + tail, FormatMismatchError, f"fuzz{ext}")
    assert exc.problem.startswith(f"扩展名是 {ext or '（无，纯文本）'}，但内容是")


@settings(max_examples=50, deadline=None)
@given(prose_lines(), st.sampled_from([".pdf", ".docx", ".doc", ".wps", ".png", ".xlsx", ".zip"]))
def test_text_named_as_another_format_is_a_format_mismatch(lines: list[str], ext: str) -> None:
    exc = _refused("\n".join(lines).encode("utf-8"), FormatMismatchError, f"report{ext}")
    assert exc.problem.startswith(f"扩展名是 {ext}，但内容是纯文本")


# --- any bytes at all ----------------------------------------------------------------------------

#: What bytes alone can be refused for (not: missing path, directory, size limit).
CONTENT_ERRORS = (
    EmptyDocumentError,
    BinaryDataError,
    EncodingDetectionError,
    UnsupportedFormatError,
    FormatMismatchError,
    CorruptDocumentError,
    NoTextLayerError,
    NotChineseError,
    HostileDocumentError,
)
_BLANK = b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
@example(b"!\t\xb0\xa1")  # GB18030 '!\t啊': a table row of two cells
def test_any_bytes_give_their_text_or_a_content_error(data: bytes) -> None:
    """Never a crash: blank bytes are empty; otherwise a Document whose every block is text of the
    bytes as decoded, or one of the content errors, named and on one line."""
    try:
        doc = load_document(data, name="fuzz.txt")
    except InputError as exc:
        assert type(exc) in CONTENT_ERRORS, f"{type(exc).__name__}: {exc}"
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.txt: ")
        if not data.strip(_BLANK):
            assert type(exc) is EmptyDocumentError
        return
    assert data.strip(_BLANK), "blank bytes gave a Document"
    assert doc.format in ("text", "html") and doc.encoding and doc.blocks
    if doc.format == "text":
        decoded = data.decode(doc.encoding)
        for block in doc.blocks:
            assert block.text and block.text == block.text.strip()
            # a line of tab-separated cells is a table row, its cells joined by " | "
            assert all(cell in decoded for cell in block.text.split(" | "))


# --- segmentation --------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=200, deadline=None)
@given(st.lists(bodies(), min_size=1, max_size=12), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_segmentation_loses_no_body_text(paragraphs: list[str], newline: str) -> None:
    text = newline.join(paragraphs)
    report = segment(load_document(text.encode("utf-8")))
    assert _squash("".join(p.text for p in report.paragraphs)) == _squash("".join(paragraphs))
    assert [p.index for p in report.paragraphs] == list(range(len(report.paragraphs)))
