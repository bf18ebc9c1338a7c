"""Big-number cards: a figure large, what stands before and after it small, a caption."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .layout import BIG_NUMBER, CAPTION, UNIT_RATIO, cells, grid_shape
from .slides import Element, Paragraph, Rect, Run, Shape, TextBox
from .typeset import SAFETY, Style

if TYPE_CHECKING:
    from .context import Planner

AUTOSPACE = 0.3
"""Room, in ems of the number, for the space a renderer adds where digits meet Chinese."""
MAX_CARD = (300.0, 190.0)
"""The largest a big-number card grows (width, height)."""
PAD = 12.0
NUMBER = Style("number", colour="accent", line_spacing=1.15)


@dataclass(frozen=True)
class BigNumber:
    """A big-number card: small text before, the number, small text after, a caption, a tag
    (the heading of the point it comes from; "" for none)."""

    before: str
    number: str
    after: str
    caption: str
    tag: str = ""


def number_cards(
    p: Planner, cards: list[BigNumber], area: Rect, tags: bool = True, one_row: bool = False
) -> list[Element]:
    """Big-number cards on a grid: one number size for all, the largest that fits every card."""
    g = p.grid
    rows, cols = (1, len(cards)) if one_row else grid_shape(len(cards))
    # Cards no larger than a card needs: a lone figure is a card, not a poster.
    # A caption to be read at body size gets a wider card: fewer, fuller lines.
    caption_sizes = max(p.readable([c.caption], Style("body"), CAPTION) for c in cards)
    most_w = MAX_CARD[0] * (1.5 if caption_sizes != CAPTION else 1.0)
    w = min(area.w, cols * most_w + (cols - 1) * g.gutter)
    h = min(area.h, rows * MAX_CARD[1] + (rows - 1) * g.gutter)
    area = Rect(area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h)
    boxes = cells(area, len(cards), g.gutter, (rows, cols))
    inner = [b.inset(PAD) for b in boxes]
    tag_h = 20.0 if tags and any(c.tag for c in cards) else 0.0
    cap_h = _caption_room(p, [c.caption for c in cards], inner[0])
    num_h = inner[0].h - tag_h - cap_h - 8
    size = min(_number_size(p, c, r.w, num_h) for c, r in zip(cards, inner, strict=True))
    els: list[Element] = []
    for card, box, r in zip(cards, boxes, inner, strict=True):
        els.append(Shape(box, "light", name="Number card"))
        els.append(Shape(Rect(box.x, box.bottom - 4, box.w, 4), "accent", name="Number rule"))
        y = r.y
        if tag_h:
            # The point a figure comes from, on one line; a heading too long for it is left
            # to the slide's notes rather than set below 10 pt; a point without one, none.
            tag = card.tag and p.text(
                [card.tag],
                Style("body", colour="muted"),
                Rect(r.x, y, r.w, tag_h),
                (12, 10),
                name="Figure tag",
            )
            if tag:
                els.append(tag)
            y += tag_h
        els.append(
            TextBox(
                Rect(r.x, y, r.w, num_h), (_number_paragraph(card, size),), "ctr", 0.0, "Big number"
            )
        )
        els.append(Rect(r.x, y + num_h + 8, r.w, cap_h))  # its caption, set below
    return _captions(p, [c.caption for c in cards], els, caption_sizes)


def _caption_room(p: Planner, captions: list[str], inner: Rect) -> float:
    """The height a card keeps for its caption: a third of it, more for a caption long
    enough to be read at body size (up to 55%, the number getting smaller)."""
    room = min(54.0, inner.h * 0.34)
    style = Style("body")
    for c in captions:
        sizes = p.readable([c], style, CAPTION)
        if sizes != CAPTION:
            need = p.type.fit([c], style, inner.w, inner.h, sizes)
            if need is not None:
                room = max(room, min(need.height / SAFETY + 2, inner.h * 0.55))
    return room


def _captions(p: Planner, captions: list[str], els: list, sizes) -> list[Element]:
    """Each card's caption in its place (the boxes ``els`` holds), all at one size of
    ``sizes`` (body size when one caption is long enough to be read at it): the largest at
    which every caption fits; failing that, each at the size it fits."""
    boxes = [e for e in els if isinstance(e, Rect)]
    style = Style("body")
    size = sizes[0]
    set_: list = []
    while size >= sizes[1] and not set_:
        set_ = [
            p.text([c], style, b, (size, size), name="Figure caption")
            for c, b in zip(captions, boxes, strict=True)
        ]
        set_ = set_ if all(set_) else []
        size -= 0.5
    if not set_:
        set_ = [
            p.caption(c, style, b, sizes, name="Figure caption")
            for c, b in zip(captions, boxes, strict=True)
        ]
    it = iter(set_)
    return [next(it) if isinstance(e, Rect) else e for e in els]


def _number_size(p: Planner, card: BigNumber, width: float, height: float) -> float:
    """The largest number size (within BIG_NUMBER) whose line fits ``width`` and ``height``.

    The number and its small before/after texts are measured apart, so a renderer's extra
    space where digits meet Chinese (LibreOffice's autospacing) is added for each meeting.
    """
    high, low = BIG_NUMBER
    meetings = sum(1 for part in (card.before, card.after) if part)
    size = high
    while size > low:
        small = size * UNIT_RATIO
        w = (
            p.type.width(card.number, NUMBER, size)
            + p.type.width(card.before, NUMBER, small)
            + p.type.width(card.after, NUMBER, small)
            + meetings * AUTOSPACE * size
        )
        if w <= width * SAFETY and size * NUMBER.line_spacing <= height * SAFETY:
            return size
        size -= 1.0
    return low


def _number_paragraph(card: BigNumber, size: float) -> Paragraph:
    small = round(size * UNIT_RATIO, 1)
    runs = []
    if card.before:
        runs.append(Run(card.before, small, "number", True, "accent"))
    runs.append(Run(card.number, size, "number", True, "accent"))
    if card.after:
        runs.append(Run(card.after, small, "number", True, "accent"))
    return Paragraph(tuple(runs), round(size * NUMBER.line_spacing, 2), "ctr")
