"""A highlight's points as cards, figures emphasised, its lead sentence above them;
continued when they do not fit."""

from __future__ import annotations

from ..cards import Card, flow
from ..context import Part, Planner
from ..slides import Slide


def make(p: Planner, part: Part) -> list[Slide]:
    return highlight(p, part, part.item_number, part.item)


def highlight(p: Planner, part: Part, number: int, h) -> list[Slide]:
    """A highlight's points as cards, figures emphasised; continued when they do not fit."""
    items = [Card(pt.heading, (pt.text,)) for pt in h.points]
    return flow(p, "highlight", h.title, h.slogan, part.label, items, lead=h.lead)
