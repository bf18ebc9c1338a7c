"""Templates: a brand's colours, fonts, logo and briefing switches, read from ``theme.yaml``."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..builtin import data_dir
from ..errors import InputError
from ..model import language_of_tag
from ..options import LabelWords

TEMPLATES_DIR = data_dir("templates")
"""Where the built-in templates live."""

DEFAULT_TEMPLATE = "gov-red"


def _hex_colour(value: str) -> str:
    match = re.fullmatch(r"#?([0-9A-Fa-f]{6})", value.strip())
    if not match:
        raise ValueError(f"expected a colour like '#B22222', got {value!r}")
    return match.group(1).upper()


Colour = Annotated[str, AfterValidator(_hex_colour)]
"""A colour written ``#RRGGBB``; stored as ``RRGGBB``."""


class _Strict(BaseModel):
    """Base for the theme's models: unknown keys are errors, no empty text, frozen. The
    fields' docstrings are for readers of this file: no theme schema is made from them, so
    pydantic is not asked to read them (``use_attribute_docstrings`` parses this module's
    source again for each class: it made importing this module take half again as long)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_min_length=1)


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
    master: Path | None = None
    """The organisation's own PowerPoint template, relative to the template folder;
    ``master.pptx`` in the folder is used when this is not given."""
    briefing: Briefing
    labels: LabelWords = {}
    """The office's own fixed words (目录, 回顾, 续…; see :mod:`deckgen.labels`), e.g.
    ``review: 回顾总结``, or one per language (``review: {zh: 回顾总结, en: Looking back}``)."""
    folder: Path | None = Field(default=None, exclude=True)
    """The folder the template was read from (set by the loader)."""

    def for_language(self, language: str) -> Theme:
        """This theme for a content in ``language`` (a tag, or ``zh``/``en``). English text is
        set in a Latin face: where a role's Latin face is a Chinese one ("Microsoft YaHei"),
        whose quotes and apostrophes are full width ("the city’ s"), the deck's number face
        (else Arial) takes its place."""
        if language_of_tag(language) != "en":
            return self
        number = self.fonts.number.latin
        fallback = number if not is_cjk_font(number) else "Arial"

        def latin(font: Font) -> Font:
            if not is_cjk_font(font.latin):
                return font
            return font.model_copy(update={"latin": fallback})

        fonts = self.fonts.model_copy(
            update={
                role: latin(getattr(self.fonts, role)) for role in ("heading", "body", "number")
            }
        )
        briefing_fonts = self.briefing.fonts.model_copy(
            update={
                role: latin(getattr(self.briefing.fonts, role))
                for role in type(self.briefing.fonts).model_fields
            }
        )
        briefing = self.briefing.model_copy(update={"fonts": briefing_fonts})
        return self.model_copy(update={"fonts": fonts, "briefing": briefing})

    @property
    def logo_path(self) -> Path | None:
        """The logo's full path, if there is one."""
        if self.logo is None:
            return None
        return self.logo if self.logo.is_absolute() else (self.folder or Path()) / self.logo

    @property
    def master_path(self) -> Path | None:
        """The organisation's own PowerPoint template (``master``, else ``master.pptx``), if any."""
        folder = self.folder or Path()
        if self.master is not None:
            return self.master if self.master.is_absolute() else folder / self.master
        path = folder / "master.pptx"
        return path if self.folder and path.is_file() else None

    @property
    def reference_docx(self) -> Path | None:
        """The organisation's own ``reference.docx`` (or ``reference.dotx``) in the template
        folder, if there is one; one that is no file (a folder, a FIFO, a broken link) is
        returned too, for the reader to refuse by name."""
        names = ("reference.docx", "reference.dotx")
        found = [self.folder / n for n in names if self.folder and os.path.lexists(self.folder / n)]
        return found[0] if found else None


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
    """Load a template: a built-in name, a template folder, or a bare ``.pptx`` master.

    Errors are located in the folder's ``theme.yaml``. A bare master brings its own
    colours and fonts (read from its theme part); the briefing keeps the default's settings.
    """
    from ..load import load_model, picture_problem

    if name_or_path is not None and str(name_or_path).lower().endswith((".pptx", ".potx")):
        return theme_from_master(Path(name_or_path))
    folder = template_folder(name_or_path)
    theme = load_model(folder / "theme.yaml", Theme)
    theme = theme.model_copy(update={"folder": folder})
    master = theme.master_path
    if master is not None and not master.is_file():
        raise InputError("the template's master is not a file", file=master)
    logo = theme.logo_path
    if logo is not None and (problem := picture_problem(logo)) is not None:
        raise InputError(f"the template's logo: {problem}", file=logo)  # the logo, named
    return theme


def theme_from_master(path: Path) -> Theme:
    """A theme for a bare PowerPoint master: its theme colours and fonts, default briefing."""
    from .master import read_master

    info = read_master(path)  # a missing file, a folder, a FIFO: refused, named
    base = load_theme(DEFAULT_TEMPLATE)
    c = info.colours
    colours = base.colours.model_copy(
        update={
            key: c[slot]
            for key, slot in (
                ("primary", "accent1"),
                ("accent", "accent2"),
                ("dark", "dk2"),
                ("light", "lt2"),
                ("text", "dk1"),
            )
            if c.get(slot)
        }
        | {
            "chart": [
                c[k]
                for k in ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
                if c.get(k)
            ]
            or base.colours.chart
        }
    )
    fonts = base.fonts.model_copy(
        update={
            "heading": _font_from(base.fonts.heading, info.fonts.get("major")),
            "body": _font_from(base.fonts.body, info.fonts.get("minor")),
        }
    )
    return base.model_copy(
        update={
            "name": path.stem,
            "description": f"PowerPoint template {path.name}",
            "colours": colours,
            "fonts": fonts,
            "master": path.resolve(),
            "folder": path.resolve().parent,
            "logo": None,
        }
    )


_CJK_FONT_WORDS = (
    "yahei",
    "simhei",
    "simsun",
    "nsimsun",
    "dengxian",
    "fangsong",
    "kaiti",
    "cjk",
    "source han",
    "pingfang",
    "hiragino",
    "heiti",
    "songti",
    "mingliu",
    "pmingliu",
    "gothic",
    "mincho",
    "malgun",
    "wenquanyi",
    "ar pl",
    "fandol",
    "hei",
    "song",
)


def is_cjk_font(name: str) -> bool:
    """Whether a typeface name is a Chinese (or Japanese, Korean) font, by its name."""
    lowered = name.lower()
    return any("\u3400" <= ch <= "\u9fff" for ch in name) or any(
        w in lowered for w in _CJK_FONT_WORDS
    )


def _font_from(base: Font, found: tuple[str, str] | None) -> Font:
    """``base`` with the master's Latin typeface, and its East Asian one if it is a CJK font
    (LibreOffice's masters name "DejaVu Sans", which has no Chinese)."""
    if not found:
        return base
    latin, east_asian = found
    if not is_cjk_font(east_asian):
        east_asian = base.east_asian
    return base.model_copy(update={"latin": latin or base.latin, "east_asian": east_asian})
