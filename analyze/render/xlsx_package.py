"""The xlsx package assembled from streamed worksheets: content types, relationships, properties,
workbook (sheets in order, print titles, filter ranges), a fixed style table and the theme, in a
zip with fixed timestamps so that the same rows always give the same bytes."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Sequence
from importlib import resources
from typing import IO

from fzgap.analyze.render.xlsx_sheet import (
    HEAD,
    MAIN,
    PKG_REL,
    REL,
    SheetStream,
    part,
    xml_attr,
    xml_text,
)

__all__ = ["StyleTable", "write_package"]

_CT = "application/vnd.openxmlformats-officedocument."
_FONTS = (
    '<font><name val="Calibri"/><family val="2"/><color theme="1"/><sz val="11"/>'
    '<scheme val="minor"/></font>',
    '<font><b val="1"/></font>',
    # The built-in Hyperlink style's font: the theme's hyperlink colour.
    '<font><name val="Calibri"/><family val="2"/><color theme="10"/><sz val="12"/>'
    '<scheme val="minor"/></font>',
)
_FONT_IDS = {"normal": 0, "bold": 1, "link": 2}


class StyleTable:
    """The workbook's cell formats, registered as first used; ids are indices into cellXfs."""

    def __init__(self) -> None:
        self.fills: list[str] = []
        self.xfs: dict[tuple[str, str | None, int, str | None, str | None, bool], int] = {
            ("normal", None, 0, None, None, False): 0
        }

    def xf(
        self,
        font: str = "normal",
        fill: str | None = None,
        num_fmt: int = 0,
        horizontal: str | None = None,
        vertical: str | None = None,
        wrap: bool = False,
    ) -> int:
        """The id of a cell format.

        Parameters
        ----------
        font : {"normal", "bold", "link"}
            "link" is the built-in Hyperlink style.
        fill : str, optional
            Solid fill colour, six hex digits.
        num_fmt : int
            Built-in number format id (2 is "0.00").
        horizontal, vertical, wrap
            Alignment.
        """
        key = (font, fill, num_fmt, horizontal, vertical, wrap)
        found = self.xfs.get(key)
        if found is None:
            if fill is not None and fill not in self.fills:
                self.fills.append(fill)
            found = self.xfs[key] = len(self.xfs)
        return found

    def xml(self) -> str:
        """styles.xml."""
        fills = ["<fill><patternFill/></fill>", '<fill><patternFill patternType="gray125"/></fill>']
        fills += [
            f'<fill><patternFill patternType="solid"><fgColor rgb="00{f}"/></patternFill></fill>'
            for f in self.fills
        ]
        xfs = [self._xf(*key) for key in self.xfs]
        return (
            f'{HEAD}<styleSheet xmlns="{MAIN}"><fonts count="{len(_FONTS)}">{"".join(_FONTS)}'
            f'</fonts><fills count="{len(fills)}">{"".join(fills)}</fills><borders count="1">'
            "<border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            '<xf numFmtId="0" fontId="2" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs><cellStyles count="2">'
            '<cellStyle name="Normal" xfId="0" builtinId="0"/>'
            '<cellStyle name="Hyperlink" xfId="1" builtinId="8"/></cellStyles>'
            '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
            'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
        )

    def _xf(
        self, font: str, fill: str | None, fmt: int, hor: str | None, ver: str | None, wrap: bool
    ) -> str:
        """One cellXfs entry."""
        fill_id = 0 if fill is None else self.fills.index(fill) + 2
        attrs = f'numFmtId="{fmt}" fontId="{_FONT_IDS[font]}" fillId="{fill_id}" borderId="0"'
        attrs += ' applyNumberFormat="1"' if fmt else ""
        attrs += ' applyFont="1"' if font != "normal" else ""
        attrs += ' applyFill="1"' if fill else ""
        align = "".join(
            f' {k}="{v}"'
            for k, v in (("horizontal", hor), ("vertical", ver), ("wrapText", wrap and "1"))
            if v
        )
        link = ' xfId="1"' if font == "link" else ' xfId="0"'
        if not align:
            return f"<xf {attrs}{link}/>"
        return f'<xf {attrs} applyAlignment="1"{link}><alignment{align}/></xf>'


def _quoted(title: str) -> str:
    """A sheet name as formulas and defined names refer to it."""
    return "'" + title.replace("'", "''") + "'"


def _workbook_xml(sheets: Sequence[SheetStream]) -> str:
    """xl/workbook.xml: the sheets in order, print titles and filter ranges."""
    entries, names = [], []
    for i, sh in enumerate(sheets):
        entries.append(f'<sheet name="{xml_attr(sh.title)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>')
        ref = sh.filter_ref()
        if ref:
            a, b = (f"${p[0]}${p[1:]}" for p in ref.split(":"))
            names.append(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                f"{xml_text(_quoted(sh.title))}!{a}:{b}</definedName>"
            )
        names.append(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
            f"{xml_text(_quoted(sh.title))}!$1:$1</definedName>"
        )
    return (
        f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/><bookViews>'
        '<workbookView activeTab="0"/></bookViews>'
        f"<sheets>{''.join(entries)}</sheets><definedNames>{''.join(names)}</definedNames>"
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def _package_parts(sheets: Sequence[SheetStream]) -> dict[str, str]:
    """The package's small parts: content types, relationships, properties, workbook."""
    n = len(sheets)
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        f'ContentType="{_CT}spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    book_rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    return {
        "[Content_Types].xml": (
            f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}spreadsheetml.sheet.main'
            f'+xml"/>{sheet_types}<Override PartName="/xl/styles.xml" ContentType="{_CT}'
            f'spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" '
            f'ContentType="{_CT}theme+xml"/><Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{_CT}extended-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'{HEAD}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" '
            f'Type="{PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/extended-properties" '
            'Target="docProps/app.xml"/></Relationships>'
        ),
        "docProps/app.xml": (
            f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>fzgap</Application></Properties>'
        ),
        "docProps/core.xml": (
            f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            "<dc:creator>fzgap</dc:creator></cp:coreProperties>"
        ),
        "xl/workbook.xml": _workbook_xml(sheets),
        "xl/_rels/workbook.xml.rels": (
            f'{HEAD}<Relationships xmlns="{PKG_REL}">{book_rels}<Relationship Id="rId{n + 1}" '
            f'Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId{n + 2}" '
            f'Type="{REL}/theme" Target="theme/theme1.xml"/></Relationships>'
        ),
    }


def write_package(
    target: str | os.PathLike[str] | IO[bytes], sheets: Sequence[SheetStream], styles: StyleTable
) -> None:
    """Assemble the xlsx package from the sheets written so far.

    Parameters
    ----------
    target : path or binary file
        Where the workbook goes.
    sheets : sequence of SheetStream
        The worksheets, in tab order.
    styles : StyleTable
        The formats their cells refer to.
    """
    theme = resources.files("fzgap.analyze.render").joinpath("templates/xlsx-theme.xml")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in _package_parts(sheets).items():
            with part(zf, name) as out:
                out.write(xml.encode("utf-8"))
        with part(zf, "xl/styles.xml") as out:
            out.write(styles.xml().encode("utf-8"))
        with part(zf, "xl/theme/theme1.xml") as out:
            out.write(theme.read_bytes())
        for n, sheet in enumerate(sheets, 1):
            sheet.write_part(zf, n)
