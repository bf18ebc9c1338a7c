"""Geometry in points: the rectangle a master's placeholders and a plan's boxes are given in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rect:
    """A rectangle in points from the slide's top left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, dx: float, dy: float | None = None) -> Rect:
        """This rectangle shrunk by ``dx`` left and right and ``dy`` top and bottom."""
        dy = dx if dy is None else dy
        return Rect(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    def take_top(self, h: float, gap: float = 0.0) -> tuple[Rect, Rect]:
        """Split into a top part ``h`` high and the rest below it, ``gap`` apart."""
        return Rect(self.x, self.y, self.w, h), Rect(
            self.x, self.y + h + gap, self.w, max(0.0, self.h - h - gap)
        )
