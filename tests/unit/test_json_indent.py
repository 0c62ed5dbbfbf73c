"""Indented JSON written by fzgap is exactly the standard library's text."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from fzgap.analyze.render.jsonout import dumps_indented

_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
_DATA = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(_DATA)
def test_same_text_as_json_dumps(data: object) -> None:
    assert dumps_indented(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_an_audit_reads_back_as_the_same_data(sample_audit) -> None:  # type: ignore[no-untyped-def]
    d = sample_audit.to_dict()
    text = dumps_indented(d)
    assert text == json.dumps(d, ensure_ascii=False, indent=2)
    assert json.loads(text) == json.loads(json.dumps(d))
