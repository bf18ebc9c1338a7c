"""The content model: what the author wrote, validated.

A content file holds one report's structure: its ``meta``, the ``review`` of last year
(N highlights), the year's ``targets``, the ``plan`` for this year (N commitments) and a
``closing`` part. Every part is optional and every list takes any length from 1 up:
nothing here assumes six of anything.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Strict(BaseModel):
    """Base for every model: unknown keys are errors, strings are stripped, frozen."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        str_min_length=1,
        frozen=True,
        use_attribute_docstrings=True,
    )


class Meta(_Strict):
    """What the report is, who issued it, and when."""

    title: str
    """The report's title, e.g. "速读六合区政府工作报告"."""
    subtitle: str | None = None
    """A line under the title, e.g. "政府工作报告解读"."""
    kicker: str | None = None
    """A short line above the title, e.g. "聚焦两会"."""
    organisation: str | None = None
    """The issuing organisation, shown in footers and the briefing's masthead."""
    region: str | None = None
    """The place the report is about, e.g. "江苏省南京市六合区"."""
    date: str | None = None
    """The report's date as it should be printed, e.g. "2023年1月"."""
    source: str | None = None
    """Where the report comes from: a title, a URL."""
    language: Literal["zh-CN", "en"] = "zh-CN"
    """The content's language: ``zh-CN`` (default) or ``en``."""

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        """A YAML date (``2023-01-05``) is kept as the text it was written as."""
        return value.isoformat() if isinstance(value, datetime.date) else value


class Point(_Strict):
    """A sub-point: a heading and a paragraph of running text."""

    heading: str
    """The point's heading, e.g. "千方百计稳住市场主体"."""
    text: str
    """The paragraph, as written; figures in it are found automatically."""


class Highlight(_Strict):
    """One highlight of last year's review, e.g. "突出稳字当头、稳中求进"."""

    title: str
    """The highlight's title."""
    slogan: str | None = None
    """The line under the title, e.g. "更大力度稳增长促发展"."""
    image: Path | None = None
    """An optional picture for this highlight, relative to the content file."""
    points: list[Point] = Field(min_length=1)
    """The highlight's sub-points."""


class Review(_Strict):
    """The review of last year: N highlights."""

    label: str | None = None
    """The part's short label, e.g. "回顾2022"."""
    year: int | None = None
    """The year reviewed."""
    title: str | None = None
    """The part's title, e.g. "“六个突出”切实担起"."""
    subtitle: str | None = None
    """The line under the title, e.g. "“勇挑大梁”的重大责任"."""
    highlights: list[Highlight] = Field(min_length=1)
    """The highlights, any number from 1 up."""


class Target(_Strict):
    """One of the year's targets, e.g. "▲一般公共预算收入增长8%左右"."""

    text: str
    """The target as written, without its bullet mark."""
    label: str | None = None
    """What is measured, e.g. "一般公共预算收入"."""
    value: float | None = Field(default=None, allow_inf_nan=False)
    """The number, e.g. 8; absent for a qualitative target."""
    unit: str | None = None
    """The unit of ``value``, e.g. "%"."""
    qualifier: str | None = None
    """A qualifier of the value, e.g. "左右", "以上"."""
    kind: Literal["growth", "level", "qualitative"] = "qualitative"
    """``growth`` (a rate of increase), ``level`` (an amount to reach) or ``qualitative``."""


class Targets(_Strict):
    """The year's main targets."""

    title: str | None = None
    """The part's title, e.g. "主要目标"."""
    intro: list[str] = Field(default_factory=list)
    """Lines that introduce the targets, e.g. "开好局起好步"."""
    items: list[Target] = Field(min_length=1)
    """The targets, any number from 1 up."""


class PlanPoint(_Strict):
    """A sub-point of a commitment: a heading and its bullets."""

    heading: str
    """The point's heading, e.g. "持续激活创新“主引擎”"."""
    bullets: list[str] = Field(min_length=1)
    """The bullets, as written."""


class Commitment(_Strict):
    """One commitment of this year's plan, e.g. "坚持创新引领不动摇"."""

    title: str
    """The commitment's title."""
    slogan: str | None = None
    """The line under the title, e.g. "着力推动主导产业做大做强"."""
    image: Path | None = None
    """An optional picture for this commitment, relative to the content file."""
    points: list[PlanPoint] = Field(min_length=1)
    """The commitment's sub-points."""


class Plan(_Strict):
    """This year's plan: N commitments."""

    label: str | None = None
    """The part's short label, e.g. "谋划2023"."""
    year: int | None = None
    """The year planned."""
    title: str | None = None
    """The part's title, e.g. "紧扣六个“坚持不动摇”"."""
    subtitle: str | None = None
    """The line under the title."""
    commitments: list[Commitment] = Field(min_length=1)
    """The commitments, any number from 1 up."""


class Closing(_Strict):
    """The closing part, e.g. the government's own building."""

    title: str
    """The part's title, e.g. "全面加强政府自身建设"."""
    intro: str | None = None
    """The paragraph that opens the part."""
    points: list[Point] = Field(min_length=1)
    """The part's points."""


class Content(_Strict):
    """A whole report: every part optional, in this order."""

    meta: Meta
    """What the report is."""
    review: Review | None = None
    """Last year's review."""
    targets: Targets | None = None
    """The year's targets."""
    plan: Plan | None = None
    """This year's plan."""
    closing: Closing | None = None
    """The closing part."""


PART_NAMES = ("review", "targets", "plan", "closing")
"""The parts of a content, in their natural order."""
