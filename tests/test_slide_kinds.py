"""A new slide kind is one module and one row of the deck's table.

The demo kind below stands for that module: a ``make(p, part)`` that returns slides. Put in
the table after each highlight's key figures, it is planned, item by item, in the order the
table says, and the renderer draws it like any other slide (it draws elements, not kinds).
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from deckgen import api
from deckgen.options import BuildOptions
from deckgen.plan.context import Part, Planner
from deckgen.plan.deck import DECK, Row, plan_deck
from deckgen.plan.slides import Slide
from deckgen.plan.typeset import Style
from deckgen.render.pptx import write_pptx
from deckgen.template.theme import load_theme

SEED = Path(__file__).resolve().parents[1] / "content" / "liuhe-2023.yaml"


def quote(p: Planner, part: Part) -> list[Slide]:
    """The demo kind: a highlight's slogan, large, on a slide of its own."""
    if not part.item.slogan:
        return []
    box = p.must_text([part.item.slogan], Style("heading"), p.grid.content, (40, 20))
    return [p.slide("quote", part.item.title, None, part.label, [box], part.item.slogan)]


def test_a_demo_kind_is_one_function_and_one_row(tmp_path):
    at = next(i for i, row in enumerate(DECK) if row.kind == "key_figures") + 1
    table = (*DECK[:at], Row("quote", quote, "review", each=True), *DECK[at:])
    content, theme = api.load(SEED), load_theme(None)
    deck = plan_deck(content, theme, BuildOptions(), table=table)
    kinds = [s.kind for s in deck.slides]
    highlights = len(content.review.highlights)
    assert kinds.count("quote") == highlights
    # item by item: each highlight's quote comes right after its key figures
    firsts = [i for i, k in enumerate(kinds) if k == "quote"]
    assert all(kinds[i - 1] == "key_figures" for i in firsts)
    plain = plan_deck(content, theme, BuildOptions())
    assert [s for s in deck.slides if s.kind != "quote"][:3] == list(plain.slides[:3])
    out = tmp_path / "demo.pptx"
    write_pptx(deck, theme, out)
    shown = [
        "".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        for slide in Presentation(str(out)).slides
    ]
    assert len(shown) == len(deck.slides)
    assert content.review.highlights[0].slogan in shown[firsts[0]]


def test_a_brief_deck_keeps_the_rows_marked_brief():
    content, theme = api.load(SEED), load_theme(None)
    deck = plan_deck(content, theme, BuildOptions(detail="brief"))
    kept = {row.kind for row in DECK if row.brief}
    assert {s.kind for s in deck.slides} <= kept
    assert deck.slides[0].kind == "cover" and deck.slides[-1].kind == "end"
