"""The deck plan: slides as pure data — boxes, paragraphs and runs with their chosen sizes.

Everything here is settled before a file is written: positions and sizes in points
(1/72 in), font sizes chosen by measurement, colours named by their theme role. The
renderer reads a plan and never measures. A plan can be dumped as JSON and diffed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Literal

from ..geometry import Rect

Role = Literal["heading", "body", "number"]
"""Which theme font a run uses."""

ColourRole = Literal[
    "primary", "accent", "dark", "light", "text", "muted", "background", "white", "gold", "inherit"
]
"""A colour by its theme role; ``white`` is plain white, ``gold`` the chart palette's second,
``inherit`` whatever the master's layout gives the placeholder."""

Align = Literal["l", "ctr", "r", "just"]
Anchor = Literal["t", "ctr", "b"]


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    size: float
    role: Role = "body"
    bold: bool = False
    colour: ColourRole = "text"
    field: Literal["slidenum"] | None = None
    """A field the renderer writes instead of plain text; ``text`` is its current value."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: runs, alignment, exact line pitch and space after, all in points."""

    runs: tuple[Run, ...]
    line_pitch: float
    align: Align = "l"
    space_after: float = 0.0
    bullet: float = 0.0
    """A bullet's hanging indent in points (0: no bullet): the renderer draws a real
    paragraph bullet (``a:buChar``), never a character typed into the text."""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class TextBox:
    """Text in a box; ``inset`` is the padding the text keeps from the box's edges."""

    box: Rect
    paragraphs: tuple[Paragraph, ...]
    anchor: Anchor = "t"
    inset: float = 0.0
    name: str = "Text"
    placeholder: Literal["title", "subtitle"] | None = None
    """Whether this text fills the layout's title or subtitle placeholder."""
    hang: float = 0.0
    """Room at the right for punctuation to hang into (标点悬挂), in points: a closing mark
    at a line's end hangs there instead of pushing the character before it down."""
    trim: float = 0.0
    """Width, in points, left unused at the right (before the hanging room), chosen so that
    lines break where no figure is split; the text itself is never changed for that."""


@dataclass(frozen=True)
class Shape:
    """A filled shape with no text: bands, cards, badges, rules."""

    box: Rect
    fill: ColourRole
    kind: Literal["rect", "round", "ellipse"] = "rect"
    line: ColourRole | None = None
    transparency: float = 0.0
    name: str = "Shape"


@dataclass(frozen=True)
class Series:
    """One series of a bar chart: a name for its legend, a value a category, and each value's
    data label as the text writes it ("8%左右", "5-6%")."""

    name: str
    values: tuple[float, ...]
    labels: tuple[str, ...]
    colour: ColourRole = "primary"
    outlined: tuple[bool, ...] = ()
    """Points drawn as an outline, not a filled bar: a bound not to pass (a ceiling)."""


@dataclass(frozen=True)
class Chart:
    """A native clustered bar chart: categories down the side, one bar a series each."""

    box: Rect
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    font_size: float = 16.0
    title: str | None = None
    name: str = "Chart"


@dataclass(frozen=True)
class Picture:
    """A picture file placed in a box: scaled to fit (``align`` across it), or with
    ``crop`` filling the box, cropped around its centre (never distorted)."""

    box: Rect
    path: str
    name: str = "Picture"
    align: Literal["l", "ctr", "r"] = "ctr"
    """Where the picture sits across its box once scaled to fit it."""
    crop: bool = False
    """Whether the picture fills its box, cropped to the box's aspect around its centre."""
    alt: str = ""
    """The picture's alt text (its caption or its item's title), for screen readers."""


Element = TextBox | Shape | Chart | Picture

Layout = Literal["cover", "divider", "content", "end"]
"""The master layouts a slide can be put on: the title slide, a section header, a content
slide (title only), the closing slide."""

SlideKind = Literal[
    "cover",
    "agenda",
    "divider",
    "overview",
    "highlight",
    "key_figures",
    "targets",
    "commitment",
    "picture",
    "closing",
    "end",
]


@dataclass(frozen=True)
class Slide:
    """One slide: its kind, its elements in drawing order, and its speaker notes."""

    kind: str
    """Which slide kind made it (a row of :data:`deckgen.plan.deck.DECK`)."""
    title: str
    elements: tuple[Element, ...]
    notes: str = ""
    background: ColourRole | None = "background"
    """The slide's fill; None keeps the master layout's own background."""
    footer: bool = True
    """Whether the slide carries the footer (number, organisation, marking)."""
    dark: bool = False
    """Whether the slide is dark, so its footer is drawn light."""
    layout: Layout = "content"
    """Which layout of the master the renderer puts it on."""


@dataclass(frozen=True)
class Deck:
    """A whole deck: size in points, slides, the footer text, and warnings for the user."""

    width: float
    height: float
    slides: tuple[Slide, ...]
    footer: str = ""
    marking: str | None = None
    language: str = "zh-CN"
    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""
    comments: str = ""
    """The document properties: subject (the subtitle, else the title), keywords (the region
    and the parts' labels), comments (the report's source)."""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        """The plan as plain data (for snapshots and ``--plan`` dumps)."""
        return dataclasses.asdict(self)
