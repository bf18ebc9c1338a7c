"""What deckgen knows of the faces its templates name: each face's other names (the same
face under its Windows, English or PostScript name), the free faces that look like it, and
what a Word font table says of it (character set, family, PANOSE number, pitch).

The briefing's font table declares them (``render/docx/fonts.py``), so that a machine
without 仿宋_GB2312 finds 仿宋 or FangSong, and failing those a free face that looks close;
``deckgen check`` compares them with the faces a render embedded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GB2312 = "86"
"""The GB2312 character set (134), as a font table writes it."""
ANSI = "00"


@dataclass(frozen=True)
class Face:
    """What is known of one face."""

    names: tuple[str, ...]
    """Its other names: the same design under another name (仿宋_GB2312 ↔ FangSong_GB2312)."""
    free: tuple[str, ...]
    """Free faces that look close, the closest last (it is named last among alternates)."""
    panose: str
    charset: str = GB2312
    family: str = "modern"
    """roman, swiss, modern, script, decorative or auto (ST_FontFamily)."""
    pitch: str = "variable"

    @property
    def alternates(self) -> tuple[str, ...]:
        """Every alternate a font table names: its other names, then the free look-alikes."""
        return self.names + self.free


_FANG = ("FandolFang", "Noto Serif CJK SC")
_KAI = ("FandolKai", "AR PL UKai CN")
_HEI = ("FandolHei", "Noto Sans CJK SC")
_SONG = ("FandolSong", "Noto Serif CJK SC")
_YAHEI = ("Noto Sans CJK SC",)

FACES: dict[str, Face] = {
    "仿宋_GB2312": Face(("仿宋", "FangSong_GB2312", "FangSong"), _FANG, "02010609030101010101",
                      pitch="fixed"),
    "仿宋": Face(("FangSong", "仿宋_GB2312", "FangSong_GB2312"), _FANG, "02010609060101010101",
               pitch="fixed"),
    "FangSong": Face(("仿宋", "仿宋_GB2312", "FangSong_GB2312"), _FANG, "02010609060101010101",
                     pitch="fixed"),
    "楷体_GB2312": Face(("楷体", "KaiTi_GB2312", "KaiTi"), _KAI, "02010609030101010101",
                      pitch="fixed"),
    "楷体": Face(("KaiTi", "楷体_GB2312", "KaiTi_GB2312"), _KAI, "02010609060101010101",
               pitch="fixed"),
    "KaiTi": Face(("楷体", "楷体_GB2312", "KaiTi_GB2312"), _KAI, "02010609060101010101",
                  pitch="fixed"),
    "黑体": Face(("SimHei",), _HEI, "02010609060101010101", pitch="fixed"),
    "SimHei": Face(("黑体",), _HEI, "02010609060101010101", pitch="fixed"),
    "宋体": Face(("SimSun",), _SONG, "02010600030101010101", family="auto"),
    "SimSun": Face(("宋体",), _SONG, "02010600030101010101", family="auto"),
    "方正小标宋简体": Face(("FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0", "方正小标宋_GBK"),
                        ("华文中宋", "STZhongsong", "Noto Serif CJK SC"),
                        "02000000000000000000", family="script"),
    "微软雅黑": Face(("Microsoft YaHei",), _YAHEI, "020B0503020204020204", family="swiss"),
    "Microsoft YaHei": Face(("微软雅黑",), _YAHEI, "020B0503020204020204", family="swiss"),
    "等线": Face(("DengXian",), _YAHEI, "02010600030101010101", family="auto"),
    "Times New Roman": Face(("TimesNewRomanPSMT",), ("Times", "Liberation Serif"),
                            "02020603050405020304", ANSI, "roman"),
    "Arial": Face(("ArialMT",), ("Helvetica", "Liberation Sans"), "020B0604020202020204",
                  ANSI, "swiss"),
    "Calibri": Face((), ("Carlito",), "020F0502020204030204", ANSI, "swiss"),
}  # fmt: skip
"""The faces deckgen's templates name."""


def face_of(name: str) -> Face | None:
    """What is known of face ``name``, or None."""
    return FACES.get(name)


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name).casefold()


def same_face(name: str, embedded: str) -> bool:
    """Whether a PDF's embedded font ``embedded`` (a PostScript name, subset prefix gone) is
    face ``name`` itself, under any of its names."""
    face = face_of(name)
    names = (name, *(face.names if face else ()))
    return any(_key(embedded).startswith(_key(n)) for n in names if _key(n))
