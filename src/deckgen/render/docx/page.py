"""The page: A4 with GB/T 9704 margins and line grid, page numbers "— 1 —" on the outer side
of every page, the marking on the first page only."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Mm, Twips

from ...plan.brief.styles import MARGINS_MM, PAGE_MM, SIHAO, Typography
from . import ooxml
from .adopt import copy_story
from .styles import Faces

HEADER_MM = 15
"""Distance from the page's top edge to the header (the marking)."""
FOOTER_MM = 23
"""Distance from the page's bottom edge to the foot of the page number: it then sits ~7 mm
below the 版心 (GB/T 9704 §7.5)."""


def text_width(doc: Document) -> int:
    """The 版心 width in twips."""
    section = doc.sections[0]
    return round((section.page_width - section.left_margin - section.right_margin) / 635)


def set_up_page(doc: Document, typography: Typography | None = None) -> None:
    """Page size, margins, and the document grid of ``typography``: lines only, its pitch.

    Without ``typography`` (a reference document) what its section gives stays; deckgen's
    values fill only what it leaves out, and no grid is added.
    """
    section = doc.sections[0]
    values = {
        "page_width": Mm(PAGE_MM[0]),
        "page_height": Mm(PAGE_MM[1]),
        "top_margin": Mm(MARGINS_MM["top"]),
        "bottom_margin": Mm(MARGINS_MM["bottom"]),
        "left_margin": Mm(MARGINS_MM["left"]),
        "right_margin": Mm(MARGINS_MM["right"]),
        "header_distance": Mm(HEADER_MM),
        "footer_distance": Mm(FOOTER_MM),
        "gutter": Twips(0),
    }
    for name, value in values.items():
        if typography is not None or getattr(section, name) is None:
            setattr(section, name, value)
    if typography is not None:
        # A line grid only: LibreOffice (7.4) sets every character wider than a linesAndChars
        # cell (16 pt in a 15.8 pt cell) across two cells, doubling the text's width. 28
        # characters a line come from the tracking instead, in Word and LibreOffice alike.
        # An English briefing has no grid: its exact lines hold as they are.
        kind = "lines" if typography.chinese else "default"
        ooxml.set_doc_grid(section._sectPr, typography.pitch, kind)


def add_page_numbers(doc: Document, faces: Faces) -> None:
    """ "— N —" in 宋体 四号: odd pages right, even pages left, one character in from the edge.

    Any footer the document had (a reference's) is replaced; the first page (a different one
    when the marking is there) is numbered as an odd one.
    """
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    one_char = round(SIHAO * 20)
    footers = [(section.footer, "right"), (section.even_page_footer, "left")]
    if section.different_first_page_header_footer:
        footers.append((section.first_page_footer, "right"))
    font = faces.role("page_number")
    dash_face = font.east_asian if faces.chinese else font.latin
    for footer, side in footers:
        footer.is_linked_to_previous = True  # drops a footer the document had
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.style = "Footer"
        ppr = p._p.get_or_add_pPr()
        ooxml.put(ppr, ooxml.element("w:jc", val=side))
        ooxml.set_indent(ppr, 0, left=one_char if side == "left" else 0,
                         right=one_char if side == "right" else 0)  # fmt: skip
        rpr = ooxml.element("w:rPr")
        faces.apply(rpr, "page_number")
        ooxml.set_size(rpr, SIHAO)
        # The dashes are 一字线 of one face in every slot: LibreOffice ignores w:hint and
        # would set a dash beside digits in the Latin face, half as wide.
        dash = ooxml.element("w:rPr")
        ooxml.set_fonts(dash, dash_face, dash_face, hint_east_asia=faces.chinese)
        faces.apply_language(dash)
        ooxml.set_size(dash, SIHAO)
        p._p.append(ooxml.run("— ", dash))
        for r in ooxml.field("PAGE", "1", rpr):
            p._p.append(r)
        p._p.append(ooxml.run(" —", dash))


def add_marking(doc: Document, faces: Faces, marking: str) -> None:
    """The marking (e.g. "内部资料 注意保存") at the top left of the first page only: a first
    page header of its own (``w:titlePg``); the other pages' headers stay as they are.

    It goes into the header's empty first paragraph, or above a header's content (a
    reference's, whose default header the first page then shows below the marking).
    """
    section = doc.sections[0]
    own = section.different_first_page_header_footer
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.is_linked_to_previous = False
    if not own and not section.header.is_linked_to_previous:
        copy_story(section.header, header)  # a reference's header stays under the marking
    paragraphs = header.paragraphs
    if paragraphs and _is_empty(paragraphs[0]) and len(header._element) == 1:
        p = paragraphs[0]
    else:
        p = header.add_paragraph()
        header._element.insert(0, p._p)
    p.style = "Header"
    rpr = ooxml.element("w:rPr")
    faces.apply(rpr, "level1")
    p._p.append(ooxml.run(marking, rpr))


def _is_empty(p) -> bool:
    return not p._p.xpath("./w:r | ./w:hyperlink | ./w:fldSimple | ./w:sdt")
