"""The checklist: areas, sub-items with their signal wording, and the coverage rules' thresholds."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fzgap.model.areas import AREAS, SECTIONS
from fzgap.model.errors import ChecklistError

__all__ = ["Checklist", "AreaSpec", "SubItem", "Rules", "load_checklist"]


@dataclass(frozen=True, slots=True)
class SubItem:
    """One sub-item of an area, found by any of its patterns (or by a section of the report)."""

    id: str
    zh: str
    patterns: tuple[re.Pattern[str], ...]
    section: str | None = None

    def found_in(self, text: str) -> bool:
        """Whether the normalised text carries this sub-item's wording."""
        return any(p.search(text) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class AreaSpec:
    """One checklist area."""

    id: str
    zh: str
    en: str
    description: str
    subitems: tuple[SubItem, ...]


@dataclass(frozen=True, slots=True)
class Rules:
    """Thresholds of the covered / thin / missing rules."""

    counting_sections: tuple[str, ...]
    covered_min_concrete_main: int
    covered_min_main: int
    covered_min_labelled: int
    covered_needs_subitem: tuple[str, ...]
    main_share: float
    concrete_min_subitems: int
    section_threshold_factor: float
    passing_min_score: float
    min_evidence_score: float
    strong_units: tuple[str, ...]
    weak_verbs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Checklist:
    """A validated checklist."""

    name: str
    version: int
    source: str
    rules: Rules
    areas: tuple[AreaSpec, ...]

    def area(self, area_id: str) -> AreaSpec:
        """The spec of one area."""
        return next(a for a in self.areas if a.id == area_id)


_TOML_TYPE = {"str": "字符串", "int": "整数", "float": "小数", "list": "数组", "dict": "表"}


def _need(table: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    """The value of ``key``, of type ``kind`` (a bool is no number)."""
    if not isinstance(table, dict):
        raise ChecklistError(f"{where}: 应当是一个表（table），不是 {type(table).__name__}")
    if key not in table:
        raise ChecklistError(f"{where}: 缺少键 '{key}'")
    value = table[key]
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        names = " 或 ".join(_TOML_TYPE.get(k.__name__, k.__name__) for k in kinds)
        raise ChecklistError(
            f"{where}: '{key}' 应当是{names}，不是 {type(value).__name__}（{value!r:.40}）"
        )
    return value


def _strings(table: Any, key: str, where: str) -> tuple[str, ...]:
    """A list of non-empty strings under ``key``."""
    values = _need(table, key, list, where)
    for v in values:
        if not isinstance(v, str) or not v:
            raise ChecklistError(f"{where}: '{key}' 的每一项都应当是非空字符串，不是 {v!r:.40}")
    return tuple(values)


def _tables(table: Any, key: str, where: str) -> list[dict[str, Any]]:
    """A list of tables under ``key`` (``[[key]]`` in TOML)."""
    values = _need(table, key, list, where)
    for n, v in enumerate(values):
        if not isinstance(v, dict):
            raise ChecklistError(f"{where}: '{key}' 的第 {n + 1} 项应当是表，不是 {v!r:.40}")
    return values


def _rules(t: dict[str, Any], where: str) -> Rules:
    w = f"{where} [rules]"
    sections = _strings(t, "counting_sections", w)
    bad = set(sections) - set(SECTIONS)
    if bad or not sections:
        raise ChecklistError(f"{w}: counting_sections must name sections among {list(SECTIONS)}")
    # optional, so that a checklist written before the rule still loads
    needs = _strings(t, "covered_needs_subitem", w) if "covered_needs_subitem" in t else ()
    if set(needs) - set(AREAS):
        raise ChecklistError(f"{w}: covered_needs_subitem must name areas among {list(AREAS)}")
    ints = {
        k: _need(t, k, int, w)
        for k in (
            "covered_min_concrete_main",
            "covered_min_main",
            "covered_min_labelled",
            "concrete_min_subitems",
        )
    }
    for k, v in ints.items():
        if v < 1:
            raise ChecklistError(f"{w}: '{k}' must be at least 1")
    floats = {
        k: float(_need(t, k, (int, float), w))
        for k in (
            "main_share",
            "section_threshold_factor",
            "passing_min_score",
            "min_evidence_score",
        )
    }
    for k, v in floats.items():
        if not 0 < v <= 1:
            raise ChecklistError(f"{w}: '{k}' must lie in (0, 1]")
    return Rules(
        sections,
        covered_min_concrete_main=ints["covered_min_concrete_main"],
        covered_min_main=ints["covered_min_main"],
        covered_min_labelled=ints["covered_min_labelled"],
        covered_needs_subitem=needs,
        main_share=floats["main_share"],
        concrete_min_subitems=ints["concrete_min_subitems"],
        section_threshold_factor=floats["section_threshold_factor"],
        passing_min_score=floats["passing_min_score"],
        min_evidence_score=floats["min_evidence_score"],
        strong_units=_strings(t, "strong_units", w),
        weak_verbs=_strings(t, "weak_verbs", w),
    )


def _area(t: dict[str, Any], n: int, where: str) -> AreaSpec:
    w = f"{where} [[areas]] #{n + 1}"
    area_id = _need(t, "id", str, w)
    if area_id not in AREAS:
        raise ChecklistError(f"{w}: unknown area id '{area_id}' (expected one of {list(AREAS)})")
    subs = []
    for k, s in enumerate(_tables(t, "subitems", w)):
        sw = f"{w} ({area_id}) subitem #{k + 1}"
        pats = []
        for p in _strings(s, "patterns", sw):
            try:
                pats.append(re.compile(str(p)))
            except re.error as exc:
                raise ChecklistError(f"{sw}: bad pattern {p!r} ({exc})") from None
        section = s.get("section")
        if section is not None and section not in SECTIONS:
            raise ChecklistError(f"{sw}: unknown section {section!r}")
        subs.append(SubItem(_need(s, "id", str, sw), _need(s, "zh", str, sw), tuple(pats), section))
    return AreaSpec(
        area_id,
        _need(t, "zh", str, w),
        _need(t, "en", str, w),
        str(t.get("description", "")),
        tuple(subs),
    )


def load_checklist(path: str | os.PathLike[str] | None = None) -> Checklist:
    """Load and validate a checklist TOML file (default: the one shipped with the model).

    Raises
    ------
    ChecklistError
        One line naming the file and the problem.
    """
    if path is None:
        where = "checklist.toml (shipped)"
        text = resources.files("fzgap.model").joinpath("checklist.toml").read_text(encoding="utf-8")
    else:
        where = str(path)
        p = Path(path)
        if not p.is_file():
            raise ChecklistError(f"{where}: no such checklist file")
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ChecklistError(f"{where}: checklist is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(f"{where}: not valid TOML ({exc})") from None
    areas = tuple(_area(a, n, where) for n, a in enumerate(_tables(data, "areas", where)))
    ids = [a.id for a in areas]
    if sorted(ids) != sorted(AREAS):
        raise ChecklistError(
            f"{where}: must define each of the five areas exactly once, found {ids}"
        )
    order = {a: i for i, a in enumerate(AREAS)}
    areas = tuple(sorted(areas, key=lambda a: order[a.id]))
    name = data.get("name", "checklist")
    version = data.get("version", 1)
    if not isinstance(name, str):
        raise ChecklistError(f"{where}: 'name' 应当是字符串，不是 {name!r:.40}")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ChecklistError(f"{where}: 'version' 应当是整数，不是 {version!r:.40}")
    return Checklist(
        name,
        version,
        where,
        _rules(_need(data, "rules", dict, where), where),
        areas,
    )
