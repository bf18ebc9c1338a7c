"""Typesetting for the deck plan: measured, fitted paragraphs with figures emphasised.

This is where the plan asks :mod:`deckgen.text` how large a text may be set in a box,
and turns the answer into :class:`~deckgen.plan.slides.Paragraph` runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..figures import figure_spans
from ..template.theme import Theme
from ..text.breaks import line_spans
from ..text.fit import Box, Para, TextStyle, layout, sizes_between, split, width_fn
from ..text.fit import height as lines_height
from ..text.measure import Hanging, text_width
from .layout import LINE_SPACING
from .slides import Align, Anchor, ColourRole, Paragraph, Rect, Role, Run, TextBox

HANGING = frozenset("，。、．,.")
"""Punctuation a renderer lets hang past the line's end (标点悬挂)."""

GUARD_WIDTHS = (0.995, 1.0, 1.005)
"""Line widths, as shares of the box's, at which a renderer's breaks are foreseen."""

FREE_QUOTES = str.maketrans({q: "〇" for q in "“”‘’「」『』"})
"""Quotes swapped for an ideograph of the same width, which breaks freely on either side."""

WHOLE_FIGURES = 0.9
"""How much smaller than the largest size that fits a text may be set to keep its figures
whole on their lines; below that, the larger size wins and a figure may break."""

BULLET_INDENT = 1.2
"""A bullet's hanging indent, in ems of the text's size."""

SAFETY = 0.96
"""Fraction of a box's width and height that fitted text may use."""


@dataclass(frozen=True)
class Style:
    """How a text role is set: which theme font, bold, colour, and spacing."""

    role: Role = "body"
    bold: bool = False
    colour: ColourRole = "text"
    align: Align = "l"
    emphasise: bool = False
    """Whether figures in the text are set bold in the accent colour."""
    line_spacing: float = LINE_SPACING
    space_after: float = 0.45
    """Space after a paragraph, in ems of the chosen size."""
    hang: bool = True
    """Whether punctuation may hang one em past the measure (see ``TextBox.hang``);
    only left-aligned and justified body text hangs (headings rarely end in ，。)."""
    bullet: bool = False
    """Whether each paragraph is a bulleted list item, set in by ``BULLET_INDENT`` ems."""

    def indent(self, size: float) -> float:
        """The bullet's hanging indent at ``size``, in points (0 without a bullet)."""
        return BULLET_INDENT * size if self.bullet else 0.0

    def hang_room(self, size: float) -> float:
        """The room kept at the right for hanging punctuation at ``size``, in points."""
        hangs = self.hang and self.role == "body" and self.align in ("l", "just")
        return size if hangs else 0.0


@dataclass(frozen=True)
class Fitted:
    """Texts fitted to a box: the size chosen and the paragraphs to draw."""

    size: float
    paragraphs: tuple[Paragraph, ...]
    height: float
    lines: int
    hang: float = 0.0
    trim: float = 0.0
    """Width left unused at the right so that lines break where no figure is split."""

    def box(
        self, rect: Rect, anchor: Anchor = "t", name: str = "Text", placeholder=None
    ) -> TextBox:
        """These paragraphs in a text box ``rect``, with room for hanging punctuation."""
        return TextBox(rect, self.paragraphs, anchor, 0.0, name, placeholder, self.hang, self.trim)


