"""The briefing's styles, written from the plan's table (:mod:`deckgen.plan.brief.styles`)
on a document with no theme fonts: every line exact, every keep rule and widow control
stated, so that Word and LibreOffice lay the pages out as the plan counted them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory
from lxml import etree

from ...model import LANGUAGE_TAGS, language_of_tag
from ...plan.brief.styles import SANHAO, Style, Typography, own_face, typography
from ...template.theme import Font, Theme
from . import ooxml


@dataclass(frozen=True)
class Faces:
    """The typefaces of one briefing: font roles of the theme and the content's language."""

    theme: Theme
    language: str
    """The content's language tag ("zh-CN", "en")."""

    @property
    def chinese(self) -> bool:
        return language_of_tag(self.language) == "zh"

    @property
    def typography(self) -> Typography:
        """The page grid and paragraph styles of a briefing in this language and faces."""
        return typography(self.chinese, self.theme.briefing.fonts)

    def role(self, name: str) -> Font:
        """A font role: title, body, level1, level2, page_number."""
        return getattr(self.theme.briefing.fonts, name)

    def apply(self, rpr, role: str) -> None:
        """Declare the role's fonts and the languages on ``rpr`` (East Asian always zh-CN)."""
        font = self.role(role)
        ooxml.set_fonts(rpr, font.latin, font.east_asian, hint_east_asia=self.chinese)
        self.apply_language(rpr)

    def apply_own_face(self, rpr, role: str) -> None:
        """Fonts for a run of marks Word and LibreOffice set in different faces (“ ” — …:
        :func:`~deckgen.plan.brief.styles.own_face`): one face in every slot, the East Asian
        one in a Chinese briefing, the Latin one in an English briefing."""
        font = self.role(role)
        face = font.east_asian if self.chinese else font.latin
        ooxml.set_fonts(rpr, face, face, hint_east_asia=self.chinese)
        self.apply_language(rpr)

    def apply_language(self, rpr) -> None:
        """Declare the languages on ``rpr``: the content's for Latin text, zh-CN for CJK text."""
        # Latin text (digits, "%") is tagged en-US, as Word tags it in Chinese documents: under
        # zh-CN LibreOffice breaks lines inside numbers ("9." | "1%").
        ooxml.set_lang(rpr, "en-US" if self.chinese else self.language_tag, "zh-CN")

    @property
    def language_tag(self) -> str:
        return LANGUAGE_TAGS[language_of_tag(self.language)]


def split_own_faces(text: str) -> list[tuple[str, bool]]:
    """``text`` cut where it turns to or from marks set in their own face: (piece, own)."""
    pieces: list[tuple[str, bool]] = []
    for ch in text:
        own = own_face(ch)
        if pieces and pieces[-1][1] == own:
            pieces[-1] = (pieces[-1][0] + ch, own)
        else:
            pieces.append((ch, own))
    return pieces


_NAME, _VAL, _STYLE_ID = qn("w:name"), qn("w:val"), qn("w:styleId")


