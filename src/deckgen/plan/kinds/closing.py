"""The closing part: its points as cards (the intro is on the divider)."""

from __future__ import annotations

from ..cards import Card, flow
from ..context import Part, Planner
from ..slides import Slide


def make(p: Planner, part: Part) -> list[Slide]:
    return closing(p, part, part.source)


def closing(p: Planner, part: Part, c) -> list[Slide]:
    """The closing part: its points as cards (the intro is on the divider)."""
    items = [Card(pt.heading, (pt.text,)) for pt in c.points]
    return flow(p, "closing", c.title, None, None, items, columns_for_four=2)
