"""Encoding detection: every encoding a supervisor receives decodes to the same text, or is
refused."""

from __future__ import annotations

import codecs

import pytest

from fzgap import load_document
from fzgap.analyze.errors import BinaryDataError, EncodingDetectionError, InputError
from fzgap.analyze.ingest._decoding import decode_text

TEXT = (
    "港口镇2021年法治政府建设年度报告\n"
    "一、主要举措和成效\n"
    "（一）严格落实重大行政决策程序。全年审查合同146份，出具法律意见11份。\n"
    "二、存在的不足\n"
)

ENCODINGS = [
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
    ("gb18030", lambda t: t.encode("gb18030"), "gb18030"),
    ("gbk", lambda t: t.encode("gbk"), "gb18030"),
    ("utf-16 LE with BOM", lambda t: t.encode("utf-16"), "utf-16-le"),
    ("utf-16 BE with BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    ("utf-16 LE without BOM", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ("utf-16 BE without BOM", lambda t: t.encode("utf-16-be"), "utf-16-be"),
]


@pytest.mark.parametrize(("label", "encode", "expected"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_each_encoding_decodes_to_the_same_text(label: str, encode, expected: str) -> None:
    text, name = decode_text(encode(TEXT), "x.txt")
    assert text == TEXT
    assert name == expected


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize(("label", "encode", "expected"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_documents_are_identical_across_encodings_and_line_ends(
    label, encode, expected, newline: str
) -> None:
    reference = load_document(TEXT.encode("utf-8"))
    doc = load_document(encode(TEXT.replace("\n", newline)))
    assert [b.text for b in doc.blocks] == [b.text for b in reference.blocks]


def test_sample_report_in_gbk_matches_utf8(sample_path, tmp_path) -> None:
    raw = sample_path.read_text(encoding="utf-8")
    gbk = tmp_path / "sample-gbk.txt"
    gbk.write_bytes(raw.encode("gb18030"))
    assert load_document(gbk).blocks == load_document(sample_path).blocks


def test_random_binary_is_refused_as_binary() -> None:
    data = bytes(range(256)) * 20
    with pytest.raises(BinaryDataError):
        decode_text(data, "blob.txt")


def test_latin1_text_is_not_silently_misread_as_gbk() -> None:
    # Bytes that GB18030 would accept but that do not read as Chinese must be refused, not guessed.
    data = "Ça coûte très cher, naïve façade à Zürich — déjà vu.".encode("cp1252") * 3
    with pytest.raises(InputError):
        decode_text(data, "french.txt")


def test_utf8_bom_mismatch_is_an_error() -> None:
    with pytest.raises(EncodingDetectionError):
        decode_text(codecs.BOM_UTF8 + "报告".encode("gbk") + b"\xff\xfe\xfd", "bad.txt")


def test_a_long_texts_control_ratio_counts_every_bad_character() -> None:
    from fzgap.analyze.ingest._decoding import _distinct, control_ratio

    line = "全年办理行政复议案件66件。\x01\x7f\u0378\ue000\U0010ffff\n"
    text = line * 20_000  # long enough for the numpy path
    assert len(text) > 1 << 16 and _distinct(text) == set(text)
    assert control_ratio(text) == pytest.approx(5 / len(line))
