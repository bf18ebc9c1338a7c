"""Plan the speed-read deck: which slides, in what order, with what on them.

:data:`DECK` is the deck, as a table: one row a slide kind, in the order the slides come.
A row names the kind, the function that makes its slides (``make(p, part)`` in its module
under :mod:`deckgen.plan.kinds`), which part it belongs to (``None``: the deck's own,
before or after the parts; ``"*"``: every part), whether it makes slides for each item of
its part (highlight, commitment; rows of one part next to each other go together, item by
item), and whether a brief deck has it. The parts come in the order the meeting asks for.
To add a slide kind: a module with ``make`` and a row here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Content
from ..options import BuildOptions
from ..template.theme import Theme
from .context import Part, Planner
from .kinds import (
    agenda,
    appeal,
    closing,
    commitment,
    cover,
    divider,
    end,
    highlight,
    key_figures,
    overview,
    picture,
    problems,
    requirements,
    summary,
    targets,
)
from .layout import Grid
from .shown import shown
from .slides import Deck, Slide


@dataclass(frozen=True)
class Row:
    """One slide kind in the deck's table."""

    kind: str
    make: Callable[[Planner, Part], list[Slide]]
    part: str | None = None
    """The part it shows: ``review``, ``problems``, ``targets``, ``plan``, ``closing``;
    ``"*"`` every part; ``None`` the deck itself (cover, agenda, end)."""
    each: bool = False
    """Slides for each item of the part (each highlight, each commitment)."""
    brief: bool = True
    """Whether a brief deck (``detail: brief``) has it."""


DECK: tuple[Row, ...] = (
    Row("cover", cover.make),
    Row("agenda", agenda.make, brief=False),
    Row("divider", divider.make, "*", brief=False),
    Row("summary", summary.make, "review", brief=False),
    Row("overview", overview.make, "review"),
    Row("highlight", highlight.make, "review", each=True, brief=False),
    Row("picture", picture.make, "review", each=True, brief=False),
    Row("key_figures", key_figures.make, "review", each=True),
    Row("problems", problems.make, "problems"),
    Row("targets", targets.make, "targets"),
    Row("requirements", requirements.make, "plan", brief=False),
    Row("overview", overview.make, "plan"),
    Row("commitment", commitment.make, "plan", each=True, brief=False),
    Row("picture", picture.make, "plan", each=True, brief=False),
    Row("closing", closing.make, "closing", brief=False),
    Row("picture", picture.make, "closing", brief=False),
    Row("appeal", appeal.make, "closing", brief=False),
    Row("end", end.make),
)

SLIDE_KINDS: tuple[str, ...] = tuple(dict.fromkeys(row.kind for row in DECK))
"""Every slide kind, in the deck's order."""


def plan_deck(
    content: Content,
    theme: Theme,
    options: BuildOptions,
    grid: Grid | None = None,
    table: tuple[Row, ...] = DECK,
) -> Deck:
    """The whole deck for ``content``, styled by ``theme``, shaped by ``options``, on ``grid``
    (by default the theme's: 16:9, or read from the organisation's master), row by row of
    ``table``; what of the content it shows is :func:`~deckgen.plan.shown.shown`'s."""
    content = shown(content, options)
    p = Planner(content, theme, options, grid or Grid.for_theme(theme))
    rows = [r for r in table if options.detail != "brief" or r.brief]
    parts = p.parts()
    first_part = next((i for i, r in enumerate(rows) if r.part is not None), len(rows))
    whole = Part("deck")
    slides: list[Slide] = []
    for row in rows[:first_part]:
        slides += row.make(p, whole)
    for part in parts:
        slides += _part_slides(p, part, [r for r in rows if r.part in ("*", part.key)])
    for row in rows[first_part:]:
        if row.part is None:
            slides += row.make(p, whole)
    meta = content.meta
    footer = " · ".join(x for x in (theme.footer or meta.organisation, options.meeting) if x)
    slides = [p.footer(s, i, footer) for i, s in enumerate(slides, 1)]
    return Deck(
        width=p.grid.width,
        height=p.grid.height,
        slides=tuple(slides),
        footer=footer,
        marking=options.marking,
        language=meta.language,
        title=options.title or meta.title,
        author=meta.organisation or "",
        subject=options.subtitle or meta.subtitle or options.title or meta.title,
        keywords=("；" if meta.lang == "zh" else "; ").join(
            k for k in (meta.region, *(part.label for part in parts)) if k
        ),
        comments=meta.source or "",
        warnings=tuple(p.warnings),
    )


def _part_slides(p: Planner, part: Part, rows: list[Row]) -> list[Slide]:
    """A part's slides: its rows in order; neighbouring per-item rows item by item."""
    slides: list[Slide] = []
    i = 0
    while i < len(rows):
        if not rows[i].each:
            slides += rows[i].make(p, part)
            i += 1
            continue
        group = [rows[i]]
        while i + len(group) < len(rows) and rows[i + len(group)].each:
            group.append(rows[i + len(group)])
        for number, item in enumerate(part.items, 1):
            one = replace(part, item=item, item_number=number)
            for row in group:
                slides += row.make(p, one)
        i += len(group)
    return slides
