"""Fitting text into boxes: the largest size that fits, and where to split onto a continuation."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .breaks import Span, line_spans
from .measure import Widths, line_pitch, widths

_EPS = 1e-6


@dataclass(frozen=True)
class TextStyle:
    """How a block of text is set: typeface, weight, exact line spacing, paragraph spacing.

    ``family`` is the East Asian typeface by its Windows name ("微软雅黑"), ``latin`` the Latin
    one ("Arial"; None: ``family`` sets Latin text too). Whoever renders the text must write the
    same pair (a:ea and a:latin, w:eastAsia and w:ascii) and EXACT line spacing of
    ``size × line_spacing`` points, or the prediction does not hold.
    """

    family: str
    bold: bool = False
    line_spacing: float = 1.25
    space_after_pt: float = 0.0
    latin: str | None = None


@dataclass(frozen=True)
class Box:
    """The usable area inside a text box's insets, in points."""

    width_pt: float
    height_pt: float


class Para(NamedTuple):
    """A paragraph and its atomic spans (figures like "22亿元", as (start, end) offsets)."""

    text: str
    keep: tuple[Span, ...] = ()


ParaLike = Para | tuple[str, Sequence[Span]] | str


def _para(p: ParaLike) -> Para:
    if isinstance(p, str):
        return Para(p)
    text, keep = p
    return Para(text, tuple((int(s), int(e)) for s, e in keep))


def width_fn(style: TextStyle, size_pt: float) -> Widths:
    """The measure ``break_lines`` needs: a string's width in points in this style and size
    (and, for the line breaker, its spans' widths from running sums)."""
    return widths(style.family, size_pt, style.bold, latin=style.latin)


def _spans(paras: Sequence[Para], style: TextStyle, size_pt: float, width_pt: float):
    width = width_fn(style, size_pt)
    return [line_spans(p.text, width_pt, width, p.keep) for p in paras]


def layout(
    paragraphs: Sequence[ParaLike], style: TextStyle, size_pt: float, width_pt: float
) -> list[list[str]]:
    """The lines each paragraph breaks into at ``size_pt`` in a column ``width_pt`` wide."""
    paras = [_para(p) for p in paragraphs]
    spans = _spans(paras, style, size_pt, width_pt)
    return [[p.text[s:e] for s, e in sp] for p, sp in zip(paras, spans, strict=True)]


def height(lines_per_para: Sequence[Sequence[str]], style: TextStyle, size_pt: float) -> float:
    """Height of laid-out paragraphs: every line one pitch, plus space after all but the last."""
    if not lines_per_para:
        return 0.0
    n_lines = sum(len(lines) for lines in lines_per_para)
    pitch = line_pitch(size_pt, style.line_spacing)
    return n_lines * pitch + style.space_after_pt * (len(lines_per_para) - 1)


def sizes_between(sizes: tuple[float, float], step: float = 0.5) -> list[float]:
    """The candidate sizes from ``sizes[0]`` (max) down to ``sizes[1]`` (min), ``step`` apart.

    The minimum is always a candidate, even when the range is not a multiple of the step.
    """
    hi, lo = sizes
    if not (0 < lo <= hi) or step <= 0:
        raise ValueError(f"need 0 < min <= max and step > 0, got sizes={sizes}, step={step}")
    out: list[float] = []
    k = 0
    while hi - k * step > lo + _EPS:
        out.append(round(hi - k * step, 4))
        k += 1
    out.append(lo)
    return out


def _clip(keep: Sequence[Span], start: int, end: int) -> tuple[Span, ...]:
    """The keep spans inside [start, end), shifted to start at 0 (cut ones are clipped)."""
    out = []
    for s, e in keep:
        s2, e2 = max(s, start), min(e, end)
        if s2 < e2:
            out.append((s2 - start, e2 - start))
    return tuple(out)


def split(
    paragraphs: Sequence[ParaLike],
    style: TextStyle,
    box: Box,
    size_pt: float,
    safety: float = 0.96,
) -> tuple[list[Para], list[Para]]:
    """What fits ``box`` at ``size_pt`` and what must go on to a continuation slide.

    Whole paragraphs first; a paragraph too tall for what is left is cut after its last
    sentence that fits (never inside a sentence), its continuation keeping its keep spans
    (shifted); when no sentence of it fits, it moves on whole. Only a sentence taller than
    the whole box is cut at a line. ``fits`` is empty only when not even one line fits;
    ``rest`` is empty when everything does.
    """
    paras = [_para(p) for p in paragraphs]
    max_w, max_h = box.width_pt * safety, box.height_pt * safety
    pitch = line_pitch(size_pt, style.line_spacing)
    used = 0.0
    all_spans = _spans(paras, style, size_pt, max_w)
    for idx, (para, spans) in enumerate(zip(paras, all_spans, strict=True)):
        gap = style.space_after_pt if idx else 0.0
        if used + gap + len(spans) * pitch <= max_h + _EPS:
            used += gap + len(spans) * pitch
            continue
        m = math.floor((max_h - used - gap) / pitch + _EPS)
        if m < 1:
            return paras[:idx], paras[idx:]
        cut_end = sentence_end(para.text, spans[m - 1][1])
        if cut_end == 0 and idx:
            return paras[:idx], paras[idx:]  # no sentence ends in what fits: all of it moves on
        resume = cut_end
        if cut_end == 0:  # one sentence taller than the box: cut at a line, nothing else fits
            cut_end, resume = spans[m - 1][1], spans[m][0]
        while resume < len(para.text) and para.text[resume].isspace():
            resume += 1
        head = Para(para.text[:cut_end], _clip(para.keep, 0, cut_end))
        tail = Para(para.text[resume:], _clip(para.keep, resume, len(para.text)))
        return [*paras[:idx], head], [tail, *paras[idx + 1 :]]
    return paras, []


_SENTENCE_ENDS = "。！？；!?;"
_CLOSERS = "”’」』）)\"'"


def sentence_end(text: str, limit: int) -> int:
    """The end of the last sentence of ``text`` that ends at or before ``limit`` (after
    。！？； or a full stop before a space, with a closing quote or bracket that follows it);
    0 if none does."""
    for i in range(min(limit, len(text)) - 1, -1, -1):
        ch = text[i]
        end = i + 1
        if ch in _SENTENCE_ENDS or (ch == "." and (end == len(text) or text[end].isspace())):
            while end < len(text) and end < limit and text[end] in _CLOSERS:
                end += 1
            return end
    return 0
