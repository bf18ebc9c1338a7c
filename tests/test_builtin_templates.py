"""Every built-in template gives the seed a deck without spill and a briefing that renders;
a template's logo stands on the cover and every content slide."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_few_split
from PIL import Image
from pptx import Presentation

from deckgen import api
from deckgen.check import spill_summary, spills, text_per_slide
from deckgen.figures import find_figures
from deckgen.template.scaffold import scaffold
from deckgen.template.theme import builtin_templates

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
SEED_FIGURES = [f.text for t in api.texts(api.load(SEED)) for f in find_figures(t)]
ENGLISH = ROOT / "content" / "riverside-2024.yaml"
OTHERS = [name for name in builtin_templates() if name != "gov-red"]  # gov-red: test_deck/docx


def test_three_templates_are_built_in():
    assert {"gov-red", "ink-blue", "minimal"} <= set(builtin_templates())


@pytest.fixture(scope="module", params=OTHERS)
def built(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    source = ENGLISH if request.param == "minimal" else SEED
    deck = api.build_pptx(source, folder / "deck.pptx", request.param)
    brief = api.build_docx(source, folder / "brief.docx", request.param)
    return request.param, deck, brief


def test_deck_renders_without_spill(built, render):
    _, deck, _ = built
    found = spills(deck, render(deck))
    assert found == [], spill_summary(found)
    assert_few_split(render(deck), SEED_FIGURES)


def test_briefing_renders_with_page_numbers(built, render):
    _, _, brief = built
    pages = text_per_slide(render(brief))
    assert len(pages) >= 2
    assert "— 1 —" in pages[0]


def test_logo_on_cover_and_content_slides(tmp_path, render):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 100), "#0B5FA5").save(logo)
    folder = scaffold("acme", "ink-blue", parent=tmp_path, logo=logo)
    deck = api.build_pptx(SEED, tmp_path / "acme.pptx", folder)
    prs = Presentation(str(deck))
    with_logo = [i for i, s in enumerate(prs.slides) if any(sh.name == "Logo" for sh in s.shapes)]
    kinds = len(prs.slides)
    assert 0 in with_logo  # the cover
    assert len(with_logo) >= kinds - 6  # all but dividers and the end slide
    width = prs.slide_width
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == "Logo":
                assert shape.left + shape.width <= width
    found = spills(deck, render(deck))
    assert found == [], spill_summary(found)
