"""The parts of a written deck hang together: the writer makes the first slide of a layout,
the first notes slide and the first shape of a look through python-pptx and copies the rest,
so every copy must still be its own slide, with its own ids, notes and relationships."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.util import Pt

from deckgen import api
from deckgen.options import BuildOptions
from deckgen.outputs import OUTPUTS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    """The seed's deck (its slides have speaker notes): its plan and the file opened."""
    out = tmp_path_factory.mktemp("parts")
    content, theme = api._inputs(ROOT / "content" / "liuhe-2023.yaml", None, lambda _: None)
    plan = OUTPUTS[".pptx"].plan(content, theme, BuildOptions())
    path = out / "seed.pptx"
    OUTPUTS[".pptx"].write(plan, theme, path)
    return plan, Presentation(str(path))


def test_every_slide_is_its_own(deck):
    plan, prs = deck
    slides = list(prs.slides)
    assert len(slides) == len(plan.slides) > 20
    ids = [s.slide_id for s in slides]
    assert len(set(ids)) == len(ids) and ids == sorted(ids)
    names = [s.part.partname for s in slides]
    assert len(set(names)) == len(names)
    layouts = Counter(s.slide_layout.name for s in slides)
    assert max(layouts.values()) > 1  # copies were made


def test_shapes_as_planned(deck):
    """Each shape has its own id, the plan's name (a filled placeholder keeps the layout's)
    and the plan's box, in the plan's drawing order."""
    plan, prs = deck
    for planned, slide in zip(plan.slides, prs.slides, strict=True):
        shapes = list(slide.shapes)
        ids = [shape.shape_id for shape in shapes]
        assert len(set(ids)) == len(ids)
        assert len(shapes) == len(planned.elements)
        for element, shape in zip(planned.elements, shapes, strict=True):
            if getattr(element, "placeholder", None) is None:
                assert shape.name == element.name
            box = element.box
            assert (shape.left, shape.top, shape.width, shape.height) == (
                Pt(box.x),
                Pt(box.y),
                Pt(box.w),
                Pt(box.h),
            )


def test_each_notes_slide_belongs_to_its_slide(deck):
    plan, prs = deck
    noted = 0
    for planned, slide in zip(plan.slides, prs.slides, strict=True):
        assert slide.has_notes_slide == bool(planned.notes)
        if planned.notes:
            noted += 1
            notes = slide.notes_slide
            assert notes.part.part_related_by(RT.SLIDE) is slide.part
            assert notes.notes_text_frame.text == planned.notes
    assert noted > 20
