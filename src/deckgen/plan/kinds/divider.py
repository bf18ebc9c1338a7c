"""A part's divider: brand background, the part's number, label, title, subtitle."""

from __future__ import annotations

from ..context import Part, Planner
from ..slides import Element, Rect, Shape, Slide, TextBox
from ..typeset import Style


def make(p: Planner, part: Part) -> list[Slide]:
    return [divider(p, part.number, part)]


def divider(p: Planner, number: int, part: Part) -> Slide:
    """A part divider: brand background, the part's number, label, title, subtitle."""
    g = p.grid
    if not g.own:
        texts = [t for t in (part.title, part.subtitle) if t and t != part.label]
        return p.on_master("divider", f"{number:02d}  {part.label}", texts)
    x, w = g.margin + 40, g.width - 2 * g.margin - 80
    els: list[Element] = [
        Shape(Rect(0, g.height - 120, g.width, 120), "dark", name="Foot"),
    ]
    els.append(
        p.must_text(
            [f"{number:02d}"],
            Style("number", colour="gold"),
            Rect(x, 90, 220, 110),
            (96, 60),
            anchor="b",
        )
    )
    els.append(
        p.must_text(
            [part.label],
            Style("heading", colour="white"),
            Rect(x, 206, w, 70),
            (48, 28),
            placeholder="title",
        )
    )
    texts = [t for t in (part.title, part.subtitle) if t and t != part.label]
    if texts:
        box = divider_text(p, texts)
        if box is None and part.key != "closing":  # the closing's intro opens its cards
            box = p.must_text(texts, DIVIDER_TEXT, _text_box(p), (26, 16), placeholder="subtitle")
        if box is not None:
            els.append(box)
    notes = "\n".join([part.label, *texts])
    return Slide("divider", part.label, tuple(els), notes, "primary", dark=True, layout="divider")


DIVIDER_TEXT = Style("body", colour="white")


def _text_box(p: Planner) -> Rect:
    g = p.grid
    return Rect(g.margin + 40, 290, g.width - 2 * g.margin - 80, 116)


def divider_text(p: Planner, texts: list[str]) -> TextBox | None:
    """A part's title and subtitle under its name on the divider, or None when they are too
    long to read there at a readable size."""
    return p.text(texts, DIVIDER_TEXT, _text_box(p), (26, 18), placeholder="subtitle")
