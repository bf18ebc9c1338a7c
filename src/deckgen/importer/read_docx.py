"""Reading a Word (.docx) report into paragraphs.

Each paragraph of the body (and of its tables, cell by cell) in order, numbered from 1 as
Word counts them (empty ones too, so that "REPORT:12" is the twelfth paragraph). What the
format says is kept as structure: a Heading/标题 style or an outline level gives the
heading level, Title the title; Word list numbering makes a list item (numbered or
bulleted, from the numbering definitions); bold words opening a paragraph and followed by
plain text are a run-in heading; a paragraph holding only a picture is a picture.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .paragraphs import Para

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def read_docx(path: Path) -> list[Para]:
    """The paragraphs of a .docx file; an unreadable one is an :class:`InputError`."""
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as err:  # python-docx raises several kinds for a broken package
        raise InputError(f"cannot open it as a Word (.docx) file ({err})", file=path) from err
    formats = _numbering_formats(document)
    out: list[Para] = []
    number = 0
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            number += 1
            para = _paragraph(element, number, document, formats)
            if para is not None:
                out.append(para)
        elif element.tag == f"{_W}tbl":
            for p in element.iter(f"{_W}p"):
                number += 1
                para = _paragraph(p, number, document, formats)
                if para is not None:
                    out.append(para)
    return out


def _paragraph(p, number: int, document, formats: dict[tuple[str, str], str]) -> Para | None:
    # a tab or a line break inside a paragraph reads as a space
    text = "".join(
        (el.text or "") if el.tag == f"{_W}t" else " "
        for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br")
    )
    text = text.translate(_INVISIBLE).strip()
    notes = sum(1 for _ in p.iter(f"{_W}footnoteReference", f"{_W}endnoteReference"))
    has_picture = next(p.iter(f"{_W}drawing", f"{_W}pict"), None) is not None
    if not text:
        return Para("", number, picture=True) if has_picture else None
    style = _style_name(p, document)
    heading = None
    m = _HEADING_STYLE.match(style)
    if m:
        heading = int(m.group(1))
    elif style.lower() in ("title", "标题"):
        heading = 0
    else:
        level = p.find(f"{_W}pPr/{_W}outlineLvl")
        if level is not None and (value := level.get(f"{_W}val", "9")).isdigit():
            heading = int(value) + 1 if int(value) < 9 else None
    num = p.find(f"{_W}pPr/{_W}numPr")
    if num is None:
        num = _style_numbering(p, document)
    list_item = num is not None and heading is None
    numbered = False
    if list_item:
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        key = (
            num_id.get(f"{_W}val", "") if num_id is not None else "",
            ilvl.get(f"{_W}val", "0") if ilvl is not None else "0",
        )
        if key[0] == "0":  # numId 0 switches numbering off
            list_item = False
        numbered = formats.get(key, "bullet") != "bullet"
    return Para(
        text,
        number,
        heading=heading,
        list_item=list_item,
        numbered=numbered,
        bold_lead=_bold_lead(p, text) if heading is None else None,
        notes=notes,
    )


def _style_name(p, document) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    if style is None:
        return ""
    style_id = style.get(f"{_W}val", "")
    try:
        return document.styles.get_by_id(style_id, 1).name or style_id  # 1: paragraph
    except Exception:  # an unknown style id: use the id
        return style_id


def _style_numbering(p, document):
    """The numbering a paragraph's style (or a style it is based on) gives it: Word's
    "List Number" and "List Bullet" number their paragraphs this way."""
    style = p.find(f"{_W}pPr/{_W}pStyle")
    style_id = style.get(f"{_W}val", "") if style is not None else ""
    for _ in range(10):  # a based-on chain, never a loop
        try:
            element = document.styles.get_by_id(style_id, 1).element if style_id else None
        except Exception:  # an unknown style id
            element = None
        if element is None:
            return None
        num = element.find(f"{_W}pPr/{_W}numPr")
        if num is not None:
            return num
        based = element.find(f"{_W}basedOn")
        style_id = based.get(f"{_W}val", "") if based is not None else ""
    return None


def _bold_lead(p, text: str) -> str | None:
    """The bold words the paragraph opens with, if plain text follows them."""
    lead = ""
    for run in p.iter(f"{_W}r"):
        run_text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
        if not run_text:
            continue
        bold = run.find(f"{_W}rPr/{_W}b")
        is_bold = bold is not None and bold.get(f"{_W}val", "true") not in ("0", "false")
        if not is_bold:
            break
        lead += run_text
    lead = lead.strip()
    if lead and len(lead) < len(text) and text.startswith(lead):
        return lead
    return None


def _numbering_formats(document) -> dict[tuple[str, str], str]:
    """(numId, ilvl) → numFmt ("decimal", "bullet", "chineseCounting"…)."""
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # no numbering part: no lists
        return {}
    abstract: dict[str, dict[str, str]] = {}
    for a in numbering.iter(f"{_W}abstractNum"):
        levels = {}
        for lvl in a.iter(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[lvl.get(f"{_W}ilvl", "0")] = (
                fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal"
            )
        abstract[a.get(f"{_W}abstractNumId", "")] = levels
    out: dict[tuple[str, str], str] = {}
    for num in numbering.iter(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        levels = abstract.get(ref.get(f"{_W}val", "") if ref is not None else "", {})
        for ilvl, fmt in levels.items():
            out[(num.get(f"{_W}numId", ""), ilvl)] = fmt
    return out
