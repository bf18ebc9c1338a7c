"""The cover: dark background, kicker, large title, subtitle, organisation and date, the
occasion and who presents the report."""

from __future__ import annotations

from dataclasses import replace

from ...model import Content
from ..context import Part, Planner
from ..layout import COVER_TITLE
from ..slides import Element, Picture, Rect, Shape, Slide
from ..typeset import Style


def make(p: Planner, part: Part) -> list[Slide]:
    return [cover(p)]


def cover(p: Planner) -> Slide:
    """The cover: dark background, kicker, large title, subtitle, organisation and date."""
    g, meta, o = p.grid, p.content.meta, p.options
    title, subtitle = o.title or meta.title, o.subtitle or meta.subtitle
    date = o.date or meta.date
    byline = " · ".join(x for x in (meta.organisation, o.meeting, date) if x)
    # The content's occasion, then who presents it (the meeting's presenter, else the
    # content's: see plan.shown) and where.
    presented = " · ".join(x for x in (meta.presenter, o.venue) if x)
    lines = [x for x in (byline, meta.occasion, presented) if x]
    if not g.own:
        lines = [x for x in (meta.kicker, subtitle, *lines, o.marking) if x]
        return p.on_master("cover", title, lines, footer=False)
    left = g.margin + 28
    width = g.width * 0.62
    panel = Rect(g.width * 0.70, 0, g.width * 0.30, g.height)
    els: list[Element] = [Shape(panel, "primary", name="Panel")]
    if meta.cover_image is not None:  # the cover picture fills the panel, cropped
        els.append(Picture(panel, str(meta.cover_image), "Picture", crop=True, alt=title))
    y = 150.0
    if meta.kicker:
        kicker = Style("heading", colour="gold")
        box = p.snug([meta.kicker], kicker, Rect(left, y, width, 30), (20, 14))
        els.append(box or p.must_text([meta.kicker], kicker, Rect(left, y, width, 30), (20, 14)))
        y += 36
    heading = Style("heading", colour="white", line_spacing=1.2)
    area = Rect(left, y, width, 370 - y - (72 if subtitle else 0))
    title_box = p.snug([title], heading, area, COVER_TITLE) or p.must_text(
        [title], heading, area, COVER_TITLE
    )
    els.append(replace(title_box, placeholder="title"))
    y = title_box.box.bottom + 14
    if subtitle:
        sub = Style("body", colour="white")
        sub_area = Rect(left, y, width, 370 - y)
        sub_box = p.snug([subtitle], sub, sub_area, (24, 16)) or p.must_text(
            [subtitle], sub, sub_area, (24, 16)
        )
        els.append(replace(sub_box, placeholder="subtitle"))
        y = sub_box.box.bottom
    bar = Shape(Rect(g.margin, 150, 6, max(y, 220) - 150), "gold", name="Bar")
    els.insert(2 if meta.cover_image is not None else 1, bar)
    if lines:
        els.append(
            p.must_text(
                lines,
                Style("body", colour="white", space_after=0.3),
                Rect(left, 410, width, 30 * max(2, len(lines))),
                (16, 12),
            )
        )
    if o.marking:
        if meta.cover_image is not None:
            els.append(Shape(Rect(panel.x, 16, panel.w, 40), "primary", name="Marking band"))
        els.append(
            p.must_text(
                [o.marking],
                Style("heading", colour="gold", align="r"),
                Rect(g.width * 0.70 + 16, 24, g.width * 0.30 - 16 - g.margin, 24),
                (14, 10),
                name="Marking",
            )
        )
    if p.theme.logo_path is not None:
        els.append(Picture(Rect(g.margin, 40, 150, 48), str(p.theme.logo_path), "Logo", "l"))
    year = _year(p.content)
    if year:
        big = Style("number", colour="gold", align="ctr")
        if meta.cover_image is not None:
            els.append(Shape(Rect(panel.x, 200, panel.w, 120), "primary", name="Year band"))
        els.append(
            p.must_text(
                [year],
                big,
                Rect(g.width * 0.70, 200, g.width * 0.30, 120),
                (88, 48),
                anchor="ctr",
            )
        )
    notes = "\n".join(x for x in (meta.kicker, title, subtitle, *lines, o.marking) if x)
    return Slide(
        "cover",
        title,
        tuple(els),
        notes,
        background="dark",
        footer=False,
        dark=True,
        layout="cover",
    )


def _year(content: Content) -> str | None:
    if content.plan and content.plan.year:
        return str(content.plan.year)
    if content.review and content.review.year:
        return str(content.review.year + 1)
    return None
