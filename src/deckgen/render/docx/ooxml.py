"""WordprocessingML helpers: fonts, language, borders, tabs, fields, bookmarks, in schema order."""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

TWIPS_PER_PT = 20
EMU_PER_TWIP = 635

# Child order of the elements we edit (ECMA-376 Part 1, §17.3.1.26, §17.3.2.28, §17.6.17).
_PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()
_RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
).split()
_TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook"
).split()
_TRPR_ORDER = "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader"
_TCPR_ORDER = "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection vAlign"
_BORDER_ORDER = ("top", "left", "bottom", "right", "insideH", "insideV", "between", "bar")
_ORDERS = {
    "pPr": _PPR_ORDER,
    "rPr": _RPR_ORDER,
    "sectPr": _SECTPR_ORDER,
    "tblPr": _TBLPR_ORDER,
    "trPr": _TRPR_ORDER.split(),
    "tcPr": _TCPR_ORDER.split(),
    "pBdr": _BORDER_ORDER,
    "tblBorders": _BORDER_ORDER,
    "tcBorders": _BORDER_ORDER,
    "styles": ("docDefaults", "latentStyles", "style"),
    "docDefaults": ("rPrDefault", "pPrDefault"),
}


def _local(tag: str) -> str:
    return etree.QName(tag).localname


@functools.cache
def _tag(tag: str) -> tuple[str, dict[str, str]]:
    """The Clark name of prefixed ``tag`` and the namespace it declares, as python-docx's
    ``OxmlElement`` works them out on every call (a briefing makes thousands of elements)."""
    prefix, local = tag.split(":")
    return f"{{{nsmap[prefix]}}}{local}", {prefix: nsmap[prefix]}


@functools.cache
def _w(name: str) -> str:
    """``qn(f"w:{name}")``, worked out once per attribute name."""
    return qn(f"w:{name}")


def element(tag: str, **attrs: str | int) -> etree._Element:
    """A new ``w:`` element with ``w:`` attributes: ``element("w:sz", val=32)``; the same
    element as python-docx's ``OxmlElement`` (of its class), made faster."""
    name, declared = _tag(tag)
    el = oxml_parser.makeelement(name, nsmap=declared)
    for key, value in attrs.items():
        el.set(_w(key), str(value))
    return el


def put(parent: etree._Element, child: etree._Element) -> etree._Element:
    """Put ``child`` into ``parent`` in schema order, replacing an element of the same tag."""
    name = _local(child.tag)
    order = _ORDERS.get(_local(parent.tag))
    for old in parent.findall(child.tag):
        parent.remove(old)
    if order is None or name not in order:
        parent.append(child)
        return child
    rank = order.index(name)
    for i, sibling in enumerate(parent):
        sib = _local(sibling.tag)
        if sib in order and order.index(sib) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def props(el: etree._Element, tag: str) -> etree._Element:
    """The ``w:pPr``/``w:rPr``/``w:trPr``… child of ``el``, created in its place if missing."""
    getter = getattr(el, f"get_or_add_{tag.removeprefix('w:')}", None)
    if getter is not None:  # python-docx's element classes know where the child goes
        return getter()
    found = el.find(qn(tag))
    if found is None:
        found = put(el, element(tag))
    return found


# ---------------------------------------------------------------------------------------------
# Run properties


def set_fonts(
    rpr: etree._Element, latin: str, east_asian: str, hint_east_asia: bool = True
) -> None:
    """``w:rFonts`` with ascii/hAnsi ``latin`` and eastAsia ``east_asian``, no theme fonts."""
    attrs = {"ascii": latin, "hAnsi": latin, "eastAsia": east_asian, "cs": latin}
    if hint_east_asia:
        attrs["hint"] = "eastAsia"
    put(rpr, element("w:rFonts", **attrs))


def set_east_asian_font(rpr: etree._Element, east_asian: str, hint_east_asia: bool = True) -> None:
    """``w:rFonts`` naming only the East Asian face: the Latin faces come from the style."""
    attrs = {"eastAsia": east_asian}
    if hint_east_asia:
        attrs["hint"] = "eastAsia"
    put(rpr, element("w:rFonts", **attrs))


