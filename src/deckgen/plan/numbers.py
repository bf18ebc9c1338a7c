"""Number slides: a highlight's key figures as big-number cards, and the year's targets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..captions import caption_for
from ..figures import Figure, find_figures
from ..model import Highlight, Point, Target, Targets
from ..target_text import DIRECTION_WORDS, bounds, is_percent, number_text, stated
from .layout import BIG_NUMBER, CAPTION, UNIT_RATIO, cells, grid_shape
from .slides import Chart, Element, Paragraph, Rect, Run, Shape, Slide, TextBox
from .typeset import SAFETY, Style

if TYPE_CHECKING:
    from .deck import Part, Planner

MAX_FIGURES = 6
AUTOSPACE = 0.3
"""Room, in ems of the number, for the space a renderer adds where digits meet Chinese."""
MAX_CARD = (300.0, 190.0)
"""The largest a big-number card grows (width, height)."""
MIN_CARD_WIDTH = 150.0
"""Target cards go on one row only while each keeps at least this width."""
PAD = 12.0
NUMBER = Style("number", colour="accent", line_spacing=1.15)


@dataclass(frozen=True)
class BigNumber:
    """A big-number card: small text before, the number, small text after, a caption, a tag."""

    before: str
    number: str
    after: str
    caption: str
    tag: str = ""


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
    if pt.cards is not None:
        return [(9, card_of(c.figure, c.caption, pt.heading)) for c in pt.cards]
    out = []
    for fig in find_figures(pt.text):
        caption = caption_for(pt.text, fig, language)
        if caption is not None:
            out.append((telling(fig), card_of(fig, caption, pt.heading)))
    return out


def pick_figures(h: Highlight, language: str = "zh", most: int = MAX_FIGURES) -> list[BigNumber]:
    """The highlight's key-figure cards, in reading order: the author's when given; else the
    best of each point first, then the rest by how telling they are, weak ones only when
    nothing better is left."""
    if h.cards is not None:
        heading = {
            c.figure: next(p.heading for p in h.points if c.figure in p.text) for c in h.cards
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
                card_of(c.figure, c.caption, pt.heading) for c in h.cards if c.figure in pt.text
            ]
        for card in cards:
            figure = card.before + card.number + card.after
            rows.append(
                CardRow(
                    h.title,
                    pt.heading,
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


def key_figures(p: Planner, part: Part, h: Highlight) -> list[Slide]:
    """The highlight's key figures as 1–6 big-number cards; none if it has no figures."""
    cards = pick_figures(h, p.lang)
    if not cards:
        return []
    body = number_cards(p, cards, p.grid.content)
    title = f"{p.label('key_figures')}｜{h.title}" if p.lang == "zh" else f"{h.title}: key figures"
    colon = "：" if p.lang == "zh" else ": "
    notes = "\n".join(f"{c.tag}{colon}{c.caption} {c.before}{c.number}{c.after}" for c in cards)
    return [p.slide("key_figures", title, h.slogan, part.label, body, notes)]


