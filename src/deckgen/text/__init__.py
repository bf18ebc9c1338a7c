"""Text measurement: font resolution, real-metric widths, Chinese line breaking, and laying
paragraphs out at a size (:mod:`.fit`); choosing the size is the plan's
(:class:`deckgen.plan.typeset.Typesetter`), in one place."""

from .breaks import NO_END, NO_START, break_lines, line_spans
from .fit import (
    Box,
    Para,
    TextStyle,
    height,
    layout,
    sizes_between,
    split,
    width_fn,
)
from .fonts import FontFile, font_file, fontconfig_env, fonts_conf
from .measure import line_pitch, text_width

__all__ = [
    "NO_END",
    "NO_START",
    "Box",
    "FontFile",
    "Para",
    "TextStyle",
    "break_lines",
    "font_file",
    "fontconfig_env",
    "fonts_conf",
    "height",
    "layout",
    "line_pitch",
    "line_spans",
    "sizes_between",
    "split",
    "text_width",
    "width_fn",
]
