"""Reading a deck: its slides' and notes' text, its paragraphs as runs, its East Asian runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..template.theme import is_cjk_font
from .model import NS, A, C, Item, Para, has_cjk, has_cjk_letters, is_cjk_lang

# ---------------------------------------------------------------------------------------------
# Plain text


def _shape_texts(shapes) -> Iterator[str]:
    """Yield the text of each text shape and table cell in a shape tree, groups flattened."""
    for shape in shapes:
        if hasattr(shape, "shapes") and not getattr(shape, "has_text_frame", False):
            yield from _shape_texts(shape.shapes)
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    if cell.text:
                        yield cell.text
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            if shape.text_frame.text:
                yield shape.text_frame.text


def pptx_texts(pptx: Path) -> list[str]:
    """Return each slide's own shape text (tables and groups included), one string per slide."""
    from pptx import Presentation

    return ["\n".join(_shape_texts(s.shapes)) for s in Presentation(str(pptx)).slides]


def pptx_notes(pptx: Path) -> list[str]:
    """Return each slide's speaker-notes text ("" when it has none)."""
    from pptx import Presentation

    notes = []
    for slide in Presentation(str(pptx)).slides:
        frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        notes.append(frame.text if frame is not None else "")
    return notes


# ---------------------------------------------------------------------------------------------
# Theme fonts


def theme_faces(theme_blob: bytes | None) -> dict[str, str]:
    """The typeface the theme's "major" and "minor" slots give East Asian text ("" if none).

    The slot's a:ea typeface, else its Chinese/Japanese/Korean script font (a:font script=…).
    """
    result = {"major": "", "minor": ""}
    if not theme_blob:
        return result
    root = etree.fromstring(theme_blob)
    for slot in result:
        font = root.find(f".//a:fontScheme/a:{slot}Font", NS)
        if font is None:
            continue
        ea = font.find("a:ea", NS)
        face = ea.get("typeface", "") if ea is not None else ""
        if not face:
            scripts = {f.get("script"): f.get("typeface") for f in font.iterfind("a:font", NS)}
            face = next(
                (scripts[s] for s in ("Hans", "Hant", "Jpan", "Hang") if scripts.get(s)), ""
            )
        result[slot] = face
    return result


def theme_ea(theme_blob: bytes | None) -> dict[str, bool]:
    """Which theme font slots ("major"/"minor") give East Asian text a real typeface."""
    return {slot: bool(face) for slot, face in theme_faces(theme_blob).items()}


def _theme_blob(part) -> bytes | None:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        return part.part_related_by(RT.THEME).blob
    except KeyError:
        return None


def _resolve(face: str, faces: dict[str, str]) -> str:
    """A typeface with a theme reference (+mj-ea, +mn-ea) resolved."""
    if face.startswith("+mj"):
        return faces["major"]
    if face.startswith("+mn"):
        return faces["minor"]
    return face


def _shape_name(el) -> str:
    """Name of the nearest enclosing shape of an XML element (cNvPr/@name)."""
    for anc in el.iterancestors():
        nv = anc.find("./*/p:cNvPr", NS)
        if nv is not None:
            return nv.get("name", "")
    return ""


# ---------------------------------------------------------------------------------------------
# East Asian run properties


def _pptx_run_problems(root, theme: dict[str, bool], where: str) -> Iterator[str]:
    for r in root.iter(f"{{{A}}}r"):
        text = "".join(t.text or "" for t in r.iterfind("a:t", NS))
        if not has_cjk(text):
            continue
        rpr = r.find("a:rPr", NS)
        problems = []
        if rpr is None or not (is_cjk_lang(rpr.get("lang")) or is_cjk_lang(rpr.get("altLang"))):
            problems.append("a zh/ja/ko lang or altLang")
        ea = rpr.find("a:ea", NS) if rpr is not None else None
        face = ea.get("typeface", "") if ea is not None else ""
        if face.startswith("+mj"):
            face = face if theme["major"] else ""
        elif face.startswith("+mn"):
            face = face if theme["minor"] else ""
        if not face:
            problems.append("an a:ea typeface")
        if problems:
            snippet = text if len(text) <= 20 else text[:19] + "…"
            yield f"{where} {_shape_name(r)!r}: run {snippet!r} lacks {' and '.join(problems)}"


def runs_missing_east_asian(pptx: Path) -> list[str]:
    """Describe every run with CJK text (slides, tables, groups, notes) lacking lang or a:ea."""
    from pptx import Presentation

    prs = Presentation(str(pptx))
    found: list[str] = []
    for no, slide in enumerate(prs.slides, 1):
        theme = theme_ea(_theme_blob(slide.slide_layout.slide_master.part))
        found.extend(_pptx_run_problems(slide._element, theme, f"slide {no}"))
        if slide.has_notes_slide:
            found.extend(_pptx_run_problems(slide.notes_slide._element, theme, f"notes {no}"))
    return found


# ---------------------------------------------------------------------------------------------
# Paragraphs