class StyleIndex:
    """A document's styles by name and by id, read once, as python-docx finds them.

    python-docx looks a style up by name with an XPath search of every style (and the
    default style with another), and checks a new style's name by reading every style's:
    on each paragraph, that was most of the time a briefing took to write. Styles added
    or renamed other than through :meth:`add` are not seen: make the index after.
    """

    def __init__(self, doc: Document):
        self.styles = doc.styles
        self.by_name: dict[str, etree._Element] = {}
        self.ids: set[str] = set()
        for el in self.styles.element.iterchildren(qn("w:style")):
            self._index(el)
        self.defaults: dict[WD_STYLE_TYPE, BaseStyle | None] = {}

    def _index(self, el) -> None:
        for name in el.iterchildren(_NAME):  # the first style of a name wins
            self.by_name.setdefault(name.get(_VAL), el)
        self.ids.add(el.get(_STYLE_ID))

    def get(self, name: str) -> BaseStyle | None:
        """The style named ``name`` (a UI name, as "Heading 1"), as ``doc.styles[name]``
        finds it (by id, with its warning, when no style has that name), or None."""
        found = self.by_name.get(BabelFish.ui2internal(name))
        if found is not None:
            return StyleFactory(found)
        return self.styles[name] if name in self.ids else None

    def add(self, name: str, style_type: WD_STYLE_TYPE) -> BaseStyle:
        """A new custom style ``name`` of ``style_type``, as ``doc.styles.add_style`` makes
        it (the name is known not to be taken: :meth:`get` found none)."""
        el = self.styles.element.add_style_of_type(BabelFish.ui2internal(name), style_type, False)
        self._index(el)
        return StyleFactory(el)

    def default(self, style_type: WD_STYLE_TYPE) -> BaseStyle | None:
        """The default style of ``style_type``, found once."""
        if style_type not in self.defaults:
            self.defaults[style_type] = self.styles.default(style_type)
        return self.defaults[style_type]

    def style_id(self, name: str, style_type: WD_STYLE_TYPE) -> str | None:
        """The id to give an element for style ``name``, None for the default style, as
        python-docx's ``get_style_id`` gives it (raising as it does)."""
        style = self.get(name)
        if style is None or style.type != style_type:
            return self.styles.get_style_id(name, style_type)  # its KeyError, ValueError
        return None if style == self.default(style_type) else style.style_id


def _style(index: StyleIndex, name: str):
    found = index.get(name)
    return found if found is not None else index.add(name, WD_STYLE_TYPE.PARAGRAPH)


def define_styles(
    doc: Document,
    theme: Theme,
    faces: Faces,
    keep: Collection[str] | None = None,
) -> None:
    """Set docDefaults (fonts, size, tracking, widow control) and every style, removing
    theme fonts everywhere.

    With ``keep`` (a reference document's styles: see ``adopt.py``) the document's defaults
    and the styles named in ``keep`` stay as they are; only the styles it lacks are defined.
    """
    typo = faces.typography
    if keep is None:
        _define_defaults(doc, faces, typo.tracking)
    _keep_hanging_punctuation_drawn(doc)
    colour = theme.briefing.masthead_colour
    index = StyleIndex(doc)
    for spec in typo.styles.values():
        if keep is not None and spec.name in keep:
            continue
        style = _style(index, spec.name)
        el = style.element
        for old in (el.pPr, el.rPr):
            if old is not None:
                el.remove(old)
        if spec.name != "Normal":
            style.base_style = index.get("Normal")  # defined first
        style.quick_style = True
        rpr = el.get_or_add_rPr()
        faces.apply(rpr, spec.role)
        ooxml.set_bold(rpr, spec.bold)
        ooxml.set_size(rpr, spec.size)
        ooxml.set_colour(rpr, colour if spec.red else "000000")
        if spec.letter_spacing:
            ooxml.set_letter_spacing(rpr, spec.letter_spacing + typo.tracking)
        write_paragraph_style(el.get_or_add_pPr(), spec, typo)


def write_paragraph_style(ppr, spec: Style, typo: Typography) -> None:
    """A style's paragraph properties: exact lines, spacing, indents, alignment, keep rules
    and widow control, each stated."""
    if spec.name == "Figure":  # a picture's own line, as high as the picture: never clipped
        ooxml.set_spacing(ppr, 240, "auto", spec.before, spec.after)
    else:
        ooxml.set_spacing(ppr, typo.line(spec), "exact", spec.before, spec.after)
    ooxml.set_indent(ppr, spec.indent, left=spec.left, right=spec.left, chars=spec.indent_chars)
    ooxml.put(ppr, ooxml.element("w:jc", val=spec.align))
    ooxml.set_flag(ppr, "w:keepNext", spec.keep_next)
    ooxml.set_flag(ppr, "w:keepLines", spec.keep_lines)
    ooxml.set_flag(ppr, "w:widowControl")
    if spec.rule_below:
        width, gap = spec.rule_below
        ooxml.set_borders(ppr, ooxml.border("bottom", width, space=gap))
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
    ooxml.set_flag(ppr, "w:widowControl")


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
