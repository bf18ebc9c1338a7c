"""The content model: what the author wrote, validated.

A content file holds one report's structure: its ``meta``, the ``review`` of last year
(a summary, N highlights), the ``problems`` it admits, the year's ``targets``, the ``plan``
for this year (requirements, intro, N commitments) and a ``closing`` part (points and the
appeal). Every part, and every piece a full report has beyond the speed-read's (a summary,
a lead sentence, a point without a heading, an appeal, the presenter and occasion), is
optional, and every list takes any length from 1 up: nothing here assumes six of anything.
``unplaced`` holds text an importer could not place; it is never shown.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import FieldValueError

Language = Literal["zh", "en"]
"""The language deckgen writes a content in: Chinese or English."""

LANGUAGE_TAGS: dict[Language, str] = {"zh": "zh-CN", "en": "en-US"}
"""The tag a file declares for a language's Latin text (``lang``, ``w:lang``)."""


def language_of_tag(tag: str) -> Language:
    """The language a tag names: ``en`` for "en", "en-US"…, else ``zh`` ("zh-CN"). The one
    place a tag is read; the content's is :attr:`Meta.lang`."""
    return "en" if tag.lower().startswith("en") else "zh"


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
    presenter: str | None = None
    """Who presents the report, e.g. "区长 张三"; on the cover and under the briefing's title
    (a meeting profile's ``presenter`` replaces it)."""
    occasion: str | None = None
    """At which occasion, e.g. "在六合区第二届人民代表大会第三次会议上"; on the cover and
    under the briefing's title."""
    language: Literal["zh-CN", "en"] = "zh-CN"
    """The content's language: ``zh-CN`` (default) or ``en``."""
    cover_image: Path | None = None
    """An optional picture for the cover (JPEG, PNG, GIF or WebP), relative to the content
    file; shown cropped on the cover's right panel."""

    @property
    def lang(self) -> Language:
        """The content's language, ``zh`` or ``en``: decided here, read everywhere else
        (the labels' language is :func:`deckgen.labels.labels_language`)."""
        return language_of_tag(self.language)

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        """A YAML date (``2023-01-05``) is kept as the text it was written as."""
        return value.isoformat() if isinstance(value, datetime.date) else value


class FigureCard(_Strict):
    """A key-figure card the author chose: a figure as the text writes it, and its caption."""

    figure: str
    """The figure, exactly as the text writes it, e.g. "超22亿元"."""
    caption: str
    """What the figure measures, e.g. "累计落实组合式税费支持"."""


def _cards_in(cards: list[FigureCard] | None, texts: list[str]) -> None:
    """Refuse a card whose figure is not a figure the text writes, whole ("超22亿元", not
    "22亿元" nor "2亿元"), or is listed twice; located at its field."""
    if not cards:  # nothing to refuse: the texts' figures are not looked for
        return
    from .figures import find_figures

    written = [f.text for text in texts for f in find_figures(text)]
    seen: set[str] = set()
    for i, card in enumerate(cards or ()):
        where = ("cards", i, "figure")
        if card.figure in seen:
            raise FieldValueError(f"{card.figure!r} has a card already", where)
        seen.add(card.figure)
        if card.figure in written:
            continue
        whole = [w for w in written if card.figure in w]
        if whole:
            raise FieldValueError(
                f"{card.figure!r} is part of the figure {whole[0]!r}: a card shows a figure"
                " whole, as the text writes it",
                where,
            )
        raise FieldValueError(
            f"{card.figure!r} is not a figure the text writes"
            + (f" (it writes {'、'.join(written[:6])})" if written else ""),
            where,
        )


