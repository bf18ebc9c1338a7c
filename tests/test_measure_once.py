"""Measure once: the line breaker's running widths are the very widths of the texts, and
breaking a text costs as many character lookups as it has characters, not as many as its
candidate lines hold (issue 15). That the plans drawn do not change is tests/test_golden.py's."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from deckgen.load import load_content
from deckgen.text import measure
from deckgen.text.breaks import line_spans
from deckgen.text.measure import Hanging, text_width, widths

SEED = Path(__file__).resolve().parents[1] / "content" / "liuhe-2023.yaml"
MIXED = (
    "累计落实组合式税费支持超22亿元、为历年新高。GDP增长5.5%左右，“免申即享”……"
    + " COVID-19 A/B 测试"
)


def _seed_texts() -> list[str]:
    content = load_content(SEED)
    return [p.text for h in content.review.highlights for p in h.points][:6]


@pytest.mark.parametrize("latin", [None, "Arial"])
@pytest.mark.parametrize("size", [18, 23.5])
def test_span_widths_equal_the_slices_widths_exactly(latin, size):
    """Not approximately: a line breaker comparing with <= must decide as before."""
    for text in [MIXED, *_seed_texts()[:2]]:
        span = widths("微软雅黑", size, latin=latin).spans(text)
        for start in range(0, len(text), 7):
            for end in range(start, len(text) + 1):
                expected = text_width(text[start:end], "微软雅黑", size, latin=latin)
                assert span(start, end) == expected, (text[start:end], size, latin)


def test_hanging_span_leaves_out_a_last_comma_or_stop():
    plain = widths("微软雅黑", 20)
    hanging = Hanging(plain, frozenset("，。"))
    text = "增长7%，为历年新高。"
    span = hanging.spans(text)
    assert span(0, 5) == plain(text[:4]) == hanging(text[:5])
    assert span(0, len(text)) == plain(text[:-1])
    assert span(0, 4) == plain(text[:4])


def test_breaking_is_linear_in_the_text(monkeypatch):
    """Ten times the paragraph, at a dozen widths: about ten times the characters summed."""
    added = []
    extend = measure._Run.extend

    def counting(self, chars, table):
        added.append(len(chars))
        return extend(self, chars, table)

    monkeypatch.setattr(measure._Run, "extend", counting)

    def summed(text: str) -> int:
        measure._RUNS.clear()
        added.clear()
        width = widths("微软雅黑", 18, latin="Arial")
        for room in range(300, 420, 10):
            line_spans(text, room, width)
        return sum(added)

    one = "".join(_seed_texts())
    once, tenfold = summed(one), summed(one * 10)
    assert tenfold <= 11 * once
    assert once <= 12 * 2 * len(one)  # each width: each character about once, and the next


class _Fresh:
    """A measure that keeps nothing: the same widths, every breaking done anew (and each
    line's end walked to, not searched for: it does not say it is monotone)."""

    def __init__(self, measure) -> None:
        self.measure = measure

    def __call__(self, text: str) -> float:
        return self.measure(text)

    def spans(self, text: str):
        return self.measure.spans(text)


@pytest.mark.parametrize("hanging", [False, True])
def test_lines_kept_at_one_width_are_the_lines_broken_at_another(hanging):
    """A text's lines found kept (at any width between the widest span that fitted and the
    narrowest that did not) are the lines breaking it anew at that width gives: widths tried
    in a jumbled order, each text at many nearby widths as the deck's fitter tries them."""
    rng = random.Random(15)
    plain = widths("微软雅黑", 20, latin="Arial")
    kept = Hanging(plain, frozenset("，。；")) if hanging else plain
    fresh = _Fresh(kept)
    texts = [MIXED, *_seed_texts(), "A/B 测试 COVID-19\n第二行“引号”……", ""]
    for text in texts:
        full = text_width(text, "微软雅黑", 20, latin="Arial")
        tried = [rng.uniform(10, full + 40) for _ in range(60)]
        tried += [w + d for w in tried[:10] for d in (-0.01, 0.0, 0.01)]
        rng.shuffle(tried)
        keep = [(m.start(), m.end()) for m in re.finditer(r"[0-9.]+%?", text)]
        for width in tried:
            assert line_spans(text, width, kept, keep) == line_spans(text, width, fresh, keep), (
                text[:20],
                width,
            )
