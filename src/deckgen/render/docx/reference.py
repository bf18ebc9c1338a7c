"""An organisation's ``reference.docx``: its styles and page, deckgen's where it has none.

A template folder may hold a ``reference.docx``; it is read as pandoc reads ``--reference-doc``.
What wins:

- **Styles.** Every style the briefing uses (Normal, Title, Subtitle, Heading 1-3, TOC Heading,
  toc 1-2, Header, Footer, Table Heading…) that the reference defines is the reference's: its
  faces, sizes, colours, spacing and indents stay as they are. Styles it lacks are deckgen's
  GB/T 9704 ones (masthead, kicker, lead, table text, 版记…), and so are the run-level
  touches of those styles. Runs in the reference's styles carry only their East Asian face,
  the East Asian hint and the languages, and bold for figures (``figures_bold``).
- **East Asian text.** Theme font references are resolved to the faces the reference's theme
  names (deckgen writes no theme fonts); an East Asian slot pointing at a Latin theme font, as
  pandoc's do, names no East Asian face. Where a used style's chain (the style and the
  styles it is based on, before deckgen touches them) names no East Asian face, the template's
  briefing face of that style's role is added to it (Normal 仿宋, Heading 1 黑体, Title 小标宋…),
  its Latin face unchanged; the document defaults get the body's face the same way, and a
  non-CJK East Asian language becomes zh-CN.
- **Tables** take the reference's default table style (pandoc's "Table"), with its borders and
  cell margins; when that is Word's plain "Normal Table", deckgen rules the table itself.
- **Page.** The reference's page size, orientation, margins, header and footer distances and
  document grid; what it leaves out (pandoc's ``w:sectPr`` is empty) is deckgen's default, A4
  with GB/T 9704 margins. No line grid or 28-characters tracking is added to a reference.
- **Headers** are the reference's (its default header is copied to even pages when it has no
  even one, since deckgen numbers odd and even pages apart); the marking, when asked for, is
  put above their content. **Footers** are deckgen's "— N —" page numbers on every page
  (the first page too when the reference has a different one): the reference's footers are
  replaced, since they commonly carry a page number of their own.
- **Document properties** are deckgen's: every core property is rewritten, the reference's
  custom properties are dropped, and so is ``w:updateFields`` (the contents are filled in).
- **Content.** The reference's body, comments, footnotes and endnotes are removed (pandoc's
  hold sample text); the note separators stay.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml import etree

from ...theme import Theme
from . import ooxml
from .styles import Faces, specs

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_COMMENT_PARTS = ("comments", "commentsExtended", "commentsIds", "commentsExtensible", "people")
_PLAIN_TABLE_STYLES = {"TableNormal", "NormalTable"}
_CELL = {"tcBorders", "shd"}
_RUN = {"b", "bCs", "i", "iCs", "caps", "color"}


def open_reference(path: Path) -> Document:
    """The reference document with its content removed: body, comments, notes, custom props."""
    doc = docx.Document(str(path))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _drop_comments(doc)
    for part in doc.part.package.iter_parts():
        if part.content_type.endswith(("footnotes+xml", "endnotes+xml")):
            _clear_notes(part)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            package_rels.pop(rid)
    settings = doc.settings.element
    for el in settings.findall(qn("w:updateFields")):
        settings.remove(el)
    return doc


def _drop_comments(doc: Document) -> None:
    kinds = {f"/{k}" for k in _COMMENT_PARTS}
    for rid, rel in list(doc.part.rels.items()):
        if not rel.is_external and any(rel.reltype.endswith(k) for k in kinds):
            doc.part.rels.pop(rid)


def _clear_notes(part) -> None:
    """Remove every footnote (endnote) of a notes part but the separators."""
    element = getattr(part, "element", None)
    root = element if element is not None else etree.fromstring(part.blob)
    for note in list(root):
        if note.get(qn("w:type")) not in _NOTE_SEPARATORS:
            root.remove(note)
    if element is None:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------------------------------------
# Styles


def theme_fonts(doc: Document) -> dict[str, dict[str, str]]:
    """The major and minor faces of the document's theme: latin, ea, cs (empty if none)."""
    try:
        blob = doc.part.part_related_by(RT.THEME).blob
    except KeyError:
        return {}
    root = etree.fromstring(blob)
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


