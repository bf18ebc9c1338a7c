"""One face's own metrics: a character's advance as that face sets it, and its height.

:func:`~.measure.text_width` errs on the wide side, for text whose face a renderer may choose
(a deck's ambiguous “ ” — …); a briefing names one face for every character, so its lines
are measured here exactly: no floor, no wider-of-two.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from .measure import _face, _load, _measured_em, fallback_em
from .table import CharTable


def advance(ch: str, family: str, bold: bool = False) -> float:
    """The advance of ``ch`` in em, set in ``family`` (a Windows name, resolved by deckgen's
    fontconfig mapping); a character the face lacks as the renderer's fallback sets it."""
    return advances(family, bold)[ch]


def advances(family: str, bold: bool = False) -> Mapping[str, float]:
    """:func:`advance` in ``family`` as a table by character, for measuring a paragraph
    character by character: a lookup each, no call."""
    face = _face(family, bold)
    return _measured_em(face) if face is not None else _FALLBACK


_FALLBACK = CharTable(fallback_em)
"""The built-in advances, for a face that cannot be read."""


@lru_cache(maxsize=64)
def height(family: str, bold: bool = False) -> float:
    """The face's ascent plus descent, in em (what a renderer makes a line of it): 1.2
    when the face cannot be read."""
    face = _face(family, bold)
    font = _load(str(face.file.path), face.file.index) if face is not None else None
    if font is None:
        return 1.2
    ascent, descent = font.getmetrics()
    return (ascent + descent) / font.size