def number_cards(
    p: Planner, cards: list[BigNumber], area: Rect, tags: bool = True, one_row: bool = False
) -> list[Element]:
    """Big-number cards on a grid: one number size for all, the largest that fits every card."""
    g = p.grid
    rows, cols = (1, len(cards)) if one_row else grid_shape(len(cards))
    # Cards no larger than a card needs: a lone figure is a card, not a poster.
    w = min(area.w, cols * MAX_CARD[0] + (cols - 1) * g.gutter)
    h = min(area.h, rows * MAX_CARD[1] + (rows - 1) * g.gutter)
    area = Rect(area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h)
    boxes = cells(area, len(cards), g.gutter, (rows, cols))
    inner = [b.inset(PAD) for b in boxes]
    tag_h = 20.0 if tags and any(c.tag for c in cards) else 0.0
    cap_h = min(54.0, inner[0].h * 0.34)
    num_h = inner[0].h - tag_h - cap_h - 8
    size = min(_number_size(p, c, r.w, num_h) for c, r in zip(cards, inner, strict=True))
    els: list[Element] = []
    for card, box, r in zip(cards, boxes, inner, strict=True):
        els.append(Shape(box, "light", name="Number card"))
        els.append(Shape(Rect(box.x, box.bottom - 4, box.w, 4), "accent", name="Number rule"))
        y = r.y
        if tag_h:
            els.append(
                p.must_text(
                    [card.tag],
                    Style("body", colour="muted"),
                    Rect(r.x, y, r.w, tag_h),
                    (12, 9),
                    name="Figure tag",
                )
            )
            y += tag_h
        els.append(
            TextBox(
                Rect(r.x, y, r.w, num_h), (_number_paragraph(card, size),), "ctr", 0.0, "Big number"
            )
        )
        cap = Rect(r.x, y + num_h + 8, r.w, cap_h)
        els.append(p.caption(card.caption, Style("body"), cap, CAPTION, name="Figure caption"))
    return els


def _number_size(p: Planner, card: BigNumber, width: float, height: float) -> float:
    """The largest number size (within BIG_NUMBER) whose line fits ``width`` and ``height``.

    The number and its small before/after texts are measured apart, so a renderer's extra
    space where digits meet Chinese (LibreOffice's autospacing) is added for each meeting.
    """
    high, low = BIG_NUMBER
    meetings = sum(1 for part in (card.before, card.after) if part)
    size = high
    while size > low:
        small = size * UNIT_RATIO
        w = (
            p.type.width(card.number, NUMBER, size)
            + p.type.width(card.before, NUMBER, small)
            + p.type.width(card.after, NUMBER, small)
            + meetings * AUTOSPACE * size
        )
        if w <= width * SAFETY and size * NUMBER.line_spacing <= height * SAFETY:
            return size
        size -= 1.0
    return low


def _number_paragraph(card: BigNumber, size: float) -> Paragraph:
    small = round(size * UNIT_RATIO, 1)
    runs = []
    if card.before:
        runs.append(Run(card.before, small, "number", True, "accent"))
    runs.append(Run(card.number, size, "number", True, "accent"))
    if card.after:
        runs.append(Run(card.after, small, "number", True, "accent"))
    return Paragraph(tuple(runs), round(size * NUMBER.line_spacing, 2), "ctr")


# ---- targets ---------------------------------------------------------------------------


def targets(p: Planner, part: Part, t: Targets) -> list[Slide]:
    """Targets: numeric ones as big-number cards, growth ones also as a native bar chart,
    qualitative ones listed beside the chart; any number of each, continued as needed."""
    g = p.grid
    numeric = [x for x in t.items if x.value is not None]
    # Only rates of growth are bars: a ceiling is a bound, not a growth, and a fall is not
    # a positive bar (a growth written negative, "增长-3%", is drawn below zero).
    growth = [x for x in numeric if x.kind == "growth" and is_percent(x.unit)]
    other = [("▲ " if p.lang == "en" else "▲") + x.text for x in t.items if x.value is None]
    title = part.label
    subtitle = "".join(t.intro) or None
    notes = "\n".join([*t.intro, *("▲" + x.text for x in t.items)])
    area = g.content
    cards = [_target_card(p, x) for x in numeric]
    slide = partial(p.slide, "targets", subtitle=subtitle, tag=None, notes=notes)
    one_row = bool(cards) and len(cards) <= MAX_FIGURES and area.w / len(cards) >= MIN_CARD_WIDTH
    if one_row and (growth or other):  # cards in a row on top, chart and list below
        top, bottom = area.take_top(area.h * 0.42, g.gutter)
        body, left = _chart_and_list(p, growth, other, bottom)
        if not left:
            body = number_cards(p, cards, top, False, one_row=True) + body
            return [slide(title=title, body=body)]
    slides: list[Slide] = []
    for start in range(0, len(cards), MAX_FIGURES):
        body = number_cards(p, cards[start : start + MAX_FIGURES], area, tags=False)
        slides.append(slide(title=p.continued(title) if slides else title, body=body))
    while growth or other:
        body, other = _chart_and_list(p, growth, other, area)
        growth = []
        slides.append(slide(title=p.continued(title) if slides else title, body=body))
    return slides


