"""A part's items (the review's highlights, the plan's commitments) and their points.

Where items start, the first rule that finds two or more wins:

1. **Ordinals**: blocks opening with the same kind of marker numbered 1, 2, 3…
   （（一）（二）…, 一是 二是…, 1. 2.…), or headings at one level the file marks.
2. **Parallel openings**: three or more paragraphs opening with the same short clause
   ("这五年，…").
3. **Heading lines** (a speed-read): runs of heading-like lines before running text. The
   last line of a run heads a point; a run of two or more opens an item, its lines its
   title and slogan (as many as the later items have); the first run's extra lines are the
   part's own title and subtitle.

After ordinal items, two or more paragraphs opening with —— in what follows them (a
report's 2025 themes after its five years' （一）…（六）) are items too.

An item whose header is a paragraph takes its first sentence as title and slogan and the
rest as its body; items of one paragraph each end where the paragraph does, so what follows
the last one (与此同时…, 各位代表！…) stays the part's. Items with bodies end at the next
item, or at a paragraph that turns back to the whole part (各位代表, 与此同时, 五年来…).

An item's body becomes points (:func:`segments`): a heading line with the text under it,
a paragraph's run-in headings (:func:`deckgen.importer.blocks.run_ins`), list items; text
before the first headed point is the item's lead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .blocks import Block, Piece, piece, run_ins, title_and_slogan
from .paragraphs import is_cjk, sentences

__all__ = ["TURN_BACK", "Item", "Items", "Seg", "find_items", "segments", "split_long"]

_ORDINAL_KINDS = ("zh2", "shi", "zh1", "num", "di", "paren", "circled", "roman", "alpha")
TURN_BACK = re.compile(
    r"^(?:各位代表|与此同时|同时[，,]|此外[，,]|另外[，,]|过去(?:一|五)年[，,]|五年来|一年来|总的(?:来)?看"
    r"|回顾过去|这些成绩)"
)


@dataclass
class Item:
    """An item: the block heading it, its body, and how its header reads."""

    header: Block
    body: list[Block] = field(default_factory=list)
    title_lines: list[Block] = field(default_factory=list)
    """A speed-read item's title and slogan lines (rule 3)."""


@dataclass
class Items:
    """A part's blocks as head, items and tail."""

    head: list[Block]
    items: list[Item]
    tail: list[Block]
    how: str
    """"ordinals", "parallel", "heading lines" or "none"."""
    part_head: list[Block] = field(default_factory=list)
    """Heading lines before the first item that title the part itself (rule 3)."""


def find_items(blocks: list[Block]) -> Items:
    """``blocks`` (a part without its heading) as head, items and tail."""
    starts = _ordinal_starts(blocks)
    if len(starts) >= 2:
        return _by_starts(blocks, starts, "ordinals")
    starts = [i for i, b in enumerate(blocks) if _dash_line(b)]
    if len(starts) >= 2:  # "——扎实抓好……，高质量发展的底盘持续夯实" lines, each over its text
        return _by_starts(blocks, starts, "dashes")
    starts = _parallel_starts(blocks)
    if len(starts) >= 3:
        return _by_starts(blocks, starts, "parallel")
    found = _heading_runs(blocks)
    if found is not None:
        return found
    return Items(blocks, [], [], "none")


def _dash_line(b: Block) -> bool:
    """A theme line of its own, opening with ——: one sentence, short."""
    return (
        bool(b.marker and b.marker.kind == "dash")
        and len(b.text) <= 60
        and len(sentences(b.text)) == 1
    )


def _ordinal_starts(blocks: list[Block]) -> list[int]:
    best: list[int] = []
    for kind in _ORDINAL_KINDS:
        seq: list[int] = []
        for i, b in enumerate(blocks):
            if b.marker and b.marker.kind == kind and b.marker.index == len(seq) + 1:
                seq.append(i)
        if len(seq) >= 2 and (not best or seq[0] < best[0]):
            best = seq
    levels = [b.heading for b in blocks if b.heading]
    if levels:
        level = min(levels)
        seq = [i for i, b in enumerate(blocks) if b.heading == level]
        if len(seq) >= 2 and (not best or seq[0] < best[0]):
            best = seq
    return best


def _parallel_starts(blocks: list[Block]) -> list[int]:
    openings: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        m = re.match(r"^([^，,。]{2,6})[，,]", b.text)
        if m and not b.short and not b.bullet:
            openings.setdefault(m.group(1), []).append(i)
    best = max(openings.values(), key=len, default=[])
    return best if len(best) >= 3 else []


