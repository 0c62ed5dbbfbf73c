"""Text encoding detection for UTF-8 (with or without BOM), UTF-16 and GB18030/GBK.

The rule is to refuse rather than guess: a candidate encoding is accepted only if it decodes
strictly and (for encodings that decode almost anything) the result reads as Chinese text.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

from fzgap.analyze.errors import BinaryDataError, EncodingDetectionError

__all__ = ["decode_text", "control_ratio"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
#: Code point ranges that hold no control, surrogate, private or unassigned character: white
#: space, printable ASCII, general and CJK punctuation, CJK ideographs, full-width forms.
ORDINARY_RANGES = (
    (0x09, 0x0D),
    (0x20, 0x7E),
    (0x2010, 0x2027),
    (0x3000, 0x303F),
    (0x4E00, 0x9FFF),
    (0xFF01, 0xFF5E),
)


def control_ratio(text: str) -> float:
    """Share of characters that are control or unassigned code points (binary data has many)."""
    if not text:
        return 0.0
    # Each distinct character is classified once (a report has a few thousand of them), and
    # only those outside the ranges that hold most of a report's text and none of these.
    rest = _unordinary(text)
    bad = sum(
        rest.count(c)
        for c in _distinct(rest)
        if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cn", "Cs", "Co")
    )
    return bad / len(text)


@lru_cache(maxsize=1)
def _ordinary_table() -> np.ndarray:
    """Per code point: whether it lies in :data:`ORDINARY_RANGES`."""
    import numpy as np

    table = np.zeros(0x110000, dtype=bool)
    for low, high in ORDINARY_RANGES:
        table[low : high + 1] = True
    return table


def _unordinary(text: str) -> str:
    """The characters of ``text`` outside :data:`ORDINARY_RANGES`, in order."""
    import numpy as np  # not at import: reading a file's bytes does not need it

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    odd = codes[~_ordinary_table()[codes]]
    return odd.tobytes().decode("utf-32-le", "surrogatepass")


def _distinct(text: str) -> set[str]:
    """The characters of ``text``; for a long text found in numpy (``set`` makes an object per
    character)."""
    if len(text) < 1 << 16:
        return set(text)
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    seen = np.zeros(0x110000, dtype=bool)
    seen[codes] = True
    return set(map(chr, np.flatnonzero(seen).tolist()))


def _plausibility(text: str) -> float:
    """Share of characters a Chinese report plausibly contains (common hanzi, ASCII, CJK
    punctuation)."""
    if not text:
        return 0.0
    good = 0
    for c in text:
        o = ord(c)
        if o < 0x80:
            good += c.isprintable() or c in _ALLOWED_CONTROLS
        elif 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F:
            good += 1
        elif 0x4E00 <= o <= 0x9FFF:
            # GB2312 holds the ~6,700 hanzi of ordinary text; mis-decoded bytes land far outside it.
            try:
                c.encode("gb2312")
                good += 1
            except UnicodeEncodeError:
                pass
        elif c in "·×÷°±―‖‘’“”…※→←↑↓■□▲△◆◇○●★☆":
            good += 1
    return good / len(text)


def _strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], name
    return data, None


def decode_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding_name)``.

    Parameters
    ----------
    data : bytes
        Raw file content.
    source : str
        Name used in error messages.
    declared : str, optional
        An encoding the container declared (HTML ``<meta charset>``); tried first, strictly.

    Raises
    ------
    BinaryDataError
        When the bytes are not text in any supported encoding and look binary.
    EncodingDetectionError
        When no supported encoding decodes the bytes to plausible text.
    """
    body, bom_enc = _strip_bom(data)
    if bom_enc:
        try:
            text = body.decode(bom_enc.replace("-sig", ""))
        except UnicodeDecodeError as exc:
            raise EncodingDetectionError(
                source,
                f"有 {bom_enc} 字节顺序标记，但内容不是有效的 {bom_enc}"
                f"（{_where(body, exc.start)}）",
            ) from None
        return _checked(text, source, bom_enc), bom_enc.replace("-sig", "") + (
            "-sig" if bom_enc == "utf-8-sig" else ""
        )

    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    candidates.append("utf-8")
    if b"\x00" in data[:4096] or len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    candidates.append("gb18030")

    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == "utf-8" or (
            declared and enc == declared and enc.lower().replace("_", "-") in ("utf-8", "utf8")
        ):
            return _checked(text, source, "utf-8"), "utf-8"
        if control_ratio(text) < 0.001 and _plausibility(text) >= 0.9:
            name = "gb18030" if enc.lower() in ("gb18030", "gbk", "gb2312") else enc
            return text, name
    _explain_utf8(data, source)
    if b"\x00" in data[:4096] or control_ratio(data[:4096].decode("latin-1")) > 0.1:
        raise BinaryDataError(source, "是二进制数据，不是文字报告")
    raise EncodingDetectionError(source, "无法确定文字编码（已尝试 UTF-8、UTF-16 和 GB18030/GBK）")


def _checked(text: str, source: str, enc: str) -> str:
    """Refuse a decoding that is full of control characters: such bytes were not text."""
    if control_ratio(text) > 0.01:
        raise BinaryDataError(
            source,
            f"是二进制数据，不是文字报告（按 {enc} 解码后大多是控制字符）",
        )
    return text


def _where(data: bytes, offset: int) -> str:
    """'第 L 行（第 B 字节）' for a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    return f"第 {line} 行，第 {offset} 字节"


def _explain_utf8(data: bytes, source: str) -> None:
    """Say where a mostly-UTF-8 file goes wrong: a few invalid bytes, or a part saved as GBK."""
    bad: list[int] = []
    pos = 0
    while len(bad) < 10000:
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            bad.append(pos + exc.start)
            pos += exc.end
    if not bad or b"\x00" in data[:4096] or len(bad) > max(16, len(data) // 50):
        return  # not a UTF-8 text with a few flaws: binary data or another encoding
    hanzi = sum(0x4E00 <= ord(c) <= 0x9FFF for c in data.decode("utf-8", "ignore"))
    if hanzi < 10 * len(bad):
        return
    first = bad[0]
    line_start = data.rfind(b"\n", 0, first) + 1
    line_end = data.find(b"\n", first)
    line = data[line_start : line_end if line_end >= 0 else len(data)]
    try:
        line.decode("gb18030")
        gbk_line = _plausibility(line.decode("gb18030")) >= 0.9
    except UnicodeDecodeError:
        gbk_line = False
    if gbk_line and len(bad) > 1:
        raise EncodingDetectionError(
            source,
            f"混用了 UTF-8 和 GBK 两种编码：{_where(data, first)}起有按 GBK 保存的文字"
            f"（共 {len(bad)} 处不是 UTF-8）；请把整份文件另存为 UTF-8",
        )
    raise EncodingDetectionError(
        source,
        f"不是有效的 UTF-8：有 {len(bad)} 处无效字节，第一处在{_where(data, first)}"
        "；请检查文件是否损坏或另存为 UTF-8",
    )
