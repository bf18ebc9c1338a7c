"""The problems the report admits (存在的问题): their paragraphs, under the part's title."""

from __future__ import annotations

from ..cards import prose
from ..context import Part, Planner
from ..slides import Slide


def make(p: Planner, part: Part) -> list[Slide]:
    return prose(p, "problems", part.label, None, None, part.source.points)
