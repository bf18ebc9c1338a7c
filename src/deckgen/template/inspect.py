"""Inspect templates (``deckgen template list`` and ``show``): the built-ins, a theme's colours
and fonts, a master's layouts and the layout each slide kind is put on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DeckgenError
from .master import layout_for, open_master
from .theme import Theme, builtin_templates, load_theme

_FOOTER_PLACEHOLDERS = ("date", "footer", "number")
"""Placeholders every layout carries; ``template show`` leaves them out."""

_ROLE_USES = {
    "primary": "structure: bands, badges, rules, dividers",
    "accent": "figures, and nothing else",
    "dark": "cover and end backgrounds, headings on cards",
    "light": "card fills, the paper tone",
    "text": "running text",
    "muted": "captions, footers",
    "background": "the slide background",
}
"""What each colour role is for (the deck's rules, in a few words)."""
_FOREGROUNDS = ("primary", "accent", "text", "muted")
"""The roles drawn as text or thin marks on the background: their contrast is shown."""

_PLACEHOLDER_NAMES = {
    "CENTER_TITLE": "title",
    "TITLE": "title",
    "SUBTITLE": "subtitle",
    "BODY": "body",
    "OBJECT": "content",
    "PICTURE": "picture",
    "DATE": "date",
    "FOOTER": "footer",
    "SLIDE_NUMBER": "number",
}


# -- listing ---------------------------------------------------------------------------------------


def list_templates() -> list[tuple[str, str]]:
    """Each built-in template's name and description (or why it does not load)."""
    out = []
    for name in builtin_templates():
        try:
            out.append((name, load_theme(name).description))
        except DeckgenError as err:
            out.append((name, f"(does not load: {err})"))
    return out


# -- a master's layouts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """One layout of a master: its name, placeholders, and the slide kinds deckgen puts on it."""

    master: int
    """Which slide master it belongs to, from 1."""
    name: str
    placeholders: tuple[str, ...]
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class LayoutUse:
    """The layout deckgen's ``layout_for`` picks for one slide kind."""

    kind: str
    layout: str
    master: int


@dataclass(frozen=True)
class MasterSummary:
    """What ``template show`` tells of a PowerPoint master."""

    path: Path
    width: float
    """Slide width, inches."""
    height: float
    """Slide height, inches."""
    layouts: tuple[Layout, ...]
    uses: tuple[LayoutUse, ...]
    masters: int = 1
    """How many slide masters the file holds."""

    @property
    def aspect(self) -> str:
        """The aspect ratio ("16:9", "4:3", "16:10"), or "" for another shape."""
        ratio = self.width / self.height if self.height else 0
        for label, value in (("16:9", 16 / 9), ("4:3", 4 / 3), ("16:10", 16 / 10)):
            if abs(ratio - value) < 0.01:
                return label
        return ""


def slide_kinds() -> tuple[str, ...]:
    """Every slide kind the deck planner makes, in deck order (its table's rows)."""
    from ..plan.deck import SLIDE_KINDS

    return SLIDE_KINDS


def master_summary(path: Path) -> MasterSummary:
    """The master's slide size, its layouts, and the layout each slide kind is given.

    The mapping is :func:`~deckgen.template.master.layout_for`'s, which the deck renderer uses
    too, so it cannot drift.
    """
    from pptx.util import Emu

    prs = open_master(path)
    where = {}  # a layout's XML element -> (master number, layout name)
    for number, master in enumerate(prs.slide_masters, 1):
        for layout in master.slide_layouts:
            where[layout._element] = (number, layout.name)
    uses = []
    for kind in slide_kinds():
        layout = layout_for(prs, kind)
        number, _ = where.get(layout._element, (0, layout.name))
        uses.append(LayoutUse(kind, layout.name, number))
    layouts = tuple(
        Layout(
            number,
            layout.name,
            tuple(
                name
                for name in map(_placeholder_name, layout.placeholders)
                if name not in _FOOTER_PLACEHOLDERS
            ),
            tuple(u.kind for u in uses if (u.master, u.layout) == (number, layout.name)),
        )
        for number, master in enumerate(prs.slide_masters, 1)
        for layout in master.slide_layouts
    )
    return MasterSummary(
        path=Path(path),
        width=round(Emu(prs.slide_width).inches, 3),
        height=round(Emu(prs.slide_height).inches, 3),
        layouts=layouts,
        uses=tuple(uses),
        masters=len(prs.slide_masters),
    )


def _placeholder_name(ph) -> str:
    kind = ph.placeholder_format.type
    name = getattr(kind, "name", None) or str(kind)
    return _PLACEHOLDER_NAMES.get(name, name.lower().replace("_", " "))


# -- describing a template ------------------------------------------------------------------------


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``RRGGBB`` colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def describe(theme: Theme):
    """A rich renderable showing ``theme``: swatches, fonts, logo, footer, briefing, master."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    def section(title: str) -> Text:
        return Text(f"\n{title}", style="bold")

    def grid(*columns: str) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        for _ in columns[1:]:
            table.add_column()
        return table

    def swatch(hex_colour: str) -> Text:
        return Text("██", style=f"#{hex_colour}")

    parts: list[Any] = []
    head = Text(theme.name, style="bold")
    if theme.description:
        head.append(f" — {theme.description}", style="")
    parts.append(head)
    if theme.folder is not None:
        parts.append(Text(f"folder: {theme.folder}"))

    c = theme.colours
    parts.append(section("Colours"))
    table = grid("swatch", "role", "hex", "contrast", "use")
    for role in ("primary", "accent", "dark", "light", "text", "muted", "background"):
        value = getattr(c, role)
        ratio = f"{contrast(value, c.background):.1f}:1" if role in _FOREGROUNDS else ""
        _row(table, swatch(value), role, f"#{value}", ratio, _ROLE_USES[role])
    parts.append(table)
    chart = Text("chart  ")
    for value in c.chart:
        chart.append_text(swatch(value))
        chart.append(f" #{value}  ")
    parts.append(chart)
    parts.append(
        Text(
            "contrast: against the background (WCAG: 4.5:1 for text, 3:1 for large or bold)",
            style="dim",
        )
    )

    parts.append(section("Deck fonts"))
    table = grid("role", "latin", "east asian", "bold")
    for role in ("heading", "body", "number"):
        font = getattr(theme.fonts, role)
        _row(table, role, font.latin, font.east_asian, "bold" if font.bold else "")
    parts.append(table)

    b = theme.briefing
    parts.append(section("Briefing"))
    table = grid("switch", "value")
    masthead = Text(f"{b.masthead}  ")
    masthead.append_text(swatch(b.masthead_colour))
    masthead.append(f" #{b.masthead_colour}")
    _row(table, "masthead", masthead)
    rule = f"#{b.masthead_colour} (the masthead's colour)" if b.red_rules else "black"
    _row(table, "masthead rule", f"{rule}  [red_rules: {str(b.red_rules).lower()}]")
    _row(table, "figures bold", "yes" if b.figures_bold else "no")
    parts.append(table)
    table = grid("role", "latin", "east asian")
    for role in ("title", "body", "level1", "level2", "page_number"):
        font = getattr(b.fonts, role)
        _row(table, role, font.latin, font.east_asian)
    parts.append(table)
    reference = theme.reference_docx
    if reference is not None:
        parts.append(Text(f"reference.docx: {reference}"))

    parts.append(section("Logo and footer"))
    parts.append(Text(f"logo    {_logo_line(theme)}"))
    parts.append(Text(f"footer  {theme.footer or '(not set: the content’s organisation)'}"))

    master = theme.master_path
    parts.append(section("Master"))
    if master is None:
        parts.append(Text("none: deckgen draws its own 16:9 slides on a blank presentation"))
    else:
        parts.extend(_describe_master(master_summary(master)))
    return Group(*parts)


def _row(table, *cells) -> None:
    """Add a row to a rich table; plain strings stay plain (no rich markup in names)."""
    from rich.text import Text

    table.add_row(*(Text(cell) if isinstance(cell, str) else cell for cell in cells))


def _logo_line(theme: Theme) -> str:
    path = theme.logo_path
    if path is None:
        return "none"
    if not path.is_file():
        return f"{path} (missing!)"
    try:
        from PIL import Image

        with Image.open(path) as image:
            return f"{path} ({image.width} × {image.height} px)"
    except Exception:  # Pillow raises many kinds for a file it cannot read
        return f"{path} (not a picture Pillow can read!)"


def _describe_master(info: MasterSummary) -> list:
    from rich.table import Table
    from rich.text import Text

    size = f"{info.width:g} × {info.height:g} in"
    if info.aspect:
        size += f" ({info.aspect})"
    out: list[Any] = [Text(f"{info.path}"), Text(f"slide size: {size}")]
    if info.masters > 1:
        out.append(Text(f"{info.masters} slide masters"))
    out.append(Text(f"\nlayouts ({len(info.layouts)})", style="bold"))
    table = Table.grid(padding=(0, 2))
    for wrap in (False, False, True, False):
        table.add_column(no_wrap=not wrap)
    for number, layout in enumerate(info.layouts, 1):
        label = f"{layout.master}.{number}" if info.masters > 1 else str(number)
        _row(
            table,
            label,
            layout.name,
            ", ".join(layout.placeholders) or "(no placeholders)",
            _kinds_note(layout.kinds),
        )
    out.append(table)
    out.append(Text("\nslide kind → layout deckgen uses", style="bold"))
    table = Table.grid(padding=(0, 2))
    for _ in range(2):
        table.add_column()
    for use in info.uses:
        master = f" (master {use.master})" if info.masters > 1 else ""
        _row(table, use.kind, f"→ {use.layout}{master}")
    out.append(table)
    return out


def _kinds_note(kinds: tuple[str, ...]) -> str:
    if not kinds:
        return ""
    if len(kinds) > 3:
        return f"← {kinds[0]} … {kinds[-1]}"
    return f"← {', '.join(kinds)}"
