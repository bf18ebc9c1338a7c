"""Chinese and mixed-script line breaking with kinsoku (避头尾), at least as strict as Office's."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from .table import CharTable

# Line-start prohibited (不能位于行首). The union of: the brief's list, Word's defaults for
# Simplified Chinese (ECMA-376 / Word "Asian typography"), LibreOffice's zh_CN locale data,
# W3C clreq, plus UAX #14 classes that forbid a break before them (CL, CP, EX, IS, NS, SY,
# PO, IN, hyphens). Stricter than any one renderer: fewer break opportunities can only make us
# predict MORE lines, never fewer.
NO_START = frozenset(
    "，。、；：？！）》」』】〕〗〙〛〉”’…‥%℃·,.;:?!)]}"
    "¢°†‡›∶〃〆〞﹚﹜﹞！＂％＇），．：；？］｝～｜｠｣"
    "'\"︰︱︳︴︶︸︺︼︾﹀﹂﹄﹏﹐﹑﹒﹔﹕﹖﹗､￠々‖•ˇˉ―—‐‑–-/／′″‴‰‱℉"
    "‼⁇⁈⁉・ー゠ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "\u00a0\u202f\u2060\ufeff"
)

# Line-end prohibited (不能位于行尾): opening brackets and quotes, currency prefixes.
NO_END = frozenset(
    "（《「『【〔〖〘〚〈“‘$¥([{£€₩#"
    "·'\"‵〝﹙﹛﹝（［｛＄￡￥＃．︵︷︹︻︽︿﹁﹃｟｢-/／"
    "\u00a0\u202f\u2060\ufeff"
)

_FORCED = re.compile(r"\r\n|[\n\r\u2028\u2029\v\f]")
# Runs that are never split: "——", "……" (and longer runs of the same).
_RUNS = re.compile(r"([—―…⋯])\1+")

_SLASH_WORD = re.compile(r"/[^\W\d_]")

Span = tuple[int, int]
WidthFn = Callable[[str], float]


class _Units:
    """A segment's unbreakable units, as one list a field (a text has about as many units as
    characters: a list each, not an object each). Unit k starts at ``start[k]``, its visible
    content ends at ``end[k]`` and its trailing whitespace (dropped when a line breaks after
    it) at ``stop[k]``; ``split[k]``: a piece of a word or figure too wide for a line, which
    a line may start with."""

    __slots__ = ("start", "end", "stop", "split")

    def __init__(self, start: list[int], end: list[int], stop: list[int]):
        self.start, self.end, self.stop = start, end, stop
        self.split = [False] * len(start)

    def explode(self, k: int) -> None:
        """Unit ``k``, too wide for any line, as one unit per character (the last keeps the
        whitespace)."""
        start, end, stop = self.start[k], self.end[k], self.stop[k]
        self.start[k : k + 1] = range(start, end)
        self.end[k : k + 1] = range(start + 1, end + 1)
        self.stop[k : k + 1] = [*range(start + 1, end), stop]
        self.split[k : k + 1] = [False] + [True] * (end - start - 1)


def _char_class(points: list[int]) -> str:
    """A regular expression's class of the code points ``points`` (ascending), as ranges
    (compiled in a millisecond, where a class like ``[^\\W_\\u0530-\\U0010ffff]`` takes ten)."""
    ranges: list[list[int]] = []
    for cp in points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]"


_WORD_CHAR = _char_class([cp for cp in range(0x0530) if chr(cp).isalnum()])
"""Latin (and Greek/Cyrillic) letters and digits: the stuff of unbreakable words."""
_WORD = re.compile(rf"{_WORD_CHAR}+(?:[.,\-'’/:_&+@]{_WORD_CHAR}+)*")
"""A Latin word: letters/digits with internal . , - ' / : _ & + @ (3.1, COVID-19, A/B)."""


def _words(text: str) -> list[Span]:
    """The spans of the Latin words in ``text``."""
    return [m.span() for m in _WORD.finditer(text)]


