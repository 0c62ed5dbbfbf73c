"""JSON (one report, indented) and JSON Lines (one report a line)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from math import isfinite
from typing import Any

from fzgap.analyze.records import SCHEMA_VERSION, AreaResult, AuditReport, Evidence

__all__ = ["render_json", "render_jsonl_line", "dumps_indented", "audit_json"]


def render_json(report: AuditReport) -> str:
    """The documented schema, indented."""
    return audit_json(report)


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
    if kind is dict:
        if not obj:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, value in obj.items():
            if type(key) is not str:
                raise _Unusual
            head = sep + encode_basestring(key) + ": "
            sep = "," + inner
            kind = type(value)
            if kind is str:
                out.append(head + encode_basestring(value))
            elif kind is dict or kind is list or kind is tuple:
                out.append(head)
                _write(value, out, inner)
            else:
                out.append(head + _scalar(value))
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not obj:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for value in obj:
            kind = type(value)
            if kind is str:
                out.append(sep + encode_basestring(value))
            elif kind is dict or kind is list or kind is tuple:
                out.append(sep)
                _write(value, out, inner)
            else:
                out.append(sep + _scalar(value))
            sep = "," + inner
        out.append(newline + "]")
    elif kind is str:
        out.append(encode_basestring(obj))
    else:
        out.append(_scalar(obj))


def _scalar(obj: Any) -> str:
    """None, a bool, an int or a finite float as JSON; anything else is unusual."""
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    kind = type(obj)
    if kind is int:
        return int.__repr__(obj)
    if kind is float and isfinite(obj):
        return float.__repr__(obj)
    raise _Unusual


def audit_json(report: AuditReport) -> str:
    """``dumps_indented(report.to_dict()) + "\\n"``, the same text, written from the records.

    The paragraphs and the evidence, most of an audit, are laid out by templates of their
    known fields instead of a walk through ``to_dict``'s dicts; the small parts go through
    :func:`dumps_indented`'s writer. A value of an unexpected type (a numpy number, NaN) sends
    the whole audit to the plain path.
    """
    try:
        out = ['{\n  "schema_version": ', _str(SCHEMA_VERSION)]
        for key, part in (
            ("document", report.document.to_dict()),
            ("structure", report.structure.to_dict()),
            ("summary", report.summary),
        ):
            out.append(f',\n  "{key}": ')
            _write(part, out, "\n  ")
        out.append(',\n  "areas": ')
        out.append(_items([_area(a) for a in report.areas], "\n  "))
        out.append(',\n  "paragraphs": ')
        out.append(
            _items(
                [
                    _PARAGRAPH
                    % (
                        _int(p.index),
                        _str(p.text),
                        _str(p.kind),
                        _str(p.section),
                        _items(list(map(_str, p.headings)), _P_FIELD),
                        _items(list(map(_str, p.labels)), _P_FIELD),
                        _scores(p.scores),
                    )
                    for p in report.paragraphs
                ],
                "\n  ",
            )
        )
        for key, part in (
            ("model", report.model.to_dict()),
            ("checklist", report.checklist.to_dict()),
        ):
            out.append(f',\n  "{key}": ')
            _write(part, out, "\n  ")
        out.append("\n}\n")
    except (_Unusual, TypeError):
        return dumps_indented(report.to_dict()) + "\n"
    return "".join(out)


_str = encode_basestring


def _template(keys: tuple[str, ...], field: str) -> str:
    """An object's layout with a ``%s`` for each value, its fields on lines starting ``field``."""
    return "{" + ",".join(f'{field}"{k}": %s' for k in keys) + field[:-2] + "}"


