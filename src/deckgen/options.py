"""How one build is shaped: which parts, in what order, how detailed, for which meeting."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .model import PART_NAMES

Detail = Literal["full", "brief"]


@dataclass(frozen=True)
class BuildOptions:
    """Everything a meeting profile can change; the defaults give the full report."""

    parts: tuple[str, ...] = PART_NAMES
    """Which parts, in which order: any of review, targets, plan, closing."""
    detail: Detail = "full"
    """``full``: everything; ``brief``: cover, overview grids, key figures, targets, end."""
    title: str | None = None
    """Replaces the content's title on the cover and the briefing's title."""
    subtitle: str | None = None
    """Replaces the content's subtitle."""
    date: str | None = None
    """Replaces the content's date."""
    meeting: str | None = None
    """The meeting's name, shown in footers beside the organisation."""
    venue: str | None = None
    """Where the meeting is held, shown on the cover."""
    presenter: str | None = None
    """Who presents, shown on the cover."""
    marking: str | None = None
    """A marking such as "内部资料 注意保存": on every slide's footer and the briefing's header."""
    labels: Literal["zh", "en"] | None = None
    """The language of fixed labels (agenda, 续, 目录…); by default the content's language."""
    issue_number: int | None = None
    """The briefing's issue number ("第 N 期")."""
    toc: bool = False
    """Whether the briefing has a table of contents."""
    copy_to: tuple[str, ...] = field(default_factory=tuple)
    """抄送 lines for the briefing's 版记."""
