"""Add one planned slide: pick its master layout, fill placeholders, draw the rest."""

from __future__ import annotations

from copy import deepcopy

from pptx.dml.color import RGBColor
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.shapes.shapetree import SlideShapeFactory

from ...plan.slides import Slide, TextBox
from ...template.master import layout_for
from .elements import Painter, _emu

_TITLE = {"title", "ctrTitle"}
_SUBTITLE = {"subTitle", "body"}
_SP = qn("p:sp")
_PH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"


def add_slide(prs, plan: Slide, painter: Painter, chosen: dict):
    """Add ``plan`` to ``prs``: its elements in order, its title in the title placeholder."""
    slide = _new_slide(prs, layout_for(prs, plan.layout, chosen), painter.made)
    slide.shapes.turbo_add_enabled = True  # the next shape id counted on, not searched for
    if plan.background is not None:
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(painter.colour(plan.background))
    tree = slide.shapes._spTree
    placeholders: dict[str, object] = {}
    cloned = [sp for sp in tree.iterchildren(_SP) if sp.find(_PH) is not None]
    for sp in cloned:  # the layout's placeholders, read from the XML (python-pptx's own
        kind = sp.find(_PH).get("type", "obj")  # lookups cost a tenth of writing a deck)
        role = "title" if kind in _TITLE else "subtitle" if kind in _SUBTITLE else None
        if role is not None:
            placeholders.setdefault(role, sp)
    used = set()
    for element in plan.elements:
        sp = placeholders.get(element.placeholder) if isinstance(element, TextBox) else None
        if sp is not None and sp not in used:
            used.add(sp)
            target = SlideShapeFactory(sp, slide.shapes)
            target.left, target.top, target.width, target.height = _emu(element.box)
            painter.fill_text(target.text_frame, element)
            tree.remove(sp)  # keep the plan's drawing order
            tree.append(sp)
        else:
            painter.draw(slide, element)
    for sp in cloned:
        if sp not in used:  # an empty placeholder would show "Click to add title"
            tree.remove(sp)
    notes = plan.notes
    if notes:
        painter.plain_text(_notes_frame(slide, painter.made), notes, 12)
    return slide


def _new_slide(prs, layout, made: dict):
    """A new slide on ``layout`` at the deck's end, as python-pptx's ``slides.add_slide``
    makes it, with nothing searched for: the first slide of a layout made by python-pptx
    (its placeholders cloned from the layout), every next one a copy of that one's XML; the
    slide id the last one's plus one, the new part related without looking for a
    relationship it already has (which walks all the deck's, making a deck quadratic in its
    slides)."""
    part = prs.part
    slides = part._element.get_or_add_sldIdLst()
    # ids only grow as slides are added here: the next is one more than the last one's
    slide_id = int(slides[-1].get("id")) + 1 if len(slides) else slides._next_id
    empty = made.get(("slide", layout.part.partname))
    if empty is None:
        rId, slide = part.add_slide(layout)
        slide.shapes.clone_layout_placeholders(layout)
        made["slide", layout.part.partname] = deepcopy(slide._element)
    else:
        partname = PackURI(f"/ppt/slides/slide{len(slides) + 1}.xml")
        slide_part = SlidePart(partname, CT.PML_SLIDE, part.package, deepcopy(empty))
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rId = part.rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
    slides._add_sldId(id=slide_id, rId=rId)
    return slide


def _notes_frame(slide, made: dict):
    """The notes text frame of ``slide``, which has no notes yet: python-pptx makes the first
    notes slide of a deck (its placeholders cloned from the notes master), every next one is
    a copy of that one's XML, related alike (cloning costs most of writing the notes)."""
    empty = made.get("notes")
    if empty is None:
        notes = slide.notes_slide
        made["notes"] = deepcopy(notes._element)
        made["notes master"] = notes.part.part_related_by(RT.NOTES_MASTER)
        return notes.notes_text_frame
    part = slide.part
    package = part.package
    partname = package.next_partname("/ppt/notesSlides/notesSlide%d.xml")
    notes_part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, package, deepcopy(empty))
    notes_part.relate_to(made["notes master"], RT.NOTES_MASTER)
    notes_part.relate_to(part, RT.SLIDE)
    part.relate_to(notes_part, RT.NOTES_SLIDE)
    return notes_part.notes_slide.notes_text_frame


def clear_slides(prs) -> None:
    """Remove the template's sample slides; keep its master, layouts and theme."""
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)
