"""Add one planned slide: pick its master layout, fill placeholders, draw the rest."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER

from ...plan.slides import Slide, TextBox
from ...template.master import layout_for
from .elements import Painter, _emu

_TITLE = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_SUBTITLE = {PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY}


def add_slide(prs, plan: Slide, painter: Painter, chosen: dict):
    """Add ``plan`` to ``prs``: its elements in order, its title in the title placeholder."""
    slide = prs.slides.add_slide(layout_for(prs, plan.layout, chosen))
    if plan.background is not None:
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(painter.colour(plan.background))
    placeholders = {"title": None, "subtitle": None}
    for ph in slide.placeholders:
        kind = ph.placeholder_format.type
        if kind in _TITLE and placeholders["title"] is None:
            placeholders["title"] = ph
        elif kind in _SUBTITLE and placeholders["subtitle"] is None:
            placeholders["subtitle"] = ph
    used = set()
    tree = slide.shapes._spTree
    for element in plan.elements:
        target = placeholders.get(element.placeholder) if isinstance(element, TextBox) else None
        if target is not None and target._element not in used:
            used.add(target._element)
            target.left, target.top, target.width, target.height = _emu(element.box)
            painter.fill_text(target.text_frame, element)
            tree.remove(target._element)  # keep the plan's drawing order
            tree.append(target._element)
        else:
            painter.draw(slide, element)
    for ph in list(slide.placeholders):
        if ph._element not in used:  # an empty placeholder would show "Click to add title"
            tree.remove(ph._element)
    notes = plan.notes
    if notes:
        painter.plain_text(slide.notes_slide.notes_text_frame, notes, 12)
    return slide


def clear_slides(prs) -> None:
    """Remove the template's sample slides; keep its master, layouts and theme."""
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)
