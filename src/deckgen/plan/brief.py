"""The briefing's plan: a content turned into numbered blocks (GB/T 9704 order), pure data."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from ..labels import Language, label, language_of
from ..model import PART_NAMES, Closing, Content, Plan, Review, Target, Targets
from ..options import BuildOptions
from ..theme import Theme

LINES_PER_PAGE = 22
"""Lines on a page of the document grid (GB/T 9704: 22 lines × 28 characters)."""
CHARS_PER_LINE = 28
"""Body characters (三号, 16 pt) on a line of the grid."""
INDENT_CHARS = 2
"""The first-line indent of body paragraphs and headings, in characters."""
COPY_CHARS_PER_LINE = 31
"""四号 (14 pt) characters on a line of the 版记."""

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
    """A paragraph of runs; ``lead`` is the 楷体 line that opens a part."""

    runs: tuple[Run, ...]
    role: Literal["body", "lead"] = "body"

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


@dataclass(frozen=True)
class TocEntry:
    """One line of the table of contents."""

    level: int
    text: str
    anchor: str
    page: int
    """The page the heading is estimated to fall on (from the 22 × 28 grid)."""


@dataclass(frozen=True)
class Contents:
    """The table of contents, its entries filled in so it shows without a field update."""

    title: str
    entries: tuple[TocEntry, ...]
    levels: int = 2


@dataclass(frozen=True)
class CopyBlock:
    """The 版记: 抄送 line, then issuing unit and date of issue, between rules."""

    copy_to: str | None
    organisation: str | None
    issued: str | None

    @property
    def lines(self) -> int:
        """Its height in grid lines: the 抄送 line(s) in 四号 (31 a line) and the issuing line."""
        copy = _lines(self.copy_to, COPY_CHARS_PER_LINE, 1) if self.copy_to else 0
        return copy + 1


Block = Masthead | Title | Contents | Heading | Paragraph | Table | CopyBlock


@dataclass(frozen=True)
class Properties:
    """The document's properties (File ▸ Properties)."""

    title: str
    subject: str = ""
    author: str = ""
    keywords: str = ""
    comments: str = ""
    language: str = "zh-CN"


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
    """Printed in the header of every page, e.g. "内部资料 注意保存"."""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def headings(self) -> list[Heading]:
        """The headings, in order."""
        return [b for b in self.blocks if isinstance(b, Heading)]


# ---------------------------------------------------------------------------------------------
# Planning


def runs_of(text: str) -> tuple[Run, ...]:
    """``text`` cut into runs, each figure in it a run of its own."""
    from ..figures import find_figures

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