def _east_asian_of(rpr) -> str | None:
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def _chain(style) -> list:
    """The style and those it is based on, nearest first."""
    out, seen = [], set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        out.append(style)
        style = style.base_style
    return out


def _named(doc: Document, name: str):
    try:
        return doc.styles[name]
    except KeyError:
        return None


def adopt_styles(doc: Document, theme: Theme, faces: Faces) -> dict[str, str]:
    """Keep the reference's styles the briefing uses, completing their East Asian text.

    Returns ``{style name: East Asian face}`` for every adopted style: the face its runs declare.
    """
    root = doc.styles.element
    ooxml.resolve_theme_fonts(root, theme_fonts(doc))
    roles = {spec.name: spec.role for spec in specs(theme, faces.chinese)}
    _canonical_names(doc, roles)
    adopted = {name: style for name in roles if (style := _named(doc, name)) is not None}
    lacking = [
        name
        for name, style in adopted.items()
        if not any(_east_asian_of(s.element.rPr) for s in _chain(style))
    ]
    for name in lacking:
        face = faces.role(roles[name]).east_asian
        ooxml.add_east_asian_font(adopted[name].element.get_or_add_rPr(), face)
    for style in adopted.values():
        _zh_east_asian_language(style.element.rPr)

    defaults = _doc_defaults(root)
    if not _east_asian_of(defaults):
        ooxml.add_east_asian_font(defaults, faces.role("body").east_asian)
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        ooxml.set_lang(defaults, faces.language_tag, "zh-CN")
    elif lang.get(qn("w:eastAsia")) is None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    else:
        _zh_east_asian_language(defaults)

    fallback = _east_asian_of(defaults)
    return {
        name: next((f for s in _chain(style) if (f := _east_asian_of(s.element.rPr))), fallback)
        for name, style in adopted.items()
    }


def _canonical_names(doc: Document, names) -> None:
    """Spell the styles named ``names`` as python-docx and Word do: pandoc's "Heading 1" is
    Word's built-in "heading 1", which python-docx looks for."""
    wanted = {BabelFish.ui2internal(n).casefold(): BabelFish.ui2internal(n) for n in names}
    for style in doc.styles.element.style_lst:
        name = style.name_val
        canonical = wanted.get((name or "").casefold())
        if canonical and name != canonical:
            style.name_val = canonical


def _doc_defaults(root):
    """``w:docDefaults/w:rPrDefault/w:rPr``, made if missing."""
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = ooxml.element("w:docDefaults")
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = ooxml.element("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = rpr_default.makeelement(qn("w:rPr"), {})
        rpr_default.append(rpr)
    return rpr


def _zh_east_asian_language(rpr) -> None:
    """Make a ``w:lang`` that tags East Asian text as a non-CJK language tag it zh-CN."""
    lang = rpr.find(qn("w:lang")) if rpr is not None else None
    if lang is None:
        return
    tag = (lang.get(qn("w:eastAsia")) or "").lower()
    if tag and not tag.startswith(("zh", "ja", "ko")):
        lang.set(qn("w:eastAsia"), "zh-CN")


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
    for s in reversed(_chain(style)):  # the nearest style's format wins
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


# ---------------------------------------------------------------------------------------------
# Headers


def keep_headers(doc: Document) -> None:
    """Copy the reference's default header to even pages when it defines none for them."""
    section = doc.sections[0]
    odd_even = doc.settings.odd_and_even_pages_header_footer
    default, even = section.header, section.even_page_header
    if odd_even or default.is_linked_to_previous or not even.is_linked_to_previous:
        return
    even.is_linked_to_previous = False
    _copy_story(default, even)


def _copy_story(source, target) -> None:
    """Put a copy of header ``source``'s content into ``target``, relationships included."""
    src_part, dst_part = source.part, target.part
    dst = dst_part.element
    for child in list(dst):
        dst.remove(child)
    for child in source.part.element:
        dst.append(copy.deepcopy(child))
    for el in dst.iter():
        for attr, rid in list(el.attrib.items()):
            if not attr.startswith(_R) or rid not in src_part.rels:
                continue
            rel = src_part.rels[rid]
            if rel.is_external:
                new = dst_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
            else:
                new = dst_part.relate_to(rel.target_part, rel.reltype)
            el.set(attr, new)
