"""`deckgen check` and `deckgen preview`: what a user runs to verify and look at a file."""

from __future__ import annotations

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
    assert result.output.strip().endswith(": ok")


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
    assert "slide 1:" in result.output
    assert "no East Asian font or language" in result.output


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
