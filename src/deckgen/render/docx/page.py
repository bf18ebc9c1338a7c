"""The page: A4 with GB/T 9704 margins and grid, page numbers "— 1 —", the marking header."""

from __future__ import annotations

import math

from docx.document import Document
from docx.shared import Mm, Twips

from . import ooxml
from .styles import LINE_PITCH, SANHAO, SIHAO, Faces

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
"""GB/T 9704-2012 §5.2.1: 版心 156 × 225 mm."""
CHARS_PER_LINE = 28
HEADER_MM = 15
"""Distance from the page's top edge to the header (the marking)."""
FOOTER_MM = 23
"""Distance from the page's bottom edge to the foot of the page number: it then sits ~7 mm
below the 版心 (GB/T 9704 §7.5)."""


def text_width(doc: Document) -> int:
    """The 版心 width in twips."""
    section = doc.sections[0]
    return round((section.page_width - section.left_margin - section.right_margin) / 635)


def set_up_page(doc: Document, keep: bool = False) -> None:
    """Page size, margins, and the 22 × 28 document grid.

    With ``keep`` (a reference document) what its section gives stays; deckgen's values fill
    only what it leaves out, and no grid is added.
    """
    section = doc.sections[0]
    values = {
        "page_width": Mm(PAGE_WIDTH_MM),
        "page_height": Mm(PAGE_HEIGHT_MM),
        "top_margin": Mm(MARGINS_MM["top"]),
        "bottom_margin": Mm(MARGINS_MM["bottom"]),
        "left_margin": Mm(MARGINS_MM["left"]),
        "right_margin": Mm(MARGINS_MM["right"]),
        "header_distance": Mm(HEADER_MM),
        "footer_distance": Mm(FOOTER_MM),
        "gutter": Twips(0),
    }
    for name, value in values.items():
        if not keep or getattr(section, name) is None:
            setattr(section, name, value)
    if keep:
        return
    # A line grid only: LibreOffice (7.x) sets every character wider than a linesAndChars cell
    # (16 pt in a 15.8 pt cell) across two cells, doubling the text's width. 28 characters a
    # line come from the body's tracking instead (see condensing()), in Word and LibreOffice.
    ooxml.set_doc_grid(section._sectPr, LINE_PITCH)


def condensing(width_twips: int, size: float = SANHAO, per_line: int = CHARS_PER_LINE) -> float:
    """The tracking (pt, ≤ 0, in 0.05 pt steps) that fits ``per_line`` characters in the width."""
    room = width_twips / 20 / per_line - size
    return min(0.0, math.floor(room * 20) / 20)


def add_page_numbers(doc: Document, faces: Faces) -> None:
    """ "— N —" in 宋体 四号: odd pages right, even pages left, one character in from the edge.

    Any footer the document had (a reference's) is replaced; a different first page is numbered
    as an odd one.
    """
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    one_char = round(SIHAO * 20)
    footers = [(section.footer, "right"), (section.even_page_footer, "left")]
    if section.different_first_page_header_footer:
        footers.append((section.first_page_footer, "right"))
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
        # The dashes are 一字线 of the East Asian face in every slot: LibreOffice ignores
        # w:hint and would set a dash beside digits in the Latin face, half as wide.
        dash = ooxml.element("w:rPr")
        font = faces.role("page_number").east_asian
        ooxml.set_fonts(dash, font, font)
        ooxml.set_lang(dash, "zh-CN", "zh-CN")
        ooxml.set_size(dash, SIHAO)
        p._p.append(ooxml.run("— ", dash))
        for r in ooxml.field("PAGE", "1", rpr):
            p._p.append(r)
        p._p.append(ooxml.run(" —", dash))


def add_marking(doc: Document, faces: Faces, marking: str) -> None:
    """The marking (e.g. "内部资料 注意保存") at the top left of every page.

    It goes into the header's empty first paragraph, or above a header's content (a reference's).
    """
    section = doc.sections[0]
    headers = [section.header, section.even_page_header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    for header in headers:
        header.is_linked_to_previous = False
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
