"""A highlight's key figures as 1–6 big-number cards; none if it has no card."""

from __future__ import annotations

from ..choose import pick_figures
from ..context import Part, Planner
from ..numbers import number_cards
from ..slides import Slide


def make(p: Planner, part: Part) -> list[Slide]:
    return key_figures(p, part, part.item)


def key_figures(p: Planner, part: Part, h) -> list[Slide]:
    """The highlight's key figures as 1–6 big-number cards; none if it has no figures."""
    cards = pick_figures(h, p.lang)
    if not cards:
        return []
    body = number_cards(p, cards, p.grid.content)
    title = p.label("key_figures", title=h.title)
    colon = "：" if p.lang == "zh" else ": "
    notes = "\n".join(f"{c.tag}{colon}{c.caption} {c.before}{c.number}{c.after}" for c in cards)
    return [p.slide("key_figures", title, h.slogan, part.label, body, notes)]
