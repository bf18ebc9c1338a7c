"""Write a deck plan to a .pptx file with python-pptx; reads the plan only, never measures."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.opc.package import Part
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
    notes = 0
    for plan in deck.slides:
        slide = add_slide(prs, plan, painter, chosen)
        if slide.has_notes_slide:
            notes += 1
            written(slide.notes_slide.part)
        written(slide.part)
    _set_properties(prs, deck, len(deck.slides), notes)
    prs.save(str(path))


def written(part) -> None:
    """Keep a finished slide's (or notes slide's) XML as the bytes saved, not as a tree:
    a tree takes about ten times the memory, and a deck of thousands of slides would
    otherwise hold them all until it is saved. The part becomes a plain python-pptx
    ``Part`` (its relationships kept); nothing reads its XML again."""
    blob = part.blob
    part.__dict__.pop("slide", None)
    part.__dict__.pop("notes_slide", None)
    del part._element
    part.__class__ = Part
    part._blob = blob


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


def _set_properties(prs, deck: Deck, slides: int, notes: int) -> None:
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
    finish_package(
        prs.part.package,
        deck.author,
        PresentationFormat=presentation_format(prs.slide_width, prs.slide_height),
        Slides=slides,
        Notes=notes,
        HiddenSlides=0,  # deckgen hides no slide; a template's sample slides are gone
    )