class Typesetter:
    """Measures and fits texts in a theme's fonts."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self._fits: dict[tuple, Fitted | None] = {}
        self._splits: dict[tuple, int] = {}
        self._figures: dict[str, tuple[tuple[int, int], ...]] = {}

    def figures(self, text: str) -> tuple[tuple[int, int], ...]:
        """The spans of the figures in ``text``, found once a text: every size and width
        a text is tried at asks again."""
        found = self._figures.get(text)
        if found is None:
            found = self._figures[text] = tuple(figure_spans(text))
        return found

    def family(self, style: Style) -> str:
        return self._font(style.role).east_asian

    def _font(self, role: Role):
        return getattr(self.theme.fonts, role)

    def _bold(self, style: Style) -> bool:
        return style.bold or self._font(style.role).bold

    def _text_style(self, style: Style, size: float) -> TextStyle:
        return TextStyle(
            family=self.family(style),
            bold=self._bold(style),
            line_spacing=style.line_spacing,
            space_after_pt=style.space_after * size,
            latin=self._font(style.role).latin,
        )

    def width(self, text: str, style: Style, size: float) -> float:
        """The width of ``text`` on one line, in points."""
        latin = self._font(style.role).latin
        return text_width(text, self.family(style), size, self._bold(style), latin=latin)

    def fit(
        self,
        texts: Sequence[str],
        style: Style,
        width: float,
        height: float,
        sizes: tuple[float, float],
    ) -> Fitted | None:
        """The largest size in ``sizes`` at which ``texts`` fit ``width`` × ``height``.

        The texts are never changed. Where a renderer would split a figure across lines,
        the box leaves a little width unused at its right (up to 12%) or takes a slightly
        smaller size (within ``WHOLE_FIGURES``) so that its lines end elsewhere; the choice
        that splits fewest figures wins, the largest size first. A figure on one line is a
        layout wish, never a reason to touch the author's text: some may still split.
        The answer is kept: the same texts in the same box are fitted once.
        """
        key = (tuple(texts), style, width, height, sizes)
        if key not in self._fits:
            self._fits[key] = self._fit(*key)
        return self._fits[key]

    def _fit(self, texts, style: Style, width: float, height: float, sizes) -> Fitted | None:
        best: tuple[int, Fitted] | None = None
        for size in sizes_between(sizes):
            if best is not None and size < best[1].size * WHOLE_FIGURES:
                break
            for trim in (0.0, *_trims(width)):  # lines broken a little earlier, same size
                lines, used = self._lay(texts, style, size, width - trim)
                if used > height * SAFETY:
                    break
                split = sum(self.splits(text, style, size, width - trim) for text in texts)
                if best is None or split < best[0]:
                    best = split, self._fitted(texts, style, size, lines, used, trim)
                if split == 0:
                    return best[1]
        return best[1] if best else None

    def _lay(self, texts: Sequence[str], style: Style, size: float, width: float):
        """The lines of ``texts`` at ``size`` in ``width``, and the height they take."""
        tstyle = self._text_style(style, size)
        lines = layout(self._paras(texts), tstyle, size, _measure(width, style, size))
        return lines, lines_height(lines, tstyle, size)

    def splits(self, text: str, style: Style, size: float, width: float) -> int:
        """How many figures of ``text`` a renderer breaking lines at about ``width`` may split
        (LibreOffice breaks Chinese between any two ideographs, "8900多|万元"). Kept, as
        :meth:`fit` is."""
        key = (text, style, size, width)
        if key not in self._splits:
            self._splits[key] = self._count_splits(text, style, size, width)
        return self._splits[key]

    def _count_splits(self, text: str, style: Style, size: float, width: float) -> int:
        spans = self.figures(text)
        if not spans:
            return 0
        room = width - style.hang_room(size) - style.indent(size)
        plain = width_fn(self._text_style(style, size), size)
        measure = Hanging(plain, HANGING) if style.hang_room(size) else plain

        # The renderer's breaks, foreseen a little narrower and wider, with deckgen's strict
        # rules and with quotes free to break (LibreOffice breaks "政策|“免").
        ends = {
            end
            for variant in (text, text.translate(FREE_QUOTES))
            for share in GUARD_WIDTHS
            for _, end in line_spans(variant, room * share, measure)
        }
        return sum(1 for s, e in spans if any(s < b < e for b in ends))

    def at(self, texts: Sequence[str], style: Style, size: float, width: float) -> Fitted:
        """``texts`` set at ``size`` in ``width``, however tall that is."""
        return self._fitted(texts, style, size, *self._lay(texts, style, size, width))

    def split(
        self, texts: Sequence[str], style: Style, width: float, height: float, size: float
    ) -> tuple[list[str], list[str]]:
        """What of ``texts`` fits ``width`` × ``height`` at ``size``, and what is left over."""
        box = Box(_measure(width, style, size) / SAFETY, height)
        fits, rest = split(self._paras(texts), self._text_style(style, size), box, size, SAFETY)
        return [p.text for p in fits], [p.text for p in rest]

    def _paras(self, texts: Sequence[str]) -> list[Para]:
        """``texts`` as paragraphs whose figures the line breaker keeps whole."""
        return [Para(text, self.figures(text)) for text in texts]

    def _fitted(
        self, texts, style: Style, size: float, lines, used: float, trim: float = 0.0
    ) -> Fitted:
        paragraphs = tuple(
            Paragraph(
                runs=self.runs(text, style, size),
                line_pitch=round(size * style.line_spacing, 2),
                align=style.align,
                space_after=round(style.space_after * size, 2) if i < len(texts) - 1 else 0.0,
                bullet=round(style.indent(size), 2),
            )
            for i, text in enumerate(texts)
        )
        hang = style.hang_room(size)
        return Fitted(size, paragraphs, used, sum(len(p) for p in lines), hang, trim)

    def runs(self, text: str, style: Style, size: float) -> tuple[Run, ...]:
        """``text`` as runs, as written; figures bold in the accent colour when the style
        emphasises."""
        bold = self._bold(style)
        if not style.emphasise:
            return (Run(text, size, style.role, bold, style.colour),)
        runs: list[Run] = []
        at = 0
        for start, end in self.figures(text):
            if start > at:
                runs.append(Run(text[at:start], size, style.role, bold, style.colour))
            runs.append(Run(text[start:end], size, style.role, True, "accent"))
            at = end
        if at < len(text):
            runs.append(Run(text[at:], size, style.role, bold, style.colour))
        return tuple(runs)


def _measure(width: float, style: Style, size: float) -> float:
    """The width lines are broken at: the box's, less the hanging room and a bullet's
    indent, times the safety."""
    return (width - style.hang_room(size) - style.indent(size)) * SAFETY


def _trims(width: float, most: float = 0.12, steps: int = 16) -> list[float]:
    """Widths, in points, that a box may leave unused at its right to move a line's end:
    up to ``most`` of ``width``, in ``steps`` steps."""
    return [width * most * (i + 1) / steps for i in range(steps)]
