"""The speed-read deck: nothing spills, nothing is lost, Chinese is declared, charts are native."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import assert_few_split, write
from pptx import Presentation
from seedtext import missing, seed_sentences
from typer.testing import CliRunner

from deckgen import api
from deckgen.check import pptx_notes, pptx_texts, runs_missing_east_asian, spill_summary, spills
from deckgen.cli import app
from deckgen.figures import find_figures
from deckgen.model import Content
from deckgen.options import BuildOptions
from deckgen.plan.deck import SLIDE_KINDS, plan_deck
from deckgen.plan.layout import BODY
from deckgen.plan.slides import Deck, Slide, TextBox
from deckgen.render.pptx import write_pptx
from deckgen.template.theme import load_theme

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def seed() -> Content:
    return api.load(SEED)


@pytest.fixture(scope="module")
def seed_deck(seed) -> Deck:
    return plan_deck(seed, load_theme(), BuildOptions())


@pytest.fixture(scope="module")
def seed_pptx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("deck") / "liuhe-2023.pptx"
    return api.build_pptx(SEED, out)


def long_content(seed: Content) -> Content:
    """One highlight whose points carry three times the seed's text: must continue."""
    data = seed.model_dump(mode="json", exclude_none=True)
    first = data["review"]["highlights"][0]
    for point in first["points"]:
        point["text"] = point["text"] * 3
    data["review"]["highlights"] = [first]
    for key in ("targets", "plan", "closing"):
        data.pop(key)
    return Content.model_validate(data)


def with_n(seed: Content, n: int) -> Content:
    """The seed's review with ``n`` highlights (cycled), and nothing else."""
    data = seed.model_dump(mode="json", exclude_none=True)
    hs = data["review"]["highlights"]
    data["review"]["highlights"] = [
        {**hs[i % len(hs)], "title": f"{hs[i % len(hs)]['title']}{i + 1}"} for i in range(n)
    ]
    for key in ("targets", "plan", "closing"):
        data.pop(key)
    return Content.model_validate(data)


# ---- the plan: pure data, no file written --------------------------------------------------


def test_plan_has_every_slide_kind_and_a_sensible_length(seed_deck):
    kinds = [s.kind for s in seed_deck.slides]
    # the seed has no image (tests/test_pictures.py plans them), and none of a full report's
    # summary, problems, requirements or appeal (tests/test_full_model.py plans them)
    absent = ("picture", "summary", "problems", "requirements", "appeal")
    for kind in SLIDE_KINDS:
        if kind in absent:
            continue
        assert kind in kinds, kind
    assert 25 <= len(kinds) <= 40, len(kinds)
    assert kinds.count("divider") == 4
    assert kinds.count("overview") == 2


def test_plan_is_plain_data(seed_deck):
    dumped = json.dumps(seed_deck.to_dict(), ensure_ascii=False)
    assert "突出稳字当头、稳中求进" in dumped


def test_no_body_text_below_its_floor(seed_deck):
    for slide in seed_deck.slides:
        for el in slide.elements:
            if isinstance(el, TextBox) and el.name == "Card text":
                for para in el.paragraphs:
                    assert all(run.size >= BODY[1] for run in para.runs), slide.title


def test_long_text_continues_on_following_slides(seed):
    deck = plan_deck(long_content(seed), load_theme(), BuildOptions())
    titles = [s.title for s in deck.slides if s.kind == "highlight"]
    assert len(titles) >= 2
    assert titles[1:] == [titles[0] + "（续）"] * (len(titles) - 1)
    shown = "".join(_texts(s) for s in deck.slides if s.kind == "highlight")
    for point in long_content(seed).review.highlights[0].points:
        assert squash(point.text) in squash(shown) or _pieces_in(point.text, shown)


def _texts(slide: Slide) -> str:
    return "\n".join(
        p.text for el in slide.elements if isinstance(el, TextBox) for p in el.paragraphs
    )


def _pieces_in(text: str, shown: str) -> bool:
    """Every sentence of ``text`` stands in ``shown`` (a split may cut between slides)."""
    return all(squash(s) in squash(shown) for s in re.findall(r"[^。；]+[。；]?", text))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
def test_overview_grid_takes_any_n(seed, n):
    deck = plan_deck(with_n(seed, n), load_theme(), BuildOptions(detail="brief"))
    overview = [s for s in deck.slides if s.kind == "overview"]
    shown = "".join(_texts(s) for s in overview)
    for i in range(n):
        assert f"{i + 1:02d}" in shown
    assert len(overview) == (1 if n <= 12 else 2)


