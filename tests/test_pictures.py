"""Pictures (issue 10, item 5): ``image:`` fields placed in the deck and the briefing, upright,
cropped to their frame without distortion, downsampled; a bad picture refused at its field."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from typer.testing import CliRunner

from deckgen.check import spills
from deckgen.cli import app
from deckgen.render.images import DPI, prepare

SEED = Path(__file__).resolve().parents[1] / "content" / "liuhe-2023.yaml"
FIRST_HIGHLIGHT = "    - title: 突出稳字当头、稳中求进\n"
FIRST_COMMITMENT = "    - title: 坚持创新引领不动摇\n"
runner = CliRunner()


@pytest.fixture(scope="module")
def pictures(tmp_path_factory) -> Path:
    """A folder with a big photo turned by EXIF (orientation 6), a CMYK JPEG, a PNG with
    transparency."""
    folder = tmp_path_factory.mktemp("pictures")
    photo = Image.new("RGB", (4000, 3000), (30, 120, 200))
    draw = ImageDraw.Draw(photo)
    draw.rectangle((0, 0, 1000, 3000), fill=(200, 30, 30))  # the left edge red: the top, upright
    draw.ellipse((1500, 1000, 2500, 2000), fill=(250, 220, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # to be turned 90° clockwise
    photo.save(folder / "big.jpg", quality=90, exif=exif)
    Image.new("CMYK", (1200, 800), (0, 80, 200, 0)).save(folder / "cmyk.jpg")
    logo = Image.new("RGBA", (800, 800), (0, 150, 0, 0))
    ImageDraw.Draw(logo).ellipse((100, 100, 700, 700), fill=(0, 150, 0, 255))
    logo.save(folder / "alpha.png")
    return folder


def seed_with(folder: Path, highlight: str | None, commitment: str | None, name="c.yaml") -> Path:
    """A copy of the seed in ``folder`` with an ``image:`` on its first highlight and first
    commitment (relative to the copy)."""
    text = SEED.read_text(encoding="utf-8")
    if highlight:
        text = text.replace(FIRST_HIGHLIGHT, f"{FIRST_HIGHLIGHT}      image: {highlight}\n", 1)
    if commitment:
        text = text.replace(FIRST_COMMITMENT, f"{FIRST_COMMITMENT}      image: {commitment}\n", 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def build(content: Path, out: Path) -> tuple[Path, Path]:
    result = runner.invoke(app, ["build", str(content), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out / f"{content.stem}.pptx", out / f"{content.stem}.docx"


def deck_pictures(pptx: Path) -> list[tuple[int, object]]:
    return [
        (i, shape)
        for i, slide in enumerate(Presentation(str(pptx)).slides, 1)
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE and shape.name == "Picture"
    ]


@pytest.fixture(scope="module")
def built(pictures, tmp_path_factory) -> dict[str, Path]:
    """The seed and its copy with two pictures, each built to a deck and a briefing."""
    out = tmp_path_factory.mktemp("built")
    plain = seed_with(pictures, None, None, "plain.yaml")
    two = seed_with(pictures, "big.jpg", "cmyk.jpg", "two.yaml")
    (plain_deck, plain_brief), (deck, brief) = build(plain, out), build(two, out)
    return {"plain_deck": plain_deck, "plain_brief": plain_brief, "deck": deck, "brief": brief}


def test_two_images_add_two_pictures_to_the_deck(built):
    assert deck_pictures(built["plain_deck"]) == []
    found = deck_pictures(built["deck"])
    assert len(found) == 2
    for _, shape in found:
        width, height = shape.image.size
        shown_w, shown_h = shape.width / 914400, shape.height / 914400  # inches
        # cropped to the frame: the picture's aspect is the frame's, nothing stretched
        assert width / height == pytest.approx(shown_w / shown_h, rel=0.01)
        assert width <= shown_w * DPI + 1 and height <= shown_h * DPI + 1
        assert shape._element.nvPicPr.cNvPr.get("descr")  # alt text
    (_, photo), (_, cmyk) = found
    assert photo.image.size[0] < 3000  # downsampled from the 4000 × 3000 photo
    assert photo._element.nvPicPr.cNvPr.get("descr") == "突出稳字当头、稳中求进"
    image = Image.open(io.BytesIO(photo.image.blob))
    assert image.format == "JPEG" and image.mode == "RGB"
    # upright: the photo's left edge (red) is its top once EXIF orientation 6 is honoured
    red, green, blue = image.getpixel((image.width // 2, 3))
    assert red > 150 and blue < 80, (red, green, blue)
    assert Image.open(io.BytesIO(cmyk.image.blob)).mode == "RGB"
    slides = len(Presentation(str(built["deck"])).slides)
    assert slides == len(Presentation(str(built["plain_deck"])).slides) + 2  # a picture slide each


def test_two_images_add_two_figures_to_the_briefing(built):
    assert len(docx.Document(str(built["plain_brief"])).inline_shapes) == 0
    document = docx.Document(str(built["brief"]))
    shapes = document.inline_shapes
    assert len(shapes) == 2
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    captions = [s._inline.docPr.get("descr") for s in shapes]
    assert captions == ["突出稳字当头、稳中求进", "坚持创新引领不动摇"]
    for shape, caption in zip(shapes, captions, strict=True):
        assert shape.width <= text_width + 12700
        paragraph = next(a for a in shape._inline.iterancestors() if a.tag.endswith("}p"))
        under = paragraph.getnext().xpath(".//w:t/text()")
        assert "".join(under) == caption  # right under the picture


def test_a_deck_with_pictures_does_not_spill(built, render):
    assert spills(built["deck"], render(built["deck"])) == []


def test_cover_and_point_pictures(pictures, tmp_path):
    text = seed_with(pictures, None, None).read_text(encoding="utf-8")
    text = text.replace("  language: zh-CN\n", "  language: zh-CN\n  cover_image: alpha.png\n", 1)
    point = "        - heading: 千方百计稳住市场主体\n"
    assert point in text
    text = text.replace(point, f"{point}          image: big.jpg\n", 1)
    content = pictures / "cover.yaml"
    content.write_text(text, encoding="utf-8")
    deck, brief = build(content, tmp_path)
    found = deck_pictures(deck)
    assert [slide for slide, _ in found][0] == 1  # the cover's
    assert len(found) == 2
    assert found[0][1].image.content_type == "image/png"  # transparency kept
    assert len(docx.Document(str(brief)).inline_shapes) == 1  # the point's


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(None, "no such picture file: missing.jpg", id="missing"),
        pytest.param(lambda p: p.write_text("not a picture"), "not a picture", id="not-image"),
        pytest.param(
            lambda p: Image.new("RGB", (40, 30)).save(p, "BMP"), "a BMP picture", id="bmp"
        ),
    ],
)
def test_a_bad_picture_is_refused_at_its_field(tmp_path, make, message):
    name = "missing.jpg"
    if make is not None:
        name = "bad.jpg"
        make(tmp_path / name)
    content = seed_with(tmp_path, name, None)
    out = tmp_path / "out.pptx"
    result = runner.invoke(app, ["pptx", str(content), "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    line = SEED.read_text(encoding="utf-8").splitlines().index(FIRST_HIGHLIGHT.rstrip()) + 2
    assert re.match(
        rf"error: {re.escape(str(content))}:{line}:14: review\.highlights\[0\]\.image: ", lines[0]
    )
    assert message in lines[0]
    assert not out.exists()


def test_a_picture_over_the_pixel_limit_is_refused(tmp_path, monkeypatch):
    import deckgen.load

    Image.new("RGB", (400, 300)).save(tmp_path / "p.png")
    monkeypatch.setattr(deckgen.load, "MAX_PIXELS", 100_000)
    result = runner.invoke(app, ["validate", str(seed_with(tmp_path, None, "p.png"))])
    assert result.exit_code == 2
    assert "plan.commitments[0].image: too large a picture (400 × 300 px" in result.stderr


def test_prepare_converts_16_bit_and_palette_transparency(tmp_path):
    grey = Image.new("I;16", (300, 200))
    grey.putpixel((150, 100), 65535)
    grey.save(tmp_path / "grey16.png")
    prepared = prepare(tmp_path / "grey16.png", 100, 100)
    image = Image.open(io.BytesIO(prepared.data))
    assert image.mode == "L" and image.size == (200, 200)  # cropped square, not upsampled
    assert image.getpixel((100, 100)) > 200
    palette = Image.new("P", (100, 100))
    palette.info["transparency"] = 0
    palette.save(tmp_path / "p.gif")
    assert prepare(tmp_path / "p.gif", 72, 72).format == "PNG"
    big = Image.new("RGB", (3000, 1000), "white")
    big.save(tmp_path / "wide.jpg")
    fitted = prepare(tmp_path / "wide.jpg", 72, 72, crop=False)  # one inch, scaled to fit
    assert fitted.pixels == (DPI, round(DPI / 3)) and fitted.width == pytest.approx(72)