def _by_starts(blocks: list[Block], starts: list[int], how: str) -> Items:
    one_paragraph = all(
        not blocks[s].short and (k + 1 == len(starts) or starts[k + 1] == s + 1)
        for k, s in enumerate(starts)
    )
    items: list[Item] = []
    tail: list[Block] = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        body = [] if one_paragraph else blocks[s + 1 : end]
        if k + 1 == len(starts):
            if one_paragraph:
                tail = blocks[s + 1 :]
            else:
                cut = next((j for j, b in enumerate(body) if TURN_BACK.match(b.text)), len(body))
                body, tail = body[:cut], body[cut:]
        items.append(Item(blocks[s], body))
    themes = [b for b in tail if b.marker and b.marker.kind == "dash" and not b.short]
    if how == "ordinals" and len(themes) >= 2:  # after the five years' (一)…, the year's ——…
        items += [Item(b) for b in themes]
        tail = [b for b in tail if b not in themes]
    head = blocks[: starts[0]]
    titles = []
    while head and head[0].short and not head[0].bullet and len(titles) < 2:
        titles.append(head.pop(0))
    return Items(head, items, tail, how, titles)


def _heading_runs(blocks: list[Block]) -> Items | None:
    """Rule 3: items from runs of heading lines (see the module's note)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(blocks):
        if blocks[i].short and not blocks[i].bullet:
            j = i
            while j < len(blocks) and blocks[j].short and not blocks[j].bullet:
                j += 1
            if j < len(blocks):
                runs.append((i, j))
            i = j
        else:
            i += 1
    opening = [(i, j) for i, j in runs if j - i >= 2]
    if not opening:
        return None
    later = [j - i - 1 for i, j in opening[1:]]
    k = Counter(later).most_common(1)[0][0] if later else min(2, opening[0][1] - opening[0][0] - 1)
    k = max(1, min(k, 2))
    items: list[Item] = []
    first_i, first_j = opening[0]
    part_head = blocks[first_i : max(first_i, first_j - 1 - k)]
    for n, (i, j) in enumerate(opening):
        start = max(i, j - 1 - k) if n == 0 else i
        end = opening[n + 1][0] if n + 1 < len(opening) else len(blocks)
        items.append(Item(blocks[j - 1], blocks[j - 1 : end], blocks[start : j - 1]))
    return Items(blocks[:first_i], items, [], "heading lines", part_head)


# --- points -------------------------------------------------------------------------------


@dataclass
class Seg:
    """A point in the making: its heading (or None) and its texts, each a piece."""

    heading: Piece | None
    texts: list[Piece] = field(default_factory=list)
    bullets_given: bool = False
    """Its texts are list items the file marks (each a bullet as it stands)."""


def segments(body: list[Block], first: Piece | None = None, facts: bool = False) -> list[Seg]:
    """An item's body as points: ``first`` (the rest of the header paragraph) and the body's
    blocks, in order. Paragraphs under a heading line are that point's, read as they stand;
    other paragraphs are read for run-in headings."""
    out: list[Seg] = []
    under_line = False  # the last point was opened by a heading line

    def add_text(text: str, line: int, bold: str | None = None) -> None:
        nonlocal under_line
        if under_line and out:
            out[-1].texts.append(piece(text, line))
            return
        for seg in run_ins(text, bold, facts=facts):
            p = piece(seg.text, line) if seg.text.strip() else None
            if seg.heading is not None:
                out.append(Seg(piece(seg.heading, line), [p] if p else []))
            elif p:
                out.append(Seg(None, [p]))

    if first:
        add_text(first, first.line)
    for b in body:
        if b.bullet:
            if out and (out[-1].bullets_given or (under_line and not out[-1].texts)):
                out[-1].texts.append(b.piece())
                out[-1].bullets_given = True
            else:
                out.append(Seg(None, [b.piece()], bullets_given=True))
                under_line = False
        elif b.short:
            out.append(Seg(b.piece(b.text.strip().rstrip("。：:")), []))
            under_line = True
        else:
            add_text(b.text, b.line, b.para.bold_lead)
    return [s for s in out if s.texts or s.heading]


def split_long(text: Piece, limit: int) -> list[Piece]:
    """``text`` in pieces of whole sentences, each at most ``limit`` characters where its
    sentences allow."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    for s in sentences(text):
        if out and len(out[-1]) + len(s) <= limit:
            out[-1] += s
        else:
            out.append(s)
    return [piece(t, text.line) for t in out if t.strip()]


def header_title(b: Block) -> tuple[Piece, Piece | None, Piece | None]:
    """An item header's title, slogan and the rest of its paragraph."""
    if b.short:
        title, slogan = title_and_slogan(b.text)
        return piece(title, b.line), piece(slogan, b.line) if slogan else None, None
    ss = sentences(b.para.bold_lead or "") if b.para.bold_lead else sentences(b.text)
    first = b.para.bold_lead if b.para.bold_lead else ss[0]
    if not b.para.bold_lead and len(first.strip()) > 45 and is_cjk(first):
        cut = first.find("，")
        first = first[: cut + 1] if 0 < cut <= 30 else first
    rest = b.text[len(first) :] if b.text.startswith(first) else b.text[len(first) :]
    title, slogan = title_and_slogan(first)
    return (
        piece(title, b.line),
        piece(slogan, b.line) if slogan else None,
        piece(rest, b.line) if rest.strip() else None,
    )
