"""Template tools: list and describe templates, read a master's layouts, scaffold a new template."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import DeckgenError, InputError, OutputError
from .theme import Colour, Theme, builtin_templates, load_theme

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")
"""Logo formats python-pptx can place (it sizes pictures with Pillow)."""

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


# -- listing --------------------------------------------------------------------------------------


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
    """Every slide kind the deck planner makes, in deck order."""
    from .plan.slides import SlideKind

    return tuple(typing.get_args(SlideKind))


def open_master(path: Path):
    """Open a ``.pptx`` with python-pptx; an :class:`InputError` located on the file if it fails."""
    from pptx import Presentation

    path = Path(path)
    if not path.is_file():
        raise InputError("no such PowerPoint file", file=path)
    try:
        return Presentation(str(path))
    except Exception as err:  # python-pptx raises many kinds for a file it cannot read
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(
            f"not a PowerPoint file python-pptx can read ({reason}); save it as .pptx", file=path
        ) from err


def master_summary(path: Path) -> MasterSummary:
    """The master's slide size, its layouts, and the layout each slide kind is given.

    The mapping is whatever the deck renderer's ``layout_for`` picks, so it cannot drift.
    """
    from pptx.util import Emu

    from .render.pptx.slides import layout_for

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


# -- scaffolding ----------------------------------------------------------------------------------

_NAME = re.compile(r"[^\W_][\w.-]*")


def check_colour(option: str, value: str | None) -> str | None:
    """``value`` as ``RRGGBB``; an :class:`InputError` naming ``option`` if it is no colour."""
    if value is None:
        return None
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(Colour).validate_python(value)
    except ValidationError:
        raise InputError(f"{option}: expected a colour like '#0B5FA5', got {value!r}") from None


def scaffold(
    name: str,
    source: str | Path = "gov-red",
    *,
    parent: str | Path = "templates",
    primary: str | None = None,
    accent: str | None = None,
    logo: str | Path | None = None,
    master: str | Path | None = None,
    description: str | None = None,
) -> Path:
    """Make ``parent/name/`` from the template ``source``; return the new folder.

    The source's ``theme.yaml`` is copied with its comments, ``name`` and ``description`` set and
    the given colours replaced (also where the source used its old primary or accent for the
    chart palette or the masthead). The logo is copied in as ``logo.<ext>`` and the master as
    ``master.pptx`` (the source's own, unless new ones are given). Nothing is written unless
    the whole template is made and loads; an existing folder is never touched.
    """
    if not _NAME.fullmatch(name):
        raise InputError(
            f"NAME: {name!r} is not a plain folder name (letters, digits, '-', '_', '.'); "
            "use --dir for where it goes"
        )
    colours = {
        "primary": check_colour("--primary", primary),
        "accent": check_colour("--accent", accent),
    }
    target = Path(parent) / name
    if target.exists() or target.is_symlink():
        raise InputError("already exists; choose another name or remove it first", file=target)
    if str(source).lower().endswith((".pptx", ".potx")):
        raise InputError(
            f"--from: {source} is a PowerPoint file, not a template; "
            f"use --from <template> --master {source}"
        )
    base = load_theme(source)
    if base.folder is None or not (base.folder / "theme.yaml").is_file():
        raise InputError(f"--from: {source} has no theme.yaml to copy")
    logo_file = _check_logo(Path(logo)) if logo is not None else None
    master_file = _check_master(Path(master)) if master is not None else None
    if logo_file is None and base.logo is not None:
        logo_file = base.logo_path
        if logo_file is None or not logo_file.is_file():
            raise InputError(f"the logo of template {base.name} is not a file", file=logo_file)
    if master_file is None:
        master_file = base.master_path

    data = _read_round_trip(base.folder / "theme.yaml")
    data["name"] = name
    data["description"] = description or f"{name} (made from {base.name})"
    _replace_colours(data, base, colours)
    files: dict[str, Path] = {}
    if logo_file is not None:
        logo_name = f"logo{logo_file.suffix.lower()}"
        files[logo_name] = logo_file
        _set_key(data, "logo", logo_name, before="briefing")
    if master_file is not None:
        files["master.pptx"] = master_file
        if "master" in data:
            data["master"] = "master.pptx"
    if base.reference_docx is not None:
        files["reference.docx"] = base.reference_docx

    header = (
        f"# {name}: made from the {base.name} template by `deckgen template new`; "
        "its notes follow.\n"
    )
    return _write_folder(target, header + _dump_round_trip(data), files)


def _check_logo(path: Path) -> Path:
    if not path.is_file():
        raise InputError("--logo: no such file", file=path)
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        raise InputError("--logo: must be a PNG, JPEG, GIF, BMP or TIFF picture", file=path)
    try:
        from PIL import Image

        with Image.open(path) as image:
            image.verify()
    except Exception as err:  # Pillow raises many kinds for a broken picture
        raise InputError(f"--logo: not a picture Pillow can read ({err})", file=path) from err
    return path


def _check_master(path: Path) -> Path:
    if path.suffix.lower() != ".pptx":
        raise InputError("--master: must be a .pptx file (save a .potx as .pptx)", file=path)
    open_master(path)
    return path


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _read_round_trip(path: Path):
    from .load import read_yaml

    read_yaml(path)  # safe parse first: plain data, bounded aliases, located errors
    return _yaml().load(path.read_text(encoding="utf-8-sig"))


def _dump_round_trip(data) -> str:
    import io

    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _replace_colours(data, base: Theme, colours: dict[str, str | None]) -> None:
    """Set the new colours; where the source used its old one in the chart or masthead, too."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def same(value: Any, hex_colour: str) -> bool:
        try:
            return check_colour("", value) == hex_colour
        except InputError:
            return False

    palette = data.get("colours")
    briefing = data.get("briefing")
    for role, new in colours.items():
        if new is None:
            continue
        old = getattr(base.colours, role)
        quoted = DoubleQuotedScalarString(f"#{new}")
        palette[role] = quoted
        _note_replaced(palette, role, f"#{old} in {base.name}")
        chart = palette.get("chart") or []
        for i, value in enumerate(chart):
            if same(value, old):
                chart[i] = quoted
        if briefing is not None and same(briefing.get("masthead_colour"), old):
            briefing["masthead_colour"] = quoted


def _note_replaced(mapping, key: str, was: str) -> None:
    """Say on ``key``'s end-of-line comment what its value was, so the note stays true."""
    item = mapping.ca.items.get(key)
    token = item[2] if item and len(item) > 2 else None
    if token is None or not token.value.lstrip().startswith("#"):
        return
    first, newline, rest = token.value.partition("\n")
    note = first.lstrip().removeprefix("#").strip()
    token.value = f"# was {was}" + (f" ({note})" if note else "") + newline + rest


def _set_key(data, key: str, value: Any, before: str) -> None:
    """Set ``key``; a new key goes before ``before`` (else at the end)."""
    if key in data:
        data[key] = value
    elif before in data:
        data.insert(list(data).index(before), key, value)
    else:
        data[key] = value


def _write_folder(target: Path, theme_yaml: str, files: dict[str, Path]) -> Path:
    """Build the folder beside ``target``, check it loads, then rename it into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as err:
        raise OutputError(f"cannot create the folder: {err.strerror}", file=target.parent) from err
    try:
        try:
            (tmp / "theme.yaml").write_text(theme_yaml, encoding="utf-8")
            for name, source in files.items():
                shutil.copyfile(source, tmp / name)
        except OSError as err:
            raise OutputError(f"cannot write: {err.strerror}", file=target) from err
        load_theme(tmp)  # the new template must load as it stands
        if target.exists():
            raise InputError("already exists; choose another name or remove it first", file=target)
        try:
            os.rename(tmp, target)
        except OSError as err:
            raise OutputError(f"cannot create: {err.strerror}", file=target) from err
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target