BREAK_CHARS = {
    "\v": "U+000B",
    "\n": "U+000A",
    "\r": "U+000D",
    "\x0c": "U+000C",
    "\u0085": "U+0085",
    "\u2028": "U+2028",
    "\u2029": "U+2029",
}
"""Characters that break a line when they stand inside a run's text."""


def split_text(text: str, **props) -> list[Item]:
    """A run's text as items: breaks and tabs written as characters become their own items."""
    items: list[Item] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            items.append(Item("text", "".join(buf), **props))
            buf.clear()

    for ch in text:
        if ch in BREAK_CHARS:
            flush()
            items.append(Item("break", "\n", tag=BREAK_CHARS[ch]))
        elif ch == "\t":
            flush()
            items.append(Item("tab", "\t", tag="U+0009"))
        else:
            buf.append(ch)
    flush()
    return items


_XSTRING_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
"""How python-pptx writes a control character into a run (``_x000B_`` for a vertical tab);
Office reads it back as the character."""


def _unescape(m: re.Match) -> str:
    code = int(m.group(1), 16)
    return chr(code) if code < 0x20 else m.group()


def _run_items(r, faces: dict[str, str], field: bool = False) -> list[Item]:
    rpr = r.find("a:rPr", NS)
    lang = rpr.get("lang", "") if rpr is not None else ""
    ea = rpr.find("a:ea", NS) if rpr is not None else None
    face = _resolve(ea.get("typeface", ""), faces) if ea is not None else ""
    text = _XSTRING_ESCAPE.sub(_unescape, "".join(t.text or "" for t in r.iterfind("a:t", NS)))
    return split_text(
        text,
        lang=lang,
        east_asian=face,
        east_asian_quotes=is_cjk_font(face),
        tag="a:fld" if field else "a:r",
    )


def _has_tab_stops(p) -> bool:
    """Whether a:p or its text body's list styles set tab stops (a:tabLst with a:tab)."""
    if p.find("a:pPr/a:tabLst/a:tab", NS) is not None:
        return True
    body = p.getparent()
    return body is not None and body.find("a:lstStyle//a:tabLst/a:tab", NS) is not None


def _paragraph(p, faces: dict[str, str], **where) -> Para:
    items: list[Item] = []
    for child in p:
        tag = etree.QName(child).localname
        if tag == "r":
            items += _run_items(child, faces)
        elif tag == "fld":
            items += _run_items(child, faces, field=True)
        elif tag == "br":
            items.append(Item("break", "\n", tag="a:br"))
    para = Para(items=items, layout_tabs=_has_tab_stops(p), **where)
    langs = [i.lang for i in items if i.kind == "text" and i.lang]
    para.english = not any(is_cjk_lang(x) for x in langs) and not has_cjk_letters(para.text)
    return para


def _paragraphs(root, faces: dict[str, str], part: str, slide: int | None, prefix: str = ""):
    for p in root.iter(f"{{{A}}}p"):
        yield _paragraph(p, faces, part=part, slide=slide, shape=prefix + _shape_name(p))


def _chart_frames(shapes) -> Iterator:
    for shape in shapes:
        if getattr(shape, "has_chart", False) and shape.has_chart:
            yield shape
        elif hasattr(shape, "shapes"):
            yield from _chart_frames(shape.shapes)


def _chart_paragraphs(frame, faces: dict[str, str], slide: int) -> Iterator[Para]:
    """A chart's rich text (titles) and its cached category and series names."""
    space = frame.chart._chartSpace
    for p in space.iter(f"{{{A}}}p"):
        yield _paragraph(p, faces, part="chart", slide=slide, shape=frame.name)
    for v in space.iterfind(f".//{{{C}}}strCache/{{{C}}}pt/{{{C}}}v"):
        if v.text:
            yield Para(
                part="chart", slide=slide, shape=frame.name, items=split_text(v.text, tag="c:v")
            )


def deck_paragraphs(pptx: Path) -> list[Para]:
    """Every paragraph of a deck: slides (tables, groups), charts, notes, layouts, masters."""
    from pptx import Presentation

    prs = Presentation(str(pptx))
    out: list[Para] = []
    for no, slide in enumerate(prs.slides, 1):
        faces = theme_faces(_theme_blob(slide.slide_layout.slide_master.part))
        out += _paragraphs(slide._element, faces, "slide", no)
        for frame in _chart_frames(slide.shapes):
            out += _chart_paragraphs(frame, faces, no)
        if slide.has_notes_slide:
            out += _paragraphs(slide.notes_slide._element, faces, "notes", no)
    for master in prs.slide_masters:
        faces = theme_faces(_theme_blob(master.part))
        out += _paragraphs(master._element, faces, "master", None, "master: ")
        for layout in master.slide_layouts:
            out += _paragraphs(layout._element, faces, "layout", None, f"{layout.name}: ")
    return out


def visible_slides(pptx: Path) -> list[int]:
    """The numbers (1-based) of the slides LibreOffice renders: hidden ones left out."""
    from pptx import Presentation

    slides = Presentation(str(pptx)).slides
    return [
        no for no, s in enumerate(slides, 1) if s._element.get("show", "1") not in ("0", "false")
    ]
