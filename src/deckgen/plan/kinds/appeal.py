"""The closing appeal (各位代表！……): the report's last words, large, on a slide of their
own under "结束语"; an appeal too long for one slide continues on （续） slides at body size."""

from __future__ import annotations

from ..cards import prose
from ..context import Part, Planner
from ..layout import BODY
from ..slides import Slide
from ..typeset import Style

APPEAL = Style("body", bold=True, colour="primary", line_spacing=1.4, space_after=0.5)
SIZES = (28.0, BODY[1])
"""The appeal's sizes: as large as it fits, never under body size."""


def make(p: Planner, part: Part) -> list[Slide]:
    appeal = part.source.appeal
    if not appeal:
        return []
    title = p.label("appeal")
    area = p.grid.content.inset(24)
    box = p.text(appeal, APPEAL, area, SIZES, anchor="ctr", name="Appeal")
    if box is None:
        return prose(p, "appeal", title, None, None, appeal)
    return [p.slide("appeal", title, None, None, [box], "\n".join(appeal))]