class _Planner:
    """Walks a content and collects blocks, numbering headings as it goes."""

    def __init__(self, content: Content, options: BuildOptions, language: Language):
        self.content = content
        self.options = options
        self.numbers = "zh" if content.meta.language.startswith("zh") else "en"
        self.labels = language
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.counters = [0, 0, 0, 0]

    # -- helpers ------------------------------------------------------------------------------

    def heading(self, level: int, text: str) -> None:
        self.counters[level - 1] += 1
        for deeper in range(level, len(self.counters)):
            self.counters[deeper] = 0
        n = self.counters[level - 1]
        prefix = heading_prefix(level, n, self.numbers)  # type: ignore[arg-type]
        anchor = f"_Toc{len(self.blocks) + 1:06d}"
        self.blocks.append(Heading(level, prefix, text, anchor))

    def paragraph(self, text: str, role: Literal["body", "lead"] = "body") -> None:
        self.blocks.append(Paragraph(runs_of(text) if role == "body" else (Run(text),), role))

    def joined(self, first: str | None, second: str | None) -> str | None:
        """A title and its slogan or subtitle as one line."""
        parts = [p for p in (first, second) if p]
        if not parts:
            return None
        return "".join(parts) if self.numbers == "zh" else " — ".join(parts)

    def titled(self, title: str, slogan: str | None) -> str:
        if not slogan:
            return title
        return f"{title}——{slogan}" if self.numbers == "zh" else f"{title} — {slogan}"

    def part_label(self, given: str | None, key: str, year: int | None) -> str:
        if given:
            return given
        word = label(key, self.labels)
        if year is None:
            return word
        return f"{word}{year}" if self.labels == "zh" else f"{word} {year}"

    def no_pictures(self, where: str, items: list) -> None:
        with_image = [i for i, item in enumerate(items, 1) if item.image is not None]
        if with_image:
            self.warnings.append(
                f"{where} {', '.join(map(str, with_image))}: the briefing prints no pictures"
            )

    # -- parts --------------------------------------------------------------------------------

    def review(self, review: Review) -> None:
        self.heading(1, self.part_label(review.label, "review", review.year))
        lead = self.joined(review.title, review.subtitle)
        if lead:
            self.paragraph(lead, "lead")
        self.no_pictures("review highlight", review.highlights)
        for highlight in review.highlights:
            self.heading(2, self.titled(highlight.title, highlight.slogan))
            for point in highlight.points:
                self.heading(3, point.heading)
                self.paragraph(point.text)

    def targets(self, targets: Targets) -> None:
        self.heading(1, targets.title or label("targets", self.labels))
        for line in targets.intro:
            ends_sentence = line[-1] in "。：；！？:.;!?"
            self.paragraph(line, "body" if ends_sentence else "lead")
        self.blocks.append(self.targets_table(targets.items))

    def targets_table(self, items: list[Target]) -> Table:
        """指标 | 目标: what is measured, and the target as written, whole (a reader searches
        for "地区生产总值增长5.5%"); targets without a label give a one-column table."""
        if not any(t.label for t in items):
            return Table(
                (label("target", self.labels),), tuple((runs_of(t.text),) for t in items), (1.0,)
            )
        rows = tuple((runs_of(t.label or ""), runs_of(t.text)) for t in items)
        header = (label("indicator", self.labels), label("target", self.labels))
        return Table(header, rows, (0.3, 0.7))

    def plan(self, plan: Plan) -> None:
        self.heading(1, self.part_label(plan.label, "plan", plan.year))
        lead = self.joined(plan.title, plan.subtitle)
        if lead:
            self.paragraph(lead, "lead")
        self.no_pictures("plan commitment", plan.commitments)
        for commitment in plan.commitments:
            self.heading(2, self.titled(commitment.title, commitment.slogan))
            for point in commitment.points:
                self.heading(3, point.heading)
                for bullet in point.bullets:
                    self.paragraph(bullet)

    def closing(self, closing: Closing) -> None:
        self.heading(1, closing.title)
        if closing.intro:
            self.paragraph(closing.intro)
        for point in closing.points:
            self.heading(2, point.heading)
            self.paragraph(point.text)


def plan_brief(content: Content, theme: Theme, options: BuildOptions) -> Brief:
    """Plan the briefing of ``content``: masthead, title, parts in ``options.parts`` order, 版记."""
    meta = content.meta
    language = language_of(meta.language, options.labels)
    planner = _Planner(content, options, language)
    date = options.date or meta.date
    title = options.title or meta.title
    subtitle = options.subtitle or meta.subtitle

    head: list[Block] = [
        Masthead(
            title=theme.briefing.masthead,
            issue=label("issue", language, n=options.issue_number)
            if options.issue_number is not None
            else None,
            organisation=meta.organisation,
            date=date,
        ),
        Title(title, subtitle, meta.kicker),
    ]
    for name in options.parts:
        if name not in PART_NAMES:
            planner.warnings.append(f"unknown part {name!r} in the build options is left out")
        elif getattr(content, name) is None:
            planner.warnings.append(f"the content has no {name!r} part")
        else:
            getattr(planner, name)(getattr(content, name))

    copy_to = None
    if options.copy_to:
        sep, end = ("，", "。") if language == "zh" else (", ", ".")
        copy_to = label("copy_to", language) + sep.join(options.copy_to) + end
    closing_block = CopyBlock(
        copy_to=copy_to,
        organisation=meta.organisation,
        issued=label("issued", language, date=date) if date else None,
    )

    body = planner.blocks
    if options.toc:
        head.append(_contents(head, body, language))
    blocks = (*head, *body, closing_block)
    headings = [b for b in body if isinstance(b, Heading)]
    keywords = [meta.region, *(h.text for h in headings if h.level == 1)]
    return Brief(
        language=meta.language,
        labels=language,
        properties=Properties(
            title=title,
            subject=subtitle or title,
            author=meta.organisation or "",
            keywords=("；" if language == "zh" else "; ").join(k for k in keywords if k),
            comments=meta.source or "",
            language=meta.language,
        ),
        blocks=blocks,
        marking=options.marking,
        warnings=tuple(planner.warnings),
    )


