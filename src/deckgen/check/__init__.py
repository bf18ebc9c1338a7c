"""Checks on written decks and briefings: what a reader would find wrong in them.

:func:`check_deck` and :func:`check_briefing` (``deckgen check FILE [--content CONTENT]``,
through :data:`deckgen.outputs.OUTPUTS`) read a .pptx or .docx and its LibreOffice render
and return every :class:`Finding`, each naming the slide, or the page and paragraph:

* runs with Chinese that declare no East Asian font or language (:mod:`.pptx`, :mod:`.docx`);
* invisible or joining characters, line breaks inside sentences, tabs in running text, and
  full-width punctuation or East Asian quotes in English text (:mod:`.text`);
* text spilling out of its shape on a slide (:mod:`.spills`);
* punctuation the render does not draw, and figures it splits across lines (:mod:`.render`;
  a split figure is a *warning*: it is reported but does not fail the check);
* library default values left in the document properties (:mod:`.properties`);
* (warnings) each face a briefing declares that its render set in another (:mod:`.faces`);
* with the content, each sentence and figure of it that the file does not hold verbatim
  (:mod:`.content`).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..figures import find_figures
from .content import content_texts, unfindable
from .docx import briefing_paragraphs, docx_runs_missing_east_asian
from .faces import substituted_faces
from .model import Finding, Para, has_cjk
from .pptx import deck_paragraphs, pptx_notes, pptx_texts, runs_missing_east_asian, visible_slides
from .properties import library_properties
from .render import figures_split, lost_punctuation, map_pages, split_figures, text_per_slide
from .spills import Spill, spill_summary, spills
from .text import breaks, full_width_in_english, invisible

__all__ = [
    "Finding",
    "Spill",
    "check_briefing",
    "check_deck",
    "docx_runs_missing_east_asian",
    "figures_split",
    "has_cjk",
    "pptx_notes",
    "pptx_texts",
    "runs_missing_east_asian",
    "spill_summary",
    "spills",
    "text_per_slide",
]


def check_deck(path: Path, pdf: Path, content=None) -> list[Finding]:
    """Everything wrong with a written deck (.pptx) whose LibreOffice render is ``pdf``;
    ``content`` (a :class:`deckgen.model.Content`) adds the findability check."""
    paras = deck_paragraphs(path)
    slides = visible_slides(path)
    found = [_east_asian(p) for p in runs_missing_east_asian(path)]
    found += _spills(spills(path, pdf))
    found += library_properties(path, len(pptx_texts(path)))
    return found + _text_checks(paras, pdf, slides, content, deck=True)


def check_briefing(path: Path, pdf: Path, content=None) -> list[Finding]:
    """Everything wrong with a written briefing (.docx) whose render is ``pdf``; each finding
    named by page and paragraph."""
    paras = briefing_paragraphs(path)
    map_pages(paras, pdf)
    places = {f"{p.part_name} paragraph {p.number}": p.where for p in paras}
    found = [_east_asian(p, places) for p in docx_runs_missing_east_asian(path)]
    found += library_properties(path, None)
    found += substituted_faces(path, pdf)
    return found + _text_checks(paras, pdf, None, content, deck=False)


def _text_checks(paras: list[Para], pdf: Path, slides, content, deck: bool) -> list[Finding]:
    """The checks of the text as written and as rendered, alike for both files."""
    written = [text for _, text in content_texts(content)] if content is not None else []
    found = invisible(paras)
    found += breaks(paras, written)
    found += full_width_in_english(paras)
    found += lost_punctuation(paras, pdf, slides)
    if content is not None:
        found += unfindable(content, paras, deck)
    figures = _figures(written if content is not None else _shown(paras, deck))
    return found + split_figures(pdf, figures, slides)


def _east_asian(problem: str, places: dict[str, str] | None = None) -> Finding:
    """A run lacking East Asian properties; a briefing's named by page and paragraph."""
    where, _, detail = problem.partition(": ")
    return Finding((places or {}).get(where, where), "no East Asian font or language", detail)


def _spills(found: list[Spill]) -> list[Finding]:
    """Spilled characters, one finding per slide, shape and reason."""
    groups: dict[tuple[int, str, str], list[Spill]] = {}
    for s in found:
        groups.setdefault((s.slide_no, s.nearest_shape_name, s.reason), []).append(s)
    out = []
    for (slide, shape, reason), group in sorted(groups.items()):
        sample = "".join(s.char for s in group)
        sample = sample if len(sample) <= 30 else sample[:29] + "…"
        first = group[0]
        out.append(
            Finding(
                f"slide {slide} {shape!r}",
                "text spills",
                f"{len(group)} character(s) {reason}: {sample!r}"
                f" from ({first.x:.0f}, {first.y:.0f}) pt",
            )
        )
    return out


def _shown(paras: list[Para], deck: bool) -> list[str]:
    """The texts a render shows: a deck's slides, a briefing's document, headers, footers."""
    keep = ("slide",) if deck else ("document", "header", "footer", "footnotes", "endnotes")
    return [p.text for p in paras if p.part in keep]


def _figures(texts: list[str]) -> list[str]:
    """Every figure of ``texts`` (invisible characters left out of the texts first)."""
    out: dict[str, None] = {}
    for text in texts:
        plain = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
        for f in find_figures(plain):
            out[f.text] = None
    return list(out)
