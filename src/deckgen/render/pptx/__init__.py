"""Write a deck plan to a .pptx file with python-pptx; reads the plan only, never measures."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Pt

from ...plan.slides import Deck
from ...theme import Theme
from . import ooxml
from .elements import Painter
from .master import choose_layouts, clear_slides
from .slides import add_slide


def write_pptx(deck: Deck, theme: Theme, path: Path) -> None:
    """Write ``deck`` styled by ``theme`` to ``path``."""
    master = theme.master_path
    if master is not None:  # the organisation's own template: keep its master, theme, size
        prs = Presentation(str(master))
        chosen = choose_layouts(prs)  # before the sample slides that inform it are gone
        clear_slides(prs)
        ooxml.brand_theme(prs, theme, keep_brand=True)
    else:
        prs = Presentation()
        prs.slide_width = Pt(deck.width)
        prs.slide_height = Pt(deck.height)
        ooxml.brand_theme(prs, theme)
        chosen = choose_layouts(prs)
    painter = Painter(theme, deck.language)
    for plan in deck.slides:
        add_slide(prs, plan, painter, chosen)
    props = prs.core_properties
    props.title = _short(deck.title)
    props.author = _short(deck.author)
    props.subject = _short(deck.title)
    props.language = deck.language
    props.keywords = "deckgen"
    prs.save(str(path))


def _short(text: str) -> str:
    """A document property within Office's 255-character limit."""
    return text if len(text) <= 255 else text[:254] + "…"