def add_east_asian_font(rpr: etree._Element, east_asian: str) -> None:
    """Name ``east_asian`` in ``rpr``'s ``w:rFonts`` (made if missing), other faces kept."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = put(rpr, element("w:rFonts"))
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_lang(rpr: etree._Element, language: str, east_asian: str = "zh-CN") -> None:
    """``w:lang``: ``language`` for Latin text, ``east_asian`` (zh-CN) for CJK text."""
    put(rpr, element("w:lang", val=language, eastAsia=east_asian, bidi="ar-SA"))


def set_size(rpr: etree._Element, points: float) -> None:
    """Font size in points (``w:sz`` and ``w:szCs`` in half-points)."""
    half = str(round(points * 2))
    put(rpr, element("w:sz", val=half))
    put(rpr, element("w:szCs", val=half))


def set_bold(rpr: etree._Element, bold: bool = True) -> None:
    """``w:b``/``w:bCs`` on or explicitly off."""
    for tag in ("w:b", "w:bCs"):
        put(rpr, element(tag) if bold else element(tag, val=0))


def set_colour(rpr: etree._Element, rgb: str) -> None:
    """Text colour ``RRGGBB``."""
    put(rpr, element("w:color", val=rgb))


def set_letter_spacing(rpr: etree._Element, points: float) -> None:
    """Extra space between characters (``w:spacing``, twips)."""
    put(rpr, element("w:spacing", val=round(points * TWIPS_PER_PT)))


def strip_theme_fonts(root: etree._Element) -> None:
    """Remove every theme font reference (``w:asciiTheme``, ``w:eastAsiaTheme``…) below root."""
    names = [qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
    for fonts in root.iter(qn("w:rFonts")):
        for name in names:
            fonts.attrib.pop(name, None)


_THEME_SLOTS = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea", "Bidi": "cs"}


def resolve_theme_fonts(root: etree._Element, theme: dict[str, dict[str, str]]) -> None:
    """Replace theme font references below ``root`` by the faces ``theme`` names.

    ``theme`` is ``{"major": {"latin": "Calibri", "ea": "", "cs": ""}, "minor": {...}}``. A
    slot the theme leaves empty is dropped, and so is an East Asian slot that points at a Latin
    theme font (pandoc's ``w:eastAsiaTheme="minorHAnsi"``): that names no East Asian face.
    """
    targets = {"asciiTheme": "ascii", "hAnsiTheme": "hAnsi", "eastAsiaTheme": "eastAsia",
               "cstheme": "cs"}  # fmt: skip
    for fonts in root.iter(qn("w:rFonts")):
        for attr, target in targets.items():
            ref = fonts.attrib.pop(qn(f"w:{attr}"), None)
            if ref is None:
                continue
            scheme = "major" if ref.startswith("major") else "minor"
            slot = _THEME_SLOTS.get(ref.removeprefix(scheme), "latin")
            face = theme.get(scheme, {}).get(slot, "")
            if target == "eastAsia" and slot != "ea":
                face = ""
            if face:
                fonts.set(qn(f"w:{target}"), face)
            else:
                fonts.attrib.pop(qn(f"w:{target}"), None)


# ---------------------------------------------------------------------------------------------
# Paragraph properties


def set_spacing(
    ppr: etree._Element,
    line_twips: int | None = None,
    rule: str = "exact",
    before: int = 0,
    after: int = 0,
) -> None:
    """Line spacing (``exact``/``atLeast``/``auto`` twips) and space before/after (twips)."""
    attrs: dict[str, str | int] = {"before": before, "after": after}
    if line_twips is not None:
        attrs.update(line=line_twips, lineRule=rule)
    put(ppr, element("w:spacing", **attrs))


def set_indent(
    ppr: etree._Element,
    first_line: int = 0,
    left: int = 0,
    right: int = 0,
    chars: float | None = None,
) -> None:
    """Indents in twips; ``chars``: the first line's indent in characters as well (Word shows
    "2 字符"), which must say the same as ``first_line``."""
    attrs: dict[str, str | int] = {"left": left, "right": right, "firstLine": first_line}
    if chars:
        attrs["firstLineChars"] = round(chars * 100)
    put(ppr, element("w:ind", **attrs))


def set_outline_level(ppr: etree._Element, level: int) -> None:
    """Outline level 0-8 (Heading 1 → 0): the navigation pane and TOC read it."""
    put(ppr, element("w:outlineLvl", val=level))


def set_flag(ppr: etree._Element, tag: str, on: bool = True) -> None:
    """A toggle such as ``w:keepNext``, ``w:keepLines``, ``w:widowControl``."""
    put(ppr, element(tag) if on else element(tag, val=0))


def border(side: str, eighths: int, colour: str = "000000", space: int = 1) -> etree._Element:
    """One border line: ``side`` (top, bottom…), width in eighths of a point, colour, gap (pt)."""
    return element(f"w:{side}", val="single", sz=eighths, space=space, color=colour)


def set_borders(ppr: etree._Element, *borders: etree._Element) -> None:
    """Paragraph borders (``w:pBdr``) from :func:`border` elements."""
    box = ppr.find(qn("w:pBdr"))
    if box is None:
        box = put(ppr, element("w:pBdr"))
    for b in borders:
        put(box, b)


def set_tabs(ppr: etree._Element, stops: Iterable[tuple[str, int, str]]) -> None:
    """Tab stops: (alignment ``left``/``right``/``center``, twips, leader ``none``/``dot``)."""
    tabs = element("w:tabs")
    for align, pos, leader in stops:
        tabs.append(element("w:tab", val=align, pos=pos, leader=leader))
    put(ppr, tabs)


def set_frame(
    ppr: etree._Element, width: int, height: int, y: int | None = None, bottom: bool = False
) -> None:
    """Make the paragraph a frame ``width`` × ``height`` twips (exact), centred across the
    版心, ``y`` twips below its top or, with ``bottom``, standing on its foot; text flows
    above and below it. Frames anchor where their paragraph falls, on its page."""
    attrs: dict[str, str | int] = {
        "w": width, "h": height, "hRule": "exact", "wrap": "notBeside",
        "vAnchor": "margin", "hAnchor": "margin", "xAlign": "center",
    }  # fmt: skip
    if bottom:
        attrs["yAlign"] = "bottom"
    else:
        attrs["y"] = y or 0
    put(ppr, element("w:framePr", **attrs))


# ---------------------------------------------------------------------------------------------
# Runs, fields and bookmarks


def run(text: str | None = None, rpr: etree._Element | None = None) -> etree._Element:
    """A ``w:r`` holding ``text`` (spaces kept) and a copy of ``rpr``."""
    r = element("w:r")
    if rpr is not None:
        r.append(_copy(rpr))
    if text is not None:
        r.append(_text(text))
    return r


def _text(text: str) -> etree._Element:
    t = element("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


def _copy(el: etree._Element) -> etree._Element:
    return copy.deepcopy(el)


def tab_run(rpr: etree._Element | None = None) -> etree._Element:
    """A run holding one tab character."""
    r = run(None, rpr)
    r.append(element("w:tab"))
    return r


def break_run(rpr: etree._Element | None = None) -> etree._Element:
    """A run holding a line break."""
    r = run(None, rpr)
    r.append(element("w:br"))
    return r


def field_begin(instruction: str, rpr: etree._Element | None = None) -> list[etree._Element]:
    """The runs that open a complex field up to its result: begin, instruction, separate."""
    begin = run(None, rpr)
    begin.append(element("w:fldChar", fldCharType="begin"))
    instr = run(None, rpr)
    code = element("w:instrText")
    code.text = f" {instruction} "
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.append(code)
    separate = run(None, rpr)
    separate.append(element("w:fldChar", fldCharType="separate"))
    return [begin, instr, separate]


def field_end(rpr: etree._Element | None = None) -> etree._Element:
    """The run that closes a complex field."""
    end = run(None, rpr)
    end.append(element("w:fldChar", fldCharType="end"))
    return end


def field(instruction: str, result: str, rpr: etree._Element | None = None) -> list[etree._Element]:
    """A whole complex field (``PAGE``, ``PAGEREF x \\h``…) whose shown result is ``result``."""
    return [*field_begin(instruction, rpr), run(result, rpr), field_end(rpr)]


def bookmark(p: etree._Element, name: str, number: int) -> None:
    """Wrap the runs of paragraph ``p`` in bookmark ``name``."""
    start = element("w:bookmarkStart", id=number, name=name)
    end = element("w:bookmarkEnd", id=number)
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else list(p).index(ppr) + 1, start)
    p.append(end)


# ---------------------------------------------------------------------------------------------
# Sections, tables, settings


def set_doc_grid(sectpr: etree._Element, line_pitch: int, kind: str = "lines") -> None:
    """The document grid: ``lines`` (a line pitch, no character grid) or ``default`` (none)."""
    put(sectpr, element("w:docGrid", type=kind, linePitch=line_pitch))


def set_table_width(tblpr: etree._Element, twips: int) -> None:
    """A fixed table width in twips, laid out with fixed column widths."""
    put(tblpr, element("w:tblW", w=twips, type="dxa"))
    put(tblpr, element("w:tblLayout", type="fixed"))


def set_table_borders(tblpr: etree._Element, outer: int, inner: int) -> None:
    """Single borders all round (``outer`` eighths) and between cells (``inner`` eighths)."""
    box = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        box.append(element(f"w:{side}", val="single", sz=outer, space=0, color="000000"))
    for side in ("insideH", "insideV"):
        box.append(element(f"w:{side}", val="single", sz=inner, space=0, color="000000"))
    put(tblpr, box)


def set_no_borders(tblpr: etree._Element) -> None:
    """No borders at all round or inside a table."""
    box = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        box.append(element(f"w:{side}", val="none", sz=0, space=0, color="auto"))
    put(tblpr, box)


def set_cell_margins(tblpr: etree._Element, top: int, left: int, bottom: int, right: int) -> None:
    """Default cell margins of a table, twips."""
    mar = element("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(element(f"w:{side}", w=value, type="dxa"))
    put(tblpr, mar)


def set_repeat_header(trpr: etree._Element) -> None:
    """Repeat this row at the top of every page the table runs onto (``w:tblHeader``)."""
    put(trpr, element("w:tblHeader"))


def set_row_height(trpr: etree._Element, twips: int) -> None:
    """An exact row height (``w:trHeight``), twips."""
    put(trpr, element("w:trHeight", val=twips, hRule="exact"))


def set_cant_split(trpr: etree._Element) -> None:
    """Keep a row on one page (``w:cantSplit``)."""
    put(trpr, element("w:cantSplit"))


def set_cell_valign(tcpr: etree._Element, value: str = "center") -> None:
    """Vertical alignment of a cell's content."""
    put(tcpr, element("w:vAlign", val=value))


def set_theme_font_lang(settings: etree._Element, language: str, east_asian: str) -> None:
    """``w:themeFontLang``: the languages theme fonts are picked for."""
    found = settings.find(qn("w:themeFontLang"))
    if found is not None:
        found.set(qn("w:val"), language)
        found.set(qn("w:eastAsia"), east_asian)
