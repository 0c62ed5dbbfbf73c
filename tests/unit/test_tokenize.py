"""Golden jieba segmentations: domain terms stay whole with the shipped user dictionary."""

from __future__ import annotations

import pickle

import pytest

from fzgap.model.tokenize import JiebaTokenizer, prepare, prepare_all

GOLDEN = [
    ("全面落实行政执法三项制度", ["全面落实", "行政执法", "三项制度"]),
    ("推行谁执法谁普法普法责任制", ["推行", "谁执法谁普法", "普法责任制"]),
    ("办理行政复议案件12件", ["办理", "行政复议", "案件", "0", "件"]),
    (
        "党政主要负责人履行推进法治建设第一责任人职责",
        ["党政主要负责人", "履行", "推进", "法治", "建设", "第一责任人", "职责"],
    ),
    ("严格执行重大行政决策程序", ["严格执行", "重大行政决策", "程序"]),
    ("开展合法性审查并出具法律意见", ["开展", "合法性审查", "并", "出具", "法律", "意见"]),
    ("培养法律明白人326名", ["培养", "法律明白人", "0", "名"]),
    ("行政机关负责人出庭应诉率达到100%", ["行政机关", "负责人出庭应诉", "率", "达到", "0"]),
    ("坚持会前学法制度", ["坚持", "会前学法", "制度"]),
    ("推行首违不罚和包容审慎监管", ["推行", "首违不罚", "和", "包容审慎", "监管"]),
    ("聘请政府法律顾问和公职律师", ["聘请", "政府", "法律顾问", "和", "公职律师"]),
    ("组织行政执法案卷评查", ["组织", "行政执法", "案卷评查"]),
    ("深入开展八五普法", ["深入开展", "八五普法"]),
    ("完成年终述法", ["完成", "年终述法"]),
]


@pytest.mark.parametrize(("text", "tokens"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_domain_terms_segment_as_expected(text: str, tokens: list[str]) -> None:
    assert JiebaTokenizer()(prepare(text)) == tokens


def test_without_user_dictionary_terms_are_split() -> None:
    assert "谁执法谁普法" not in JiebaTokenizer(user_dict=False)(prepare("推行谁执法谁普法"))


def test_tokenizer_pickles_without_jieba_state() -> None:
    tok = JiebaTokenizer()
    tok("预热")
    data = pickle.dumps(tok)
    assert len(data) < 200 and pickle.loads(data) == tok


def test_prepare_normalises_numbers_width_and_script() -> None:
    assert prepare("全年辦理復議案件６６件，糾錯率12.5%") == "全年办理复议案件0件,纠错率0%"


def test_preparing_many_texts_at_once_is_preparing_each() -> None:
    from fzgap.train.corpus import load_corpus

    edge = [
        "",
        "   ",
        "２０２４年办理案件１２件",
        "甲  乙\t\t丙\n\n丁",
        "乾隆年間，批覆「規範」",
        "反反覆覆",
        "保持沈默，显著",  # 著 and 覆 are common: only some lines holding them need zhconv
        "e\u0301",  # composes under NFC
        "\u0301开头",  # a combining mark after the join must not compose with it
        " \u3000 ａ\x00b ",  # a NUL in a text: the one-by-one path
        "\ud800x",  # a lone surrogate
        "\U0001f600ａ",
        "办结1.",  # a number at the end of one text and the start of the next: never joined
        "5件，共1.5万元",
    ]
    texts = load_corpus().texts[:500] + edge
    for batch in (texts, edge, edge[:9], edge[5:7], [], [""]):
        assert prepare_all(batch) == [prepare(t) for t in batch]
