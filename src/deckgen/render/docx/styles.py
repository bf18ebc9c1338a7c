"""The briefing's styles (GB/T 9704 sizes and faces), set on a document with no theme fonts."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from ...model import LANGUAGE_TAGS, language_of_tag
from ...template.theme import Font, Theme
from . import ooxml

# Chinese type sizes (字号) in points.
CHUHAO = 42.0  # 初号
XIAOCHU = 36.0  # 小初
ERHAO = 22.0  # 二号
SANHAO = 16.0  # 三号
SIHAO = 14.0  # 四号

LINE_PITCH = 579
"""The grid's line pitch in twips (28.95 pt: 22 lines in the 225 mm 版心)."""


@dataclass(frozen=True)
class Faces:
    """The typefaces of one briefing: font roles of the theme and the content's language."""

    theme: Theme
    language: str
    """The content's language tag ("zh-CN", "en")."""

    @property
    def chinese(self) -> bool:
        return language_of_tag(self.language) == "zh"

    def role(self, name: str) -> Font:
        """A font role: title, body, level1, level2, page_number."""
        return getattr(self.theme.briefing.fonts, name)

    def apply(self, rpr, role: str) -> None:
        """Declare the role's fonts and the languages on ``rpr`` (East Asian always zh-CN)."""
        font = self.role(role)
        ooxml.set_fonts(rpr, font.latin, font.east_asian, hint_east_asia=self.chinese)
        self.apply_language(rpr)

    def apply_language(self, rpr) -> None:
        """Declare the languages on ``rpr``: the content's for Latin text, zh-CN for CJK text."""
        # Latin text (digits, "%") is tagged en-US, as Word tags it in Chinese documents: under
        # zh-CN LibreOffice breaks lines inside numbers ("9." | "1%").
        ooxml.set_lang(rpr, "en-US" if self.chinese else self.language_tag, "zh-CN")

    @property
    def language_tag(self) -> str:
        return LANGUAGE_TAGS[language_of_tag(self.language)]


@dataclass(frozen=True)
class Spec:
    """One paragraph style: face, size and paragraph layout."""

    name: str
    role: str
    size: float = SANHAO
    bold: bool = False
    colour: str | None = None
    align: str = "both"
    indent_chars: int = 2
    line: int | None = LINE_PITCH
    line_rule: str = "exact"
    before: int = 0
    after: int = 0
    outline: int | None = None
    keep_next: bool = False
    letter_spacing: float = 0.0


