"""The deck's grid: slide size, margins, title band, footer band, and card grids for N items."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .slides import Rect

# The type scale (points): few sizes, used consistently.
COVER_TITLE = (44.0, 30.0)
SLIDE_TITLE = (28.0, 20.0)
SUBTITLE = (18.0, 16.0)
CARD_HEADING = (20.0, 18.0)
BODY = (18.0, 18.0)
"""Body text: 18 pt on every slide, one size across the deck; what does not fit continues
on a continuation slide, never smaller."""
CAPTION = (14.0, 12.0)
BIG_NUMBER = (60.0, 32.0)
UNIT_RATIO = 0.42
FOOTER_SIZE = 10.0
LINE_SPACING = 1.3
"""Line pitch as a multiple of the font size (written as exact spacing)."""
LOGO = (96.0, 32.0)
"""The box a logo is fitted into (width, height), its aspect kept."""


@dataclass(frozen=True)
class Grid:
    """The margin system of one slide size: every slide kind places things from here.

    Without a master, deckgen draws its own chrome on a 16:9 slide; with an
    organisation's master (``title``, ``content`` and ``footer_y`` from its layouts),
    titles and cards go where that master's layouts put them.
    """

    width: float = 960.0
    height: float = 540.0
    master_title: Rect | None = None
    master_content: Rect | None = None
    master_footer_y: float | None = None
    master_boxes: dict = field(default_factory=dict)
    on_master: bool = False
    """Whether slides sit on an organisation's master (its backgrounds, colours, layouts)."""
    logo: bool = False
    """Whether the template has a logo: it takes the top right corner, the tag moves left."""

    @property
    def own(self) -> bool:
        """Whether deckgen draws its own chrome (no organisation master)."""
        return not self.on_master

    @property
    def scale(self) -> float:
        """Vertical scale against the 540 pt high reference slide."""
        return self.height / 540.0

    @property
    def margin(self) -> float:
        return round(min(self.width, self.height * 16 / 9) * 0.0375, 1)

    @property
    def gutter(self) -> float:
        return round(min(self.width, self.height * 16 / 9) * 0.0167, 1)

    @property
    def band(self) -> Rect:
        """The thin brand band across the top of content slides."""
        return Rect(0, 0, self.width, 6 * self.scale)

    @property
    def title(self) -> Rect:
        """The slide title, left of the part tag (and the logo)."""
        room = 140 + (LOGO[0] + self.gutter if self.logo else 0)
        if self.master_title is not None:
            t = self.master_title
            return Rect(
                t.x, t.y, min(t.w, self.width - self.margin - t.x) - room, min(t.h, 60 * self.scale)
            )
        return Rect(self.margin, 20 * self.scale, self.width - 2 * self.margin - room, 44)

    @property
    def logo_box(self) -> Rect:
        """Where the logo goes on content slides: the top right corner."""
        t = self.title
        return Rect(self.width - self.margin - LOGO[0], t.y + (t.h - LOGO[1]) / 2, *LOGO)

    @classmethod
    def for_theme(cls, theme) -> Grid:
        """The grid of a theme: the default 16:9 one, or one read from its master."""
        logo = theme.logo_path is not None
        if theme.master_path is None:
            return cls(logo=logo)
        from ..template.master import read_master

        return cls.for_master(read_master(theme.master_path), logo)

    @classmethod
    def for_master(cls, info, logo: bool = False) -> Grid:
        """The grid of an organisation's master, from what :func:`read_master` found."""
        return cls(
            info.width,
            info.height,
            info.title,
            info.content,
            info.footer_top,
            dict(info.boxes),
            on_master=True,
            logo=logo,
        )

    @property
    def tag(self) -> Rect:
        """The part tag at the top right (e.g. "回顾2022")."""
        t = self.title
        return Rect(t.right + 12, t.y + (t.h - 26) / 2, 128, 26)

    @property
    def subtitle(self) -> Rect:
        """The line under the title (a slogan)."""
        t = self.title
        return Rect(t.x, t.bottom, self.width - t.x - self.margin, 24)

    @property
    def rule(self) -> Rect:
        """The hairline under the title block."""
        s = self.subtitle
        return Rect(s.x, s.bottom + 6, s.w, 1.2)

    @property
    def content(self) -> Rect:
        """Where a content slide's cards go: below the title block, above the footer."""
        top = self.rule.bottom + 14
        bottom = self.footer_top - 10
        if self.master_content is not None:
            c = self.master_content
            top = max(top, c.y)
            bottom = min(bottom, c.bottom)
            return Rect(c.x, top, c.w, max(60.0, bottom - top))
        return Rect(self.margin, top, self.width - 2 * self.margin, bottom - top)

    @property
    def footer_top(self) -> float:
        if self.master_footer_y is not None:
            return min(self.master_footer_y, self.height - 34)
        return self.height - 34

    @property
    def footer(self) -> Rect:
        """The footer band: organisation · meeting, marking, slide number."""
        return Rect(self.margin, self.footer_top + 6, self.width - 2 * self.margin, 18)


def grid_shape(n: int) -> tuple[int, int]:
    """Rows and columns that keep ``n`` cards legible (1, 2, 3, 2×2, 2×3, 2×4, 3×3, 2×5, 3×4)."""
    if n <= 3:
        return 1, max(n, 1)
    table = {4: (2, 2), 5: (2, 3), 6: (2, 3), 7: (2, 4), 8: (2, 4), 9: (3, 3), 10: (2, 5)}
    if n in table:
        return table[n]
    cols = 4
    return math.ceil(n / cols), cols


def cells(
    area: Rect, n: int, gutter: float, rows_cols: tuple[int, int] | None = None
) -> list[Rect]:
    """``n`` equal cells laid out on a grid in ``area``; a short last row is centred."""
    rows, cols = rows_cols or grid_shape(n)
    w = (area.w - gutter * (cols - 1)) / cols
    h = (area.h - gutter * (rows - 1)) / rows
    out: list[Rect] = []
    for i in range(n):
        row, col = divmod(i, cols)
        in_row = min(cols, n - row * cols)
        offset = (cols - in_row) * (w + gutter) / 2
        out.append(Rect(area.x + offset + col * (w + gutter), area.y + row * (h + gutter), w, h))
    return out
