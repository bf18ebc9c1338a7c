"""The font table (``word/fontTable.xml``): every face the briefing names, declared with its
other names, character set, family and PANOSE number (:mod:`deckgen.text.faces`), so that a
machine without 仿宋_GB2312 or 方正小标宋简体 finds the face it has under another name, or a
free one that looks close (named last), rather than whatever it falls back to.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from ...template.theme import is_cjk_font
from ...text.faces import ANSI, GB2312, face_of
from . import ooxml

_SLOTS = [qn(f"w:{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")]


def faces_named(roots: Iterable[etree._Element]) -> list[str]:
    """Every face the ``w:rFonts`` below ``roots`` name, in order of first use."""
    names: dict[str, None] = {}
    for root in roots:
        for fonts in root.iter(qn("w:rFonts")):
            for slot in _SLOTS:
                name = fonts.get(slot)
                if name:
                    names[name] = None
    return list(names)


def font_entry(name: str) -> etree._Element:
    """The ``w:font`` of face ``name``: alternates, PANOSE, character set, family, pitch (a
    face the table does not know gets its character set and family only)."""
    font = ooxml.element("w:font", name=name)
    face = face_of(name)
    if face is not None:
        font.append(ooxml.element("w:altName", val=",".join(face.alternates)))
        font.append(ooxml.element("w:panose1", val=face.panose))
    cjk = is_cjk_font(name)
    font.append(ooxml.element("w:charset", val=face.charset if face else GB2312 if cjk else ANSI))
    font.append(ooxml.element("w:family", val=face.family if face else "auto"))
    font.append(ooxml.element("w:pitch", val=face.pitch if face else "variable"))
    return font


def _used_styles(doc: Document, parts: list[etree._Element]) -> list[etree._Element]:
    """The styles the ``parts`` use (paragraph, character and table styles, and the
    styles they are based on), and the document defaults."""
    by_id = {s.style_id: s for s in doc.styles}
    wanted = dict.fromkeys(  # in the order first used: the font table the same every run
        el.get(qn("w:val"))
        for part in parts
        for el in part.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
    )
    wanted[doc.styles.default(WD_STYLE_TYPE.PARAGRAPH).style_id] = None
    used: dict[str, etree._Element] = {}
    for sid in wanted:
        style = by_id.get(sid)
        while style is not None and style.style_id not in used:
            used[style.style_id] = style.element
            style = style.base_style
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    return [*used.values(), *([defaults] if defaults is not None else [])]


def write_font_table(doc: Document) -> None:
    """Replace the document's font table by one declaring every face its body, headers,
    footers and the styles they use name."""
    main = doc.part
    parts = [main.element]
    for rel in main.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER):
            parts.append(rel.target_part.element)
    table = ooxml.element("w:fonts")
    for name in faces_named([*parts, *_used_styles(doc, parts)]):
        table.append(font_entry(name))
    blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = next((r.target_part for r in main.rels.values() if r.reltype == RT.FONT_TABLE), None)
    if part is None:  # a reference document without one
        part = Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, blob, main.package)
        main.relate_to(part, RT.FONT_TABLE)
    part._blob = blob
