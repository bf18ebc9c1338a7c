"""How one build is shaped: which parts, in what order, how detailed, for which meeting.

Every option a meeting profile sets is declared once, in :class:`ProfileOptions`, with its type,
default, check and meaning. A profile (:class:`deckgen.meeting.Meeting`) is these fields and who
the meeting is; :class:`BuildOptions`, what the planners read, is these fields and the two a
profile names otherwise (``name`` → :attr:`~BuildOptions.meeting`, ``language`` →
:attr:`~BuildOptions.labels`).
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from .labels import check_words
from .model import PART_NAMES, Language, _Strict

PartName = Literal["review", "problems", "targets", "plan", "closing"]
"""A part of the report, as a profile names it."""

Piece = Literal["summary", "requirements", "intro", "leads", "appeal", "presenter", "occasion"]
"""A piece of a full report a profile can leave out (see :attr:`ProfileOptions.omit`)."""

Detail = Literal["full", "brief"]


def first_duplicate(items) -> int | None:
    """The index of the first item that repeats an earlier one, or None."""
    seen: set = set()
    for i, item in enumerate(items):
        if item in seen:
            return i
        seen.add(item)
    return None


class ProfileOptions(_Strict):
    """The options a meeting profile sets, under the same names in its YAML and in a build.

    Lists are read as lists (a YAML sequence, any sequence in Python) and kept as tuples.
    """

    parts: Annotated[list[PartName], Field(min_length=1), AfterValidator(tuple)] = PART_NAMES
    """Which parts, in which order: any of review, problems, targets, plan, closing, each
    once; by default review, targets, plan, closing (``problems`` only when listed)."""
    omit: Annotated[list[Piece], AfterValidator(tuple)] = ()
    """Pieces of a full report to leave out of both outputs, each once: ``summary`` (the
    review's), ``requirements`` and ``intro`` (the plan's 总体要求 and its paragraphs before
    the commitments), ``leads`` (the lead sentences of highlights and commitments),
    ``appeal`` (the closing's), ``presenter`` and ``occasion`` (under the title)."""
    detail: Detail = "full"
    """``full``: everything; ``brief``: cover, overview grids, key figures, targets, end."""
    title: str | None = None
    """Replaces the content's title on the cover and the briefing's title."""
    subtitle: str | None = None
    """Replaces the content's subtitle."""
    date: str | None = None
    """The meeting's date as it should be printed, e.g. "2023年1月10日"; replaces the
    content's date on the cover and in the briefing."""
    venue: str | None = None
    """Where the meeting is held, e.g. "区政府第一会议室"; shown on the cover."""
    presenter: str | None = None
    """Who presents the report; shown on the cover."""
    marking: str | None = None
    """A marking such as "内部资料 注意保存": on every slide's footer and the briefing's first
    page."""
    issue_number: int | None = None
    """The briefing's issue number ("第 N 期"), from 1 up."""
    toc: bool = False
    """Whether the briefing has a table of contents."""
    copy_to: Annotated[list[str], AfterValidator(tuple)] = ()
    """抄送 lines for the briefing's 版记, e.g. "区委办公室"."""

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        """A YAML date (``2023-01-10``) is kept as the text it was written as."""
        return value.isoformat() if isinstance(value, datetime.date) else value

    @field_validator("issue_number")
    @classmethod
    def _issue_from_one(cls, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise PydanticCustomError(
                "issue_number", "must be a whole number from 1 up, got {value}", {"value": value}
            )
        return value

    @field_validator("parts", "omit")
    @classmethod
    def _each_once(cls, names: tuple[str, ...], info) -> tuple[str, ...]:
        twice = first_duplicate(names)
        if twice is not None:
            what = "part" if info.field_name == "parts" else "piece"
            raise PydanticCustomError(
                f"duplicate_{what}",
                "'{name}' is listed twice: name each {what} once",
                {"name": names[twice], "what": what},
            )
        return names


LabelWords = Annotated[dict[str, str | dict[str, str]], AfterValidator(check_words)]
"""Fixed words an office overrides (:mod:`deckgen.labels`): a word a key, or one a language."""


class BuildOptions(ProfileOptions):
    """Everything a meeting profile can change; the defaults give the full report."""

    meeting: str | None = None
    """The meeting's name (a profile's ``name``), shown in footers beside the organisation."""
    labels: Language | None = None
    """The language of fixed labels (agenda, 续, 目录…; a profile's ``language``); by default
    the content's language."""
    words: LabelWords = {}
    """Fixed words of the build's own (a profile's ``labels``), over the template's."""