def test_brief_detail_is_shorter_and_has_no_detail_slides(seed):
    full = plan_deck(seed, load_theme(), BuildOptions())
    brief = plan_deck(seed, load_theme(), BuildOptions(detail="brief"))
    kinds = {s.kind for s in brief.slides}
    assert len(brief.slides) < len(full.slides)
    assert not kinds & {"highlight", "commitment", "closing", "divider", "agenda"}
    assert {"cover", "overview", "key_figures", "targets", "end"} <= kinds


# ---- the written deck -------------------------------------------------------------------


def test_every_figure_stands_on_the_slides(seed, seed_pptx):
    slides = squash("\n".join(pptx_texts(seed_pptx)))
    lost = [
        f.text
        for text in api.texts(seed)
        for f in find_figures(text)
        if squash(f.text) not in slides
    ]
    assert lost == []


def test_every_sentence_stands_on_a_slide_or_in_its_notes(seed_pptx):
    texts = pptx_texts(seed_pptx) + pptx_notes(seed_pptx)
    haystack = "\x00".join(texts)
    assert missing(seed_sentences(), haystack) == []


def test_every_content_slide_has_notes(seed_pptx):
    prs = Presentation(str(seed_pptx))
    for number, slide in enumerate(prs.slides, 1):
        assert slide.has_notes_slide, number
        assert slide.notes_slide.notes_text_frame.text.strip(), number


def test_targets_slide_draws_no_chart_the_cards_already_say(seed_pptx, tmp_path):
    """The seed gives this year's targets only: cards say them, no chart repeats them; with
    last year's results beside them, a native chart shows both."""
    prs = Presentation(str(seed_pptx))
    assert not [sh for slide in prs.slides for sh in slide.shapes if sh.has_chart]
    text = SEED.read_text(encoding="utf-8").replace(
        "      label: 地区生产总值\n", "      label: 地区生产总值\n      last: 2.1%\n", 1
    )
    deck = api.build_pptx(write(tmp_path, text, "last.yaml"), tmp_path / "last.pptx")
    (chart,) = [sh.chart for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_chart]
    assert list(chart.plots[0].categories) == ["地区生产总值增长"]
    assert [list(s.values) for s in chart.series] == [[2.1], [5.5]]


def test_every_chinese_run_declares_east_asian_font_and_lang(seed_pptx):
    assert runs_missing_east_asian(seed_pptx) == []


def test_theme_names_east_asian_fonts(seed_pptx):
    prs = Presentation(str(seed_pptx))
    part = next(
        r.target_part for r in prs.slide_master.part.rels.values() if r.reltype.endswith("/theme")
    )
    xml = part.blob.decode("utf-8")
    assert '<a:ea typeface="黑体"/>' in xml
    assert '<a:font script="Hans" typeface="微软雅黑"/>' in xml


def test_slides_carry_numbers_and_footer(seed_pptx):
    prs = Presentation(str(seed_pptx))
    for number, slide in enumerate(prs.slides, 1):
        names = {sh.name for sh in slide.shapes}
        if number == 1:
            assert "Slide number" not in names
        else:
            assert {"Slide number", "Footer"} <= names, number
            xml = slide.shapes._spTree.xml
            assert 'type="slidenum"' in xml


def test_autofit_is_off_and_sizes_are_written(seed_pptx):
    prs = Presentation(str(seed_pptx))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                body = shape.text_frame._txBody.bodyPr
                assert (
                    body.find("{http://schemas.openxmlformats.org/drawingml/2006/main}noAutofit")
                    is not None
                )
                for p in shape.text_frame.paragraphs:
                    for r in p.runs:
                        assert r.font.size is not None


# ---- rendered by LibreOffice: nothing spills ---------------------------------------------


def test_seed_deck_renders_without_spill(seed_pptx, render):
    found = spills(seed_pptx, render(seed_pptx))
    assert found == [], spill_summary(found)


@pytest.fixture(scope="module")
def awkward_pptx(seed, tmp_path_factory) -> Path:
    """One deck: the long-text continuation slides, then overview grids for N = 1, 4, 8, 12."""
    theme = load_theme()
    slides: list[Slide] = []
    slides += plan_deck(long_content(seed), theme, BuildOptions()).slides
    for n in (1, 4, 8, 12):
        deck = plan_deck(with_n(seed, n), theme, BuildOptions(detail="brief"))
        slides += [s for s in deck.slides if s.kind == "overview"]
    base = plan_deck(seed, theme, BuildOptions())
    deck = Deck(base.width, base.height, tuple(slides), base.footer)
    out = tmp_path_factory.mktemp("awkward") / "awkward.pptx"
    write_pptx(deck, theme, out)
    return out