# Each record's place in the audit fixes its indentation: a paragraph is an item of the top
# level's "paragraphs", an evidence an item of an area's "evidence", and so on.
_P_FIELD, _A_FIELD, _E_FIELD = "\n      ", "\n      ", "\n          "
_R_FIELD, _S_FIELD, _F_FIELD = "\n          ", "\n          ", "\n              "
_PARAGRAPH = _template(
    ("index", "text", "kind", "section", "headings", "labels", "scores"), _P_FIELD
)
_AREA = _template(("id", "name", "status", "reasons", "evidence", "subitems", "counts"), _A_FIELD)
_REASON = _template(("code", "message"), _R_FIELD)
_SUBITEM = _template(("id", "name", "found", "paragraphs"), _S_FIELD)
_COUNTS = _template(
    (
        "paragraphs",
        "main_paragraphs",
        "characters",
        "share",
        "strong_facts",
        "plan_paragraphs",
        "deficiency_paragraphs",
    ),
    "\n        ",
)
_EVIDENCE = _template(
    ("index", "section", "score", "sentence", "main", "strong_facts", "facts", "counts"), _E_FIELD
)
_FACT = _template(("text", "phrase", "start", "end"), _F_FIELD)
#: Layouts of a paragraph's scores by their keys (the areas, in order, as a rule).
_SCORES: dict[tuple[str, ...], str] = {}


def _items(encoded: list[str], newline: str) -> str:
    """A list of already encoded values, its lines starting with ``newline``."""
    if not encoded:
        return "[]"
    inner = newline + "  "
    return "[" + inner + ("," + inner).join(encoded) + newline + "]"


def _int(value: object) -> str:
    """An int as JSON (a bool or any other type is unusual)."""
    if type(value) is not int:
        raise _Unusual
    return int.__repr__(value)


def _float(value: object) -> str:
    """A finite float as JSON."""
    if type(value) is not float or not isfinite(value):
        raise _Unusual
    return float.__repr__(value)


def _bool(value: object) -> str:
    """A bool as JSON."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    raise _Unusual


def _scores(scores: dict[str, float]) -> str:
    """A paragraph's scores (area → float)."""
    if not scores:
        return "{}"
    keys = tuple(scores)
    layout = _SCORES.get(keys)
    if layout is None:
        if len(_SCORES) > 16 or any(type(k) is not str for k in keys):
            raise _Unusual
        layout = _SCORES[keys] = _template(tuple(_str(k)[1:-1] for k in keys), "\n        ")
    values = tuple(scores.values())
    if not _FLOAT_ONLY.issuperset(map(type, values)) or not all(map(isfinite, values)):
        raise _Unusual
    texts = tuple(map(_FLOAT_TEXT.get, values))
    if None in texts:
        texts = tuple(t or _float_text(v) for t, v in zip(texts, values))
    return layout % texts


_FLOAT_ONLY = frozenset((float,))
#: The JSON text of scores met before: rounded to four places, they take few values, and
#: writing a float's shortest text costs more than looking it up.
_FLOAT_TEXT: dict[float, str] = {}


def _float_text(value: float) -> str:
    """``float.__repr__``, remembered (not for zero: 0.0 and -0.0 are one key, two texts)."""
    text = float.__repr__(value)
    if value and len(_FLOAT_TEXT) < 1 << 16:
        _FLOAT_TEXT[value] = text
    return text


def _area(a: AreaResult) -> str:
    """One area, an item of the top level's "areas"."""
    c = a.counts
    return _AREA % (
        _str(a.id),
        _str(a.name),
        _str(a.status),
        _items([_REASON % (_str(r.code), _str(r.message)) for r in a.reasons], _A_FIELD),
        _items([_evidence(e) for e in a.evidence], _A_FIELD),
        _items(
            [
                _SUBITEM
                % (
                    _str(s.id),
                    _str(s.name),
                    _bool(s.found),
                    _items(list(map(_int, s.paragraphs)), _S_FIELD),
                )
                for s in a.subitems
            ],
            _A_FIELD,
        ),
        _COUNTS
        % (
            _int(c.paragraphs),
            _int(c.main_paragraphs),
            _int(c.characters),
            _float(c.share),
            _int(c.strong_facts),
            _int(c.plan_paragraphs),
            _int(c.deficiency_paragraphs),
        ),
    )


def _evidence(e: Evidence) -> str:
    """One piece of evidence, an item of an area's "evidence"."""
    return _EVIDENCE % (
        _int(e.index),
        _str(e.section),
        _float(e.score),
        _str(e.sentence),
        _bool(e.main),
        _items(list(map(_str, e.strong_facts)), _E_FIELD),
        _items(
            [_FACT % (_str(f.text), _str(f.phrase), _int(f.start), _int(f.end)) for f in e.facts],
            _E_FIELD,
        ),
        _bool(e.counts),
    )
