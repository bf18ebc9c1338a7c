"""Write a briefing plan as a .docx: styles, page, blocks, properties; nothing is measured."""

from __future__ import annotations

import datetime
from pathlib import Path

import docx
from docx.document import Document

from ...plan.brief import Brief, Properties
from ...theme import Theme
from . import ooxml
from .blocks import BlockWriter
from .page import add_marking, add_page_numbers, condensing, set_up_page, text_width
from .styles import Faces, define_styles

__all__ = ["write_docx"]


def write_docx(brief: Brief, theme: Theme, path: str | Path) -> None:
    """Write ``brief`` to ``path`` as a Word document styled by ``theme``."""
    doc = _new_document(theme)
    faces = Faces(theme, brief.language)
    set_up_page(doc)
    define_styles(doc, theme, faces, tracking=condensing(text_width(doc)))
    add_page_numbers(doc, faces)
    if brief.marking:
        add_marking(doc, faces, brief.marking)
    settings = doc.settings.element
    ooxml.set_theme_font_lang(settings, faces.language_tag, "zh-CN")
    writer = BlockWriter(doc, theme, faces, text_width(doc))
    for block in brief.blocks:
        writer.write(block)
    _set_properties(doc, brief.properties)
    doc.save(str(path))


def _new_document(theme: Theme) -> Document:
    """The organisation's ``reference.docx`` emptied, or python-docx's default document."""
    reference = theme.reference_docx
    doc = docx.Document(str(reference) if reference else None)
    body = doc.element.body
    for child in list(body):
        if child.tag != ooxml.qn("w:sectPr"):
            body.remove(child)
    return doc


def _set_properties(doc: Document, props: Properties) -> None:
    core = doc.core_properties
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    core.title = props.title
    core.subject = props.subject
    core.author = props.author
    core.last_modified_by = props.author
    core.keywords = props.keywords
    core.comments = props.comments
    core.language = props.language
    core.category = ""
    core.revision = 1
    core.created = now
    core.modified = now
