"""JSON (one report, indented) and JSON Lines (one report a line)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from fzgap.analyze.records import AuditReport

__all__ = ["render_json", "render_jsonl_line", "dumps_indented"]


def render_json(report: AuditReport) -> str:
    """The documented schema, indented."""
    return dumps_indented(report.to_dict()) + "\n"


def render_jsonl_line(report: AuditReport) -> str:
    """The documented schema on one line."""
    return json.dumps(report.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def dumps_indented(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2)``, the same text, faster.

    The standard library writes indented JSON in pure Python; this writes the same layout with
    the C string encoder, for the plain data of ``to_dict`` (dicts with string keys, lists,
    tuples, strings, numbers, booleans, None). Anything else goes to ``json.dumps`` itself.
    """
    out: list[str] = []
    try:
        _write(obj, out, "\n")
    except _Unusual:
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return "".join(out)


class _Unusual(Exception):
    """A value the fast writer leaves to ``json.dumps``."""


def _write(obj: Any, out: list[str], newline: str) -> None:
    """Append ``obj`` indented, its lines starting with ``newline`` (a newline and indentation)."""
    kind = type(obj)
    if kind is str:
        out.append(encode_basestring(obj))
    elif obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(obj))
    elif kind is float:
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise _Unusual
        out.append(float.__repr__(obj))
    elif kind is dict:
        if not obj:
            out.append("{}")
            return
        inner = newline + "  "
        first = True
        for key, value in obj.items():
            if type(key) is not str:
                raise _Unusual
            out.append(("{" if first else ",") + inner + encode_basestring(key) + ": ")
            first = False
            _write(value, out, inner)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not obj:
            out.append("[]")
            return
        inner = newline + "  "
        for i, value in enumerate(obj):
            out.append(("[" if i == 0 else ",") + inner)
            _write(value, out, inner)
        out.append(newline + "]")
    else:
        raise _Unusual
