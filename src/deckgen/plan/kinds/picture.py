"""Picture-and-text slides: an item's picture (a highlight's, a commitment's, a point's)
filling a frame on the left, cropped, never distorted; its words on the right."""

from __future__ import annotations

from ..context import Part, Planner
from ..slides import Element, Picture, Rect, Slide
from ..typeset import Style

PICTURE_SHARE = 0.55
"""The share of the content area's width the picture's frame takes."""
LEAD = (32.0, 22.0)
"""The sizes of the line beside the picture: a slogan, a point's heading."""
BODY = (20.0, 18.0)
"""The sizes of the text under it: the item's points, a point's text (left out when it
does not fit; it stands in full on the item's own slides)."""


def make(p: Planner, part: Part) -> list[Slide]:
    """A picture slide for the item's picture and one for each of its points' pictures; for
    the closing part (no items), one for each of its points' pictures."""
    item = part.item
    slides: list[Slide] = []
    if item is None:  # the closing part: its points' pictures
        source = part.source
        for point in getattr(source, "points", ()) if part.key == "closing" else ():
            if point.image is not None:
                alt = point.heading or part.title
                slides.append(
                    _slide(p, part, part.title, point.image, alt, point.heading, point.text)
                )
        return slides
    if item.image is not None:
        headings = "\n".join(pt.heading for pt in item.points if pt.heading)
        slides.append(
            _slide(p, part, item.title, item.image, item.title, item.slogan, headings or None)
        )
    for point in item.points:
        if getattr(point, "image", None) is not None:
            alt = point.heading or item.title
            slides.append(_slide(p, part, item.title, point.image, alt, point.heading, point.text))
    return slides


def _slide(
    p: Planner, part: Part, title: str, image, alt: str, lead: str | None, body: str | None
) -> Slide:
    """``title`` in the title block; the picture (``alt`` its alt text) left, ``lead`` and
    ``body`` right."""
    c, gutter = p.grid.content, p.grid.gutter
    frame = Rect(c.x, c.y, c.w * PICTURE_SHARE, c.h)
    els: list[Element] = [Picture(frame, str(image), "Picture", crop=True, alt=alt)]
    side = Rect(frame.right + gutter, c.y, c.right - frame.right - gutter, c.h)
    y, shown = side.y, [title]
    if lead:
        style = Style("heading", colour="primary", line_spacing=1.2)
        area = Rect(side.x, y, side.w, side.h * 0.5)
        box = p.snug([lead], style, area, LEAD) or p.must_text([lead], style, area, LEAD)
        els.append(box)
        y, shown = box.box.bottom + gutter, [*shown, lead]
    if body and side.bottom - y > BODY[1] * 2:
        texts = body.split("\n")
        box = p.text(
            texts, Style("body", emphasise=True), Rect(side.x, y, side.w, side.bottom - y), BODY
        )
        if box is not None:
            els.append(box)
            shown += texts
    return p.slide("picture", title, None, part.label, els, "\n".join(shown))
