"""Checks on a file as LibreOffice renders it (the PDF from :func:`deckgen.preview.to_pdf`).

* :func:`split_figures` — a figure ("1500亩以上") broken across two lines: a warning, since
  deckgen reaches whole figures by where it breaks lines and never by changing the text,
  and a renderer may still break one.
* :func:`lost_punctuation` — a punctuation mark of the file's text that the render does not
  draw. Each mark is looked up with the few characters around it: when the render has the
  characters around it side by side but not the mark between them, the mark was lost (a
  comma hanging past the margin that LibreOffice does not paint, a face without the glyph).
  Marks whose surroundings the render does not show as written (text reflowed, hyphenated,
  reordered, spilled) are not judged.
* :func:`map_pages` — which page of the render each paragraph of a briefing is on.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .model import Finding, Para, around
from .pdf import read_pdf

MARKS = "，。、；：！？“”（）,.;:!?"
"""The punctuation marks whose loss is looked for."""
CONTEXT = 6
"""Characters taken on each side of a mark to find it in the render."""


def text_per_slide(pdf: Path) -> list[str]:
    """Return the text of each PDF page, one line of the render a line."""
    return [page.text() for page in read_pdf(pdf)]


def squash(text: str) -> str:
    """``text`` without whitespace and invisible (format) characters."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------------------------------------
# Figures split across lines


def _plain(text: str) -> str:
    """``text`` without whitespace and invisible characters (e.g. word joiners)."""
    return squash(text)


def _splits(pdf: Path, figures: Iterable[str], visual: bool = False) -> list[tuple[int, str, str]]:
    """(page, part before the line end, part after) of each figure the PDF breaks; lines
    are taken per text box (:meth:`Page.blocks`), or with ``visual`` across the page
    (:meth:`Page.visual_lines`: a briefing's line is cut wherever a run changes face)."""
    wanted = {_plain(f) for f in figures}
    wanted.discard("")
    found: list[tuple[int, str, str]] = []
    for page in read_pdf(pdf):
        for block in [page.visual_lines()] if visual else page.blocks():
            lines = [_plain(t) for t in block]
            for first, second in zip(lines, lines[1:], strict=False):
                joined, cut = first + second, len(first)
                for fig in sorted(wanted):
                    start = joined.find(fig)
                    while start != -1:
                        end = start + len(fig)
                        if start < cut < end:
                            found.append((page.number, joined[start:cut], joined[cut:end]))
                        start = joined.find(fig, start + 1)
    return found


def figures_split(pdf: Path, figures: Iterable[str], visual: bool = False) -> list[str]:
    """Figures (e.g. "1500亩以上") that a rendered PDF breaks across two lines of one text.

    Consecutive lines of the same PDF block are joined; a figure found across the join is
    reported as ``"page N: 1500亩以|上"``. Pass ``visual`` for a briefing's render: its
    lines are then rebuilt from where the characters stand (see :func:`_visual_lines`).
    """
    return [f"page {page}: {a}|{b}" for page, a, b in _splits(pdf, figures, visual)]


def split_figures(
    pdf: Path, figures: Iterable[str], slides: list[int] | None = None
) -> list[Finding]:
    """Warnings for the figures the render breaks across lines; ``slides`` maps a deck's
    PDF pages to its slide numbers (hidden slides are not rendered)."""
    found = []
    for page, a, b in _splits(pdf, figures, visual=slides is None):
        where = f"slide {slides[page - 1]}" if slides else f"page {page}"
        found.append(Finding(where, "figure split across lines", f"{a}|{b}", warning=True))
    return found


# ---------------------------------------------------------------------------------------------
# Punctuation lost in the render


def _page_streams(pdf: Path) -> list[str]:
    return [_nfkc(squash(t)) for t in text_per_slide(pdf)]


def _drawn_text(para: Para) -> str:
    """What the render draws of a paragraph: fields (slide numbers) are its own value."""
    return "".join(i.text for i in para.items if i.tag != "a:fld")


def _lost_in(para: Para, stream: str) -> list[tuple[int, str, int]]:
    """(index in the paragraph's squashed text, mark, position in stream) of each lost mark."""
    text = squash(_drawn_text(para))
    lost = []
    for i, ch in enumerate(text):
        if ch not in MARKS:
            continue
        before, after = text[max(0, i - CONTEXT) : i], text[i + 1 : i + 1 + CONTEXT]
        if len(before) + len(after) < 4 or _nfkc(before + ch + after) in stream:
            continue
        pos = stream.find(_nfkc(before + after))
        if pos >= 0:
            lost.append((i, ch, pos))
    return lost


def lost_punctuation(
    paras: Iterable[Para], pdf: Path, slides: list[int] | None = None
) -> list[Finding]:
    """Punctuation marks of the file's text that the render does not draw.

    For a deck (``slides``: the slide shown on each PDF page) each slide's paragraphs are
    looked up on its page; for a briefing, in the whole render, and the page is the one the
    mark's neighbours are found on.
    """
    streams = _page_streams(pdf)
    found: list[Finding] = []

    def report(para: Para, i: int, ch: str, where: str) -> None:
        text = squash(_drawn_text(para))
        found.append(
            Finding(where, "punctuation lost in the render", f"{ch} in “{around(text, i)}”")
        )

    if slides is not None:
        page_of = {slide: page for page, slide in enumerate(slides)}
        for para in paras:
            if para.part != "slide" or para.slide not in page_of:
                continue
            for i, ch, _ in _lost_in(para, streams[page_of[para.slide]]):
                report(para, i, ch, para.where)
        return found
    stream = "".join(streams)
    starts = _starts(streams)
    for para in paras:
        for i, ch, pos in _lost_in(para, stream):
            page = bisect.bisect_right(starts, pos)
            report(para, i, ch, replace(para, page=page).where)
    return found


def _starts(streams: list[str]) -> list[int]:
    starts, total = [], 0
    for s in streams:
        starts.append(total)
        total += len(s)
    return starts


# ---------------------------------------------------------------------------------------------
# Pages of a briefing's paragraphs


def map_pages(paras: Iterable[Para], pdf: Path, key_length: int = 16) -> None:
    """Set ``page`` on each body paragraph of a briefing: where the render shows its start.

    Paragraphs are looked up in order, each from where the one before was found; one that
    is not found (or has no text) takes the page of the one before.
    """
    streams = _page_streams(pdf)
    stream, starts = "".join(streams), _starts(streams)
    cursor, page = 0, 1
    for para in paras:
        if para.part != "document":
            continue
        key = _nfkc(squash(para.text))[:key_length]
        pos = stream.find(key, cursor) if key else -1
        if key and pos < 0:
            pos = stream.find(key)
        if pos >= 0:
            page = bisect.bisect_right(starts, pos)
            cursor = max(cursor, pos + len(key))
        para.page = page
