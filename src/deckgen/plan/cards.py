"""Cards that flow: points as cards side by side, as many a slide as fit, continued on
（续） slides; a card too long alone is split. A card without a heading is its text alone;
a lead sentence stands above the first slide's cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..text.fit import sentence_end
from .layout import BODY, CARD_HEADING, LINE_SPACING, cells
from .slides import Element, Rect, Shape, Slide, TextBox
from .typeset import SAFETY, Fitted, Style

if TYPE_CHECKING:
    from .context import Planner

PAD = 14.0
"""Padding inside a card."""
STRIP = 4.0
"""The brand strip along a card's top edge."""
MAX_PER_SLIDE = 12
HEADING = Style("heading", colour="primary", line_spacing=1.25, space_after=0.2)
BODY_STYLE = Style("body", emphasise=True, line_spacing=LINE_SPACING, space_after=0.35)
LEAD_STYLE = Style("body", bold=True, colour="primary", emphasise=True, space_after=0.0)
LEAD_SHARE = 0.4
"""The most of the content area a lead sentence takes above the cards; a longer lead opens
the cards as a card of its own."""


@dataclass(frozen=True)
class Card:
    """What one card says: a heading (or none) and paragraphs (bullets or running text)."""

    heading: str | None
    texts: tuple[str, ...]
    bullets: bool = False
    said: tuple[str, ...] = ()
    """For a piece of a card cut inside a sentence: its paragraphs with that sentence whole,
    for the notes (the presenter reads whole sentences)."""

    @property
    def notes(self) -> str:
        """The card's words for the speaker notes: heading, then paragraphs."""
        return "\n".join(t for t in (self.heading, *(self.said or self.texts)) if t)


# ---- card flow -------------------------------------------------------------------


def chunk_sizes(n: int, most: int) -> list[int]:
    """Items per slide to try, largest first: all (up to ``most``), then fewer."""
    first = min(n, most)
    return [first] + [k for k in (9, 8, 6, 4, 3, 2, 1) if k < first]


