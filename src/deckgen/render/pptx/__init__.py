"""Write a deck plan to a .pptx file with python-pptx; reads the plan only, never measures."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.opc.packuri import PackURI
from pptx.util import Pt

from ...plan.slides import Deck
from ...template.master import choose_layouts, open_master
from ...template.theme import Theme
from ..properties import Properties, finish_package, presentation_format, set_core
from . import ooxml
from .elements import Painter
from .slides import add_slide, clear_slides


def write_pptx(deck: Deck, theme: Theme, path: Path) -> None:
    """Write ``deck`` styled by ``theme`` to ``path``."""
    master = theme.master_path
    if master is not None:  # the organisation's own template: keep its master, theme, size
        prs = open_master(master)  # cleaned: nothing of it that can run or call out
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
    _name_parts_by_count(prs.part.package)
    for plan in deck.slides:
        add_slide(prs, plan, painter, chosen)
    _set_properties(prs, deck)
    prs.save(str(path))


def _name_parts_by_count(package) -> None:
    """python-pptx names each new part (slide, notes, chart…) after walking every part of
    the package, which makes writing a deck quadratic in its slides: find the names a kind
    of part has once, then add each name given, choosing as python-pptx chooses (the
    highest free number up to one more than the count). Parts are only added from here."""
    taken: dict[str, set[str]] = {}

    def next_partname(tmpl: str) -> PackURI:
        names = taken.get(tmpl)
        if names is None:
            prefix = tmpl[: (tmpl % 42).find("42")]
            names = {p.partname for p in package.iter_parts() if p.partname.startswith(prefix)}
            taken[tmpl] = names
        name = next(tmpl % n for n in range(len(names) + 1, 0, -1) if tmpl % n not in names)
        names.add(name)
        return PackURI(name)

    package.next_partname = next_partname


def _set_properties(prs, deck: Deck) -> None:
    """Core properties from the plan, app.xml counting this deck, no template thumbnail."""
    props = Properties(
        title=deck.title,
        subject=deck.subject or deck.title,
        author=deck.author,
        keywords=deck.keywords,
        comments=deck.comments,
        language=deck.language,
    )
    set_core(prs.core_properties, props)
    slides = list(prs.slides)
    finish_package(
        prs.part.package,
        deck.author,
        PresentationFormat=presentation_format(prs.slide_width, prs.slide_height),
        Slides=len(slides),
        Notes=sum(1 for s in slides if s.has_notes_slide),
        HiddenSlides=sum(1 for s in slides if s._element.get("show") in ("0", "false")),
    )