def specs(theme: Theme, chinese: bool = True) -> list[Spec]:
    """Every paragraph style the briefing uses (Latin headings are bold: no 黑体 to carry them)."""
    red = theme.briefing.masthead_colour
    return [
        Spec("Normal", "body"),
        Spec("Heading 1", "level1", bold=not chinese, outline=0, keep_next=True),
        Spec("Heading 2", "level2", bold=not chinese, outline=1, keep_next=True),
        Spec("Heading 3", "body", bold=True, outline=2, keep_next=True),
        Spec("Lead", "level2"),
        Spec(
            "Masthead",
            "title",
            size=CHUHAO,
            colour=red,
            align="center",
            indent_chars=0,
            line=None,
            line_rule="auto",
            before=LINE_PITCH,
            after=LINE_PITCH // 2,
            letter_spacing=4,
        ),
        Spec("Masthead Issue", "body", align="center", indent_chars=0),
        Spec("Masthead Line", "body", align="left", indent_chars=0, after=LINE_PITCH),
        Spec("Kicker", "level2", align="center", indent_chars=0),
        Spec("Title", "title", size=ERHAO, align="center", indent_chars=0, line=700),
        Spec("Subtitle", "level2", align="center", indent_chars=0, after=LINE_PITCH),
        Spec("TOC Heading", "level1", align="center", indent_chars=0, after=LINE_PITCH // 2),
        Spec("toc 1", "level1", align="left", indent_chars=0),
        Spec("toc 2", "body", align="left", indent_chars=0),
        Spec(
            "Table Heading",
            "level1",
            size=SIHAO,
            align="center",
            indent_chars=0,
            line=None,
            line_rule="auto",
        ),  # fmt: skip
        Spec(
            "Table Text",
            "body",
            size=SIHAO,
            align="left",
            indent_chars=0,
            line=None,
            line_rule="auto",
        ),  # fmt: skip
        Spec("Copy Block", "body", size=SIHAO, align="left", indent_chars=0),
        Spec("Header", "level1", align="left", indent_chars=0, line=None, line_rule="auto"),
        Spec("Footer", "page_number", size=SIHAO, indent_chars=0, line=None, line_rule="auto"),
    ]


def _style(doc: Document, name: str):
    try:
        return doc.styles[name]
    except KeyError:
        return doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


def define_styles(
    doc: Document,
    theme: Theme,
    faces: Faces,
    tracking: float = 0.0,
    keep: Collection[str] | None = None,
) -> None:
    """Set docDefaults (with ``tracking``, pt) and every style, removing theme fonts everywhere.

    With ``keep`` (a reference document's styles: see ``adopt.py``) the document's defaults
    and the styles named in ``keep`` stay as they are; only the styles it lacks are defined.
    """
    if keep is None:
        _define_defaults(doc, faces, tracking)
    _keep_hanging_punctuation_drawn(doc)
    for spec in specs(theme, faces.chinese):
        if keep is not None and spec.name in keep:
            continue
        style = _style(doc, spec.name)
        el = style.element
        for old in (el.pPr, el.rPr):
            if old is not None:
                el.remove(old)
        if spec.name != "Normal":
            style.base_style = doc.styles["Normal"]
        style.quick_style = True
        rpr = el.get_or_add_rPr()
        faces.apply(rpr, spec.role)
        ooxml.set_bold(rpr, spec.bold)
        ooxml.set_size(rpr, spec.size)
        ooxml.set_colour(rpr, spec.colour or "000000")
        if spec.letter_spacing:
            ooxml.set_letter_spacing(rpr, spec.letter_spacing)
        ppr = el.get_or_add_pPr()
        ooxml.set_spacing(ppr, spec.line, spec.line_rule, spec.before, spec.after)
        ooxml.set_indent(ppr, spec.indent_chars, char_twips=round(spec.size * 20))
        ooxml.put(ppr, ooxml.element("w:jc", val=spec.align))
        if spec.keep_next:
            ooxml.set_flag(ppr, "w:keepNext")
            ooxml.set_flag(ppr, "w:keepLines")
        if spec.outline is not None:
            ooxml.set_outline_level(ppr, spec.outline)


def _define_defaults(doc: Document, faces: Faces, tracking: float) -> None:
    root = doc.styles.element
    ooxml.strip_theme_fonts(root)
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    faces.apply(rpr, "body")
    ooxml.set_size(rpr, SANHAO)
    if tracking:
        ooxml.set_letter_spacing(rpr, tracking)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ooxml.set_spacing(ppr, None)


def _keep_hanging_punctuation_drawn(doc: Document) -> None:
    """Declare ``w:overflowPunct`` on in docDefaults, so that LibreOffice draws every comma.

    A full line of 28 characters followed by ，。、 lets the mark hang past the right margin
    (标点悬挂; Word's default, and it draws it there). LibreOffice (7.4) hangs it too but does
    not paint a mark hanging at the end of a justified line: the seed's PDF lost three
    commas. Its DOCX import reads the switch inverted (hanging = ``w:val`` false), so stating
    Word's own default, which changes nothing in Word, makes LibreOffice carry the mark to
    the next line with the character before it instead. Should LibreOffice ever read the
    switch right again, ``deckgen check`` reports the lost marks.
    """
    defaults = ooxml.props(doc.styles.element, "w:docDefaults")
    ppr = ooxml.props(ooxml.props(defaults, "w:pPrDefault"), "w:pPr")
    ooxml.set_flag(ppr, "w:overflowPunct")
