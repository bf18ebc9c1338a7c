"""The briefing's blocks as the pages see them: each paragraph and table row a :class:`Box`
of lines of known heights, with the rules that keep it together or with what follows.

Heights come from the styles (:mod:`.styles`) and the lines each text breaks into
(:mod:`.lines`); the renderer writes the same styles, so the pages counted here are the
pages printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ...template.theme import Briefing
from .blocks import (
    Block,
    Contents,
    CopyBlock,
    Figure,
    Heading,
    Masthead,
    Paragraph,
    Table,
    Title,
)
from .lines import break_into_lines, line_width
from .styles import TEXT_WIDTH, Style, Typography

CELL_MARGIN = 100
"""A table cell's left and right padding, twips."""
ROW_PAD = 60
"""What a table row adds to its lines (its rules and the room around them), twips: its
height is set exactly to its lines plus this."""
FRAME_PAD = 120
"""What each frame of the 版记 adds to its lines (the rules and their gaps), twips."""
PARAGRAPH_STYLE = {"body": "Normal", "lead": "Lead", "byline": "Byline"}


@dataclass(frozen=True)
class Box:
    """One paragraph, or one table row, as the page sees it (heights in twips)."""

    lines: tuple[int, ...]
    before: int = 0
    after: int = 0
    keep_next: bool = False
    """On the page of the next box's first lines."""
    keep_lines: bool = False
    """Never split across pages (headings, table rows)."""
    break_before: bool = False
    repeat: int = 0
    """A table row's: the height of the header row repeated above it on a new page."""
    block: int = -1
    """The index of the block it comes from."""

    @property
    def height(self) -> int:
        return sum(self.lines)

    def first(self) -> int:
        """The height that must share a page with what keeps with it: the whole box, or its
        first two lines when two more follow (no line stands alone at a page's foot or
        head: three lines split neither way)."""
        if self.keep_lines or len(self.lines) <= 3:
            return self.height
        return sum(self.lines[:2])


