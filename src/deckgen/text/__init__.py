"""Text fitting: font resolution, real-metric measurement, Chinese line breaking, and fitting."""

from .breaks import NO_END, NO_START, break_lines, line_spans
from .fit import (
    Box,
    Fit,
    Para,
    TextStyle,
    fit,
    fit_lines,
    fit_single_line,
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
    "Fit",
    "FontFile",
    "Para",
    "TextStyle",
    "break_lines",
    "fit",
    "fit_lines",
    "fit_single_line",
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
