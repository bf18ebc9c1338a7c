"""A briefing's paragraph broken into lines as its renderers break it: each character's
advance in the face that sets it, the document's tracking, the space LibreOffice adds where
Chinese and Latin text meet, and Chinese line-breaking rules (:mod:`deckgen.text.breaks`).

Faces are the theme's, as fontconfig resolves them (Liberation Serif for Times New Roman has
its very advances; a 仿宋 substitute sets every Chinese character one em wide, as 仿宋 does).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import accumulate

from ...template.theme import BriefingFonts
from ...text.advance import advance
from ...text.breaks import line_spans
from .styles import Style, own_face

AUTOSPACE = 0.2
"""Where a Chinese character and a Latin letter or digit meet, LibreOffice adds a fifth of
the font size (measured: 3.2 pt at 三号); Word's ``w:autoSpaceDE``/``DN`` add about as much."""


class _At(str):
    """A piece of a paragraph's text that knows where it starts in the paragraph: the line
    breaker slices the text, and each slice is measured with its own characters' faces."""

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


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _script(ch: str) -> str:
    """LibreOffice's script of ``ch``: "A" (East Asian: wide characters) or "L" (the rest)."""
    return "A" if _wide(ch) else "L"


def _spaced(a: str, b: str) -> bool:
    """Whether LibreOffice adds space between ``a`` and ``b``: a Chinese character (not a
    mark) beside a Latin letter or digit."""
    for x, y in ((a, b), (b, a)):
        if _wide(x) and unicodedata.category(x)[0] == "L" and y.isalnum() and not _wide(y):
            return True
    return False


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
        chars: list[tuple[str, tuple]] = []
        widths: list[float] = []
        for text, bold in runs:
            bold = bold or style.bold
            for ch in text:
                own = own_face(ch)
                east_asian = _wide(ch) or (chinese and own)
                face = font.east_asian if east_asian else font.latin
                widths.append(advance(ch, face, bold) * style.size)
                chars.append((ch, (bold, own, _script(ch))))
        self.text = "".join(ch for ch, _ in chars)
        clusters = set()
        dash = font.east_asian if chinese else font.latin
        if chinese and advance("—", dash) < 1:  # a face whose dash is narrower than its
            # characters (Noto CJK) sets "——" as one two-em dash, tracking none of it
            for m in _DASHES.finditer(self.text):
                widths[m.start() : m.end()] = [style.size] * (m.end() - m.start())
                clusters.update(range(m.start(), m.end()))
        # Each character's tracking (none for the last of a portion: a change of run or of
        # script follows), and the space between scripts after it.
        track = [spacing] * len(chars)
        space = [0.0] * len(chars)
        for i in range(len(chars) - 1):
            (a, key_a), (b, key_b) = chars[i], chars[i + 1]
            if key_a != key_b or i in clusters:
                track[i] = 0.0
            if _spaced(a, b):
                space[i] = AUTOSPACE * style.size
        self.sums = [0.0, *accumulate(w + t for w, t in zip(widths, track, strict=True))]
        self.spaces = [0.0, *accumulate(space)]
        self.spacing = spacing
        self.untracked = [t != spacing for t in track]
        self.indent = style.indent / 20

    def __call__(self, piece: str) -> float:
        """The width of ``piece`` (a slice of the text, knowing where it starts) on a line."""
        start = getattr(piece, "start", 0)
        end = start + len(piece)
        if end <= start:
            return 0.0
        width = self.sums[end] - self.sums[start] + self.spaces[end - 1] - self.spaces[start]
        if self.untracked[end - 1]:  # a line's last character is measured with its tracking
            width += self.spacing
        return width + (self.indent if start == 0 else 0.0)


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
