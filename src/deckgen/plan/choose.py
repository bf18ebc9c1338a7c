"""Which figures of a highlight become key-figure cards, and with what caption.

A card is a figure as written and a caption from :func:`deckgen.captions.caption_for` (words
of its own clause), or the author's choice (``cards:`` on a highlight or point). The best
of each point come first; :func:`review_cards` lists them all beside their sentences for a
person to check (``deckgen cards``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..captions import caption_for
from ..figures import Figure, find_figures
from ..model import Highlight, Point
from .numbers import BigNumber

MAX_FIGURES = 6
"""The most key-figure cards a highlight shows."""

_TELLING_UNITS = (
    ("元", "%", "百分点", "percent", "billion", "million"),
    ("家", "亩", "公里", "米", "人", "户"),
)


def telling(fig: Figure) -> int:
    """How telling a figure is on a card: money and rates first, then counts, then the rest;
    a qualified figure ("超22亿元") a little more."""
    score = 0
    for weight, units in zip((3, 2), _TELLING_UNITS, strict=True):
        if any(u in fig.unit for u in units):
            score = weight
            break
    return score + (1 if fig.prefix or fig.suffix else 0)


def card_of(figure: Figure | str, caption: str, tag: str) -> BigNumber:
    """A card for a figure as written: its number large, what stands before and after small."""
    text = figure if isinstance(figure, str) else figure.text
    found = find_figures(text) if isinstance(figure, str) else [figure]
    number = found[0].number if found else text
    at = text.find(number)
    if at < 0:
        return BigNumber("", text, "", caption, tag)
    return BigNumber(text[:at], number, text[at + len(number) :], caption, tag)


def point_cards(pt: Point, language: str) -> list[tuple[int, BigNumber]]:
    """A point's cards with how telling each is: the author's, else each figure that has a
    faithful caption (:func:`deckgen.captions.caption_for`)."""
    tag = pt.heading or ""
    if pt.cards is not None:
        return [(9, card_of(c.figure, c.caption, tag)) for c in pt.cards]
    out = []
    for fig in find_figures(pt.text):
        caption = caption_for(pt.text, fig, language)
        if caption is not None:
            out.append((telling(fig), card_of(fig, caption, tag)))
    return out


def pick_figures(h: Highlight, language: str = "zh", most: int = MAX_FIGURES) -> list[BigNumber]:
    """The highlight's key-figure cards, in reading order: the author's when given; else the
    best of each point first, then the rest by how telling they are, weak ones only when
    nothing better is left."""
    if h.cards is not None:
        heading = {
            c.figure: next(p.heading or "" for p in h.points if c.figure in p.text) for c in h.cards
        }
        return [card_of(c.figure, c.caption, heading[c.figure]) for c in h.cards]
    per_point = [
        sorted(
            ((score, p_no, f_no, card) for f_no, (score, card) in enumerate(cards)),
            key=lambda c: -c[0],
        )
        for p_no, cards in enumerate(point_cards(pt, language) for pt in h.points)
    ]
    first = [cards[0] for cards in per_point if cards]
    rest = sorted((c for cards in per_point for c in cards[1:]), key=lambda c: -c[0])
    picked, seen = [], set()
    for cand in first + rest:
        card = cand[3]
        text = card.before + card.number + card.after
        if text not in seen and len(picked) < most:
            seen.add(text)
            picked.append(cand)
    strong = [c for c in picked if c[0] > 0]
    if len(strong) >= 3:
        picked = strong
    return [card for *_, card in sorted(picked, key=lambda c: (c[1], c[2]))]


@dataclass(frozen=True)
class CardRow:
    """A key-figure card beside its sentence, for a person to review (``deckgen cards``)."""

    highlight: str
    point: str
    """The point's heading ("" for a point without one)."""
    figure: str
    caption: str
    sentence: str
    shown: bool
    """Whether the deck shows it (it is among the highlight's picked cards)."""


def review_cards(h: Highlight, language: str) -> list[CardRow]:
    """Every card of ``h`` that could be made, each beside its sentence: the shown ones and
    the ones left out for better figures."""
    picked = {(c.tag, c.before + c.number + c.after, c.caption) for c in pick_figures(h, language)}
    rows = []
    for pt in h.points:
        cards = [c for _, c in point_cards(pt, language)]
        if h.cards is not None:
            cards = [
                card_of(c.figure, c.caption, pt.heading or "")
                for c in h.cards
                if c.figure in pt.text
            ]
        for card in cards:
            figure = card.before + card.number + card.after
            rows.append(
                CardRow(
                    h.title,
                    pt.heading or "",
                    figure,
                    card.caption,
                    sentence_of(pt.text, figure),
                    (card.tag, figure, card.caption) in picked,
                )
            )
    return rows


def sentence_of(text: str, part: str) -> str:
    """The sentence of ``text`` that holds ``part`` (ends at 。！？；, or ". " in English)."""
    at = text.find(part)
    if at < 0:
        return text
    ends = "。！？；!?;"
    start = max([text.rfind(ch, 0, at) for ch in ends] + [text.rfind(". ", 0, at)]) + 1
    stops = [i for i in (text.find(ch, at + len(part)) for ch in ends) if i >= 0]
    dot = text.find(". ", at + len(part))
    stops += [dot] if dot >= 0 else []
    stop = min(stops, default=len(text) - 1) + 1
    return text[start:stop].strip()
