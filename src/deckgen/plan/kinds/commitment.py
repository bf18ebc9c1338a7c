"""A commitment's points as columns of heading and bullets."""

from __future__ import annotations

from ..cards import Card, flow
from ..context import Part, Planner
from ..slides import Slide


def make(p: Planner, part: Part) -> list[Slide]:
    return commitment(p, part, part.item_number, part.item)


def commitment(p: Planner, part: Part, number: int, c) -> list[Slide]:
    """A commitment's points as columns of heading and bullets."""
    items = [Card(pt.heading, tuple(pt.bullets), bullets=True) for pt in c.points]
    return flow(p, "commitment", c.title, c.slogan, part.label, items, lead=c.lead)
