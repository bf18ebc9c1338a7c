"""Page estimates for the briefing's table of contents, on the GB/T 9704 grid."""

from __future__ import annotations

from ...labels import Language, label
from .blocks import (
    CHARS_PER_LINE,
    FIGURE_LINES,
    LINES_PER_PAGE,
    Block,
    Contents,
    CopyBlock,
    Figure,
    Heading,
    Masthead,
    Paragraph,
    Run,
    Table,
    Title,
    TocEntry,
    _lines,
)


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
    if isinstance(block, Figure):
        return FIGURE_LINES + _lines(block.caption, CHARS_PER_LINE, 0)
    return 1.0


def _kept(block: Block) -> float:
    """The lines of ``block`` that must share a page with its start (headings keep with next)."""
    if isinstance(block, Heading):
        return estimated_lines(block) + 2
    if isinstance(block, Table):
        return 3.0
    if isinstance(block, Figure):  # the picture and its caption go together
        return estimated_lines(block)
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


def contents(head: list[Block], body: list[Block], language: Language) -> Contents:
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
