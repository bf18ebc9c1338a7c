"""The plan's opening: its 总体要求 (requirements) and the paragraphs before its
commitments, under "总体要求" (or the plan's title when it states none)."""

from __future__ import annotations

from ..cards import prose
from ..context import Part, Planner
from ..slides import Slide


def make(p: Planner, part: Part) -> list[Slide]:
    plan = part.source
    title = p.label("requirements") if plan.requirements else part.title or part.label
    return prose(p, "requirements", title, None, part.label, [*plan.requirements, *plan.intro])
