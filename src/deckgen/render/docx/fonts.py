"""The font table (``word/fontTable.xml``): every face the briefing names, declared with its
other names, character set, family and PANOSE number, so that a machine without 仿宋_GB2312
or 方正小标宋简体 finds the face it has under another name, or one that looks like it, rather
than whatever it falls back to. The last alternate is always a free face that looks close
(Noto Serif/Sans CJK SC, AR PL UKai, the metric-compatible Liberation faces).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from ...template.theme import is_cjk_font
from . import ooxml

GB2312 = "86"
"""The GB2312 character set (134), as the font table writes it."""
ANSI = "00"


@dataclass(frozen=True)
class Face:
    """What the font table says of one face."""

    alternates: tuple[str, ...]
    """Its other names, the free look-alike last."""
    panose: str
    charset: str = GB2312
    family: str = "modern"
    """roman, swiss, modern, script, decorative or auto (ST_FontFamily)."""
    pitch: str = "variable"


FACES: dict[str, Face] = {
    "仿宋_GB2312": Face(("仿宋", "FangSong_GB2312", "FangSong", "FandolFang", "Noto Serif CJK SC"),
                      "02010609030101010101", pitch="fixed"),
    "仿宋": Face(("FangSong", "仿宋_GB2312", "FandolFang", "Noto Serif CJK SC"),
               "02010609060101010101", pitch="fixed"),
    "FangSong": Face(("仿宋", "仿宋_GB2312", "FandolFang", "Noto Serif CJK SC"),
                     "02010609060101010101", pitch="fixed"),
    "楷体_GB2312": Face(("楷体", "KaiTi_GB2312", "KaiTi", "FandolKai", "AR PL UKai CN"),
                      "02010609030101010101", pitch="fixed"),
    "楷体": Face(("KaiTi", "楷体_GB2312", "FandolKai", "AR PL UKai CN"),
               "02010609060101010101", pitch="fixed"),
    "KaiTi": Face(("楷体", "楷体_GB2312", "FandolKai", "AR PL UKai CN"),
                  "02010609060101010101", pitch="fixed"),
    "黑体": Face(("SimHei", "FandolHei", "Noto Sans CJK SC"), "02010609060101010101",
               pitch="fixed"),
    "SimHei": Face(("黑体", "FandolHei", "Noto Sans CJK SC"), "02010609060101010101",
                   pitch="fixed"),
    "宋体": Face(("SimSun", "FandolSong", "Noto Serif CJK SC"), "02010600030101010101",
               family="auto"),
    "SimSun": Face(("宋体", "FandolSong", "Noto Serif CJK SC"), "02010600030101010101",
                   family="auto"),
    "方正小标宋简体": Face(("FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "STZhongsong",
                        "Noto Serif CJK SC"), "02000000000000000000", family="script"),
    "微软雅黑": Face(("Microsoft YaHei", "Noto Sans CJK SC"), "020B0503020204020204",
                 family="swiss"),
    "Microsoft YaHei": Face(("微软雅黑", "Noto Sans CJK SC"), "020B0503020204020204",
                            family="swiss"),
    "等线": Face(("DengXian", "Noto Sans CJK SC"), "02010600030101010101", family="auto"),
    "Times New Roman": Face(("Times", "Liberation Serif"), "02020603050405020304", ANSI,
                            "roman"),
    "Arial": Face(("Helvetica", "Liberation Sans"), "020B0604020202020204", ANSI, "swiss"),
    "Calibri": Face(("Carlito",), "020F0502020204030204", ANSI, "swiss"),
}  # fmt: skip
"""The faces deckgen's templates name, and their common Windows and free alternates."""

_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def face_of(name: str) -> Face | None:
    """What the table knows of ``name``, or None for a face it does not know."""
    return FACES.get(name)


def faces_named(roots: Iterable[etree._Element]) -> list[str]:
    """Every face the ``w:rFonts`` below ``roots`` name, in order of first use."""
    names: dict[str, None] = {}
    for root in roots:
        for fonts in root.iter(qn("w:rFonts")):
            for slot in _SLOTS:
                name = fonts.get(qn(f"w:{slot}"))
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


def write_font_table(doc: Document) -> None:
    """Replace the document's font table by one declaring every face its styles, body,
    headers and footers name."""
    main = doc.part
    roots = [main.element, doc.styles.element]
    for rel in main.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER):
            roots.append(rel.target_part.element)
    table = ooxml.element("w:fonts")
    for name in faces_named(roots):
        table.append(font_entry(name))
    part = next(r.target_part for r in main.rels.values() if r.reltype == RT.FONT_TABLE)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
