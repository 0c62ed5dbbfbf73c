"""Text encoding detection for UTF-8 (with or without BOM), UTF-16 and GB18030/GBK.

The rule is to refuse rather than guess: a candidate encoding is accepted only if it decodes
strictly and (for encodings that decode almost anything) the result reads as Chinese text.
"""

from __future__ import annotations

import codecs
import unicodedata

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


def control_ratio(text: str) -> float:
    """Share of characters that are control or unassigned code points (binary data has many)."""
    if not text:
        return 0.0
    # Each distinct character is classified once (a report has a few thousand of them).
    bad = sum(
        text.count(c)
        for c in set(text)
        if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in ("Cc", "Cn", "Cs", "Co")
    )
    return bad / len(text)


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
                f"has a {bom_enc} byte-order mark but is not valid {bom_enc} "
                f"({exc.reason} at byte {exc.start})",
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
    if b"\x00" in data[:4096] or control_ratio(data[:4096].decode("latin-1")) > 0.1:
        raise BinaryDataError(source, "is binary data, not a text report")
    raise EncodingDetectionError(
        source, "text encoding could not be determined (tried UTF-8, UTF-16 and GB18030/GBK)"
    )


def _checked(text: str, source: str, enc: str) -> str:
    """Refuse a decoding that is full of control characters: such bytes were not text."""
    if control_ratio(text) > 0.01:
        raise BinaryDataError(
            source,
            f"is binary data, not a text report "
            f"(decodes as {enc} but is mostly control characters)",
        )
    return text
