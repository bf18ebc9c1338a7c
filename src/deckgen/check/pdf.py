"""Reading a PDF render's characters: what each page draws, where, in which face and size.

PDFium (``pypdfium2``, a wheel with no system library) reads the PDF LibreOffice wrote. Each
drawn character comes with its glyph box in points from the page's top-left corner, its
baseline origin, its face and size, and the text object it was drawn in (a *run*: one face,
one size, one piece of one shape's text). Characters PDFium makes up itself (the spaces and
line ends of its text extraction) are left out; lines are rebuilt from where characters
stand, in the order the PDF draws them.
"""

from __future__ import annotations

import ctypes
import functools
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Char:
    """One character a page draws."""

    c: str
    x0: float
    y0: float
    x1: float
    y1: float
    """The character's box in points, from the page's top-left corner (y grows downward):
    its advance across, the face's ascent to descent down, so that the characters of a line
    share a top and a bottom whatever their shapes."""
    origin: tuple[float, float]
    """Where its baseline starts, in the same coordinates."""
    size: float
    """The font size in points."""
    font: str
    """The face's name as the PDF embeds it, without a subset prefix ("NotoSansCJKjp-Bold")."""
    run: int
    """Which text object of the page it was drawn in: characters of one run share a face,
    a size and a shape."""

    @property
    def x(self) -> float:
        """The glyph box's centre, across."""
        return (self.x0 + self.x1) / 2

    @property
    def y(self) -> float:
        """The glyph box's centre, down."""
        return (self.y0 + self.y1) / 2

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, self.size * 0.5, 1.0)


@dataclass(frozen=True)
class Page:
    """One page of a PDF: its size in points and what it draws, in drawing order."""

    number: int
    """1-based."""
    width: float
    height: float
    chars: tuple[Char, ...]

    def text(self) -> str:
        """The page's text: its lines (see :meth:`lines`), one a line."""
        return "".join("".join(c.c for c in line) + "\n" for line in self.lines())

    def lines(self) -> list[list[Char]]:
        """The drawn characters cut into lines, in drawing order: a line ends where the next
        character stands on another baseline or back to the left of the one before."""
        lines: list[list[Char]] = []
        for ch in self.chars:
            last = lines[-1][-1] if lines else None
            if last is None or not _same_line(last, ch):
                lines.append([])
            lines[-1].append(ch)
        return lines

    def blocks(self) -> list[list[str]]:
        """The lines' texts grouped into blocks: a line directly below the one before (its
        top within two line heights, overlapping it across) continues that line's block, as
        the lines of one text box do."""
        blocks: list[list[str]] = []
        previous: list[Char] | None = None
        for line in self.lines():
            if previous is None or not _continues(previous, line):
                blocks.append([])
            blocks[-1].append("".join(c.c for c in line))
            previous = line
        return blocks

    def visual_lines(self) -> list[str]:
        """The page's text as visual lines, top to bottom: characters grouped by their height
        on the page, each line left to right, whatever order they were drawn in."""
        chars = sorted(self.chars, key=lambda c: (c.y, c.x0))
        lines: list[list[Char]] = []
        last: Char | None = None
        for ch in chars:
            if last is None or abs(ch.y - last.y) > 0.4 * max(ch.height, last.height):
                lines.append([])
                last = ch
            lines[-1].append(ch)
        return ["".join(c.c for c in sorted(line, key=lambda c: c.x0)) for line in lines]


def _same_line(last: Char, ch: Char) -> bool:
    tall = max(last.height, ch.height)
    return abs(ch.y - last.y) <= 0.5 * tall and ch.x0 >= last.x0 - 0.5 * tall


def _continues(previous: list[Char], line: list[Char]) -> bool:
    top, bottom = min(c.y0 for c in previous), max(c.y1 for c in previous)
    tall = max(c.height for c in previous + line)
    below = bottom - 0.5 * tall <= min(c.y0 for c in line) <= top + 2.5 * tall
    left, right = min(c.x0 for c in previous), max(c.x1 for c in previous)
    across = min(c.x0 for c in line) <= right and max(c.x1 for c in line) >= left
    return below and across


def read_pdf(path: str | Path) -> list[Page]:
    """Every page of the PDF at ``path`` with the characters it draws. A file's pages are
    read once while it is unchanged: the checks of one file each read its render (reading
    a deck's took most of a check's own time)."""
    status = os.stat(path)
    return list(_read_pdf(os.path.realpath(path), status.st_mtime_ns, status.st_size))


@functools.lru_cache(maxsize=2)
def _read_pdf(path: str, mtime_ns: int, size: int) -> tuple[Page, ...]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        return tuple(_page(doc[i], i + 1) for i in range(len(doc)))
    finally:
        doc.close()


def page_count(path: str | Path) -> int:
    """How many pages the PDF at ``path`` has."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def _page(page, number: int) -> Page:
    import pypdfium2.raw as raw

    width, height = page.get_size()
    left, bottom = page.get_bbox()[:2]  # the crop box's corner: (0, 0) on LibreOffice's pages
    text = page.get_textpage()
    chars: list[Char] = []
    runs: dict[int | None, int] = {}
    name = ctypes.create_string_buffer(256)
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for i in range(text.count_chars()):
            if raw.FPDFText_IsGenerated(text.raw, i) == 1:
                continue
            code = raw.FPDFText_GetUnicode(text.raw, i)
            if raw.FPDFText_IsHyphen(text.raw, i) == 1:  # a hyphen ending a line: drawn
                code = ord("-")
            if code in (0, 0xFFFE):
                continue
            x0, y0, x1, y1 = text.get_charbox(i, loose=True)
            raw.FPDFText_GetCharOrigin(text.raw, i, x, y)
            raw.FPDFText_GetFontInfo(text.raw, i, name, len(name), None)
            obj = ctypes.cast(raw.FPDFText_GetTextObject(text.raw, i), ctypes.c_void_p).value
            font = name.value.decode("utf-8", "replace")
            chars.append(
                Char(
                    c=chr(code),
                    x0=x0 - left,
                    y0=height - (y1 - bottom),
                    x1=x1 - left,
                    y1=height - (y0 - bottom),
                    origin=(x.value - left, height - (y.value - bottom)),
                    size=raw.FPDFText_GetFontSize(text.raw, i),
                    font=font.split("+", 1)[1] if font[6:7] == "+" else font,
                    run=runs.setdefault(obj, len(runs)),
                )
            )
    finally:
        text.close()
        page.close()
    return Page(number, width, height, tuple(chars))