def _target_card(p: Planner, x: Target) -> BigNumber:
    """The target's figure as its text writes it (qualifier, number, unit; a ceiling's
    "不超过"/"below"), captioned with what it measures and how: 增长/下降 as the text says
    it, or the language's word; a ceiling is marked as one ("（上限）", " (ceiling)")."""
    assert x.value is not None
    st = stated(x.text, x.value, x.unit, x.kind)
    if st is None:  # not validated against its text (built in code): the fields as given
        before = x.qualifier + " " if p.lang == "en" and x.qualifier else ""
        after = (x.unit or "") + ("" if before else x.qualifier or "")
        return BigNumber(before, number_text(x.value), after, x.label or x.text)
    return BigNumber(st.before, st.number, st.after, _target_caption(p, x, st.word))


def _target_caption(p: Planner, x: Target, word: str) -> str:
    """What the target measures, and its direction: "地区生产总值增长", "单位GDP能耗下降",
    "居民消费价格涨幅（上限）", "Energy intensity down"; a target without a label, its text."""
    if not x.label:
        return x.text
    own = p.lang == "zh" and word and not word.isascii()  # the text's own 增长/提高/下降…
    if x.kind == "growth":
        word = word if own and word in DIRECTION_WORDS else p.label("growth_word")
    elif x.kind == "decrease":
        word = word if own and word in DIRECTION_WORDS else p.label("decrease_word")
    elif x.kind == "ceiling":
        word = p.label("ceiling_word")
    else:
        word = ""
    if x.label.lower().endswith(word.strip().lower()):
        return x.label
    return x.label + word


def _chart_and_list(
    p: Planner, growth: list[Target], other: list[str], area: Rect
) -> tuple[list[Element], list[str]]:
    """The growth chart and the qualitative list side by side; what of the list is left over."""
    g = p.grid
    els: list[Element] = []
    if growth and other:
        left = Rect(area.x, area.y, area.w * 0.58, area.h)
        right = Rect(left.right + g.gutter, area.y, area.right - left.right - g.gutter, area.h)
    else:
        left = right = area
    if growth:
        els.append(
            Chart(
                left,
                tuple(x.label or x.text for x in growth),
                tuple(float(x.value) for x in growth),
                title=p.label("growth_targets"),
                name="Growth targets",
                labels=tuple(_range_label(x) for x in growth),
            )
        )
    left: list[str] = []
    if other:
        els.append(Shape(right, "light", name="Other targets"))
        inner = right.inset(PAD)
        head = p.snug(
            [p.label("other_targets")],
            Style("heading", colour="primary"),
            Rect(inner.x, inner.y, inner.w, 30),
            (18, 14),
        )
        els.append(head)
        rest = Rect(inner.x, head.box.bottom + 6, inner.w, inner.bottom - head.box.bottom - 6)
        style = Style("body", space_after=0.5)
        box = p.text(other, style, rest, (18, 12), name="Other targets text")
        if box is None:  # more than fits: the rest goes to a continuation slide
            shown, left = p.type.split(other, style, rest.w, rest.h, 12)
            box = p.must_text(shown or other[:1], style, rest, (12, 12), name="Other targets text")
            left = left if shown else other[1:]
        els.append(box)
    return els, left


def _range_label(x: Target) -> str:
    """A range's data label as written ("5-6%"): its bar stands at the value; "" otherwise."""
    st = stated(x.text, x.value, x.unit, x.kind)
    if st is None or len(bounds(st.figure)) < 2:
        return ""
    return st.before + st.number + st.after
