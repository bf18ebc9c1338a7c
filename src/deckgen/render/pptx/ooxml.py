"""The few DrawingML details python-pptx has no API for: East Asian fonts, lang, fields, theme."""

from __future__ import annotations

import uuid

from lxml import etree
from pptx.oxml.ns import qn

from ...template.theme import Theme, is_cjk_font

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RPR_AFTER_EA = ("a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")
_RPR_AFTER_FILL = (
    "a:effectLst",
    "a:effectDag",
    "a:highlight",
    "a:uLnTx",
    "a:uLn",
    "a:uFillTx",
    "a:uFill",
    "a:latin",
    "a:ea",
    "a:cs",
    "a:sym",
    "a:hlinkClick",
    "a:hlinkMouseOver",
    "a:rtl",
    "a:extLst",
)


def set_fonts(rPr, latin: str, east_asian: str, lang: str) -> None:
    """Give a run's properties its Latin and East Asian typefaces and its language."""
    rPr.set("lang", lang)
    rPr.set("altLang", "en-US" if lang != "en-US" else "zh-CN")
    for tag in ("a:latin", "a:ea", "a:cs"):
        for old in rPr.findall(qn(tag)):
            rPr.remove(old)
    latin_el = etree.SubElement(rPr, qn("a:latin"))
    latin_el.set("typeface", latin)
    ea = etree.SubElement(rPr, qn("a:ea"))
    ea.set("typeface", east_asian)
    # Keep schema order: latin, ea must precede cs/sym/hyperlinks/extLst.
    for tag in _RPR_AFTER_EA:
        for el in rPr.findall(qn(tag)):
            rPr.remove(el)
            rPr.append(el)


def set_colour(rPr, hex_rgb: str) -> None:
    """A solid fill colour on a run's properties, in schema order."""
    for old in rPr.findall(qn("a:solidFill")):
        rPr.remove(old)
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr")).set("val", hex_rgb)
    for i, child in enumerate(rPr):
        if child.tag in {qn(t) for t in _RPR_AFTER_FILL}:
            rPr.insert(i, fill)
            return
    rPr.append(fill)


def east_asian_breaking(pPr) -> None:
    """Let a paragraph break East Asian text per character, with punctuation rules.

    Punctuation hangs (``hangingPunct="1"``, 标点悬挂) into the room the plan leaves at the
    right (``TextBox.hang``): a closing mark at a line's end never pushes the character
    before it down, which would split a figure such as "1500亩以上。".
    """
    pPr.set("eaLnBrk", "1")
    pPr.set("latinLnBrk", "0")
    pPr.set("hangingPunct", "1")


_PPR_AFTER_BULLET = ("a:tabLst", "a:defRPr", "a:extLst")


def set_bullet(pPr, indent_emu: int, colour: str, font: str, char: str = "•") -> None:
    """A real paragraph bullet: ``char`` in ``font`` and ``colour``, hanging ``indent_emu``
    to the left of the text (``marL``/``indent``), in schema order."""
    pPr.set("marL", str(indent_emu))
    pPr.set("indent", str(-indent_emu))
    for tag in ("a:buClr", "a:buFont", "a:buChar", "a:buNone", "a:buAutoNum"):
        for old in pPr.findall(qn(tag)):
            pPr.remove(old)
    clr = etree.Element(qn("a:buClr"))
    etree.SubElement(clr, qn("a:srgbClr")).set("val", colour)
    bu_font = etree.Element(qn("a:buFont"))
    bu_font.set("typeface", font)
    bu_char = etree.Element(qn("a:buChar"))
    bu_char.set("char", char)
    after = [el for el in pPr if el.tag in {qn(t) for t in _PPR_AFTER_BULLET}]
    for el in (clr, bu_font, bu_char):
        if after:
            after[0].addprevious(el)
        else:
            pPr.append(el)


def add_field(p, field_type: str, text: str):
    """Append a field (e.g. ``slidenum``) to paragraph ``p``; returns its ``a:rPr``."""
    fld = etree.Element(qn("a:fld"))
    fld.set("id", "{" + str(uuid.uuid4()).upper() + "}")
    fld.set("type", field_type)
    rPr = etree.SubElement(fld, qn("a:rPr"))
    etree.SubElement(fld, qn("a:t")).text = text
    end = p.find(qn("a:endParaRPr"))
    if end is not None:
        end.addprevious(fld)
    else:
        p.append(fld)
    return rPr


def brand_theme(prs, theme: Theme, keep_brand: bool = False) -> None:
    """Write the brand's colours and fonts into the presentation's theme part.

    Charts, new shapes and text a user adds later then follow the brand; the font scheme
    names the East Asian fonts (``a:ea`` and the ``Hans`` script) for headings and body.
    With ``keep_brand`` (an organisation's own master) only East Asian fonts the master
    leaves empty are filled in; its colours and other fonts stay as they are.
    """
    part = next(
        rel.target_part
        for rel in prs.slide_master.part.rels.values()
        if rel.reltype.endswith("/theme")
    )
    root = etree.fromstring(part.blob)
    c = theme.colours
    palette = list(c.chart) + [c.primary] * 6
    scheme = {
        "dk1": "000000",
        "lt1": "FFFFFF",
        "dk2": c.dark,
        "lt2": c.light,
        "accent1": c.primary,
        "accent2": c.accent,
        "accent3": palette[1],
        "accent4": palette[2],
        "accent5": palette[3],
        "accent6": c.muted,
    }
    clr = root.find(f".//{{{A}}}clrScheme")
    if clr is not None and not keep_brand:
        clr.set("name", theme.name)
        for name, value in scheme.items():
            slot = clr.find(f"{{{A}}}{name}")
            if slot is None:
                continue
            for child in list(slot):
                slot.remove(child)
            etree.SubElement(slot, f"{{{A}}}srgbClr").set("val", value)
    fonts = root.find(f".//{{{A}}}fontScheme")
    if fonts is not None:
        if not keep_brand:
            fonts.set("name", theme.name)
        for tag, font in (("majorFont", theme.fonts.heading), ("minorFont", theme.fonts.body)):
            group = fonts.find(f"{{{A}}}{tag}")
            latin = group.find(f"{{{A}}}latin") if group is not None else None
            if latin is None:
                continue
            if not keep_brand:
                latin.set("typeface", font.latin)
            ea = group.find(f"{{{A}}}ea")
            if ea is None:
                ea = etree.Element(f"{{{A}}}ea")
                latin.addnext(ea)
            if not (keep_brand and is_cjk_font(ea.get("typeface", ""))):
                ea.set("typeface", font.east_asian)
            hans = group.find(f"{{{A}}}font[@script='Hans']")
            if hans is None:
                hans = etree.SubElement(group, f"{{{A}}}font")
                hans.set("script", "Hans")
            if not keep_brand:
                hans.set("typeface", font.east_asian)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