def _merge(spans: list[Span]) -> list[Span]:
    """Union of overlapping spans (adjacent ones stay apart: there's a break chance between)."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _glue(ch: str) -> bool:
    """Characters that belong to the one before: combining marks, variation selectors, ZWJ."""
    return (
        bool(unicodedata.combining(ch))
        or unicodedata.category(ch) in ("Mn", "Me")
        or (ch in "\u200d\ufe0e\ufe0f")
    )


_GLUE = CharTable(_glue)
_SPACE = CharTable(lambda ch: ch.isspace() and ch not in "\u00a0\u202f")
"""Whitespace a line may break at (not the no-break spaces)."""


def _units(text: str, atoms: list[Span]) -> tuple[list[int], list[int], list[int]]:
    """Split a forced-break-free segment into unbreakable units with trailing whitespace:
    their starts, ends and stops (as :class:`_Units`)."""
    if not any(_SPACE[ch] or _GLUE[ch] for ch in set(text)):
        return _plain_units(len(text), atoms)
    starts: list[int] = []
    ends: list[int] = []
    stops: list[int] = []
    atom_ends = {s: e for s, e in atoms}
    space, glue = _SPACE, _GLUE
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if space[ch]:
            j = i
            while j < n and space[text[j]]:
                j += 1
            if starts:
                stops[-1] = j
            else:  # leading whitespace: keep it as visible content of its own unit
                starts.append(i)
                ends.append(j)
                stops.append(j)
            i = j
            continue
        end = atom_ends.get(i, i + 1)
        if end == i + 1 and glue[ch] and starts and ends[-1] == stops[-1]:
            ends[-1] = stops[-1] = i + 1
        else:
            starts.append(i)
            ends.append(end)
            stops.append(end)
        i = end
    return starts, ends, stops


def _plain_units(n: int, atoms: list[Span]) -> tuple[list[int], list[int], list[int]]:
    """:func:`_units` of a text of ``n`` characters with no whitespace and no mark that
    joins the one before (most Chinese text): each atom a unit, every other character one."""
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for start, end in (*atoms, (n, n)):
        starts += range(at, start)
        ends += range(at + 1, start + 1)
        if start < end:
            starts.append(start)
            ends.append(end)
        at = end
    return starts, ends, list(ends)


# Quotation marks (UAX #14 class QU). LibreOffice breaks Latin text by ICU's rules, where
# nothing breaks on either side of a quote; so, whatever the script, neither do we.
_QUOTES = frozenset("“”‘’\"'‹›«»")

# After these (no space between) a line may still break before Latin text; after anything else
# that is not an ideograph (closing brackets and quotes, 、，。, ℃ ％, ①, ●) LibreOffice
# keeps the Latin word on the same line.
_BREAK_BEFORE_LATIN = frozenset("—―⸺…‥⋯～：；！？")
_BREAK_AFTER_LATIN = frozenset("—―⸺")


@lru_cache(maxsize=4096)
def _latinish(ch: str) -> bool:
    """Latin-like for line breaking (UAX #14 AL/NU/IS/PR/PO/AI): ASCII, Latin-1 (× · °),
    Latin Extended, Greek, Cyrillic, hyphens and en dash, and East-Asian-ambiguous symbols
    (① ● ★ → ℃), which ICU resolves to AL."""
    if ch.isspace():
        return False
    cp = ord(ch)
    if cp < 0x250 or 0x370 <= cp < 0x530 or 0x2010 <= cp <= 0x2013:
        return True
    return unicodedata.east_asian_width(ch) == "A" and unicodedata.category(ch) in (
        "So",
        "Sm",
        "Sk",
        "No",
    )


@lru_cache(maxsize=4096)
def _ideographic(ch: str) -> bool:
    """Ideographs, kana, hangul (wide letters): what a line may break before after Latin text."""
    return unicodedata.east_asian_width(ch) in ("W", "F") and unicodedata.category(ch)[0] == "L"


def _may_break(text: str, units: _Units, k: int) -> bool:
    """Whether a line may end after unit ``k - 1`` and the next begin with unit ``k``.

    Kinsoku (NO_START / NO_END); quotes glue to both neighbours; and what LibreOffice's ICU
    rules add around Latin text with no space between (measured with LibreOffice 7.4): after
    Latin text a line only breaks before an ideograph or a dash, never before a bracket,
    quote, symbol or currency sign ("30%“", "A（"); before Latin text only after an ideograph,
    a dash, an ellipsis or ：；！？, never after a closing bracket, 、，。, ℃, ①, ●
    ("增长7%、|18%" does not break there).
    """
    end = units.end[k - 1]
    a, b = text[end - 1], text[units.start[k]]
    if units.split[k]:  # inside a word too wide for any line: after a hyphen or slash, like ICU
        return a in "-‐–/" and b not in NO_START
    if b in NO_START or a in NO_END:
        return False
    if units.stop[k - 1] > end:  # a space between: breaks there unless kinsoku says no
        return True
    if a in _QUOTES or b in _QUOTES:
        return False
    if _latinish(a):
        return _ideographic(b) or b in _BREAK_AFTER_LATIN
    if _latinish(b):
        return _ideographic(a) or a in _BREAK_BEFORE_LATIN
    return True


@lru_cache(maxsize=4096)
def _units_kept(text: str, keep: tuple[Span, ...]) -> tuple[tuple[int, ...], ...]:
    """The units of a segment whose ``keep`` spans, Latin words and dash or ellipsis runs are
    never split: the same for every width a text is broken at, so found once. Their starts,
    ends and stops, and which are longer than one character (may be too wide for a line)."""
    atoms = [*keep, *_words(text), *(m.span() for m in _RUNS.finditer(text))]
    starts, ends, stops = _units(text, _merge(atoms))
    longer = [k for k, (s, e) in enumerate(zip(starts, ends, strict=True)) if e - s > 1]
    return tuple(starts), tuple(ends), tuple(stops), tuple(longer)


def _span_width(text: str, width: WidthFn) -> Callable[[int, int], float]:
    """The width of ``text[start:end]`` as a function of (start, end): from the measure's
    running sums where it keeps them (:meth:`deckgen.text.measure.Widths.spans`), else the
    slice measured whole."""
    spans = getattr(width, "spans", None)
    if spans is not None:
        return spans(text)
    return lambda start, end: width(text[start:end])


def _segment_spans(
    text: str, offset: int, max_width: float, width: WidthFn, keep: Sequence[Span]
) -> tuple[list[Span], float, float]:
    """Greedy line breaking of one segment (no forced breaks), spans offset into the text;
    and the widths between which its lines are the same (:func:`_greedy`)."""
    if not text:
        return [(offset, offset)], -math.inf, math.inf
    keep = tuple((s, e) for s, e in keep if 0 <= s < e <= len(text))
    # Measured as given (a str that knows where it starts), read as a plain str: the rules
    # index it character by character.
    monotone = getattr(width, "monotone", False)
    spans, lo, hi = _greedy(str(text), max_width, _span_width(text, width), keep, monotone)
    return [(offset + s, offset + e) for s, e in spans], lo, hi


def _greedy(
    text: str,
    max_width: float,
    span_width: Callable[[int, int], float],
    keep: tuple[Span, ...],
    monotone: bool = False,
) -> tuple[list[Span], float, float]:
    """The lines of a segment at ``max_width``, and the widths between which they are the
    same: the widest span measured that fitted, and the narrowest that did not.

    ``monotone``: a span is never narrower than a span it holds (:attr:`.measure.Widths.
    monotone`), so that how far the first line runs may be searched instead of walked."""
    lo, hi = -math.inf, math.inf

    def within(start: int, end: int) -> bool:
        nonlocal lo, hi
        w = span_width(start, end)
        if w <= max_width:
            if w > lo:
                lo = w
            return True
        if w < hi:
            hi = w
        return False

    starts, ends, stops, longer = _units_kept(text, keep)
    units = _Units(list(starts), list(ends), list(stops))
    start, end, stop = units.start, units.end, units.stop  # (exploding changes them in place)
    for k in reversed([k for k in longer if not within(start[k], end[k])]):
        units.explode(k)

    lines: list[Span] = []
    i, n = 0, len(start)
    guess = 1
    slashed = _SLASH_WORD.search(text) is not None  # else no unit holds a slash word
    while i < n:
        # j: how far the line runs (units i to j - 1, which fit when within(first, end[j - 1]));
        # the first unit always goes on. Start from the previous line's length and walk:
        # widths grow with j, lines are alike in length.
        first = start[i]
        j = min(n, i + guess)
        if monotone and not lines:  # no line before to start from: search, the same j
            j = _furthest(lambda j, first=first: within(first, end[j - 1]), i + 1, n)
        elif j > i + 1 and not within(first, end[j - 1]):
            j -= 1
            while j > i + 1 and not within(first, end[j - 1]):
                j -= 1
        else:
            while j < n and within(first, end[j]):
                j += 1
        guess = max(1, j - i)
        if j < n:
            k = j  # push down: move back to the last break the rules allow
            while k > i + 1 and not _may_break(text, units, k):
                k -= 1
            legal = _may_break(text, units, k)
            # As far as a renderer's line may run (nothing to look at without a slash word)
            ahead = range(k, min(n, j + (j - i) + 1)) if slashed else ()
            if legal and any(_SLASH_WORD.search(text, start[m], end[m]) for m in ahead):
                # LibreOffice, overflowing inside a word like "A/BCD", goes back to the last
                # space on the line (ICU quirk, measured with LibreOffice 7.4).
                spaced = [m for m in range(i + 1, k) if stop[m - 1] > end[m - 1]]
                k = spaced[-1] if spaced else k
            elif not legal and units.split[j]:
                k = j  # a word too wide for any line, alone on it: break where it is full,
                while k > i + 1 and text[start[k]] in NO_START:  # but not before "%"
                    k -= 1
            elif not legal:
                # No legal break on the whole line (a chain like "world，’家" in a very narrow
                # box): renderers then break wherever they like, even inside a word
                # (LibreOffice: "worl|d，’家"). Assume the worst: one character.
                if end[i] - start[i] > 1:
                    units.explode(i)
                    n = len(start)
                k = i + 1
            j = k
        lines.append((start[i], end[j - 1]))
        i = j
    return lines, lo, hi


def _furthest(fits: Callable[[int], bool], least: int, most: int) -> int:
    """The largest j from ``least`` to ``most`` for which ``fits(j)``, where ``fits`` holds
    up to some j and fails after it (``least`` fits, unasked): found by doubling the step,
    then halving it, in about 2·log2(j - least) questions instead of j - least."""
    lo, step = least, 1
    while lo < most:
        probe = min(lo + step, most)
        if not fits(probe):
            hi = probe
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if fits(mid):
                    lo = mid
                else:
                    hi = mid
            return lo
        lo, step = probe, step * 2
    return lo


def line_spans(
    text: str,
    max_width_pt: float,
    width: WidthFn,
    keep: Sequence[Span] = (),
) -> list[Span]:
    """Where ``break_lines`` breaks ``text``: one (start, end) offset pair per line.

    The text between one line's end and the next line's start is whitespace only (the space or
    newline dropped at the break); so is anything after the last line.

    A measure that keeps what a text broke into (:meth:`deckgen.text.measure.Widths.broken`)
    is asked first: breaking depends on the width only through comparisons with the widths
    of the spans tried, so the lines found at one width hold for every width between the
    widest span that fitted and the narrowest that did not.
    """
    broken = getattr(width, "broken", None)
    memo = broken(text).setdefault(tuple((s, e) for s, e in keep), []) if broken else None
    for lo, hi, spans in memo or ():
        if lo <= max_width_pt < hi:
            return list(spans)
    spans, lo, hi = [], -math.inf, math.inf
    start = 0
    bounds = [m.span() for m in _FORCED.finditer(text)] + [(len(text), len(text))]
    for stop, resume in bounds:
        seg_keep = [
            (max(s, start) - start, min(e, stop) - start)
            for s, e in keep
            if max(s, start) < min(e, stop)
        ]
        segment = _segment_spans(text[start:stop], start, max_width_pt, width, seg_keep)
        spans += segment[0]
        lo, hi = max(lo, segment[1]), min(hi, segment[2])
        start = resume
    if memo is not None:
        memo.append((lo, hi, spans))
        return list(spans)
    return spans


def break_lines(
    text: str,
    max_width_pt: float,
    width: WidthFn,
    keep: Sequence[Span] = (),
) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width_pt`` as ``width`` measures them.

    Breaks anywhere between CJK characters; keeps Latin words, "——", "……" and the ``keep``
    spans (figures such as "22亿元", "30.2%") whole unless one alone is wider than a line; obeys
    kinsoku by pushing the offending character down to the next line; "\\n" forces a break.
    Whitespace at a break is dropped; otherwise ``"".join(lines)`` is ``text``.
    An empty text (or an empty line between two newlines) is one empty line.
    """
    return [text[s:e] for s, e in line_spans(text, max_width_pt, width, keep)]
