"""The year's targets: numeric ones as big-number cards, growth ones also as a native bar
chart, qualitative ones listed beside it; any number of each, continued as needed."""

from __future__ import annotations

from functools import partial

from ...figures import find_figures
from ...model import Target, Targets
from ...target_text import DIRECTION_WORDS, bounds, is_percent, number_text, stated
from ..choose import MAX_FIGURES
from ..context import Part, Planner
from ..numbers import PAD, BigNumber, number_cards
from ..slides import Chart, Element, Rect, Shape, Slide
from ..typeset import Style

MIN_CARD_WIDTH = 150.0
"""Target cards go on one row only while each keeps at least this width."""


def make(p: Planner, part: Part) -> list[Slide]:
    return targets(p, part, part.source)


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
    subtitle = p.apart(t.intro) or None
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
    "居民消费价格涨幅（上限）", "Energy intensity down"; a target without a label, or whose
    text has other figures too ("城镇新增就业1.2万人，城镇调查失业率5.5%以内"), its text."""
    if not x.label or len(find_figures(x.text)) > 1:
        return x.text  # its other figures, and what each measures, stay on the slide
    own = p.lang == "zh" and word and not word.isascii()  # the text's own 增长/提高/下降…
    if x.kind == "growth":
        word = word if own and word in DIRECTION_WORDS else p.label("growth_word")
    elif x.kind == "decrease":
        word = word if own and word in DIRECTION_WORDS else p.label("decrease_word")
    elif x.kind == "ceiling":
        word = p.label("ceiling_word")
    else:
        word = ""
    if word.strip().lower() in x.label.lower():  # "GDP growth", not "GDP growth growth"
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
