"""What an item (a highlight, a commitment) and its points are written as.

An item's title and slogan come from its header (:func:`~.items.header_title`) or its
title lines; its body's segments (:func:`~.items.segments`) become points: in the review
and the closing a heading and a text (running text without a heading cut after a sentence
into pieces of at most :data:`POINT_LIMIT` characters), in the plan a heading and bullets
(one a sentence, or the list items the file marks). Text before the first headed point is
the item's lead.
"""

from __future__ import annotations

import re

from .blocks import Block, Piece, piece
from .items import Item, Seg, header_title, segments, split_long
from .paragraphs import sentences

__all__ = [
    "POINT_LIMIT",
    "heading_text",
    "is_line",
    "item_of",
    "ordered",
    "paragraph_items",
    "points_of",
]


POINT_LIMIT = 220
"""The longest text a point without a heading takes (characters); longer running text is
cut after a sentence into several points."""


def ordered(d: dict, keys: tuple[str, ...]) -> dict:
    return {k: d[k] for k in keys if d.get(k) not in (None, "", [])}


def is_line(b: Block) -> bool:
    return b.short and not b.bullet


def heading_text(b: Block) -> Piece:
    return b.piece(b.text.strip().rstrip("。：:"))


def item_of(it: Item, plan: bool, guesses: list[tuple[int, str]]) -> dict:
    """A highlight or commitment."""
    d: dict = {}
    if it.title_lines:
        d["title"] = heading_text(it.title_lines[0])
        if len(it.title_lines) > 1:
            d["slogan"] = heading_text(it.title_lines[1])
        segs = segments(it.body, facts=not plan)
    else:
        title, slogan, rest = header_title(it.header)
        d["title"] = title
        body = it.body
        if (
            slogan is None
            and rest is None
            and len(body) > 1
            and is_line(body[0])
            and (is_line(body[1]))
        ):  # a heading, then its slogan on a line of its own, then the first point's heading
            slogan, body = body[0].piece(), body[1:]
        if slogan:
            d["slogan"] = slogan
        segs = segments(body, rest, facts=not plan)
    lead, points = points_of(segs, plan)
    if lead:
        d["lead"] = lead
    if not points:
        points = [{"bullets": [d["title"]]} if plan else {"text": d["title"]}]
        guesses.append((d["title"].line, f"{d['title']!r} has no text under it"))
    d["points"] = points
    return d


def points_of(segs: list[Seg], plan: bool) -> tuple[Piece | None, list[dict]]:
    """The lead (text before the first headed point, when there is one) and the points."""
    lead = None
    if (
        any(s.heading for s in segs)
        and segs
        and segs[0].heading is None
        and not segs[0].bullets_given
    ):
        first = segs.pop(0)
        lead = first.texts[0]
        if len(first.texts) > 1:
            segs.insert(0, Seg(None, first.texts[1:]))
    points: list[dict] = []
    for s in segs:
        if plan:
            bullets = (
                list(s.texts)
                if s.bullets_given
                else [piece(x, t.line) for t in s.texts for x in sentences(t) if x.strip()]
            )
            if not bullets and s.heading:
                bullets = [s.heading]
                head = None
            else:
                head = s.heading
            points.append(ordered({"heading": head, "bullets": bullets}, ("heading", "bullets")))
            continue
        texts = list(s.texts) or ([s.heading] if s.heading else [])
        head = s.heading if s.texts else None
        for n, t in enumerate(texts):
            chunks = split_long(t, POINT_LIMIT) if head is None or n else [t]
            for c in chunks:
                points.append(
                    ordered({"heading": head if n == 0 else None, "text": c}, ("heading", "text"))
                )
                head = None
    return lead, points


def paragraph_items(blocks: list[Block], plan: bool, guesses: list[tuple[int, str]]) -> list[dict]:
    """Items of a part the report gives no structure: one a paragraph, titled by the first
    clause of its first sentence (a guess, warned)."""
    items = []
    for b in blocks:
        first = sentences(b.text)[0]
        title = re.split(r"[，,；;。！？!?]", first)[0].strip() or first
        body = piece(b.text, b.line)
        points = (
            [{"bullets": [piece(x, b.line) for x in sentences(b.text) if x.strip()]}]
            if plan
            else [{"text": t} for t in split_long(body, POINT_LIMIT)]
        )
        items.append({"title": piece(title, b.line), "points": points})
        guesses.append((b.line, f"no items found: this paragraph is one, titled {title!r}"))
    return items
