"""Templates: a brand's colours, fonts, logo and briefing switches, read from ``theme.yaml``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .errors import InputError

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
"""Where the built-in templates live (``templates/`` at the project's root)."""

DEFAULT_TEMPLATE = "gov-red"


def _hex_colour(value: str) -> str:
    match = re.fullmatch(r"#?([0-9A-Fa-f]{6})", value.strip())
    if not match:
        raise ValueError(f"expected a colour like '#B22222', got {value!r}")
    return match.group(1).upper()


Colour = Annotated[str, AfterValidator(_hex_colour)]
"""A colour written ``#RRGGBB``; stored as ``RRGGBB``."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Colours(_Strict):
    """The brand's palette."""

    primary: Colour
    """Structure: title bands, badges, rules, divider backgrounds."""
    accent: Colour
    """Figures, and nothing else."""
    dark: Colour
    """Dark surfaces: the cover's background, headings on light cards."""
    light: Colour
    """Light surfaces: card fills, the paper tone."""
    text: Colour = "222222"
    """Running text."""
    muted: Colour = "7F7F7F"
    """Captions, footers, secondary text."""
    background: Colour = "FFFFFF"
    """The slide background."""
    chart: list[Colour] = Field(min_length=1)
    """The chart palette, in order."""


class Font(_Strict):
    """A font role: what the file names, for Latin and East Asian text."""

    latin: str
    """The Latin typeface, e.g. "Arial"."""
    east_asian: str
    """The East Asian typeface by its Windows name, e.g. "微软雅黑"."""
    bold: bool = False
    """Whether this role is set bold."""


class DeckFonts(_Strict):
    """The deck's font roles."""

    heading: Font
    body: Font
    number: Font


class BriefingFonts(_Strict):
    """The briefing's font roles (GB/T 9704 names them)."""

    title: Font
    """The title: 小标宋 二号."""
    body: Font
    """The body: 仿宋 三号."""
    level1: Font
    """Headings "一、": 黑体."""
    level2: Font
    """Headings "（一）": 楷体."""
    page_number: Font
    """Page numbers: 宋体 四号."""


class Briefing(_Strict):
    """Switches for the printed briefing (简报)."""

    masthead: str = "政府工作报告速读"
    """The large red title of the masthead (报头)."""
    masthead_colour: Colour = "FF0000"
    """The masthead's and its rule's colour."""
    figures_bold: bool = True
    """Whether figures in running text are set bold."""
    red_rules: bool = True
    """Whether the masthead rule is drawn red (else black)."""
    fonts: BriefingFonts


class Theme(_Strict):
    """A template: how the deck and the briefing look."""

    name: str
    """The template's name."""
    description: str = ""
    """One line on what it is for."""
    colours: Colours
    fonts: DeckFonts
    logo: Path | None = None
    """A logo picture, relative to the template folder."""
    footer: str | None = None
    """Footer text; the content's organisation when absent."""
    briefing: Briefing
    folder: Path | None = Field(default=None, exclude=True)
    """The folder the template was read from (set by the loader)."""

    @property
    def logo_path(self) -> Path | None:
        """The logo's full path, if there is one."""
        if self.logo is None:
            return None
        return self.logo if self.logo.is_absolute() else (self.folder or Path()) / self.logo

    @property
    def master_path(self) -> Path | None:
        """The organisation's own ``master.pptx`` in the template folder, if any."""
        path = (self.folder / "master.pptx") if self.folder else None
        return path if path and path.is_file() else None

    @property
    def reference_docx(self) -> Path | None:
        """The organisation's own ``reference.docx`` in the template folder, if any."""
        path = (self.folder / "reference.docx") if self.folder else None
        return path if path and path.is_file() else None


def template_folder(name_or_path: str | Path | None) -> Path:
    """Resolve a built-in template name or a folder path to a template folder."""
    name = str(name_or_path or DEFAULT_TEMPLATE)
    path = Path(name)
    if path.is_dir():
        return path
    builtin = TEMPLATES_DIR / name
    if builtin.is_dir():
        return builtin
    known = ", ".join(builtin_templates()) or "none"
    raise InputError(f"no template folder or built-in template named '{name}' (built-in: {known})")


def builtin_templates() -> list[str]:
    """The names of the built-in templates."""
    if not TEMPLATES_DIR.is_dir():
        return []
    return sorted(p.name for p in TEMPLATES_DIR.iterdir() if (p / "theme.yaml").is_file())


def load_theme(name_or_path: str | Path | None = None) -> Theme:
    """Load a template by built-in name or folder; errors are located in its ``theme.yaml``."""
    from .load import load_model

    folder = template_folder(name_or_path)
    theme = load_model(folder / "theme.yaml", Theme)
    return theme.model_copy(update={"folder": folder})
