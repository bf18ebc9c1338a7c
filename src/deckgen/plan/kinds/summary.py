"""The review's summary of the year (过去一年，……): its paragraphs before the highlights."""

from __future__ import annotations

from ..cards import prose
from ..context import Part, Planner
from ..slides import Slide


def make(p: Planner, part: Part) -> list[Slide]:
    return prose(p, "summary", p.label("summary"), None, part.label, part.source.summary)
