"""An overview grid: the N items of a part (highlights or commitments) as numbered cards
with title and slogan; twelve at most a slide, continued."""

from __future__ import annotations

from ..cards import MAX_PER_SLIDE, PAD, STRIP, chunk_sizes
from ..context import Part, Planner
from ..layout import cells, grid_shape
from ..slides import Element, Rect, Shape, Slide
from ..typeset import Style


def make(p: Planner, part: Part) -> list[Slide]:
    return overview(p, part, part.items)


def overview(p: Planner, part: Part, items) -> list[Slide]:
    """The N items of a part as numbered cards with title and slogan; 12 at most a slide."""
    for per_slide in chunk_sizes(len(items), MAX_PER_SLIDE):
        slides = []
        for start in range(0, len(items), per_slide):
            chunk = items[start : start + per_slide]
            body = _overview_cards(p, chunk, start)
            if body is None:
                break
            title = part.title or part.label
            if start:
                title = p.continued(title)
            notes = "\n".join(
                f"{i}. {it.title}" + (f"——{it.slogan}" if it.slogan else "")
                for i, it in enumerate(chunk, start + 1)
            )
            slides.append(p.slide("overview", title, part.subtitle, part.label, body, notes))
        else:
            return slides
    raise AssertionError("a single overview card always fits")  # pragma: no cover


def _overview_cards(p: Planner, items, first: int) -> list[Element] | None:
    """Numbered cards with title and slogan; where a grid is too dense for both at a
    readable size, titles alone (the slogans stay on each item's own slide and notes)."""
    return _cards(p, items, first, slogans=True) or _cards(p, items, first, slogans=False)


def _cards(p: Planner, items, first: int, slogans: bool) -> list[Element] | None:
    g = p.grid
    rows, cols = grid_shape(len(items))
    els: list[Element] = []
    for i, (item, cell) in enumerate(
        zip(items, cells(g.content, len(items), g.gutter), strict=True)
    ):
        els.append(Shape(cell, "light", kind="rect", name="Card"))
        els.append(Shape(Rect(cell.x, cell.y, STRIP, cell.h), "primary", name="Card edge"))
        inner = cell.inset(PAD)
        inner = Rect(inner.x + STRIP, inner.y, inner.w - STRIP, inner.h)
        num_h = min(40.0, inner.h * 0.3)
        num_box, rest = inner.take_top(num_h, 4)
        number = p.text(
            [f"{first + i + 1:02d}"],
            Style("number", colour="accent"),
            num_box,
            (30, 14),
            anchor="b",
        )
        slogan = item.slogan if slogans else None
        title_h = rest.h * (0.55 if slogan else 1.0)
        title_box, slogan_box = rest.take_top(title_h, 4)
        heading = Style("heading", colour="dark", line_spacing=1.2)
        title = p.caption(item.title, heading, title_box, (22, 18), "Card title", fallback=False)
        parts = [number, title]
        if slogan:
            parts.append(p.text([slogan], Style("body", colour="muted"), slogan_box, (16, 12)))
        if any(x is None for x in parts):
            return None
        els += parts
    return els
