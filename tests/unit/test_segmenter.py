"""The fast segmenter cuts as jieba (the reference) does; sentences reuse a paragraph's cuts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fzgap.analyze.coverage import split_clauses, split_sentences
from fzgap.model.segmenter import KEEP, RUN, get_segmenter, parse_user_dict, read_user_dict
from fzgap.model.textnorm import GATE_FILE, _gate, conversion_gate, needs_conversion, normalize
from fzgap.model.tokenize import prepare
from fzgap.train.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "examples").glob("*.txt")) + sorted(
    (ROOT.parent / "shared" / "corpus" / "reports").glob("*.txt")
)


def _report_lines() -> list[str]:
    return [
        line.strip()
        for path in REPORTS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _units() -> list[str]:
    """Labelled paragraphs, report lines, and every sentence and clause of both, distinct."""
    paragraphs = load_corpus().texts + _report_lines()
    units = list(paragraphs)
    for p in paragraphs:
        for s in split_sentences(normalize(p)):
            units.append(s)
            units += split_clauses(s)
    return list(dict.fromkeys(units))


@pytest.fixture(scope="module")
def engines():
    pytest.importorskip("rjieba")
    return get_segmenter(engine="jieba"), get_segmenter(engine="rjieba")


def test_fast_segmenter_matches_jieba_on_the_corpus_sentences_and_clauses(engines) -> None:
    ref, fast = engines
    units = _units()
    assert len(units) > 10_000
    diff = [u for u in units if ref.words(prepare(u)) != fast.words(prepare(u))]
    assert diff == []


def test_cutting_run_by_run_is_jieba_lcut_of_the_whole_text(engines) -> None:
    import jieba

    plain = jieba.Tokenizer()
    for word, freq, tag in parse_user_dict(read_user_dict()):
        plain.add_word(word, freq, tag)
    texts = [prepare(t) for t in load_corpus().texts + _report_lines()]
    want = [[w for w in plain.lcut(t, HMM=False) if KEEP.search(w)] for t in texts]
    for seg in engines:
        assert [seg.words(t) for t in texts] == want, seg.engine


def test_a_sentences_words_are_the_paragraphs_words_over_its_span(engines) -> None:
    """Runs never cross sentence or clause ends: a sentence cut alone gives the same words."""
    ref, fast = engines
    for text in _report_lines():
        norm = normalize(text)
        whole = ref.words(prepare(norm))
        pieces = [w for s in split_sentences(norm) for w in ref.words(prepare(s))]
        assert pieces == whole, text
        clauses = [
            w
            for s in split_sentences(norm)
            for c in split_clauses(s)
            for w in fast.words(prepare(c))
        ]
        assert clauses == whole, text


def test_a_memo_of_runs_changes_nothing(engines) -> None:
    _, fast = engines
    memo: dict[str, list[str]] = {}
    lines = [prepare(t) for t in _report_lines()]
    first = [fast.words(t, memo) for t in lines]
    again = [fast.words(t, memo) for t in lines]
    assert first == again == [fast.words(t) for t in lines]
    assert memo and all(RUN.fullmatch(run) for run in memo)


def test_the_zhconv_gate_is_the_one_zhconv_implies() -> None:
    from zhconv import zhconv

    chars, keys = conversion_gate(zhconv.getdict("zh-hans"))
    shipped, pattern, _ = _gate()
    assert shipped == chars and pattern is not None, f"regenerate {GATE_FILE}"
    assert sorted(pattern.pattern.split("|")) == sorted(k for k, _ in keys), (
        f"regenerate {GATE_FILE}"
    )


def test_lines_without_gate_characters_convert_to_themselves() -> None:
    import zhconv

    lines = _report_lines() + load_corpus().texts
    skipped = [t for t in lines if not needs_conversion(t)]
    assert len(skipped) > len(lines) / 2
    assert all(zhconv.convert(t, "zh-hans") == t for t in skipped)
    # Each kind of change is still made: a traditional character, a key of unchanged characters.
    for text in ("依法辦理", "批覆如下", "反反覆覆", "保持沈默"):
        assert needs_conversion(text) and normalize(text) == zhconv.convert(text, "zh-hans")
        assert normalize(text) != text


ODD_TEXTS = [
    "",
    "   ",
    "。。。",
    "纠错率0%，增长0.0%-0个百分点",
    "鿖鿗abc鿘，鿖",  # 汉字 past jieba's run range: yielded one by one
    "%",
    "a.b_c 0% +#& --",
    "x\x00y",
    "甲  乙\t\t丙\n\n丁",
]


def _as_ids(seg, texts: list[str], ids: dict[str, int]) -> list[list[int]]:
    got, doc = seg.word_ids(texts, ids)
    out: list[list[int]] = [[] for _ in texts]
    for i, d in zip(got.tolist(), doc.tolist()):
        out[d].append(i)
    return out


@pytest.mark.parametrize("engine", ["jieba", "rjieba"])
def test_word_ids_of_a_block_are_the_words_of_each_text(engine: str) -> None:
    if engine == "rjieba":
        pytest.importorskip("rjieba")
    from fzgap.model.scorer import load_model

    seg = get_segmenter(engine=engine)
    ids = load_model().words.ids
    texts = [prepare(t) for t in load_corpus().texts + _report_lines()] + ODD_TEXTS
    want = [[ids.get(w, -1) for w in seg.words(t)] for t in texts]
    assert any(-1 in w for w in want) and any(len(w) > 1 for w in want)
    assert _as_ids(seg, texts, ids) == want
    # The block read in one pass (no text holds a NUL), with and without lone 汉字.
    plain = [k for k, t in enumerate(texts) if "\x00" not in t and not re.search("[鿖-鿿]", t)]
    lone = [k for k, t in enumerate(texts) if "\x00" not in t]
    assert len(lone) > len(plain) > len(texts) - len(ODD_TEXTS)
    for keep in (plain, lone):
        assert _as_ids(seg, [texts[k] for k in keep], ids) == [want[k] for k in keep]
    for small in (ODD_TEXTS, ODD_TEXTS[4:5], ["", ""], []):
        assert _as_ids(seg, small, ids) == [[ids.get(w, -1) for w in seg.words(t)] for t in small]


def test_word_ids_drop_what_words_drops_even_for_vocabulary_entries(engines) -> None:
    _, fast = engines
    texts = ["纠错率0%，增长0.0%", "a-b", "鿖 % 。"]
    words = [fast.words(t) for t in texts]
    # A vocabulary that holds every word cut, and the dropped punctuation too.
    vocab = {w: k for k, w in enumerate(dict.fromkeys(["%", "-", *sum(words, [])]))}
    assert _as_ids(fast, texts, vocab) == [[vocab[w] for w in ws] for ws in words]


def test_rjieba_loads_without_its_default_instance_and_imports_after() -> None:
    pytest.importorskip("rjieba")
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from fzgap.model.segmenter import get_segmenter\n"
        "words = get_segmenter(engine='rjieba').words('办理行政复议案件')\n"
        "assert words == ['办理', '行政复议', '案件'], words\n"
        "assert 'rjieba' not in sys.modules\n"
        "import rjieba\n"
        "assert rjieba.Jieba is sys.modules['rjieba.rjieba'].Jieba\n"
        "print(rjieba.cut('依法行政'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().startswith("[")