class Boxes:
    """Turns blocks into boxes for one briefing's typography and faces."""

    def __init__(self, typography: Typography, briefing: Briefing):
        self.t = typography
        self.fonts = briefing.fonts
        self.figures_bold = briefing.figures_bold
        self._lines: dict[tuple, tuple[str, ...]] = {}

    def lines(self, runs, style: Style, width: int = TEXT_WIDTH) -> tuple[str, ...]:
        """The lines ``runs`` ((text, bold) pairs) break into in ``style``: broken once,
        however often the pages are laid out (the contents settle their page numbers by
        laying the briefing out again)."""
        key = (tuple(runs), style, width)
        lines = self._lines.get(key)
        if lines is None:
            lines = self._lines[key] = tuple(
                break_into_lines(runs, style, self.fonts, self.t.chinese, self.t.tracking, width)
            )
        return lines

    def paragraph(self, name: str, runs, width: int = TEXT_WIDTH, more: int = 0) -> Box:
        """A paragraph of ``runs`` in style ``name``, ``more`` lines added to its own."""
        style = self.t[name]
        count = len(self.lines(runs, style, width)) + more
        return Box(
            lines=(self.t.line(style),) * count,
            before=style.before,
            after=style.after + style.rule_height,
            keep_next=style.keep_next,
            keep_lines=style.keep_lines,
        )

    def entry(self, name: str, text: str, page: str) -> Box:
        """A contents entry: its text, then its page number at the right (after a tab), on
        the text's last line if it fits there, however close, else on a line of its own."""
        style = self.t[name]
        lines = self.lines([(text, False)], style)
        args = (style, self.fonts, self.t.chinese, self.t.tracking)
        room = (TEXT_WIDTH - 2 * style.left - (style.indent if len(lines) == 1 else 0)) / 20
        tail = line_width([(lines[-1], False)], *args) + line_width([(page, False)], *args)
        return self.paragraph(name, [(text, False)], more=int(tail > room))

    def text_runs(self, runs) -> list[tuple[str, bool]]:
        return [(r.text, r.figure and self.figures_bold) for r in runs]

    # -- blocks -------------------------------------------------------------------------------

    def of(self, block: Block) -> Iterator[Box]:
        """The boxes of ``block``, in order."""
        if isinstance(block, Masthead):
            yield self.paragraph("Masthead", [(block.title, False)])
            if block.issue:
                yield self.paragraph("Masthead Issue", [(block.issue, False)])
            yield self.paragraph("Masthead Line", [(block.organisation or "", False)])
        elif isinstance(block, Title):
            if block.kicker:
                yield self.paragraph("Kicker", [(block.kicker, False)])
            yield self.paragraph("Title", [(block.text, False)])
            if block.subtitle:
                yield self.paragraph("Subtitle", [(block.subtitle, False)])
        elif isinstance(block, Contents):
            yield self.paragraph("TOC Heading", [(block.title, False)])
            for entry in block.entries:
                yield self.entry(f"toc {entry.level}", entry.text, str(entry.page))
        elif isinstance(block, Heading):
            yield self.paragraph(f"Heading {min(block.level, 3)}", [(block.full, False)])
        elif isinstance(block, Paragraph):
            yield self.paragraph(PARAGRAPH_STYLE[block.role], self.text_runs(block.runs))
        elif isinstance(block, Figure):  # one table row of a fixed height, never split
            yield Box((block.height or self.figure_height(block),), keep_lines=True)
        elif isinstance(block, Table):
            yield from self.table(block)
        elif isinstance(block, CopyBlock):
            return  # at the foot of its page, outside the flow (see pages.colophon)

    def column_widths(self, table: Table) -> list[int]:
        """Each column's width, twips: the shares of the 版心, the last one taking the rest."""
        widths = [round(TEXT_WIDTH * w) for w in table.widths]
        widths[-1] = TEXT_WIDTH - sum(widths[:-1])
        return widths

    def row_lines(self, table: Table, cells: list[list[tuple[str, bool]]], style: str) -> int:
        """The lines of a table row: its tallest cell's."""
        widths = self.column_widths(table)
        return max(
            len(self.lines(runs, self.t[style], width - 2 * CELL_MARGIN))
            for runs, width in zip(cells, widths, strict=True)
        )

    def row_height(self, lines: int) -> int:
        return lines * self.t.pitch + ROW_PAD

    def heights(self, table: Table) -> tuple[int, ...]:
        """Each row's height, twips, the header row's first."""
        header = self.row_lines(table, [[(h, False)] for h in table.header], "Table Heading")
        rows = [self.row_lines(table, [self.text_runs(c) for c in row], "Table Text")
                for row in table.rows]  # fmt: skip
        return tuple(self.row_height(n) for n in (header, *rows))

    def figure_height(self, figure: Figure) -> int:
        """A figure's box: the picture's lines and the caption's, twips."""
        caption = self.lines([(figure.caption, False)], self.t["Caption"])
        picture = self.t["Figure"]
        return self.t.line(picture) + len(caption) * self.t.line(self.t["Caption"])

    def settle(self, block: Block) -> Block:
        """``block`` with what the renderer needs of its layout: a table's row heights, a
        figure's height."""
        if isinstance(block, Table) and not block.heights:
            return replace(block, heights=self.heights(block))
        if isinstance(block, Figure) and not block.height:
            return replace(block, height=self.figure_height(block))
        return block

    def table(self, table: Table) -> Iterator[Box]:
        header, *rows = table.heights or self.heights(table)
        yield Box((header,), keep_lines=True, keep_next=True)
        for height in rows:
            yield Box((height,), keep_lines=True, repeat=header)

    def copy_lines(self, block: CopyBlock) -> int:
        """The lines the 版记's 抄送 line takes (0 without one)."""
        if not block.copy_to:
            return 0
        style = self.t["Copy Block"]
        # One character in from either side (GB/T 9704 §10.2).
        return len(self.lines([(block.copy_to, False)], style, TEXT_WIDTH - style.left))

    def frames(self, block: CopyBlock) -> tuple[int, int]:
        """The heights of the 版记's two frames (抄送; issuing unit and date), twips."""
        copy = self.copy_lines(block)
        return (copy * self.t.pitch + FRAME_PAD if copy else 0, self.t.pitch + FRAME_PAD)
