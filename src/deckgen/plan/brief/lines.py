"""A briefing's paragraph broken into lines as its renderers break it: each character's
advance in the face that sets it, the document's tracking, the space LibreOffice adds where
Chinese and Latin text meet, and Chinese line-breaking rules (:mod:`deckgen.text.breaks`).

Faces are the theme's, as fontconfig resolves them (Liberation Serif for Times New Roman has
its very advances; a 仿宋 substitute sets every Chinese character one em wide, as 仿宋 does).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from itertools import accumulate, pairwise
from typing import NamedTuple

from ...template.theme import BriefingFonts
from ...text.advance import advance, advances
from ...text.breaks import line_spans
from ...text.table import CharTable
from .styles import Style, own_face

AUTOSPACE = 0.2
"""Where a Chinese character and a Latin letter or digit meet, LibreOffice adds a fifth of
the font size (measured: 3.2 pt at 三号); Word's ``w:autoSpaceDE``/``DN`` add about as much."""


class _At(str):
    """A piece of a paragraph's text that knows where it starts in the paragraph: the line
    breaker slices the text (at forced breaks), and each slice is measured with its own
    characters' faces (:meth:`Measure.spans`)."""

    start: int

    def __new__(cls, text: str, start: int = 0) -> _At:
        piece = super().__new__(cls, text)
        piece.start = start
        return piece

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, slice):
            begin, _, step = key.indices(len(self))
            if step == 1:
                return _At(str.__getitem__(self, key), self.start + begin)
        return str.__getitem__(self, key)


class _Kind(NamedTuple):
    """What the measure asks of a character."""

    wide: bool
    """East Asian wide or full-width: LibreOffice's East Asian script ("A", the rest "L")."""
    own: bool
    """A mark set in its own face (:func:`.styles.own_face`)."""
    han: bool
    """A wide letter (a Chinese character, not a mark): spaced from Latin letters and digits."""
    latin: bool
    """A letter or digit that is not wide."""
    portion: int
    """Its script and whether it is set in its own face, as one number: a portion (a run of
    one face, weight and script) ends where this or the weight changes."""


def _kind(ch: str) -> _Kind:
    wide = unicodedata.east_asian_width(ch) in "WF"
    own = own_face(ch)
    return _Kind(
        wide,
        own,
        wide and unicodedata.category(ch)[0] == "L",
        ch.isalnum() and not wide,
        2 * own + wide,
    )


_KINDS = CharTable(_kind)
_DASHES = re.compile(r"[—―]{2,}")


