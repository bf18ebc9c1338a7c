"""Write a briefing plan as a .docx: styles, page, blocks, font table, properties; nothing is
measured (the plan laid the pages out)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from ...plan.brief import Brief, Properties
from ...template.reference import table_style
from ...template.theme import Theme
from ..properties import finish_package, set_core
from . import adopt, ooxml
from .blocks import BlockWriter
from .fonts import write_font_table
from .page import add_marking, add_page_numbers, set_up_page, text_width
from .styles import Faces, define_styles

__all__ = ["write_docx"]


def write_docx(brief: Brief, theme: Theme, path: str | Path) -> None:
    """Write ``brief`` to ``path`` as a Word document styled by ``theme``.

    A ``reference.docx`` in the template folder gives the styles, page and headers, as
    pandoc's ``--reference-doc`` does; deckgen's fill in what it lacks (see ``adopt.py``).
    """
    faces = Faces(theme, brief.language)
    adopted: dict[str, str] = {}  # a reference's styles the briefing uses: id -> East Asian face
    table = None
    if theme.reference_docx:
        doc = adopt.open_reference(theme.reference_docx)
        set_up_page(doc)
        kept = adopt.adopt_styles(doc, theme, faces)
        define_styles(doc, theme, faces, keep=kept)
        adopted = {doc.styles[name].style_id: face for name, face in kept.items()}
        table = table_style(doc)
        adopt.keep_headers(doc)
    else:
        doc = docx.Document()
        set_up_page(doc, faces.typography)
        define_styles(doc, theme, faces)
    if brief.marking:
        add_marking(doc, faces, brief.marking)
    add_page_numbers(doc, faces)
    settings = doc.settings.element
    for zoom in settings.findall(qn("w:zoom")):  # the library's has no w:percent, required
        zoom.set(qn("w:percent"), zoom.get(qn("w:percent")) or "100")
    ooxml.set_theme_font_lang(settings, faces.language_tag, "zh-CN")
    writer = BlockWriter(doc, theme, faces, text_width(doc), adopted, table)
    for block in brief.blocks:
        writer.write(block)
    write_font_table(doc)
    _set_properties(doc, brief.properties)
    doc.save(str(path))


def _set_properties(doc: Document, props: Properties) -> None:
    """Core properties from the plan, a new app.xml, no template thumbnail."""
    set_core(doc.core_properties, props)
    finish_package(doc.part.package, props.author)
