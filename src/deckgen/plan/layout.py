"""The deck's grid: slide size, margins, title band, footer band, and card grids for N items."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .slides import Rect

# The type scale (points): few sizes, used consistently.
COVER_TITLE = (44.0, 30.0)
SLIDE_TITLE = (28.0, 20.0)
SUBTITLE = (16.0, 12.0)
CARD_HEADING = (18.0, 14.0)
BODY = (16.0, 12.0)
CAPTION = (13.0, 11.0)
BIG_NUMBER = (60.0, 32.0)
UNIT_RATIO = 0.42
FOOTER_SIZE = 10.0
LINE_SPACING = 1.3
"""Line pitch as a multiple of the font size (written as exact spacing)."""


@dataclass(frozen=True)
class Grid:
    """The margin system of one slide size: every slide kind places things from here."""

    width: float = 960.0
    height: float = 540.0

    @property
    def margin(self) -> float:
        return round(self.width * 0.0375, 1)  # 36 pt on a 960 pt (13.333 in) slide

    @property
    def gutter(self) -> float:
        return round(self.width * 0.0167, 1)  # 16 pt

    @property
    def band(self) -> Rect:
        """The thin brand band across the top of content slides."""
        return Rect(0, 0, self.width, 6)

    @property
    def title(self) -> Rect:
        """The slide title, left of the part tag."""
        return Rect(self.margin, 20, self.width - 2 * self.margin - 140, 44)

    @property
    def tag(self) -> Rect:
        """The part tag at the top right (e.g. "回顾2022")."""
        return Rect(self.width - self.margin - 128, 28, 128, 26)

    @property
    def subtitle(self) -> Rect:
        """The line under the title (a slogan)."""
        return Rect(self.margin, 64, self.width - 2 * self.margin, 24)

    @property
    def rule(self) -> Rect:
        """The hairline under the title block."""
        return Rect(self.margin, 94, self.width - 2 * self.margin, 1.2)

    @property
    def content(self) -> Rect:
        """Where a content slide's cards go."""
        top = 110.0
        return Rect(self.margin, top, self.width - 2 * self.margin, self.footer_top - 10 - top)

    @property
    def footer_top(self) -> float:
        return self.height - 34

    @property
    def footer(self) -> Rect:
        """The footer band: organisation · meeting, marking, slide number."""
        return Rect(self.margin, self.height - 28, self.width - 2 * self.margin, 18)


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