class Point(_Strict):
    """A sub-point: a paragraph of running text, with or without a heading."""

    heading: str | None = None
    """The point's heading, e.g. "千方百计稳住市场主体"; left out, the paragraph stands
    alone."""
    text: str
    """The paragraph, as written; figures in it are found automatically."""
    cards: list[FigureCard] | None = None
    """The point's key-figure cards, chosen by the author (each figure as written in
    ``text``); ``[]`` for none. Left out, deckgen picks them (``deckgen cards`` lists them)."""
    image: Path | None = None
    """An optional picture for this point (JPEG, PNG, GIF or WebP), relative to the content
    file; its heading (or its highlight's title) is its caption."""

    @model_validator(mode="after")
    def _cards_are_in_text(self) -> Point:
        _cards_in(self.cards, [self.text])
        return self


class Highlight(_Strict):
    """One highlight of last year's review, e.g. "突出稳字当头、稳中求进"."""

    title: str
    """The highlight's title."""
    slogan: str | None = None
    """The line under the title, e.g. "更大力度稳增长促发展"."""
    lead: str | None = None
    """A sentence that opens the highlight, above its points, e.g. "一年来，我们……"."""
    image: Path | None = None
    """An optional picture for this highlight (JPEG, PNG, GIF or WebP), relative to the
    content file; its title is its caption."""
    points: list[Point] = Field(min_length=1)
    """The highlight's sub-points."""
    cards: list[FigureCard] | None = None
    """The highlight's key-figure cards, chosen by the author (each figure as written in one
    of its points); ``[]`` for none. Left out, each point's ``cards`` or deckgen's choice."""

    @model_validator(mode="after")
    def _cards_are_in_text(self) -> Highlight:
        _cards_in(self.cards, [p.text for p in self.points])
        return self


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
    summary: list[str] = Field(default_factory=list)
    """Paragraphs that sum up the year under review, e.g. "过去一年，……"; shown before the
    highlights."""
    highlights: list[Highlight] = Field(min_length=1)
    """The highlights, any number from 1 up."""


class Problems(_Strict):
    """The problems and shortfalls the report admits (存在的问题): a short part of its own,
    shown when a meeting profile lists ``problems`` in its parts."""

    title: str | None = None
    """The part's title; left out, "存在的问题" ("Problems")."""
    points: list[str] = Field(min_length=1)
    """Its paragraphs, as written."""


TargetKind = Literal["growth", "level", "ceiling", "decrease", "qualitative"]
"""What a target's number is: a rate of increase, an amount to reach, a bound not to pass,
a fall, or no number at all."""


class Target(_Strict):
    """One of the year's targets, e.g. "▲一般公共预算收入增长8%左右".

    The ``text`` is what the report says; ``value``, ``unit``, ``qualifier`` and ``kind``
    must say the same, or the content is refused at the field that differs
    (:mod:`deckgen.target_text` reads the text):

    * A ``value`` is a figure of the text, as written: 5.5 for "增长5.5%", 22 for "22亿元"
      (never 2200000000), 1200 for "1,200", 1.2 for "$1.2 billion", 5 or 6 for "5-6%".
      A ``unit`` matches the figure's ("%" ↔ "%", "％", "percent"; "亿元"; "billion" or
      "$ billion"; or the unit with the words after it, "billion yuan"), a ``qualifier``
      is written in the text.
    * A ``kind`` given agrees with what the words before the figure say, the nearest
      winning: 增长/提高/"up"/"growth" a growth, 下降/降低/减少/"cut"/"fall" a decrease,
      控制在/不超过/以内/以下/"below"/"no more than"/"within" a ceiling ("控制在3%左右" too),
      提高到/降至/达到/"to" a level to reach. A figure no word speaks of (a plain level,
      "城镇调查失业率5.5%左右") takes any numeric kind the author gives.
    * Left out, ``unit``, ``qualifier`` and ``kind`` are read from the value's figure
      (kind ``level`` when no word says otherwise). A ``value`` left out is read from the
      text when the text has exactly one figure, or when exactly one of several is
      singled out: by a direction word when no kind is given ("连续3年增长5%" → 5), by the
      kind given otherwise. A text with no figure (or several, none singled out) and no
      kind is ``qualitative``; with a numeric kind it is refused, naming the figures.
    * ``qualitative`` with a value is refused: say the value's kind, or leave the value out.
    """

    text: str
    """The target as written, without its bullet mark."""
    label: str | None = None
    """What is measured, e.g. "一般公共预算收入"."""
    value: float | None = Field(default=None, allow_inf_nan=False)
    """The number as written in the text, e.g. 8; left out, read from the text."""
    unit: str | None = None
    """The unit of ``value`` as written, e.g. "%", "亿元", "$ billion"; left out, read from
    the text."""
    qualifier: str | None = None
    """A qualifier of the value as written, e.g. "左右", "以上", "about"; left out, read
    from the text."""
    kind: TargetKind | None = None
    """``growth`` (a rate of increase), ``level`` (an amount to reach), ``ceiling`` (a bound
    not to pass: "控制在3%以内"), ``decrease`` (a fall: "下降3%") or ``qualitative`` (no
    number); left out, read from the text. Never None once validated."""
    last: str | None = None
    """Last year's result for what the target measures, as the report writes it, e.g.
    "5.2%" beside "地区生产总值增长5.5%左右": one figure, in the target's unit. With it, the
    targets chart sets last year's result beside this year's target."""

    @model_validator(mode="after")
    def _agrees_with_text(self) -> Target:
        """Refuse a reading the text contradicts; fill in what the text says and was left out."""
        from .target_text import read_target, same_unit

        fills = read_target(self.text, self.value, self.unit, self.qualifier, self.kind)
        # Frozen: set the fields read from the text once, here, as validation does.
        self.__dict__.update(fills)
        self.__pydantic_fields_set__.update(fills)
        if self.last is not None:
            same_unit(self.last, self.value, self.unit)
        return self


