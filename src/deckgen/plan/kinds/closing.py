"""The closing part: its points as cards (the intro on the divider, or opening the cards
when it is too long to read there)."""

from __future__ import annotations

from ..cards import Card, flow
from ..context import Part, Planner
from ..slides import Slide
from .divider import divider_text


def make(p: Planner, part: Part) -> list[Slide]:
    return closing(p, part, part.source)


def closing(p: Planner, part: Part, c) -> list[Slide]:
    """The closing part: its points as cards (the intro on the divider, or first)."""
    items = [Card(pt.heading, (pt.text,)) for pt in c.points]
    if c.intro and divider_text(p, [c.title, c.intro]) is None:
        items.insert(0, Card(None, (c.intro,)))
    return flow(p, "closing", c.title, None, None, items, columns_for_four=2)
