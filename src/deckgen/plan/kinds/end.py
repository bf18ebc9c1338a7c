"""The end slide: thanks, organisation and date."""

from __future__ import annotations

from ..context import Part, Planner
from ..slides import Element, Rect, Shape, Slide
from ..typeset import Style


def make(p: Planner, part: Part) -> list[Slide]:
    return [end(p)]


def end(p: Planner) -> Slide:
    """The end slide: thanks, organisation and date."""
    g, meta = p.grid, p.content.meta
    if not g.own:
        date = p.options.date or meta.date
        byline = " · ".join(x for x in (meta.organisation, date) if x)
        return p.on_master("end", p.label("end"), [byline] if byline else [])
    els: list[Element] = [Shape(Rect(g.margin, 250, 6, 90), "gold", name="Bar")]
    els.append(
        p.must_text(
            [p.label("end")],
            Style("heading", colour="white"),
            Rect(g.margin + 28, 230, 600, 80),
            (54, 36),
            anchor="ctr",
            placeholder="title",
        )
    )
    byline = " · ".join(x for x in (meta.organisation, p.options.date or meta.date) if x)
    if byline:
        els.append(
            p.must_text(
                [byline],
                Style("body", colour="white"),
                Rect(g.margin + 28, 312, 600, g.height - 312 - 60),
                (18, 12),
            )
        )
    return Slide("end", p.label("end"), tuple(els), byline, "dark", dark=True, layout="end")
