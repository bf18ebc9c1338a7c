"""Text widths from real font metrics (Pillow), with wide-side built-in metrics as a fallback."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

from .fonts import FontFile, fallback_file, font_file
from .table import CharTable

REF_PX = 1000
"""The size fonts are loaded at; advances are read there and scaled (1000 px ≈ 1/1000 em)."""


@dataclass(frozen=True, eq=False)
class _Face:
    """A typeface as the text names it, and the file it resolves to: one object a face (made
    by :func:`_face`), compared by identity, so that the caches keyed by it hash no paths."""

    family: str
    bold: bool
    file: FontFile


@lru_cache(maxsize=64)
def _load(path: str, index: int) -> ImageFont.FreeTypeFont | None:
    """The face at the reference size, or None if Pillow cannot read it."""
    try:
        return ImageFont.truetype(path, REF_PX, index=index, layout_engine=ImageFont.Layout.BASIC)
    except OSError:
        return None


@lru_cache(maxsize=256)
def _face(family: str | None, bold: bool) -> _Face | None:
    """The loadable face a family resolves to, or None (use the built-in metrics)."""
    if not family:
        return None
    found = font_file(family, bold)
    if found is None or _load(str(found.path), found.index) is None:
        return None
    return _Face(family, bold, found)


def fallback_em(ch: str) -> float:
    """Built-in advance of ``ch`` in em, for a machine without the font: errs on the wide side."""
    if ch in "\n\r\t\u200b\u200c\u200d\u2060\ufeff":
        return 0.0
    if ch.isspace():
        return 0.28 if ch in " \u00a0" else 1.0
    if unicodedata.combining(ch):
        return 0.0
    if ch.isascii():
        if ch.isdigit():
            return 0.56
        if ch in "MW%@&":
            return 1.0
        if ch in "mw":
            return 0.9
        if ch.isupper():
            return 0.68
        return 0.6
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0  # ideographs, full-width forms, and “”‘’—…· which CJK fonts set full-width
    return 0.7


@lru_cache(maxsize=64)
def _file_ems(path: str, index: int) -> CharTable[float] | None:
    """The advances (em) of characters in one font file, each read from Pillow the first
    time it is looked up; None if Pillow cannot load the file."""
    font = _load(path, index)
    if font is None:
        return None
    return CharTable(lambda ch: font.getlength(ch) / REF_PX)


def _em_in(file: FontFile, ch: str) -> float | None:
    """Advance of ``ch`` in em in ``file`` (kept); None if Pillow cannot load it."""
    ems = _file_ems(str(file.path), file.index)
    return ems[ch] if ems is not None else None


@lru_cache(maxsize=256)
def _measured_em(face: _Face) -> CharTable[float]:
    """The advances (em) of characters set in ``face``, following the renderer's glyph
    fallback (:func:`_face_em`), each found the first time it is looked up."""
    return CharTable(lambda ch: _face_em(face, ch))


def _face_em(face: _Face, ch: str) -> float:
    """Advance of ``ch`` in em set in ``face``, following the renderer's glyph fallback.

    A character the face lacks comes from whatever fontconfig falls back to, which depends on
    the language of the text around it (DejaVu for Latin, Noto CJK for Chinese): take the
    wider, and never less than the built-in metric.
    """
    if face.file.covers(ch):
        em = _em_in(face.file, ch)
        return em if em is not None else fallback_em(ch)
    ems = [fallback_em(ch)]
    for lang in ("en", "zh-cn"):
        other = fallback_file(face.family, face.bold, ch, lang)
        if other is not None and (em := _em_in(other, ch)) is not None:
            ems.append(em)
    return max(ems)


AUTOSPACE_EM = 0.25
"""Extra space where the text switches between East Asian and Latin script, in em.

