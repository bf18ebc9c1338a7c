"""Decks on organisations' own masters: pandoc's reference.pptx and LibreOffice's Focus and
Vintage, made here in the test (others' files are not committed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import assert_few_split
from pptx import Presentation
from pptx.util import Emu

from deckgen import api
from deckgen.check import runs_missing_east_asian, spill_summary, spills
from deckgen.figures import find_figures
from deckgen.preview import bundled_template, convert, find_soffice
from deckgen.template.master import read_master
from deckgen.template.theme import load_theme

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
SEED_FIGURES = [f.text for t in api.texts(api.load(SEED)) for f in find_figures(t)]


def _pandoc_reference(folder: Path) -> Path:
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed (make system-deps installs it)")
    out = folder / "pandoc-reference.pptx"
    subprocess.run(
        ["pandoc", "-o", str(out), "--print-default-data-file", "reference.pptx"], check=True
    )
    return out


def _libreoffice_theme(folder: Path, name: str) -> Path:
    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed")
    otp = bundled_template(name)
    if otp is None:
        pytest.skip(f"LibreOffice's {name}.otp is not installed")
    return convert(otp, folder, "pptx")


MAKERS = {
    "pandoc": _pandoc_reference,
    "focus": lambda d: _libreoffice_theme(d, "Focus"),
    "vintage": lambda d: _libreoffice_theme(d, "Vintage"),
}


@pytest.fixture(scope="module", params=sorted(MAKERS))
def built(request, tmp_path_factory):
    """(master, deck) for each foreign master: the seed's deck built on it."""
    folder = tmp_path_factory.mktemp(request.param)
    master = MAKERS[request.param](folder)
    deck = api.build_pptx(SEED, folder / "deck.pptx", str(master))
    return master, deck


def test_keeps_the_masters_size_layouts_and_theme(built):
    master, deck = built
    before, after = Presentation(str(master)), Presentation(str(deck))
    assert (after.slide_width, after.slide_height) == (before.slide_width, before.slide_height)
    names = [[lay.name for lay in m.slide_layouts] for m in before.slide_masters]
    assert [[lay.name for lay in m.slide_layouts] for m in after.slide_masters] == names
    theme = load_theme(str(master))
    info = read_master(master)
    assert theme.colours.primary == info.colours["accent1"]


def test_sample_slides_are_gone_and_layouts_are_used_by_name(built):
    master, deck = built
    prs = Presentation(str(deck))
    first = prs.slides[0]
    assert first.shapes.title is not None
    assert "速读六合区政府工作报告" in first.shapes.title.text_frame.text
    assert first.slide_layout.name == "Title Slide"
    content_layouts = {s.slide_layout.name for s in list(prs.slides)[3:-1]}
    assert content_layouts & {"Title Only", "Title and Content", "Title, Content", "Section Header"}
    sample_words = {"Click to add", "This work is licensed"}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                assert not any(w in shape.text_frame.text for w in sample_words)


def test_cards_stay_inside_the_slide(built):
    _, deck = built
    prs = Presentation(str(deck))
    width, height = prs.slide_width, prs.slide_height
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= width + Emu(12700), (number, shape.name)
            assert shape.top + shape.height <= height + Emu(12700), (number, shape.name)


def test_chinese_runs_declare_east_asian_fonts(built):
    _, deck = built
    assert runs_missing_east_asian(deck) == []


def test_renders_without_spill(built, render):
    _, deck = built
    found = spills(deck, render(deck))
    assert found == [], spill_summary(found)
    assert_few_split(render(deck), SEED_FIGURES)
