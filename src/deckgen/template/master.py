"""Read an organisation's PowerPoint template: size, colours, fonts, layouts, safe areas, and
which of its layouts each kind of slide goes on."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from ..errors import InputError
from ..geometry import Rect
from .package import PARSER
from .sanitise import clean_package

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TITLE = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_BODY = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}
_FOOTER = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE}


@dataclass(frozen=True)
class MasterInfo:
    """What deckgen needs to know of a master before planning: all in points."""

    width: float
    height: float
    layouts: tuple[str, ...]
    title: Rect | None
    """Where the title goes on a content slide (the Title Only layout's title)."""
    content: Rect | None
    """The safe area for cards (the Title and Content layout's body)."""
    footer_top: float | None
    """Where the master's footer placeholders begin, if it has any."""
    boxes: dict[str, Rect] = field(default_factory=dict)
    """Placeholder boxes of the layouts deckgen uses: ``cover.title``, ``cover.subtitle``,
    ``divider.title``, ``divider.subtitle``."""
    colours: dict[str, str] = field(default_factory=dict)
    fonts: dict[str, tuple[str, str]] = field(default_factory=dict)


def _pt(value) -> float:
    return round(Emu(int(value or 0)).pt, 2)


def _rect(shape) -> Rect | None:
    if shape.width is None or shape.height is None:
        return None
    return Rect(_pt(shape.left), _pt(shape.top), _pt(shape.width), _pt(shape.height))


COVER_NAMES = ("Title Slide",)
DIVIDER_NAMES = ("Section Header", "Section Title")
CONTENT_NAMES = ("Title Only", "Title and Content", "Title, Content")
BODY_NAMES = ("Title and Content", "Title, Content", "Content")
BLANK_NAMES = ("Blank", "Blank Slide")
MIN_CONTENT = 0.45
"""A master's content area shorter than this share of the slide is not used for cards."""


def _find(layouts, names: tuple[str, ...]):
    by_name = {layout.name: layout for layout in layouts}
    return next((by_name[name] for name in names if name in by_name), None)


def _box(layout, kinds: set) -> Rect | None:
    if layout is None:
        return None
    for ph in layout.placeholders:
        if ph.placeholder_format.type in kinds:
            return _rect(ph)
    return None


def _sample_masters(prs) -> list:
    """The masters the template's own sample slides use, in slide order."""
    out = []
    for slide in prs.slides:
        master = slide.slide_layout.slide_master
        if master not in out:
            out.append(master)
    return out


def choose_layouts(prs) -> dict[str, object]:
    """The layout for each slide kind: ``cover``, ``divider``, ``content``, ``end``.

    By name (Title Slide, Section Header, Title Only…); among several masters, the one the
    template's first sample slide uses for the cover, the next one for content slides.
    """
    masters = list(prs.slide_masters)
    samples = _sample_masters(prs)
    cover_order = samples[:1] + masters
    content_order = samples[1:2] + samples[:1] + masters

    def pick(order, names):
        for master in order:
            layout = _find(master.slide_layouts, names)
            if layout is not None:
                return layout
        return None

    blank = pick(masters, BLANK_NAMES) or prs.slide_layouts[len(prs.slide_layouts) - 1]
    cover = pick(cover_order, COVER_NAMES) or blank
    content = pick(content_order, CONTENT_NAMES) or blank
    return {
        "cover": cover,
        "divider": pick(cover_order, DIVIDER_NAMES) or cover,
        "content": content,
        "body": _find(content.slide_master.slide_layouts, BODY_NAMES) or content,
        "end": cover,
    }


def layout_for(prs, layout: str, chosen: dict | None = None):
    """The master's layout for a plan's ``layout`` (``cover``, ``divider``, ``content``,
    ``end``); pass ``chosen`` to reuse one :func:`choose_layouts`."""
    chosen = chosen or choose_layouts(prs)
    return chosen.get(layout, chosen["content"])  # a slide kind names its layout, or content


def open_master(path: Path):
    """Open a ``.pptx`` (``.potx``) with python-pptx, cleaned first (see
    :mod:`deckgen.template.sanitise`); an :class:`InputError` naming the file if it fails."""
    path = Path(path)
    data = clean_package(path, "pptx")
    try:
        prs = Presentation(io.BytesIO(data))
        _check(prs, path)
    except InputError:
        raise
    except Exception as err:  # python-pptx raises many kinds for a file it cannot read
        reason = (str(err).splitlines() or [type(err).__name__])[0][:120]
        raise InputError(
            f"not a PowerPoint file python-pptx can read ({reason}); save it as .pptx", file=path
        ) from err
    return prs


SLIDE_SIDES = (Emu(914400), Emu(51206400))
"""The shortest and longest side of a slide PowerPoint allows: 1 and 56 inches."""


def _check(prs, path: Path) -> None:
    """A master deckgen can build on: a slide size PowerPoint allows (PowerPoint's 16:9 when
    it gives none), and every slide master with a theme and a layout."""
    if prs.slide_width is None or prs.slide_height is None:
        prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    low, high = SLIDE_SIDES
    if not all(low <= side <= high for side in (prs.slide_width, prs.slide_height)):
        size = f"{prs.slide_width.cm:.2f} × {prs.slide_height.cm:.2f} cm"
        raise InputError(
            f"a slide size of {size}: PowerPoint's slides are 2.54 to 142.24 cm a side", file=path
        )
    for master in prs.slide_masters:
        if not any(rel.reltype.endswith("/theme") for rel in master.part.rels.values()):
            raise InputError(
                "a slide master without a theme: save it again in PowerPoint", file=path
            )
        if len(master.slide_layouts) == 0:
            raise InputError("a slide master without layouts", file=path)


@lru_cache(maxsize=8)
def _read(path: str, mtime: float) -> MasterInfo:
    prs = open_master(Path(path))
    try:
        return _info(prs)
    except Exception as err:  # a master python-pptx opens but whose layouts are broken
        reason = (str(err).splitlines() or [type(err).__name__])[0][:120]
        raise InputError(f"cannot read its layouts ({reason})", file=path) from err


def _info(prs) -> MasterInfo:
    width, height = _pt(prs.slide_width), _pt(prs.slide_height)
    chosen = choose_layouts(prs)
    master = chosen["content"].slide_master
    title = _box(chosen["content"], _TITLE) or _box(master, _TITLE)
    content = _box(chosen["body"], _BODY) or _box(master, _BODY)
    if content is not None and (content.h < MIN_CONTENT * height or content.w < 0.5 * width):
        content = None  # a strip too small for cards: deckgen's own margins instead
    if title is not None and (title.y > 0.3 * height or content is None):
        title = None
    footers = [_rect(p) for p in master.placeholders if p.placeholder_format.type in _FOOTER]
    footer_top = min((r.y for r in footers if r and r.y > 0.6 * height), default=None)
    colours, fonts = _theme(prs.slide_master)
    boxes = {
        f"{kind}.{role}": box
        for kind in ("cover", "divider")
        for role, kinds in (("title", _TITLE), ("subtitle", {PP_PLACEHOLDER.SUBTITLE, *_BODY}))
        if (box := _box(chosen[kind], kinds)) is not None
    }
    return MasterInfo(
        width=width,
        height=height,
        layouts=tuple(layout.name for layout in prs.slide_layouts),
        title=title,
        content=content,
        footer_top=footer_top,
        boxes=boxes,
        colours=colours,
        fonts=fonts,
    )


def read_master(path: Path) -> MasterInfo:
    """Read ``path`` (cached per file version)."""
    clean_package(path, "pptx")  # refused before the cache is asked
    return _read(str(path), Path(path).stat().st_mtime)


def _theme(master) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    part = next(
        (rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme")),
        None,
    )
    if part is None:
        return {}, {}
    root = etree.fromstring(part.blob, PARSER)
    colours: dict[str, str] = {}
    scheme = root.find(f".//{{{A}}}clrScheme")
    for slot in scheme if scheme is not None else []:
        name = etree.QName(slot).localname
        for value in slot:
            hex_value = value.get("val") if value.tag == f"{{{A}}}srgbClr" else value.get("lastClr")
            if hex_value and re.fullmatch(r"[0-9A-Fa-f]{6}", hex_value):  # a colour, not "ZZZZZZ"
                colours[name] = hex_value.upper()
    fonts: dict[str, tuple[str, str]] = {}
    for key, tag in (("major", "majorFont"), ("minor", "minorFont")):
        group = root.find(f".//{{{A}}}{tag}")
        if group is None:
            continue
        latin = group.find(f"{{{A}}}latin")
        ea = group.find(f"{{{A}}}ea")
        east = (ea.get("typeface") if ea is not None else "") or ""
        fonts[key] = (latin.get("typeface", "") if latin is not None else "", east)
    return colours, fonts