def balanced(items: list, most: int, weight=None) -> list[list]:
    """``items`` on as few slides as ``most`` a slide allows, shared out evenly: by count (4
    at 3 a slide: 2 and 2, not 3 and a lone 1), or, given ``weight`` (an item's amount of
    text), so that the lightest slide carries as much as it can against the heaviest. The
    fuller slides first."""
    slides = -(-len(items) // most)
    base, extra = divmod(len(items), slides)
    sizes = [base + (1 if i < extra else 0) for i in range(slides)]
    if weight is not None and 1 < slides:
        sizes = _even_sizes([weight(x) for x in items], slides, most) or sizes
    out, at = [], 0
    for size in sizes:
        out.append(items[at : at + size])
        at += size
    return out


def _even_sizes(weights: list[int], slides: int, most: int) -> list[int] | None:
    """The group sizes (each 1..``most``, in order) of ``weights`` (amounts of text, whole
    numbers) cut into ``slides`` groups whose lightest group is heaviest against the
    heaviest; None past a few thousand ways to cut. A group's load is the difference of two
    running sums (exact for whole numbers), not summed again for every way to cut."""
    from itertools import accumulate, combinations

    n = len(weights)
    running = [0, *accumulate(weights)]
    best, best_score, tried = None, -1.0, 0
    for cuts in combinations(range(1, n), slides - 1):
        tried += 1
        if tried > 5000:
            return None
        bounds = (0, *cuts, n)
        sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
        if max(sizes) > most:
            continue
        loads = [running[b] - running[a] for a, b in zip(bounds, bounds[1:], strict=False)]
        score = min(loads) / max(max(loads), 1)
        if score > best_score + 1e-9:
            best, best_score = sizes, score
    return best


def _weight(card: Card) -> int:
    return sum(len(t) for t in (card.heading or "", *card.texts))


def flow(
    p: Planner,
    kind: str,
    title: str,
    subtitle: str | None,
    tag: str | None,
    items: list[Card],
    columns_for_four: int = 2,
    lead: str | None = None,
) -> list[Slide]:
    """Cards side by side, as many per slide as fit; a card too long alone is split. A
    ``lead`` sentence stands above the first slide's cards (a lead too long for that opens
    them as a card of its own)."""
    area = first = p.grid.content
    opening: list[Element] = []
    if lead:
        box = p.snug([lead], LEAD_STYLE, area.take_top(area.h * LEAD_SHARE)[0], BODY)
        if box is None:
            items = [Card(None, (lead,)), *items]
        else:
            opening = [box]
            top = box.box.bottom + p.grid.gutter
            first = Rect(area.x, top, area.w, area.bottom - top)
    for per_slide in chunk_sizes(len(items), 4 if len(items) == 4 else 3):
        for weight in (_weight, None):  # even text a slide, else even cards a slide
            bodies = []
            for chunk in balanced(items, per_slide, weight):
                body = _card_row(p, chunk, area if bodies else first)
                if body is None:
                    break
                bodies.append((body, chunk))
            else:
                return _slides(p, kind, title, subtitle, tag, bodies, opening)
    # Some card does not fit alone: it is split evenly across slides; the cards that fit
    # stay whole, side by side where they fit together.
    bodies: list = []
    group: list[Card] = []
    for item in items:
        where = area if bodies else first
        if _card_row(p, [item], where) is not None:
            if len(group) < 3 and _card_row(p, [*group, item], where) is not None:
                group.append(item)
                continue
            if group:
                bodies.append((_card_row(p, group, where), group))
            group = [item]
            continue
        if group:
            bodies.append((_card_row(p, group, where), group))
            group = []
        bodies += _split_evenly(p, item, area if bodies else first, area)
    if group:
        bodies.append((_card_row(p, group, area if bodies else first), group))
    return _slides(p, kind, title, subtitle, tag, bodies, opening)


def _slides(p: Planner, kind, title, subtitle, tag, bodies, opening=()) -> list[Slide]:
    """A slide a body; ``opening`` (a lead sentence) above the first one's."""
    out = []
    for i, (body, shown) in enumerate(bodies):
        notes = "\n\n".join(card.notes for card in shown)
        if opening and not i:
            body = [*opening, *body]
            notes = "\n\n".join([*(_text(box) for box in opening), notes])
        out.append(
            p.slide(
                kind,
                p.continued(title) if i else title,
                subtitle,  # a continuation keeps the slogan: it says what the slide is
                tag,
                body,
                notes,
            )
        )
    return out


def _text(box: TextBox) -> str:
    return "\n".join("".join(r.text for r in para.runs) for para in box.paragraphs)


def _card_row(p: Planner, items: Sequence[Card], area: Rect) -> list[Element] | None:
    """Cards for ``items`` in one row (2×2 for four) in ``area`` at one body size; None if
    any fails."""
    g = p.grid
    shape = (2, 2) if len(items) == 4 else (1, len(items))
    boxes = cells(area, len(items), g.gutter, shape)
    laid = [_card_parts(p, item, box) for item, box in zip(items, boxes, strict=True)]
    if any(x is None for x in laid):
        return None
    # One body size for the row: the smallest that any card needed.
    size = min(fitted.size for _, _, fitted, _ in laid)
    els: list[Element] = []
    for (cell, heading, fitted, body_box), item in zip(laid, items, strict=True):
        again = p.type.fit(_texts(item), _style(item), body_box.w, body_box.h, (size, size))
        fitted = again or fitted
        els += _card_frame(cell)
        els += [heading] if heading is not None else []
        els.append(_box(body_box, fitted))
    return els


def _card_parts(p: Planner, item: Card, cell: Rect):
    inner = _inner(cell)
    heading, top = None, inner.y
    if item.heading:
        box = Rect(inner.x, inner.y, inner.w, 52)
        heading = p.snug([item.heading], HEADING, box, CARD_HEADING)
        if heading is None:
            return None
        top = heading.box.bottom + 8
    body_box = Rect(inner.x, top, inner.w, inner.bottom - top)
    fitted = p.type.fit(_texts(item), _style(item), body_box.w, body_box.h, BODY)
    if fitted is None:
        return None
    return cell, heading, fitted, body_box


def _split_evenly(p: Planner, item: Card, first_cell: Rect, cell: Rect) -> list:
    """A card too long for one slide, on as few slides as it needs, its text shared out so
    that no slide carries less than it can against its neighbour (a slide filled and a line
    left over is what this avoids)."""
    best = list(_split_card(p, item, first_cell, cell))
    for share in (0.9, 0.8, 0.7, 0.6, 0.5):
        if _evenness(best) >= 0.6:
            break
        pieces = list(_split_card(p, item, first_cell, cell, share))
        if len(pieces) > len(best):
            break
        if _evenness(pieces) > _evenness(best):
            best = pieces
    return [(body, [piece]) for body, piece in best]


def _evenness(pieces: list) -> float:
    loads = [sum(len(t) for t in piece.texts) for _, piece in pieces]
    return min(loads) / max(max(loads), 1)


def _split_card(p: Planner, item: Card, first_cell: Rect, cell: Rect, share: float = 1.0):
    """Pieces of one card, each filling one full-width card (the first ``first_cell``, the
    others ``cell``) at the body floor size; with ``share``, each filled only so far (the
    last piece takes what is left)."""
    texts = list(_texts(item))
    first, lead_in = True, ""
    while texts:
        frame = first_cell if first else cell
        inner = _inner(frame)
        els: list[Element] = _card_frame(frame)
        head, top = None, inner.y
        if item.heading:
            head = item.heading if first else p.continued(item.heading)
            # A long heading takes the lines it needs at its floor, up to half the card.
            tall = p.type.at([head], HEADING, CARD_HEADING[1], inner.w).height / SAFETY + 2
            heading_box = Rect(inner.x, inner.y, inner.w, min(max(52.0, tall), inner.h / 2))
            heading = p.snug([head], HEADING, heading_box, CARD_HEADING) or p.must_text(
                [head], HEADING, heading_box, CARD_HEADING
            )
            els.append(heading)
            top = heading.box.bottom + 8
        body_box = Rect(inner.x, top, inner.w, inner.bottom - top)
        fits, rest = p.type.split(texts, _style(item), body_box.w, body_box.h * share, BODY[1])
        if not fits:  # not one sentence within the share: the box, filled
            fits, rest = p.type.split(texts, _style(item), body_box.w, body_box.h, BODY[1])
        said, lead_in = _whole_sentences(texts, fits, rest, lead_in)
        texts = rest
        fitted = p.type.fit(fits, _style(item), body_box.w, body_box.h, BODY)
        if fitted is None:  # split() promised these fit at the floor
            fitted = p.type.at(fits, _style(item), BODY[1], body_box.w)
        shown = Card(head, tuple(fits), item.bullets, said)
        yield [*els, _box(body_box, fitted)], shown
        first = False


def _whole_sentences(texts, fits, rest, lead_in: str) -> tuple[tuple[str, ...], str]:
    """The notes of a piece whose text was cut inside a sentence (one taller than a whole
    card): its paragraphs with the cut sentences whole (the start carried from the piece
    before, ``lead_in``; the end from the piece after), and the start to carry on."""
    said = list(fits)
    if lead_in and said:
        said[0] = lead_in + said[0]
    carry = ""
    if fits and len(fits) + len(rest) > len(texts):  # the last paragraph was cut
        whole = texts[len(fits) - 1]
        cut, resume = len(fits[-1]), len(whole) - len(rest[0])
        start = sentence_end(whole, cut)
        if whole[:cut].rstrip() and start < len(whole[:cut].rstrip()):  # inside a sentence
            end = next(
                (i for i in range(resume + 1, len(whole) + 1) if sentence_end(whole, i) == i),
                len(whole),
            )
            said[-1] = (lead_in if len(fits) == 1 else "") + whole[:end]
            carry = whole[start:resume]
    return (tuple(said) if said != list(fits) else ()), carry


def _texts(item: Card) -> tuple[str, ...]:
    return item.texts


def _style(item: Card) -> Style:
    """Running text, or real paragraph bullets for a commitment's points."""
    return replace(BODY_STYLE, bullet=True) if item.bullets else BODY_STYLE


def _inner(cell: Rect) -> Rect:
    return Rect(cell.x + PAD, cell.y + STRIP + PAD, cell.w - 2 * PAD, cell.h - STRIP - 2 * PAD)


def _card_frame(cell: Rect) -> list[Element]:
    return [
        Shape(cell, "light", name="Card"),
        Shape(Rect(cell.x, cell.y, cell.w, STRIP), "primary", name="Card strip"),
    ]


def _box(box: Rect, fitted: Fitted) -> TextBox:
    return fitted.box(box, "t", "Card text")


def prose(
    p: Planner, kind: str, title: str, subtitle: str | None, tag: str | None, paragraphs
) -> list[Slide]:
    """Paragraphs of running text as one full-width card without a heading, continued on
    （续） slides, cut after a sentence; none for no paragraphs."""
    if not paragraphs:
        return []
    return flow(p, kind, title, subtitle, tag, [Card(None, tuple(paragraphs))])