# ---------------------------------------------------------------------------------------------
# Page estimates for the table of contents


def text_width(text: str) -> float:
    """``text``'s width in body characters: wide (CJK) characters 1, others ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _lines(text: str, per_line: float = CHARS_PER_LINE, indent: int = INDENT_CHARS) -> int:
    return max(1, math.ceil((indent + text_width(text)) / per_line))


def estimated_lines(block: Block) -> float:
    """How many grid lines ``block`` takes, roughly (the plan never measures fonts)."""
    if isinstance(block, Masthead):
        return 6.0
    if isinstance(block, Title):
        lines = 1.5 * _lines(block.text, 20, 0) + 1
        return lines + (block.subtitle is not None) + (block.kicker is not None)
    if isinstance(block, Contents):
        return 2 + sum(_lines(e.text, CHARS_PER_LINE - 4, 0) for e in block.entries)
    if isinstance(block, Heading):
        return _lines(block.full)
    if isinstance(block, Paragraph):
        return _lines(block.text)
    if isinstance(block, Table):
        total = 1.0
        for row in block.rows:
            cells = ["".join(r.text for r in cell) for cell in row]
            # Cells are set in 四号 (14 pt): 32 characters across the 版心, less padding.
            total += max(
                _lines(c, max(1.0, 32 * w - 1), 0) for c, w in zip(cells, block.widths, strict=True)
            )
        return total
    if isinstance(block, CopyBlock):
        return float(block.lines)
    return 1.0


def _kept(block: Block) -> float:
    """The lines of ``block`` that must share a page with its start (headings keep with next)."""
    if isinstance(block, Heading):
        return estimated_lines(block) + 2
    if isinstance(block, Table):
        return 3.0
    return min(estimated_lines(block), 2.0)


def estimated_pages(blocks: list[Block], start_line: float = 0.0) -> list[int]:
    """The page each block starts on: lines filled in order, a block moved to the next page
    when its kept lines do not fit (keep-with-next, two-line orphans and widows)."""
    page, line = 1, start_line
    starts = []
    for block in blocks:
        if line > 0 and line + _kept(block) > LINES_PER_PAGE:
            page, line = page + 1, 0.0
        starts.append(page)
        line += estimated_lines(block)
        while line > LINES_PER_PAGE:
            page, line = page + 1, max(line - LINES_PER_PAGE, 2.0)
    return starts


def _contents(head: list[Block], body: list[Block], language: Language) -> Contents:
    """The table of contents of ``body``, each entry with its estimated page.

    The body starts on the page after the contents (the renderer breaks the page there).
    """
    entries = [
        TocEntry(b.level, b.full, b.anchor, 0)
        for b in body
        if isinstance(b, Heading) and b.level <= 2
    ]
    draft = Contents(label("toc", language), tuple(entries))
    first = estimated_pages([*head, draft, Paragraph((Run(""),))])[-1]
    starts = estimated_pages(body)
    pages = {
        b.anchor: first + page - 1
        for b, page in zip(body, starts, strict=True)
        if isinstance(b, Heading)
    }
    return Contents(
        draft.title,
        tuple(TocEntry(e.level, e.text, e.anchor, pages[e.anchor]) for e in entries),
    )