def test_long_text_and_any_grid_render_without_spill(seed, awkward_pptx, render):
    found = spills(awkward_pptx, render(awkward_pptx))
    assert found == [], spill_summary(found)
    figures = [f.text for text in api.texts(seed) for f in find_figures(text)]
    assert_few_split(render(awkward_pptx), figures)
    assert any("（续）" in t for t in pptx_texts(awkward_pptx))


# ---- the command --------------------------------------------------------------------------


def test_cli_writes_the_deck_and_keeps_an_old_file_on_failure(tmp_path, monkeypatch):
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(app, ["pptx", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(Presentation(str(out)).slides) > 20
    before = out.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("deckgen.render.pptx.write_pptx", boom)
    with pytest.raises(RuntimeError):
        api.build_pptx(SEED, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_cli_bad_content_exits_2_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  title: T\nreview:\n  highlights: []\n", encoding="utf-8")
    out = tmp_path / "x.pptx"
    result = CliRunner().invoke(app, ["pptx", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.yaml:4:15: review.highlights" in result.stderr
    assert not out.exists()


# ---- an English content ---------------------------------------------------------------------

ENGLISH = ROOT / "content" / "riverside-2024.yaml"


@pytest.fixture(scope="module")
def english_pptx(tmp_path_factory) -> Path:
    return api.build_pptx(ENGLISH, tmp_path_factory.mktemp("en") / "riverside.pptx")


def test_english_deck_has_english_labels_and_every_figure(english_pptx):
    texts = pptx_texts(english_pptx)
    shown = squash("\n".join(texts))
    assert "Contents" in texts[1]
    assert "目录" not in shown and "（续）" not in shown
    content = api.load(ENGLISH)
    lost = [
        f.text
        for text in api.texts(content)
        for f in find_figures(text)
        if squash(f.text) not in shown
    ]
    assert lost == []
    assert "about6%" in shown  # the qualifier reads before the number in English


def test_english_deck_renders_without_spill_and_without_forced_capitals(english_pptx, render):
    found = spills(english_pptx, render(english_pptx))
    assert found == [], spill_summary(found)
    content = api.load(ENGLISH)
    figures = [f.text for text in api.texts(content) for f in find_figures(text)]
    assert_few_split(render(english_pptx), figures)
    prs = Presentation(str(english_pptx))
    for slide in prs.slides:
        assert 'cap="all"' not in slide.shapes._spTree.xml


def test_no_figure_is_split_across_lines(seed, seed_pptx, render):
    figures = [f.text for text in api.texts(seed) for f in find_figures(text)]
    assert_few_split(render(seed_pptx), figures)


def test_far_too_long_titles_and_footers_shrink_with_a_warning_but_never_spill(
    seed, tmp_path, render
):
    data = seed.model_dump(mode="json", exclude_none=True)
    data["meta"]["organisation"] = "南京市六合区人民政府办公室" * 12
    data["review"]["highlights"][0]["title"] = "突出稳字当头、稳中求进" * 8
    for key in ("targets", "plan", "closing"):
        data.pop(key)
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    warnings: list[str] = []
    deck = api.build_pptx(path, tmp_path / "long.pptx", warn=warnings.append)
    assert warnings and len(warnings) == len(set(warnings))
    found = spills(deck, render(deck))
    assert found == [], spill_summary(found)


def test_forty_targets_of_each_kind_continue_without_spill(seed, tmp_path, render):
    data = seed.model_dump(mode="json", exclude_none=True)
    items = data["targets"]["items"]
    numeric = [dict(items[i % 5], label=f"{items[i % 5]['label']}{i}") for i in range(40)]
    words = [dict(items[5], text=f"{items[5]['text']}{i}") for i in range(40)]
    data["targets"]["items"] = numeric + words
    for key in ("review", "plan", "closing"):
        data.pop(key)
    path = tmp_path / "targets.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    deck = api.build_pptx(path, tmp_path / "targets.pptx")
    titles = [t.splitlines()[0] for t in pptx_texts(deck) if t]
    assert sum("（续）" in t for t in titles) >= 7
    shown = squash("\n".join(pptx_texts(deck)))
    assert all(squash(x["text"]) in shown for x in words)
    found = spills(deck, render(deck))
    assert found == [], spill_summary(found)


def test_cards_are_shared_out_evenly_across_continuation_slides():
    from deckgen.plan.cards import balanced

    assert [len(c) for c in balanced(list(range(4)), 3)] == [2, 2]  # not 3 and a lone 1
    assert [len(c) for c in balanced(list(range(7)), 3)] == [3, 2, 2]
    assert [len(c) for c in balanced(list(range(6)), 3)] == [3, 3]
    assert sum(balanced(list(range(10)), 4), []) == list(range(10))