class Targets(_Strict):
    """The year's main targets."""

    title: str | None = None
    """The part's title, e.g. "主要目标"."""
    intro: list[str] = Field(default_factory=list)
    """Lines that introduce the targets, e.g. "开好局起好步"."""
    items: list[Target] = Field(min_length=1)
    """The targets, any number from 1 up."""


class PlanPoint(_Strict):
    """A sub-point of a commitment: its bullets, with or without a heading."""

    heading: str | None = None
    """The point's heading, e.g. "持续激活创新“主引擎”"; left out, the bullets stand alone."""
    bullets: list[str] = Field(min_length=1)
    """The bullets, as written."""


class Commitment(_Strict):
    """One commitment of this year's plan, e.g. "坚持创新引领不动摇"."""

    title: str
    """The commitment's title."""
    slogan: str | None = None
    """The line under the title, e.g. "着力推动主导产业做大做强"."""
    lead: str | None = None
    """A sentence that opens the commitment, above its points."""
    image: Path | None = None
    """An optional picture for this commitment (JPEG, PNG, GIF or WebP), relative to the
    content file; its title is its caption."""
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
    requirements: list[str] = Field(default_factory=list)
    """The plan's 总体要求 (指导思想) paragraphs, as written."""
    intro: list[str] = Field(default_factory=list)
    """Paragraphs before the commitments, e.g. "重点做好以下工作："."""
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
    appeal: list[str] = Field(default_factory=list)
    """The closing appeal's paragraphs, e.g. "各位代表！……"; the report's last words."""


class Content(_Strict):
    """A whole report: every part optional, in this order."""

    meta: Meta
    """What the report is."""
    review: Review | None = None
    """Last year's review."""
    problems: Problems | None = None
    """The problems the report admits."""
    targets: Targets | None = None
    """The year's targets."""
    plan: Plan | None = None
    """This year's plan."""
    closing: Closing | None = None
    """The closing part."""
    unplaced: list[str] = Field(default_factory=list)
    """Text an importer could not place, kept here so that nothing is lost: never shown on a
    slide or a page; ``deckgen validate`` warns while any is left."""


PART_NAMES = ("review", "targets", "plan", "closing")
"""The parts a build shows unless a meeting profile says otherwise, in their natural order."""
ALL_PARTS = ("review", "problems", "targets", "plan", "closing")
"""Every part a content can hold, in a report's order; ``problems`` is shown only when a
meeting profile lists it."""
