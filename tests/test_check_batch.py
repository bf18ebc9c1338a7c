"""`deckgen check A B C`: every file rendered in one start of LibreOffice, each found wrong
exactly as when it is checked alone (issue 15). How much faster it is is bench/'s."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt
from typer.testing import CliRunner

from deckgen import api, preview
from deckgen.cli import app
from deckgen.options import BuildOptions
from deckgen.preview import NO_SOFFICE, find_soffice

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
runner = CliRunner()

pytestmark = pytest.mark.skipif(find_soffice() is None, reason=NO_SOFFICE)


def _spilling_deck(path: Path) -> Path:
    """A deck with text spilling out of its box and no East Asian font: findings to find."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Pt(40), Pt(40), Pt(120), Pt(30))
    box.text_frame.word_wrap = True
    box.text_frame.text = "健全就业促进机制，发放吸纳就业、公益性岗位、社保等补贴8900多万元。" * 4
    prs.save(path)
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[Path]:
    """A brief deck, the seed's briefing and a faulty deck; the faulty one under the same
    name as the brief deck, in another folder."""
    tmp = tmp_path_factory.mktemp("batch")
    (tmp / "a").mkdir()
    (tmp / "b").mkdir()
    deck = api.build_pptx(SEED, tmp / "a" / "seed.pptx", options=BuildOptions(detail="brief"))
    brief = api.build_docx(SEED, tmp / "a" / "seed.docx")
    return [deck, brief, _spilling_deck(tmp / "b" / "seed.pptx")]


def _said(findings) -> list[str]:
    return [str(f) for f in findings]


def test_three_files_checked_together_are_found_as_each_alone(files, monkeypatch):
    starts = []
    convert_all = preview._convert_all

    def counted(paths, outdir, fmt):
        starts.append(len(paths))
        return convert_all(paths, outdir, fmt)

    monkeypatch.setattr(preview, "_convert_all", counted)
    together = api.check_files(files)
    assert starts == [3]  # one start of LibreOffice for the three
    alone = [api.check_file(f) for f in files]
    assert [_said(f) for f in together] == [_said(f) for f in alone]
    assert any("text spills" in s for s in _said(together[2]))  # the faulty one is found
    assert not [f for f in together[0] if not f.warning]  # deckgen's own deck is not


def test_the_command_checks_every_file_and_names_each(files):
    result = runner.invoke(app, ["check", *map(str, files)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{files[0]}: ok" in [line.split(" (")[0] for line in lines]
    assert any(line.startswith(f"{files[2]}: slide 1 'TextBox 1': text spills") for line in lines)


def test_a_file_that_cannot_be_checked_is_named_and_the_others_still_are(files, tmp_path):
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"not a zip")
    missing = tmp_path / "missing.docx"
    deck = tmp_path / "deck.pptx"
    shutil.copy(files[0], deck)
    result = runner.invoke(app, ["check", str(broken), str(deck), str(missing)])
    assert result.exit_code == 2
    assert f"{deck}: ok" in [line.split(" (")[0] for line in result.output.splitlines()]
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert str(broken) in errors[0] and "not a zip file" in errors[0]  # refused before LibreOffice
    assert str(missing) in errors[1] and "no such file" in errors[1]
