"""Write a deck plan to a .pptx file with python-pptx; reads the plan only, never measures."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Pt

from ...plan.slides import Deck
from ...theme import Theme
from . import ooxml
from .elements import Painter
from .slides import add_slide


def write_pptx(deck: Deck, theme: Theme, path: Path) -> None:
    """Write ``deck`` styled by ``theme`` to ``path``."""
    prs = Presentation()
    prs.slide_width = Pt(deck.width)
    prs.slide_height = Pt(deck.height)
    ooxml.brand_theme(prs, theme)
    painter = Painter(theme, deck.language)
    for plan in deck.slides:
        add_slide(prs, plan, painter)
    props = prs.core_properties
    props.title = deck.title
    props.author = deck.author
    props.subject = deck.title
    props.language = deck.language
    props.keywords = "deckgen"
    prs.save(str(path))