LibreOffice applies "spacing between Asian and non-Asian text" by default (1/5 of the portion's
height: 0.24 em with the fixed cell height it uses for .pptx; measured 0.236-0.256 em), and
Word's autoSpaceDE/autoSpaceDN do much the same. PowerPoint adds none, so counting it is safe.
"""


def _script(ch: str) -> str:
    """ "L" (Latin), "A" (East Asian) or "" (weak: takes its neighbours' script) for autospacing.

    Like LibreOffice: ASCII and Latin-1 (letters, digits AND punctuation), Latin Extended,
    Greek and Cyrillic are Latin; wide and full-width characters are Asian; the rest (spaces,
    “”‘’—…, symbols) is weak and never starts a script change.
    """
    if ch.isspace() or unicodedata.category(ch)[0] in "CZM":
        return ""
    cp = ord(ch)
    if cp < 0x250 or 0x370 <= cp < 0x530 or 0x1E00 <= cp < 0x1F00:
        return "L"
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return "A"
    return ""


_SCRIPTS = CharTable(_script)
""":func:`_script` of each character, looked up once."""


@lru_cache(maxsize=4096)
def _width_rule(ch: str) -> tuple[str, float]:
    """Which face(s) set ``ch`` ("ea", "latin" or "both": the wider) and its floor in em."""
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F"):
        return "ea", fallback_em(ch)
    if _script(ch) == "L" and eaw != "A":
        return "latin", 0.0
    # Ambiguous (×·°é“”—…℃…) or weak: the renderers disagree on the font, take the wider;
    # East Asian Ambiguous characters are full-width in CJK fonts, so never under 1 em.
    return "both", (fallback_em(ch) if eaw == "A" else 0.0)


def char_em(ch: str, ea: _Face | None, latin: _Face | None) -> float:
    """Advance of one character in em, given the East Asian and the Latin face.

    East Asian characters are measured in the East Asian face, Latin ones in the Latin face, and
    the ambiguous or weak ones (curly quotes, dashes, ellipsis, middle dot, spaces …) take the
    wider of the two, since PowerPoint and LibreOffice disagree on which font sets them.
    Full-width and ambiguous characters are never narrower than 1 em: a face without the glyph
    makes the renderer fall back to a CJK font, where they are full-width.
    """
    if ch in "\n\r\u200b\u200c\u200d\u2060\ufeff":
        return 0.0
    rule, floor = _width_rule(ch)
    faces = (ea,) if rule == "ea" else (latin,) if rule == "latin" else (ea, latin)
    em = max(_measured_em(f)[ch] if f is not None else fallback_em(ch) for f in faces)
    return max(em, floor)


def autospace_count(text: str) -> int:
    """How many times ``text`` switches between Latin and East Asian script (weak chars skipped).

    Weak characters before the first strong one (a line opening with “ or ●) count as a switch
    of their own: LibreOffice gives them the script of the text before (or the default, Latin,
    at a paragraph's start), which may differ from the script after them.
    """
    count, last, leading_weak = 0, "", False
    for ch in text:
        script = _SCRIPTS[ch]
        if script:
            if last and script != last:
                count += 1
            elif not last and leading_weak:
                count += 1
            last = script
        elif not last and ch not in "\n\r":
            leading_weak = True
    return count


def text_width(
    text: str,
    family: str,
    size_pt: float,
    bold: bool = False,
    *,
    latin: str | None = None,
    autospace: bool = True,
) -> float:
    """The advance width of ``text`` in points, set in ``family`` at ``size_pt``.

    ``family`` is the East Asian typeface by its Windows name (e.g. "微软雅黑"); ``latin`` the
    typeface for Latin letters and digits (e.g. "Arial"), or None to use ``family`` for all.
    The width is the sum of per-character advances (no kerning, which only ever narrows text)
    plus, with ``autospace``, AUTOSPACE_EM at every switch between Latin and East Asian script.
    """
    return widths(family, size_pt, bold, latin=latin, autospace=autospace)(text)


def widths(
    family: str,
    size_pt: float,
    bold: bool = False,
    *,
    latin: str | None = None,
    autospace: bool = True,
) -> Widths:
    """:func:`text_width` in one face pair at one size, as a callable that also measures the
    spans of a text incrementally (:meth:`Widths.spans`)."""
    ea = _face(family, bold)
    return _widths(ea, _face(latin, bold) if latin else ea, size_pt, autospace)


@lru_cache(maxsize=256)
def _widths(ea: _Face | None, latin: _Face | None, size_pt: float, autospace: bool) -> Widths:
    return Widths(_table(ea, latin), size_pt, autospace)


@lru_cache(maxsize=64)
def _table(ea: _Face | None, latin: _Face | None) -> CharTable[float]:
    """The advances (em) of the characters measured so far in one face pair, shared by every
    size: a character's advance is looked up once."""
    return CharTable(lambda ch: char_em(ch, ea, latin))


class _Run:
    """Running sums from one start in a text: the advances (em) and the script switches of
    ``text[start:start + k]`` for every k measured so far."""

    __slots__ = ("ems", "switches", "last", "weak")

    def __init__(self) -> None:
        self.ems: list[float] = [0]  # an int 0, as sum() starts: the same float additions
        self.switches = [0]
        self.last, self.weak = "", False

    def extend(self, chars: str, table: CharTable[float]) -> None:
        """Add ``chars``, counting script switches as :func:`autospace_count` does."""
        ems, switches, last, weak = self.ems, self.switches, self.last, self.weak
        em, count, scripts = ems[-1], switches[-1], _SCRIPTS
        for ch in chars:
            em = em + table[ch]
            ems.append(em)
            script = scripts[ch]
            if script:
                if (last and script != last) or (not last and weak):
                    count += 1
                last = script
            elif not last and ch not in "\n\r":
                weak = True
            switches.append(count)
        self.last, self.weak = last, weak


class Widths:
    """Widths of texts in one face pair at one size, in points, summed exactly as
    :func:`text_width` sums them (its one implementation). :meth:`spans` measures the spans
    of one text from running sums, so that a line breaker trying longer and longer lines
    measures each character once a line start, and again for no other width or line."""

    monotone = True
    """A span is never narrower than a span it holds: advances are never negative (each
    one's floor is 0), script switches only add up, and float sums and products of such
    never shrink. The line breaker may search a line's end instead of walking to it."""

    def __init__(self, table: CharTable[float], size_pt: float, autospace: bool):
        self.table, self.size, self.autospace = table, size_pt, autospace

    def _width(self, em: float, switches: int) -> float:
        if self.autospace:
            em += AUTOSPACE_EM * switches
        return em * self.size

    def __call__(self, text: str) -> float:
        table = self.table
        return self._width(sum(table[ch] for ch in text), autospace_count(text))

    def spans(self, text: str) -> Callable[[int, int], float]:
        """The width of ``text[start:end]``, as a function of (start, end)."""
        runs = _kept(self, text).runs

        def width(start: int, end: int) -> float:
            run = runs.get(start)
            if run is None:
                run = runs[start] = _Run()
            k = end - start
            if k >= len(run.ems):
                run.extend(text[start + len(run.ems) - 1 : end], self.table)
            return self._width(run.ems[k], run.switches[k])

        return width

    def broken(self, text: str) -> Broken:
        """What ``text`` broke into so far in this measure (kept by the line breaker)."""
        return _kept(self, text).broken


@dataclass(frozen=True)
class Hanging:
    """A line's width as a renderer that lets ``chars`` hang past the line's end counts it:
    a line ending in one of them is measured without it. The same ``plain`` and ``chars``
    are the same measure (one kept breaking of each text)."""

    plain: Widths
    chars: frozenset[str]

    monotone = True
    """As :attr:`Widths.monotone`: a longer span measures no less of the text than a
    shorter one, even when it ends in a hanging mark."""

    def __call__(self, line: str) -> float:
        return self.plain(line[:-1] if line and line[-1] in self.chars else line)

    def spans(self, text: str) -> Callable[[int, int], float]:
        """As :meth:`Widths.spans`."""
        plain, chars = self.plain.spans(text), self.chars

        def width(start: int, end: int) -> float:
            return plain(start, end - 1 if end > start and text[end - 1] in chars else end)

        return width

    def broken(self, text: str) -> Broken:
        """As :meth:`Widths.broken`."""
        return _kept(self, text).broken


Broken = dict[tuple[tuple[int, int], ...], list[tuple[float, float, list[tuple[int, int]]]]]
"""A text's lines by its keep spans: (lo, hi, line spans) for each width broken at, the
lines holding for any width from lo up to hi (:func:`~.breaks.line_spans`)."""


class _Kept:
    """What is kept of one text in one measure: the running sums from each line start
    measured so far, and the lines it broke into."""

    __slots__ = ("runs", "broken")

    def __init__(self) -> None:
        self.runs: dict[int, _Run] = {}
        self.broken: Broken = {}


def _kept(measure: Widths | Hanging, text: str) -> _Kept:
    """What is kept of ``text`` in ``measure``: the most recently used RUNS_KEPT texts."""
    key = (measure, text)
    kept = _RUNS.pop(key, None)
    if kept is None:
        kept = _Kept()
        if len(_RUNS) >= RUNS_KEPT:
            del _RUNS[next(iter(_RUNS))]
    _RUNS[key] = kept  # the most recently used last
    return kept


RUNS_KEPT = 1024
"""How many texts' running sums and lines (each in a measure: face pair, size, hanging
marks) are kept for the next fit."""

_RUNS: dict[tuple[Widths | Hanging, str], _Kept] = {}


def line_pitch(size_pt: float, spacing: float) -> float:
    """The distance between baselines in points: deckgen writes EXACT line spacing, size×spacing."""
    return size_pt * spacing
