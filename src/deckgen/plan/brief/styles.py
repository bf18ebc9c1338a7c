"""The briefing's page and paragraph styles as numbers: what the renderer writes and what the
pages are laid out with, so that both read one table (GB/T 9704-2012 for Chinese; an English
briefing gets English typography on the same page).

Every line is set as *exact* line spacing. A Chinese briefing has the GB/T 9704 line grid
(``w:docGrid w:type="lines"``): Word then takes an exact height as given, but LibreOffice
makes each line as many grid lines as its faces' height needs, whatever the spacing says;
so every style's line is exactly that many grid lines (:func:`grid_lines`), and both lay
the page out alike. An English briefing has no grid, and its exact lines hold in both.

Space is set after paragraphs, never before (but the masthead's, at the top of the first
page): Word and LibreOffice differ on space before at a page's top and beside space after.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field, replace

from ...template.theme import BriefingFonts
from ...text.advance import height

# Chinese type sizes (字号) in points.
CHUHAO = 42.0  # 初号
ERHAO = 22.0  # 二号
SANHAO = 16.0  # 三号
SIHAO = 14.0  # 四号

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
"""GB/T 9704-2012 §5.2.1: A4, 版心 156 × 225 mm."""
TWIPS_PER_MM = 1440 / 25.4
TEXT_WIDTH = round((PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) * TWIPS_PER_MM)
"""The 版心's width in twips (156 mm)."""
TEXT_HEIGHT = round((PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]) * TWIPS_PER_MM)
"""The 版心's height in twips (225 mm)."""

CHINESE_PITCH = 579
"""The grid's line pitch in twips (28.95 pt): 22 lines in the 225 mm 版心."""
ENGLISH_PITCH = 386
"""An English briefing's line pitch (19.3 pt): 33 lines of 14 pt text on the same 版心."""
CHARS_PER_LINE = 28
"""Body characters (三号) on a line of a Chinese briefing."""


@dataclass(frozen=True)
class Style:
    """One paragraph style: the font role it is set in, its size, and its layout in twips
    and grid lines."""

    name: str
    role: str
    """The theme's briefing font role: title, body, level1, level2, page_number."""
    size: float = SANHAO
    bold: bool = False
    red: bool = False
    """Set in the masthead's colour."""
    align: str = "both"
    indent_chars: float = 2
    """The first line's indent, in characters of this style's size."""
    left_chars: float = 0
    """The left indent of every line, in characters of this style's size."""
    lines: int = 1
    """Each line's height, in grid lines (exact)."""
    before: int = 0
    after: int = 0
    """Space before and after, twips."""
    keep_next: bool = False
    """Kept on the page of the next paragraph's first lines (headings, lead lines)."""
    keep_lines: bool = False
    outline: int | None = None
    letter_spacing: float = 0.0
    """Extra space after each character, points (on top of the document's tracking)."""
    rule_below: tuple[int, int] | None = None
    """A rule under the paragraph: its width in eighths of a point and its gap in points."""

    @property
    def indent(self) -> int:
        """The first line's indent, twips."""
        return round(self.indent_chars * self.size * 20)

    @property
    def rule_height(self) -> int:
        """What the rule under it adds to its height (its width and gap), twips."""
        if not self.rule_below:
            return 0
        eighths, gap = self.rule_below
        return round((eighths / 8 + gap) * 20)

    @property
    def left(self) -> int:
        return round(self.left_chars * self.size * 20)


@dataclass(frozen=True)
class Typography:
    """A briefing's page grid and paragraph styles."""

    chinese: bool
    pitch: int
    """Line pitch, twips: of the document grid (Chinese), of the lines (English)."""
    tracking: float
    """Space added after every character, points (≤ 0: the body's 28 characters a line)."""
    styles: dict[str, Style] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Style:
        return self.styles[name]

    @property
    def lines_per_page(self) -> int:
        return TEXT_HEIGHT // self.pitch

    def line(self, style: Style) -> int:
        """A line of ``style``, twips."""
        return style.lines * self.pitch


def condensing(width: int = TEXT_WIDTH, size: float = SANHAO, per_line: int = CHARS_PER_LINE):
    """The tracking (pt, ≤ 0, in 0.05 pt steps) that fits ``per_line`` characters in ``width``
    twips. A ``linesAndChars`` grid would do it in Word, but LibreOffice (7.4) then sets every
    16 pt character wider than its 15.8 pt cell across two cells."""
    room = width / 20 / per_line - size
    return min(0.0, math.floor(room * 20) / 20)


FIGURE_LINES = 11
"""The grid lines a figure's picture line takes (half a page); its caption takes one more."""


