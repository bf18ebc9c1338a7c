"""The agenda: the parts shown, numbered (none for a deck of one part)."""

from __future__ import annotations

from ..context import Part, Planner
from ..slides import Element, Rect, Shape, Slide
from ..typeset import Style


def make(p: Planner, part: Part) -> list[Slide]:
    parts = p.parts()
    return [agenda(p, parts)] if len(parts) > 1 else []


def agenda(p: Planner, parts: list[Part]) -> Slide:
    """The agenda: the parts present, numbered."""
    g = p.grid
    area = g.content
    row_h = min(84.0, (area.h - g.gutter * (len(parts) - 1)) / max(len(parts), 1))
    els: list[Element] = []
    for i, part in enumerate(parts):
        y = area.y + i * (row_h + g.gutter)
        badge = Rect(area.x, y, row_h, row_h)
        els.append(Shape(badge, "primary", name="Badge"))
        num = Style("number", colour="white", align="ctr")
        els.append(p.must_text([f"{i + 1:02d}"], num, badge, (32, 14), anchor="ctr"))
        text_box = Rect(badge.right + g.gutter, y, area.w - row_h - g.gutter, row_h)
        name_box, desc_box = text_box.take_top(row_h * 0.55)
        els.append(
            p.must_text(
                [part.label], Style("heading", colour="dark"), name_box, (26, 16), anchor="b"
            )
        )
        if part.title:
            els.append(
                p.must_text(
                    [part.title], Style("body", colour="muted"), desc_box, (16, 12), anchor="t"
                )
            )
    notes = "\n".join(f"{i + 1}. {p.label} {p.title}" for i, p in enumerate(parts))
    return p.slide("agenda", p.label("agenda"), None, None, els, notes)
