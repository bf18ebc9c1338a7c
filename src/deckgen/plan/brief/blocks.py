"""The briefing's blocks: pure data a renderer writes in order (masthead, title, headings
numbered 一、（一）1.（1）, paragraphs, tables, contents, the 版记), and their numbering."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ...labels import Language
from ..properties import Properties

# ---------------------------------------------------------------------------------------------
# Numbering


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """``n`` in Chinese numerals: 一 … 十, 十一 … 九十九, 一百, 一百零一 … 九百九十九;
    from 1000 on, Arabic digits (no briefing lists that many)."""
    if n < 1:
        raise ValueError(f"chinese_numeral takes a positive number, got {n}")
    if n >= 1000:
        return str(n)
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        tail = (
            ""
            if rest == 0
            else (
                "零" + chinese_numeral(rest)
                if rest < 10
                else ("一" if rest < 20 else "") + chinese_numeral(rest)
            )
        )
        return _DIGITS[hundreds] + "百" + tail
    tens, units = divmod(n, 10)
    if tens == 0:
        return _DIGITS[units]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[units] if units else "")


def roman_numeral(n: int) -> str:
    """``n`` (1…3999) in upper-case Roman numerals."""
    if not 1 <= n <= 3999:
        raise ValueError(f"roman_numeral takes 1..3999, got {n}")
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def heading_prefix(level: int, n: int, language: Language) -> str:
    """The number before a heading: 一、（一）1.（1） in Chinese; I. 1. (1) (a) in English."""
    if language == "zh":
        return {
            1: lambda: f"{chinese_numeral(n)}、",
            2: lambda: f"（{chinese_numeral(n)}）",
            3: lambda: f"{n}.",
            4: lambda: f"（{n}）",
        }[level]()
    return {
        1: lambda: f"{roman_numeral(n)}. ",
        2: lambda: f"{n}. ",
        3: lambda: f"({n}) ",
        4: lambda: f"({chr(ord('a') + (n - 1) % 26)}) ",
    }[level]()


# ---------------------------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True)
class Run:
    """A stretch of text; ``figure`` marks a figure ("22亿元", "30.2%") to emphasise."""

    text: str
    figure: bool = False


@dataclass(frozen=True)
class Masthead:
    """The 报头: large red title, "第N期", issuing unit left and date right, a red rule."""

    title: str
    issue: str | None = None
    organisation: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Title:
    """The document title (小标宋 二号), with its kicker line above and subtitle below."""

    text: str
    subtitle: str | None = None
    kicker: str | None = None


@dataclass(frozen=True)
class Heading:
    """A numbered heading: level 1 (一、黑体), 2 (（一）楷体), 3 (1. 仿宋 bold)."""

    level: int
    prefix: str
    text: str
    anchor: str
    """A bookmark name the table of contents points at."""

    @property
    def full(self) -> str:
        """The heading as printed: number and text."""
        return self.prefix + self.text


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs; ``lead`` is the 楷体 line that opens a part, ``byline`` a line
    centred under the title (the occasion, who presents the report)."""

    runs: tuple[Run, ...]
    role: Literal["body", "lead", "byline"] = "body"

    @property
    def text(self) -> str:
        """The paragraph's plain text."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Table:
    """A table with one header row (repeated on every page) and rows of cells of runs."""

    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    widths: tuple[float, ...]
    """Each column's share of the 版心 width; they add up to 1."""
    heights: tuple[int, ...] = ()
    """Each row's height in twips, the header row's first, as the pages are laid out with
    (empty until then)."""


@dataclass(frozen=True)
class TocEntry:
    """One line of the table of contents."""

    level: int
    text: str
    anchor: str
    page: int
    """The page the heading is laid out on (:mod:`deckgen.plan.brief.pages`)."""


@dataclass(frozen=True)
class Contents:
    """The table of contents, its entries filled in so it shows without a field update."""

    title: str
    entries: tuple[TocEntry, ...]
    levels: int = 2


@dataclass(frozen=True)
class CopyBlock:
    """The 版记: 抄送 line, then issuing unit and date of issue, between rules, at the foot
    of the last page, which is even."""

    copy_to: str | None
    organisation: str | None
    issued: str | None
    breaks: int = 0
    """Page breaks before it: 0 on the page the text ends on, 1 on the next page, 2 on the
    page after a blank one (the pages laid out put it on an even page)."""
    copy_lines: int = 1
    """The lines its 抄送 line takes."""


@dataclass(frozen=True)
class Figure:
    """A picture inside the text block's width (at most
    :data:`~deckgen.plan.brief.styles.FIGURE_LINES` high), centred, kept on one page with its
    caption below, in a box of a fixed height whatever the picture's shape."""

    path: str
    caption: str
    """The line under the picture (its item's title or point's heading); its alt text too."""
    height: int = 0
    """The box's height in twips, picture and caption, as the pages are laid out with (0
    until then)."""


Block = Masthead | Title | Contents | Heading | Paragraph | Figure | Table | CopyBlock


@dataclass(frozen=True)
class Brief:
    """A whole briefing: its blocks in order, page furniture, properties and warnings."""

    language: str
    """The content's language tag, e.g. "zh-CN" (→ ``w:lang``)."""
    labels: Language
    """The language of the fixed words (目录, 抄送…)."""
    properties: Properties
    blocks: tuple[Block, ...]
    marking: str | None = None
    """Printed in the first page's header, e.g. "内部资料 注意保存"."""
    pages: int = 0
    """How many pages it is laid out on (an even number: the 版记 ends it)."""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def headings(self) -> list[Heading]:
        """The headings, in order."""
        return [b for b in self.blocks if isinstance(b, Heading)]


# ---------------------------------------------------------------------------------------------
# Planning


def runs_of(text: str) -> tuple[Run, ...]:
    """``text`` cut into runs, each figure in it a run of its own."""
    from ...figures import find_figures

    runs: list[Run] = []
    at = 0
    for fig in sorted(find_figures(text), key=lambda f: f.start):
        if fig.start < at:
            continue
        if fig.start > at:
            runs.append(Run(text[at : fig.start]))
        runs.append(Run(text[fig.start : fig.end], figure=True))
        at = fig.end
    if at < len(text):
        runs.append(Run(text[at:]))
    return tuple(runs)