def _chinese(half: int, one: int) -> list[Style]:
    return [
        Style("Normal", "body"),
        Style("Heading 1", "level1", outline=0, keep_next=True, keep_lines=True),
        Style("Heading 2", "level2", outline=1, keep_next=True, keep_lines=True),
        Style("Heading 3", "body", bold=True, outline=2, keep_next=True, keep_lines=True),
        Style("Lead", "level2", keep_next=True),
        Style("Masthead", "title", CHUHAO, red=True, align="center", indent_chars=0,
              before=one, after=half, letter_spacing=4),
        Style("Masthead Issue", "body", align="center", indent_chars=0),
        Style("Masthead Line", "body", align="left", indent_chars=0, after=one,
              rule_below=(16, 4)),
        Style("Kicker", "level2", align="center", indent_chars=0),
        Style("Title", "title", ERHAO, align="center", indent_chars=0, keep_next=True),
        Style("Subtitle", "level2", align="center", indent_chars=0, after=one),
        Style("Byline", "level2", align="center", indent_chars=0),
        Style("TOC Heading", "level1", align="center", indent_chars=0, after=half),
        Style("toc 1", "level1", align="left", indent_chars=0),
        Style("toc 2", "body", align="left", indent_chars=0),
        Style("Table Heading", "level1", SIHAO, align="center", indent_chars=0),
        Style("Table Text", "body", SIHAO, align="left", indent_chars=0),
        Style("Figure", "body", align="center", indent_chars=0, lines=FIGURE_LINES,
              keep_next=True),
        Style("Caption", "level2", align="center", indent_chars=0),
        Style("Copy Block", "body", SIHAO, align="left", indent_chars=0, left_chars=1),
        Style("Header", "level1", SANHAO, align="left", indent_chars=0),
        Style("Footer", "page_number", SIHAO, indent_chars=0),
    ]  # fmt: skip


def _english(half: int, one: int) -> list[Style]:
    body = dict(indent_chars=0, align="left")
    return [
        Style("Normal", "body", SIHAO, after=half, **body),
        Style("Heading 1", "level1", SANHAO, bold=True, lines=2, outline=0, keep_next=True,
              keep_lines=True, **body),
        Style("Heading 2", "level2", SIHAO, bold=True, outline=1, keep_next=True,
              keep_lines=True, **body),
        Style("Heading 3", "body", SIHAO, bold=True, outline=2, keep_next=True,
              keep_lines=True, **body),
        Style("Lead", "level2", SIHAO, after=half, keep_next=True, **body),
        Style("Masthead", "title", 36.0, bold=True, red=True, align="center", indent_chars=0,
              lines=3, before=one, after=half),
        Style("Masthead Issue", "body", SIHAO, align="center", indent_chars=0),
        Style("Masthead Line", "body", SIHAO, align="left", indent_chars=0, after=2 * one,
              rule_below=(16, 4)),
        Style("Kicker", "level2", SIHAO, align="center", indent_chars=0),
        Style("Title", "title", 26.0, bold=True, align="center", indent_chars=0, lines=2,
              keep_next=True),
        Style("Subtitle", "level2", SIHAO, align="center", indent_chars=0, after=2 * one),
        Style("Byline", "level2", SIHAO, align="center", indent_chars=0),
        Style("TOC Heading", "level1", SANHAO, bold=True, align="center", indent_chars=0,
              lines=2, after=half),
        Style("toc 1", "level1", SIHAO, bold=True, align="left", indent_chars=0),
        Style("toc 2", "body", SIHAO, align="left", indent_chars=0, left_chars=1.5),
        Style("Table Heading", "level1", 12.0, bold=True, align="center", indent_chars=0),
        Style("Table Text", "body", 12.0, align="left", indent_chars=0),
        Style("Figure", "body", SIHAO, align="center", indent_chars=0,
              lines=FIGURE_LINES * 3 // 2, keep_next=True),
        Style("Caption", "level2", SIHAO, align="center", indent_chars=0, after=half),
        Style("Copy Block", "body", 12.0, align="left", indent_chars=0, left_chars=1),
        Style("Header", "level1", SIHAO, align="left", indent_chars=0),
        Style("Footer", "page_number", SIHAO, indent_chars=0),
    ]  # fmt: skip


def grid_lines(style: Style, fonts: BriefingFonts, pitch: int = CHINESE_PITCH) -> int:
    """The grid lines LibreOffice gives a line of ``style``: its faces' height (ascent and
    descent, the taller of its Latin and East Asian face as fontconfig resolves them),
    rounded up to whole lines."""
    font = getattr(fonts, style.role)
    tallest = max(height(font.latin), height(font.east_asian)) * style.size * 20
    return max(1, math.ceil(tallest / pitch - 1e-6))


def typography(chinese: bool, fonts: BriefingFonts | None = None) -> Typography:
    """The grid and styles of a Chinese (GB/T 9704) or an English briefing; a Chinese one's
    lines as many grid lines as ``fonts`` need (see the module)."""
    pitch = CHINESE_PITCH if chinese else ENGLISH_PITCH
    styles = (_chinese if chinese else _english)(pitch // 2, pitch)
    if chinese and fonts is not None:
        styles = [replace(s, lines=max(s.lines, grid_lines(s, fonts, pitch))) for s in styles]
    tracking = condensing() if chinese else 0.0
    return Typography(chinese, pitch, tracking, {s.name: s for s in styles})


def own_face(ch: str) -> bool:
    """Whether ``ch`` is a mark whose face Word and LibreOffice choose differently (curly
    quotes, dashes, ellipsis, middle dot: East Asian *ambiguous* punctuation and symbols).

    Word sets it in the East Asian face when the run says ``w:hint="eastAsia"``; LibreOffice
    ignores the hint and takes the script of the text before it. The renderer writes such
    marks in runs that name one face in every slot (the East Asian face in a Chinese
    briefing, the Latin one in an English briefing), so that both set them alike.
    """
    return unicodedata.east_asian_width(ch) == "A" and unicodedata.category(ch)[0] in "PS"
