"""An organisation's ``reference.docx``, read: the document, its theme's faces, its styles'
East Asian faces, its default table style. What the briefing takes from it, and how, is
:mod:`deckgen.render.docx.adopt`'s."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Inches
from lxml import etree

from ..errors import InputError
from .package import PARSER
from .sanitise import clean_package

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PLAIN_TABLE_STYLES = {"TableNormal", "NormalTable"}
_CELL = {"tcBorders", "shd"}
_RUN = {"b", "bCs", "i", "iCs", "caps", "color"}


def read_reference(path: Path) -> Document:
    """The reference document at ``path`` (a ``.docx`` or ``.dotx``), cleaned first (see
    :mod:`deckgen.template.sanitise`), as python-docx reads it; an :class:`InputError`
    naming the file if it cannot be."""
    data = clean_package(path, "docx")
    try:
        doc = docx.Document(io.BytesIO(data))
        doc.element.body.get_or_add_sectPr()  # a body without one: a page of Word's defaults
        page = [getattr(doc.sections[0], name) for name in _PAGE]
    except Exception as err:  # python-docx raises many kinds for a file it cannot read
        reason = (str(err).splitlines() or [type(err).__name__])[0][:120]
        raise InputError(f"not a Word document python-docx can read ({reason})", file=path) from err
    _check_page(dict(zip(_PAGE, page, strict=True)), path)
    return doc


_PAGE = ("page_width", "page_height", "left_margin", "right_margin", "top_margin", "bottom_margin")
PAPER_SIDES = (Inches(1), Inches(22))
"""The shortest and longest side of a page Word allows: 1 and 22 inches."""


def _check_page(page: dict, path: Path) -> None:
    """A page with room for text: each side Word allows, the margins inside it."""
    low, high = PAPER_SIDES
    for side in ("width", "height"):
        value = page[f"page_{side}"]
        if value is not None and not low <= value <= high:
            raise InputError(
                f"a page {side} of {value.cm:.1f} cm: Word's pages are 2.5 to 55.9 cm a side",
                file=path,
            )
    for side, (a, b) in {"width": ("left", "right"), "height": ("top", "bottom")}.items():
        size, margins = page[f"page_{side}"], (page[f"{a}_margin"], page[f"{b}_margin"])
        if size is not None and None not in margins and size - sum(map(abs, margins)) < low:
            raise InputError(f"margins that leave the page no {side} for text", file=path)


def theme_fonts(doc: Document) -> dict[str, dict[str, str]]:
    """The major and minor faces of the document's theme: latin, ea, cs (empty if none)."""
    try:
        blob = doc.part.part_related_by(RT.THEME).blob
    except KeyError:
        return {}
    root = etree.fromstring(blob, PARSER)
    out: dict[str, dict[str, str]] = {}
    for scheme in ("major", "minor"):
        font = root.find(f".//{_A}{scheme}Font")
        if font is None:
            continue
        out[scheme] = {
            slot: (el.get("typeface") or "") if (el := font.find(f"{_A}{slot}")) is not None else ""
            for slot in ("latin", "ea", "cs")
        }
    return out


def east_asian_of(rpr) -> str | None:
    """The East Asian face a run properties element (``w:rPr``) names, if any."""
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def style_chain(style) -> list:
    """The style and those it is based on, nearest first."""
    out, seen = [], set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        out.append(style)
        style = style.base_style
    return out


def named_style(doc: Document, name: str):
    """The style called ``name``, or None."""
    try:
        return doc.styles[name]
    except KeyError:
        return None


@dataclass(frozen=True)
class TableStyle:
    """A reference's table style, and its header-row formats to write into the header cells."""

    name: str
    header_cell: tuple = ()
    """``w:tcBorders``/``w:shd`` of the style's first-row format."""
    header_run: tuple = ()
    """``w:b``/``w:i``/``w:caps``/``w:color`` of the style's first-row format."""


def table_style(doc: Document) -> TableStyle | None:
    """The reference's default table style, unless that is Word's plain "Normal Table".

    LibreOffice (7.x) ignores a table style's conditional formats, so the header row's
    borders, shading and text colour are also given to its cells, as pandoc writes them.
    """
    style = doc.styles.default(WD_STYLE_TYPE.TABLE)
    if style is None or style.style_id in _PLAIN_TABLE_STYLES or style.name == "Normal Table":
        return None
    cell, run = {}, {}
    for s in reversed(style_chain(style)):  # the nearest style's format wins
        for fmt in s.element.findall(qn("w:tblStylePr")):
            if fmt.get(qn("w:type")) != "firstRow":
                continue
            for tag, into, kinds in (("w:tcPr", cell, _CELL), ("w:rPr", run, _RUN)):
                found = fmt.find(qn(tag))
                for el in found if found is not None else ():
                    if etree.QName(el).localname in kinds:
                        into[el.tag] = el
    return TableStyle(
        style.name,
        tuple(copy.deepcopy(el) for el in cell.values()),
        tuple(copy.deepcopy(el) for el in run.values()),
    )
