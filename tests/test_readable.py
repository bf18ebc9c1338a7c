"""A deck the back row can read (issue 10), on the seed and on real full-length reports:
body text at 18 pt or more, nothing under 10 pt, real bullets and no typed ones, a long
card's continuation slides sharing its text out evenly, and no spill in LibreOffice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen import api
from deckgen.check import spill_summary, spills
from deckgen.plan.context import CHROME, READABLE
from deckgen.plan.layout import BODY
from deckgen.plan.slides import TextBox

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "tests" / "data" / "reports"
DECKS = {
    "seed": ROOT / "content" / "liuhe-2023.yaml",
    "riverside": ROOT / "content" / "riverside-2024.yaml",
    "sichuan": REPORTS / "zh-sichuan-2026.yaml",
    "zhejiang": REPORTS / "zh-zhejiang-2026.yaml",
    "hubei": REPORTS / "zh-hubei-2026.yaml",
    "hongkong": REPORTS / "en-hongkong-2021.yaml",
}
TYPED_BULLETS = ("▪", "•", "●", "■", "▲", "◆", "-", "·")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("readable")
    return {name: api.build_pptx(path, out / f"{name}.pptx") for name, path in DECKS.items()}


def _paragraphs(path: Path):
    """(slide number, shape name, paragraph) of every text paragraph of the deck."""
    prs = Presentation(str(path))

    def shapes(group):
        for shape in group:
            if shape.shape_type == 6:  # a group
                yield from shapes(shape.shapes)
            else:
                yield shape

    for number, slide in enumerate(prs.slides, 1):
        for shape in shapes(slide.shapes):
            if shape.has_text_frame:
                for para in shape.text_frame.paragraphs:
                    yield number, shape.name, para


@pytest.mark.parametrize("name", DECKS)
def test_body_text_is_18_pt_or_more_and_nothing_is_under_10(built, name):
    small, tiny = [], []
    for number, shape, para in _paragraphs(built[name]):
        text = "".join(r.text for r in para.runs)
        sizes = [r.font.size.pt for r in para.runs if r.font.size is not None]
        if not sizes:
            continue
        if len(text) >= READABLE and shape not in CHROME and min(sizes) < BODY[1]:
            small.append((number, shape, min(sizes), text[:20]))
        if min(sizes) < 10:
            tiny.append((number, shape, min(sizes), text[:20]))
    assert small == [] and tiny == []


@pytest.mark.parametrize("name", DECKS)
def test_lists_have_real_bullets_and_none_typed(built, name):
    typed, real = [], 0
    for number, shape, para in _paragraphs(built[name]):
        text = "".join(r.text for r in para.runs).lstrip()
        if text.startswith(TYPED_BULLETS):
            typed.append((number, shape, text[:20]))
        pPr = para._p.pPr
        if pPr is not None and pPr.find(f"{A}buChar") is not None:
            real += 1
            assert int(pPr.get("indent")) < 0 < int(pPr.get("marL"))  # a hanging indent
    assert typed == []
    has_lists = api.load(DECKS[name]).plan is not None  # a plan's points are bullet lists
    assert (real > 0) == has_lists


def _continued_pieces(path: Path):
    """Each card split across slides, as the lengths of its pieces' text, slide by slide."""
    deck = api.plan(path, ".pptx")
    cont = re.compile(r"(（续）| \(cont\.\))$")
    pieces: dict[str, list[int]] = {}
    order: list[str] = []
    for slide in deck.slides:
        boxes = [e for e in slide.elements if isinstance(e, TextBox)]
        for head, body in zip(boxes, boxes[1:], strict=False):
            if body.name != "Card text":
                continue
            heading = "".join(r.text for r in head.paragraphs[0].runs)
            key = cont.sub("", heading)
            chars = sum(len(r.text) for p in body.paragraphs for r in p.runs)
            if cont.search(heading) and key in pieces:
                pieces[key].append(chars)
            else:
                pieces[key] = [chars]
                order.append(key)
    return {k: pieces[k] for k in order if len(pieces[k]) > 1}


@pytest.mark.parametrize("name", DECKS)
def test_a_long_card_is_shared_out_evenly_across_its_slides(name):
    """No continuation slide carries less than a third of its neighbour's text."""
    thin = {
        heading: lengths
        for heading, lengths in _continued_pieces(DECKS[name]).items()
        if any(min(a, b) < max(a, b) / 3 for a, b in zip(lengths, lengths[1:], strict=False))
    }
    assert thin == {}


def test_the_continued_cards_measured_are_there():
    """The check above sees split cards: the long real reports have some."""
    assert _continued_pieces(DECKS["sichuan"]) or _continued_pieces(DECKS["hongkong"])


@pytest.mark.parametrize("name", ["sichuan", "hongkong"])
def test_long_real_reports_render_without_spill(built, name, render):
    found = spills(built[name], render(built[name]))
    assert found == [], spill_summary(found)


def test_a_sentence_taller_than_a_card_is_whole_in_each_slides_notes(tmp_path):
    """Only a sentence taller than a whole card is cut at a line; the notes of every slide it
    stands on hold it whole, so the presenter reads it and Ctrl+F finds it."""
    clause = "推动制造业高端化智能化绿色化发展并加快建设现代化产业体系"
    sentence = "，".join([clause] * 24) + "。"
    text = f"开篇一句。{sentence}结尾一句。"
    path = tmp_path / "long.yaml"
    path.write_text(
        "meta:\n  title: 速读\nreview:\n  highlights:\n    - title: 一个很长的句子\n"
        f"      points:\n        - heading: 长句\n          text: {text}\n",
        encoding="utf-8",
    )
    deck = api.plan(path, ".pptx")
    slides = [s for s in deck.slides if s.kind == "highlight"]
    assert len(slides) >= 2
    holding = [s for s in slides if clause in "".join(_texts(s))]
    assert len(holding) >= 2  # the sentence is cut across slides
    for slide in holding:
        assert sentence in slide.notes.replace("\n", "")


def _texts(slide) -> list[str]:
    return [
        "".join(r.text for r in p.runs)
        for e in slide.elements
        if isinstance(e, TextBox) and e.name == "Card text"
        for p in e.paragraphs
    ]