class Measure:
    """Widths, in points, of the pieces of one paragraph set in ``style``.

    LibreOffice sets text in portions (a run of one face and weight, one script) and adds the
    tracking to each character of a portion but its last, and to the last of a line
    (measured with LibreOffice 7.4).
    Runs cut where the renderer cuts them: at figures set bold and around marks set in their
    own face (:func:`.styles.own_face`).
    """

    def __init__(
        self,
        runs: Sequence[tuple[str, bool]],
        style: Style,
        fonts: BriefingFonts,
        chinese: bool,
        tracking: float,
    ):
        font = getattr(fonts, style.role)
        spacing = tracking + style.letter_spacing
        size = style.size
        kinds: list[_Kind] = []
        portions: list[int] = []  # each character's portion: its kind's, and the weight
        widths: list[float] = []
        for text, bold in runs:
            bold = bold or style.bold
            east_asian, latin = advances(font.east_asian, bold), advances(font.latin, bold)
            weight = 4 if bold else 0
            these = [_KINDS[ch] for ch in text]
            kinds += these
            portions += [weight + kind.portion for kind in these]
            widths += [
                (east_asian if kind.wide or (chinese and kind.own) else latin)[ch] * size
                for ch, kind in zip(text, these, strict=True)
            ]
        self.text = "".join(text for text, _ in runs)
        clusters = set()
        dash = font.east_asian if chinese else font.latin
        if chinese and advance("—", dash) < 1:  # a face whose dash is narrower than its
            # characters (Noto CJK) sets "——" as one two-em dash, tracking none of it
            for m in _DASHES.finditer(self.text):
                widths[m.start() : m.end()] = [size] * (m.end() - m.start())
                clusters.update(range(m.start(), m.end()))
        # Each character's tracking (none for the last of a portion: a change of run or of
        # script follows), and the space between scripts after it: where a Chinese
        # character (not a mark) meets a Latin letter or digit.
        track = [spacing if a == b else 0.0 for a, b in pairwise(portions)]
        for i in clusters.intersection(range(len(track))):
            track[i] = 0.0
        autospace = AUTOSPACE * size
        space = [
            autospace if (a.han and b.latin) or (b.han and a.latin) else 0.0
            for a, b in pairwise(kinds)
        ]
        if kinds:  # the last character: tracked (a line's last is), nothing after it
            track.append(spacing)
            space.append(0.0)
        self.sums = [0.0, *accumulate(w + t for w, t in zip(widths, track, strict=True))]
        self.spaces = [0.0, *accumulate(space)]
        self.spacing = spacing
        self.untracked = [t != spacing for t in track]
        self.indent = style.indent / 20

    def between(self, start: int, end: int) -> float:
        """The width of the text from ``start`` to ``end`` on a line."""
        if end <= start:
            return 0.0
        width = self.sums[end] - self.sums[start] + self.spaces[end - 1] - self.spaces[start]
        if self.untracked[end - 1]:  # a line's last character is measured with its tracking
            width += self.spacing
        return width + (self.indent if start == 0 else 0.0)

    def __call__(self, piece: str) -> float:
        """The width of ``piece`` (a slice of the text, knowing where it starts) on a line."""
        start = getattr(piece, "start", 0)
        return self.between(start, start + len(piece))

    def spans(self, piece: str) -> Callable[[int, int], float]:
        """The width of ``piece[start:end]`` as a function of (start, end), for the line
        breaker: offsets into the paragraph, no slice made."""
        at, between = getattr(piece, "start", 0), self.between
        return lambda start, end: between(at + start, at + end)


SLACK = 0.15
"""Points of a line LibreOffice leaves unfilled: it refuses a line 0.1 pt narrower than the
版心 and takes one 0.3 pt narrower (measured, LibreOffice 7.4)."""

_QUOTES_AS_BRACKETS = str.maketrans("“‘”’", "「「」」")
"""In Chinese text LibreOffice breaks before an opening quote and after a closing one, as
before and after a bracket (ICU's CJK rules): the line breaker reads them as brackets."""
_LONE_DASH = re.compile(r"(?<![—―])[—―](?![—―])")
"""A dash standing alone (邛崃—岷山), which LibreOffice breaks before and after as beside an
ideograph; a pair ("——") it never splits nor starts a line with."""


def break_into_lines(
    runs: Sequence[tuple[str, bool]],
    style: Style,
    fonts: BriefingFonts,
    chinese: bool,
    tracking: float,
    width: int,
) -> list[str]:
    """The lines ``runs`` (text, bold) break into in ``style`` on a line ``width`` twips
    wide (less the style's indents); an empty paragraph is one line. The widths come from
    the text's offsets (:class:`Measure`), the break rules from the text the breaker reads."""
    measure = Measure(runs, style, fonts, chinese, tracking)
    room = (width - style.left) / 20 - SLACK
    rules = measure.text
    if chinese:
        rules = _LONE_DASH.sub("一", rules.translate(_QUOTES_AS_BRACKETS))
    return [measure.text[s:e] for s, e in line_spans(_At(rules), room, measure)]


def line_width(
    runs: Sequence[tuple[str, bool]],
    style: Style,
    fonts: BriefingFonts,
    chinese: bool,
    tracking: float,
) -> float:
    """The width of ``runs`` set on one line (no indent), points."""
    measure = Measure(runs, style, fonts, chinese, tracking)
    return measure(_At(measure.text)) - measure.indent if measure.text else 0.0
