"""`deckgen check` and `deckgen preview`: what a user runs to verify and look at a file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Pt
from typer.testing import CliRunner

from deckgen import api
from deckgen.cli import app
from deckgen.preview import NO_SOFFICE, find_soffice

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
runner = CliRunner()

pytestmark = pytest.mark.skipif(find_soffice() is None, reason=NO_SOFFICE)


@pytest.fixture(scope="module")
def brief_deck(tmp_path_factory) -> Path:
    from deckgen.options import BuildOptions

    out = tmp_path_factory.mktemp("check") / "brief.pptx"
    return api.build_pptx(SEED, out, options=BuildOptions(detail="brief"))


def test_check_passes_a_deckgen_deck(brief_deck):
    result = runner.invoke(app, ["check", str(brief_deck)])
    assert result.exit_code == 0, result.output
    assert re.search(r": ok( \(\d+ warnings?\))?$", result.output.strip())


def test_check_help_says_what_it_reports_and_what_only_warns():
    result = runner.invoke(app, ["check", "--help"], terminal_width=200)
    assert "--content" in result.output
    assert "invisible characters" in result.output and "warning" in result.output


def test_check_reports_a_hand_made_spill_and_a_run_without_east_asian_font(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Pt(40), Pt(40), Pt(120), Pt(30))
    box.text_frame.word_wrap = True
    box.text_frame.text = "健全就业促进机制，发放吸纳就业、公益性岗位、社保等补贴8900多万元。" * 4
    path = tmp_path / "bad.pptx"
    prs.save(path)
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    assert "slide 1 'TextBox 1': text spills:" in result.output
    assert "slide 1 'TextBox 1': no East Asian font or language" in result.output
    # python-pptx's template: its author, dates, application and thumbnail are left in
    assert "docProps/core.xml: library default property: last modified by" in result.output
    assert "docProps/thumbnail.jpeg: library default property" in result.output


def test_check_with_content_names_each_sentence_missing(brief_deck, tmp_path):
    content = tmp_path / "other.yaml"
    content.write_text(
        "meta: {title: 别的报告}\n"
        "closing:\n  title: 结语\n  points:\n"
        "    - {heading: 另一件事, text: 这句话不在这份材料里。新增就业1234人。}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(brief_deck), "--content", str(content)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert (
        f"{brief_deck}: closing.points[0].text: sentence not findable in the slides or notes:"
        " “这句话不在这份材料里。”" in lines
    )
    assert (
        f"{brief_deck}: closing.points[0].text: figure not findable in the slides: “1234人”"
        in lines
    )
    result = runner.invoke(app, ["check", str(brief_deck), "--content", str(tmp_path / "no.yaml")])
    assert result.exit_code == 2 and "no.yaml" in result.stderr


def test_warnings_are_printed_but_do_not_fail(brief_deck, monkeypatch):
    from deckgen.check import Finding

    split = Finding("slide 3", "figure split across lines", "1.66万|人次", warning=True)
    monkeypatch.setattr(api, "check_file", lambda path, content=None: [split])
    result = runner.invoke(app, ["check", str(brief_deck)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{brief_deck}: warning: slide 3: figure split across lines: 1.66万|人次",
        f"{brief_deck}: ok (1 warning)",
    ]
    lost = Finding("slide 3 'Card text'", "punctuation lost in the render", "， in “…”")
    monkeypatch.setattr(api, "check_file", lambda path, content=None: [split, lost])
    assert runner.invoke(app, ["check", str(brief_deck)]).exit_code == 1


def test_preview_writes_one_picture_of_every_slide(brief_deck, tmp_path):
    out = tmp_path / "sheet.png"
    result = runner.invoke(app, ["preview", str(brief_deck), "-o", str(out), "--dpi", "20"])
    assert result.exit_code == 0, result.output
    slides = len(Presentation(str(brief_deck)).slides)
    with Image.open(out) as sheet:
        rows = -(-slides // 5)
        assert sheet.width > sheet.height / rows  # five slides a row, wider than tall each


def test_check_and_preview_refuse_other_files(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("x", encoding="utf-8")
    for command in ("check", "preview"):
        result = runner.invoke(app, [command, str(text)])
        assert result.exit_code == 2
        assert "notes.txt" in result.stderr
    result = runner.invoke(app, ["check", str(tmp_path / "missing.pptx")])
    assert result.exit_code == 2 and "no such file" in result.stderr
