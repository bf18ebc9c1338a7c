"""An organisation's ``reference.docx`` adopted: its styles and page, deckgen's where it has none.

A template folder may hold a ``reference.docx`` (read by :mod:`deckgen.template.reference`); it is
adopted as pandoc adopts ``--reference-doc``.
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
  put above the first page's header content (a first-page header of its own). **Footers**
  are deckgen's "— N —" page numbers on every page, the first page too: the reference's
  footers are replaced, since they commonly carry a page number of their own.
- **Document properties** are deckgen's: every core property is rewritten, the reference's
  custom properties are dropped, and so is ``w:updateFields`` (the contents are filled in).
- **Content.** The reference's body, comments, footnotes and endnotes are removed (pandoc's
  hold sample text); the note separators stay.
"""

from __future__ import annotations

import copy
from pathlib import Path

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml import etree

from ...template.reference import (
    east_asian_of,
    named_style,
    read_reference,
    style_chain,
    theme_fonts,
)
from ...template.theme import Theme
from . import ooxml
from .order import in_schema_order
from .styles import Faces

_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_COMMENT_PARTS = ("comments", "commentsExtended", "commentsIds", "commentsExtensible", "people")


def open_reference(path: Path) -> Document:
    """The reference document with its content removed: body, comments, notes, custom props."""
    doc = read_reference(path)
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
    _default_paragraph_style(doc)
    for root in (doc.styles.element, doc.settings.element):  # as Word checks them
        in_schema_order(root)
    return doc


def _default_paragraph_style(doc: Document) -> None:
    """Make "Normal" the default paragraph style when the reference marks none (LibreOffice's
    do not), as Word takes it."""
    if doc.styles.default(WD_STYLE_TYPE.PARAGRAPH) is None:
        normal = named_style(doc, "Normal")
        if normal is not None and normal.type == WD_STYLE_TYPE.PARAGRAPH:
            normal.element.set(qn("w:default"), "1")


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


def adopt_styles(doc: Document, theme: Theme, faces: Faces) -> dict[str, str]:
    """Keep the reference's styles the briefing uses, completing their East Asian text.

    Returns ``{style name: East Asian face}`` for every adopted style: the face its runs declare.
    """
    root = doc.styles.element
    ooxml.resolve_theme_fonts(root, theme_fonts(doc))
    roles = {spec.name: spec.role for spec in faces.typography.styles.values()}
    _canonical_names(doc, roles)
    adopted = {name: style for name in roles if (style := named_style(doc, name)) is not None}
    lacking = [
        name
        for name, style in adopted.items()
        if not any(east_asian_of(s.element.rPr) for s in style_chain(style))
    ]
    for name in lacking:
        face = faces.role(roles[name]).east_asian
        ooxml.add_east_asian_font(adopted[name].element.get_or_add_rPr(), face)
    for style in adopted.values():
        _zh_east_asian_language(style.element.rPr)

    defaults = _doc_defaults(root)
    if not east_asian_of(defaults):
        ooxml.add_east_asian_font(defaults, faces.role("body").east_asian)
    lang = defaults.find(qn("w:lang"))
    if lang is None:
        ooxml.set_lang(defaults, faces.language_tag, "zh-CN")
    elif lang.get(qn("w:eastAsia")) is None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    else:
        _zh_east_asian_language(defaults)

    fallback = east_asian_of(defaults)
    return {
        name: next((f for s in style_chain(style) if (f := east_asian_of(s.element.rPr))), fallback)
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
    """``w:docDefaults/w:rPrDefault/w:rPr``, made in schema order if missing."""
    return ooxml.props(ooxml.props(ooxml.props(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr")


def _zh_east_asian_language(rpr) -> None:
    """Make a ``w:lang`` that tags East Asian text as a non-CJK language tag it zh-CN."""
    lang = rpr.find(qn("w:lang")) if rpr is not None else None
    if lang is None:
        return
    tag = (lang.get(qn("w:eastAsia")) or "").lower()
    if tag and not tag.startswith(("zh", "ja", "ko")):
        lang.set(qn("w:eastAsia"), "zh-CN")


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
    copy_story(default, even)


def copy_story(source, target) -> None:
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
