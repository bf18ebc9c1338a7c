"""The briefing's pages: its boxes (:mod:`.boxes`) filled into pages of the 版心 as Word and
LibreOffice fill them, the page of every heading for the table of contents, and where the
版记 goes (GB/T 9704 §7.4: at the foot of the last page, which is even).

The rules, set explicitly on every paragraph by the renderer: a heading or lead line stays on
the page of the next paragraph's first lines (keep with next), a heading is never split (keep
lines together), no paragraph leaves a single line at a page's foot or head (widow control),
a table row is never split and the header row repeats on each page the table runs onto.
A paragraph that a page's end moves to the next page loses its space before (as in Word, and
LibreOffice does as Word does).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...labels import Language, label
from .blocks import Block, Contents, CopyBlock, Heading, Paragraph, Table, TocEntry
from .boxes import Box, Boxes
from .styles import TEXT_HEIGHT


@dataclass(frozen=True)
class Placed:
    """Where a box's first line stands: its page, and its top in twips below the 版心's top."""

    page: int
    y: int


@dataclass(frozen=True)
class Layout:
    """A briefing's blocks laid out: each box where it starts, and where the text ends."""

    boxes: tuple[Box, ...]
    placed: tuple[Placed, ...]
    end: Placed
    """The page the text ends on and how far down it."""

    def page_of(self, block: int) -> int:
        """The page block number ``block`` starts on."""
        placed = zip(self.boxes, self.placed, strict=True)
        return next(p.page for b, p in placed if b.block == block)


def _chain(boxes: list[Box], i: int) -> int:
    """The height box ``i`` needs on its page: itself and every box it keeps with, up to
    the first lines of the one that ends the chain."""
    need, j = 0, i
    while True:
        box = boxes[j]
        if j > i:
            need += box.before
        if box.keep_next and j + 1 < len(boxes):
            need += box.height + box.after
            j += 1
        else:
            return need + box.first()


def _fit(lines: list[int], y: int, height: int, whole: bool, fresh: bool) -> int:
    """How many of ``lines`` go on a page whose text stands ``y`` down: all that fit, less
    one so that no single line goes over alone, none if only one would stay or the box is
    kept whole; on a ``fresh`` page as many as fit, whatever the rules."""
    fit, used = 0, y
    for h in lines:
        if used + h > height:
            break
        used, fit = used + h, fit + 1
    if fit == len(lines) or fresh:
        return max(fit, 1)
    if whole:
        return 0
    if len(lines) - fit < 2:
        fit = len(lines) - 2
    return fit if fit >= 2 else 0


def paginate(boxes: list[Box], height: int = TEXT_HEIGHT) -> Layout:
    """Fill ``boxes`` into pages ``height`` twips high (see the module's rules)."""
    page, y, top = 1, 0, 0
    placed: list[Placed] = []
    for i, box in enumerate(boxes):
        if box.break_before and y > top:
            page, y, top = page + 1, 0, 0
        need = box.before + _chain(boxes, i)
        if y > top and y + need > height and need <= height:
            page, y, top = page + 1, box.repeat, box.repeat  # its space before is dropped
        else:
            y += box.before
        start, lines = None, list(box.lines)
        while lines:
            fit = _fit(lines, y, height, box.keep_lines, fresh=y <= top + box.before)
            if fit == 0:
                page, y, top = page + 1, box.repeat, box.repeat
                continue
            start = start or Placed(page, y)
            y += sum(lines[:fit])
            lines = lines[fit:]
            if lines:
                page, y, top = page + 1, 0, 0
        placed.append(start or Placed(page, y))
        y += box.after
    return Layout(tuple(boxes), tuple(placed), Placed(page, y))


def lay_out(blocks: list[Block], boxes: Boxes) -> Layout:
    """The pages of ``blocks``: the page after the contents begins on a new page, the title's
    last byline has a line of space after it, and a paragraph before a table keeps with it."""
    out: list[Box] = []
    for n, block in enumerate(blocks):
        for k, box in enumerate(boxes.of(block)):
            if k == 0 and n > 0 and isinstance(blocks[n - 1], Contents):
                box = replace(box, break_before=True)
            out.append(replace(box, block=n))
        following = blocks[n + 1] if n + 1 < len(blocks) else None
        if _byline(block) and not _byline(following):
            out[-1] = replace(out[-1], after=out[-1].after + boxes.t.pitch)
        if isinstance(block, Paragraph) and isinstance(following, Table):
            out[-1] = replace(out[-1], keep_next=True)  # "…的主要目标是：" stays with its table
    return paginate(out)


def _byline(block: Block | None) -> bool:
    return isinstance(block, Paragraph) and block.role == "byline"


def contents(
    head: list[Block], body: list[Block], boxes: Boxes, language: Language, levels: int = 2
) -> Contents:
    """The table of contents of ``body`` (headings of ``levels`` levels), each entry with the
    page its heading is laid out on; the contents follow ``head`` and end their page."""
    entries = [
        TocEntry(b.level, b.full, b.anchor, 0)
        for b in body
        if isinstance(b, Heading) and b.level <= levels
    ]
    toc = Contents(label("toc", language), tuple(entries), levels)
    for _ in range(4):  # an entry's page number may lengthen the contents: settle it
        layout = lay_out([*head, toc, *body], boxes)
        first = len(head) + 1
        pages = {
            b.anchor: layout.page_of(first + n)
            for n, b in enumerate(body)
            if isinstance(b, Heading) and b.level <= levels
        }
        settled = replace(toc, entries=tuple(replace(e, page=pages[e.anchor]) for e in toc.entries))
        if settled == toc:
            break
        toc = settled
    return toc


def colophon(block: CopyBlock, layout: Layout, boxes: Boxes) -> tuple[CopyBlock, int]:
    """The 版记 placed, and the briefing's page count.

    It stands at the foot of an even page: the page the text ends on when that is even and
    has room below the text (a line, then its frames), else the next even page (the page
    between left blank).
    """
    end = layout.end
    copy_frame, issue_frame = boxes.frames(block)
    room = end.y + boxes.t.pitch + copy_frame + issue_frame <= TEXT_HEIGHT
    if end.page % 2 == 0 and room:
        breaks = 0
    else:
        breaks = 1 if end.page % 2 else 2
    placed = replace(block, breaks=breaks, copy_lines=boxes.copy_lines(block))
    return placed, end.page + breaks
