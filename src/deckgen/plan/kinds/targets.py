"""The year's targets: numeric ones as big-number cards, qualitative ones as a bulleted list,
and last year's results beside this year's targets as a native bar chart when the report
gives them; any number of each, continued as needed."""

from __future__ import annotations

from functools import partial

from ...figures import find_figures
from ...model import Target, Targets
from ...target_text import DIRECTION_WORDS, is_percent, number_text, same_unit, stated
from ..cards import balanced
from ..choose import MAX_FIGURES
from ..context import READABLE, Part, Planner
from ..layout import BODY
from ..numbers import PAD, BigNumber, number_cards
from ..slides import Chart, Element, Rect, Series, Shape, Slide
from ..typeset import Style

MIN_CARD_WIDTH = 150.0
"""Target cards go on one row only while each keeps at least this width."""


def make(p: Planner, part: Part) -> list[Slide]:
    return targets(p, part, part.source)


def targets(p: Planner, part: Part, t: Targets) -> list[Slide]:
    """Targets: numeric ones as big-number cards; the qualitative ones listed, with real
    bullets; where the report gives last year's results, a chart of each beside this year's
    target (what the cards alone cannot show). Any number of each, continued as needed."""
    g = p.grid
    # A target whose card would need its whole long text as caption is listed instead:
    # read whole, at body size, its figures in their sentence.
    pairs = [(x, _target_card(p, x) if x.value is not None else None) for x in t.items]
    pairs = [
        (x, None if c and c.caption == x.text and len(x.text) >= READABLE else c) for x, c in pairs
    ]
    numeric = [x for x, c in pairs if c is not None]
    charted = [x for x in numeric if x.last is not None and is_percent(x.unit)]
    other = [x.text for x, c in pairs if c is None]
    title = part.label
    subtitle = p.apart(t.intro) or None
    notes = "\n".join([*t.intro, *(x.text for x in t.items)])
    area = g.content
    cards = [c for _, c in pairs if c is not None]
    slide = partial(p.slide, "targets", subtitle=subtitle, tag=None, notes=notes)
    one_row = bool(cards) and len(cards) <= MAX_FIGURES and area.w / len(cards) >= MIN_CARD_WIDTH
    if one_row and (charted or other):  # cards in a row on top, chart and list below
        top, bottom = area.take_top(area.h * 0.42, g.gutter)
        body, left = _chart_and_list(p, charted, other, bottom)
        if not left:
            body = number_cards(p, cards, top, False, one_row=True) + body
            return [slide(title=title, body=body)]
    slides: list[Slide] = []
    for chunk in balanced(cards, MAX_FIGURES) if cards else []:
        body = number_cards(p, chunk, area, tags=False)
        slides.append(slide(title=p.continued(title) if slides else title, body=body))
    while charted or other:
        body, other = _chart_and_list(p, charted, other, area)
        charted = []
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
    p: Planner, charted: list[Target], other: list[str], area: Rect
) -> tuple[list[Element], list[str]]:
    """The chart and the qualitative list side by side; what of the list is left over."""
    g = p.grid
    els: list[Element] = []
    if charted and other:
        left = Rect(area.x, area.y, area.w * 0.58, area.h)
        right = Rect(left.right + g.gutter, area.y, area.right - left.right - g.gutter, area.h)
    else:
        left = right = area
    if charted:
        els.append(_chart(p, charted, left))
    rest: list[str] = []
    if other:
        inner = right.inset(PAD)
        head = p.snug(
            [p.label("other_targets")],
            Style("heading", colour="primary"),
            Rect(inner.x, inner.y, inner.w, 30),
            (18, 14),
        )
        box = Rect(inner.x, head.box.bottom + 6, inner.w, inner.bottom - head.box.bottom - 6)
        style = Style("body", space_after=0.5, bullet=True)
        text = p.snug(other, style, box, BODY, name="Other targets text")
        if text is None:  # more than fits: the rest goes to a continuation slide
            shown, rest = p.type.split(other, style, box.w, box.h, BODY[1])
            if not shown:
                shown, rest = other[:1], other[1:]
            text = p.must_text(shown, style, box, BODY, name="Other targets text")
        # The panel as tall as its list, or as the chart beside it.
        bottom = right.bottom if charted else min(right.bottom, text.box.bottom + PAD)
        panel = Rect(right.x, right.y, right.w, bottom - right.y)
        els += [Shape(panel, "light", name="Other targets"), head, text]
    return els, rest


def _chart(p: Planner, charted: list[Target], box: Rect) -> Chart:
    """Last year's result beside this year's target, each labelled as the report writes it;
    a ceiling's bar drawn as an outline, a bound rather than an amount."""
    last = [same_unit(x.last, x.value, x.unit) for x in charted if x.last is not None]
    this = [stated(x.text, x.value, x.unit, x.kind) for x in charted]
    pairs = list(zip(charted, this, strict=True))
    return Chart(
        box,
        tuple(_target_caption(p, x, st.word if st else "") for x, st in pairs),
        (
            Series(
                p.label("last_result"),
                tuple(f.value for f in last),
                tuple(f.text for f in last),
                "muted",
            ),
            Series(
                p.label("this_target"),
                tuple(float(x.value) for x in charted),
                tuple(_as_written(x, st) for x, st in pairs),
                "primary",
                tuple(x.kind == "ceiling" for x in charted),
            ),
        ),
        title=p.label("targets_chart"),
        name="Targets chart",
    )


def _as_written(x: Target, st) -> str:
    """A target's figure as its text writes it ("8%左右", "5-6%")."""
    if st is None:
        return number_text(float(x.value)) + (x.unit or "")
    return st.before + st.number + st.after
