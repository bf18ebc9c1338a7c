"""Tests for deckgen.check and deckgen.preview on small decks and documents built here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn as wqn
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from deckgen.check import (
    docx_runs_missing_east_asian,
    pptx_notes,
    pptx_texts,
    runs_missing_east_asian,
    spill_summary,
    spills,
    text_per_slide,
)
from deckgen.preview import NO_SOFFICE, contact_sheet, find_soffice, to_pdf, to_png

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason=NO_SOFFICE)

LONG = "This sentence is far too long for its little box. " * 12
PAGES = 6  # visible slides of the deck below; slide 6 is hidden
PAGE_W, PAGE_H = 13.333 * 72, 7.5 * 72  # 16:9 page in PDF points


def _east_asian(run, lang: str = "zh-CN", typeface: str = "Noto Sans CJK SC") -> None:
    """Give a python-pptx run the lang and a:ea typeface deckgen writes on every run."""
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", lang)
    rpr.append(rpr.makeelement(qn("a:ea"), {"typeface": typeface}))


def _textbox(slide, name, left, top, width, height, text, wrap=True):
    """Add a named text box (inches) with fixed size: no autofit, word wrap on."""
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.name = name
    box.text_frame.word_wrap = wrap
    box.text_frame.auto_size = None
    box.text_frame.text = text
    return box


def _build_deck(path: Path) -> Path:
    """Write the fixture deck: one case per slide."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]

    # 1: text that fits; Chinese with and without East Asian run properties; notes.
    s = prs.slides.add_slide(blank)
    _textbox(s, "fits", 1, 1, 6, 1, "Short text that fits.")
    ok = _textbox(s, "with-ea", 1, 2.5, 6, 1, "营业收入同比增长百分之十二")
    _east_asian(ok.text_frame.paragraphs[0].runs[0])
    _textbox(s, "no-ea", 1, 4, 6, 1, "净利润创历史新高")
    s.notes_slide.notes_text_frame.text = "讲稿：先讲收入"

    # 2: far too much text in a small box, above another box it runs into.
    s = prs.slides.add_slide(blank)
    _textbox(s, "overflow", 1, 0.5, 3, 0.8, LONG)
    _textbox(s, "below", 1, 3, 6, 3, "A box lower down")

    # 3: a table that fits (with an East Asian cell lacking a:ea), merged header row.
    s = prs.slides.add_slide(blank)
    frame = s.shapes.add_table(3, 3, Inches(1), Inches(1), Inches(6), Inches(1.5))
    frame.name = "fits-table"
    table = frame.table
    table.cell(0, 0).merge(table.cell(0, 2))
    table.cell(0, 0).text = "Merged header"
    for r in (1, 2):
        for c in range(3):
            table.cell(r, c).text = f"r{r}c{c}"
    table.cell(2, 2).text = "中文"

    # 4: groups: a plain one, and one whose child space is offset and scaled 2:1.
    s = prs.slides.add_slide(blank)
    group = s.shapes.add_group_shape()
    group.name = "plain-group"
    _textbox(group, "in-group", 1, 1, 4, 1, "Inside a group")
    scaled = s.shapes.add_group_shape()
    scaled.name = "scaled-group"
    _textbox(scaled, "in-scaled", 12, 2, 4, 1, "Scaled group")
    xfrm = scaled._element.grpSpPr.get_or_add_xfrm()
    for tag, (a, b) in (("a:off", (1, 3)), ("a:ext", (4, 2)), ("a:chOff", (10, 0))):
        el = xfrm.find(qn(tag))
        el.set("x" if tag != "a:ext" else "cx", str(Inches(a)))
        el.set("y" if tag != "a:ext" else "cy", str(Inches(b)))
    ch_ext = xfrm.find(qn("a:chExt"))
    ch_ext.set("cx", str(Inches(8)))
    ch_ext.set("cy", str(Inches(4)))
    # child (12, 2) in child space -> (1 + (12 - 10) / 2, 3 + 2 / 2) = (2, 4) in, 2 x 0.5 in

    # 5: a chart (its labels are chart text) next to a text box with the same numbers.
    s = prs.slides.add_slide(blank)
    data = CategoryChartData()
    data.categories = ["Q1", "Q2", "Q3"]
    data.add_series("Revenue", (1, 2, 3))
    chart = s.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1), Inches(6), Inches(4), data
    )
    chart.name = "chart"
    _textbox(s, "numbers", 8, 1, 4, 1, "1 2 3 Q1 Q2 Q3")

    # 6: hidden, so not in the PDF; its overflow must not be reported.
    s = prs.slides.add_slide(blank)
    _textbox(s, "hidden-overflow", 1, 1, 2, 0.5, LONG)
    s._element.set("show", "0")

    # 7: a table cell too small for its text; a box running off the bottom of the page.
    s = prs.slides.add_slide(blank)
    frame = s.shapes.add_table(3, 2, Inches(1), Inches(1), Inches(4), Inches(1.2))
    frame.name = "tight-table"
    frame.table.cell(0, 0).text = "ok"
    frame.table.cell(1, 0).text = LONG
    frame.table.cell(1, 1).text = "top row"
    frame.table.cell(2, 1).text = "pushed down"
    _textbox(s, "off-page", 7, 6.6, 5, 0.6, LONG)

    prs.save(path)
    return path


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture deck (no LibreOffice needed)."""
    return _build_deck(tmp_path_factory.mktemp("check") / "cases.pptx")


@pytest.fixture(scope="module")
def deck_pdf(deck: Path, render) -> Path:
    """The fixture deck rendered once by LibreOffice."""
    return render(deck)


@pytest.fixture(scope="module")
def deck_spills(deck: Path, deck_pdf: Path):
    """Spills of the fixture deck, computed once."""
    return spills(deck, deck_pdf)


def _on(found, slide_no):
    return [s for s in found if s.slide_no == slide_no]


# --- rendering --------------------------------------------------------------------------------


@needs_soffice
def test_pdf_has_one_page_per_visible_slide(deck_pdf: Path):
    from deckgen.check.pdf import read_pdf

    pages = read_pdf(deck_pdf)
    assert len(pages) == PAGES  # no notes pages, no hidden slide
    assert pages[0].width == pytest.approx(PAGE_W, abs=0.5)
    assert pages[0].height == pytest.approx(PAGE_H, abs=0.5)


@needs_soffice
def test_to_png_and_contact_sheet(deck_pdf: Path, tmp_path: Path):
    pngs = to_png(deck_pdf, tmp_path, dpi=20)
    assert [p.name for p in pngs] == [f"cases-{i}.png" for i in range(1, PAGES + 1)]
    with Image.open(pngs[0]) as im:
        assert im.size == pytest.approx((13.333 * 20, 7.5 * 20), abs=1.5)
        w, h = im.size
    sheet = contact_sheet(pngs, tmp_path / "sheet.png", columns=4, gap=8)
    with Image.open(sheet) as im:
        assert im.size == (4 * w + 5 * 8, 2 * h + 3 * 8)  # 6 pages: 4 + 2
    again = to_png(deck_pdf, tmp_path, dpi=20, first=2, last=3)
    assert [p.name for p in again] == ["cases-2.png", "cases-3.png"]  # earlier pages cleared


@needs_soffice
def test_to_pdf_reports_failure(tmp_path: Path):
    with pytest.raises(RuntimeError, match="no PDF"):
        to_pdf(tmp_path / "missing.pptx", tmp_path)


# --- spills -----------------------------------------------------------------------------------


@needs_soffice
def test_fitting_slides_have_no_spills(deck_spills):
    for slide_no in (1, 3, 4, 5):
        assert _on(deck_spills, slide_no) == [], spill_summary(_on(deck_spills, slide_no))


@needs_soffice
def test_overflow_is_reported_on_its_slide_and_shape(deck_spills):
    found = _on(deck_spills, 2)
    assert len(found) > 50
    assert {s.nearest_shape_name for s in found} == {"overflow"}  # not blamed on "below"
    below_top = 3 * 72
    assert any(s.y > below_top for s in found)  # ran into the lower box and is still caught
    assert "slide 2" in spill_summary(found) and "'overflow'" in spill_summary(found)


@needs_soffice
def test_hidden_slide_is_skipped_and_later_slides_keep_their_numbers(deck_spills):
    assert _on(deck_spills, 6) == []
    names = {s.nearest_shape_name for s in _on(deck_spills, 7)}
    assert "tight-table[r2c1]" in names  # the cell's own text runs out of its row
    assert "tight-table[r3c2]" in names  # the grown row pushes the next row down
    assert "tight-table[r1c1]" not in names and "tight-table[r2c2]" not in names


@needs_soffice
def test_text_beyond_the_page_is_reported(deck_spills):
    reasons = {s.reason for s in _on(deck_spills, 7) if s.nearest_shape_name == "off-page"}
    assert "outside the page" in reasons  # LibreOffice writes the lines below the page edge


def test_spill_summary_without_spills():
    assert spill_summary([]) == "no spills"


# --- text ---------------------------------------------------------------------------------------


def test_pptx_texts_and_notes(deck: Path):
    texts = pptx_texts(deck)
    assert len(texts) == 7
    assert "Short text that fits." in texts[0] and "净利润创历史新高" in texts[0]
    assert "Merged header" in texts[2] and "中文" in texts[2]
    assert "Inside a group" in texts[3] and "Scaled group" in texts[3]
    notes = pptx_notes(deck)
    assert notes[0] == "讲稿：先讲收入" and notes[1:] == [""] * 6


@needs_soffice
def test_text_per_slide(deck_pdf: Path):
    pages = text_per_slide(deck_pdf)
    assert len(pages) == PAGES
    assert "营业收入同比增长百分之十二" in pages[0]
    assert "讲稿" not in "".join(pages)
    assert "Scaled group" in pages[3]


# --- East Asian run properties ------------------------------------------------------------------


def test_runs_missing_east_asian(deck: Path):
    found = runs_missing_east_asian(deck)
    assert any(f.startswith("slide 1 'no-ea'") for f in found)
    assert not any("with-ea" in f for f in found)
    assert any(f.startswith("slide 3 'fits-table'") and "中文" in f for f in found)
    assert any(f.startswith("notes 1") for f in found)
    assert len(found) == 3
    assert all("Short text" not in f for f in found)  # Latin runs need nothing


def test_theme_reference_needs_a_theme_font(tmp_path: Path):
    prs = Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, Emu(914400), Pt(40))
    box.text_frame.text = "主题字体"
    _east_asian(box.text_frame.paragraphs[0].runs[0], typeface="+mn-ea")
    prs.save(tmp_path / "theme.pptx")
    # The default theme's <a:ea typeface=""/> is empty, but its script="Hans" font resolves it.
    assert runs_missing_east_asian(tmp_path / "theme.pptx") == []
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    theme._blob = re.sub(rb'<a:font script="[^"]*" typeface="[^"]*"/>', b"", theme.blob)
    prs.save(tmp_path / "no-theme-font.pptx")
    (problem,) = runs_missing_east_asian(tmp_path / "no-theme-font.pptx")
    assert "a:ea typeface" in problem and "lang" not in problem


def _w_rpr(el, east_asia_font: str | None, lang: str | None) -> None:
    """Set w:rFonts/@w:eastAsia and w:lang/@w:eastAsia on an rPr-bearing python-docx element."""
    rpr = el.get_or_add_rPr()
    if east_asia_font:
        fonts = rpr.get_or_add_rFonts()
        fonts.set(wqn("w:eastAsia"), east_asia_font)
    if lang:
        el_lang = rpr.makeelement(wqn("w:lang"), {wqn("w:eastAsia"): lang})
        rpr.append(el_lang)


def test_docx_runs_missing_east_asian(tmp_path: Path):
    doc = Document()
    doc.add_paragraph("English only needs nothing")
    doc.add_paragraph().add_run("缺少东亚字体")  # default template: theme ea "" and lang en-US
    direct = doc.add_paragraph().add_run("直接设置")
    _w_rpr(direct._r, "SimSun", "zh-CN")
    half = doc.add_paragraph().add_run("只有字体")
    _w_rpr(half._r, "SimSun", None)
    base = doc.styles.add_style("CJK Base", 1)  # paragraph style carrying font and language
    _w_rpr(base.element, "Noto Serif CJK SC", "zh-CN")
    child = doc.styles.add_style("CJK Child", 1)
    child.base_style = base
    doc.add_paragraph("样式继承", style=child)
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("表格中文")
    doc.save(tmp_path / "brief.docx")

    found = docx_runs_missing_east_asian(tmp_path / "brief.docx")
    joined = "\n".join(found)
    assert "缺少东亚字体" in joined and "表格中文" in joined
    assert "直接设置" not in joined and "样式继承" not in joined and "English" not in joined
    (half_msg,) = [f for f in found if "只有字体" in f]
    assert "w:lang" in half_msg and "font" not in half_msg.split("lacks")[1]
    assert len(found) == 3


def test_docx_doc_defaults_count(tmp_path: Path):
    doc = Document()
    defaults = doc.styles.element.find(wqn("w:docDefaults")).find(wqn("w:rPrDefault"))
    rpr = defaults.find(wqn("w:rPr"))
    fonts = rpr.find(wqn("w:rFonts"))
    del fonts.attrib[wqn("w:eastAsiaTheme")]
    fonts.set(wqn("w:eastAsia"), "SimSun")
    rpr.find(wqn("w:lang")).set(wqn("w:eastAsia"), "zh-CN")
    doc.add_paragraph("默认即可")
    doc.save(tmp_path / "defaults.docx")
    assert docx_runs_missing_east_asian(tmp_path / "defaults.docx") == []


def _text_pdf(path: Path, lines: list[tuple[float, float, str]], size: float = 12) -> Path:
    """A one-page PDF drawing each (x, y from the top, text) in Helvetica, made by PDFium."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    font = raw.FPDFText_LoadStandardFont(doc.raw, b"Helvetica")
    for x, y, text in lines:
        obj = raw.FPDFPageObj_CreateTextObj(doc.raw, font, size)
        wide = ctypes.c_char_p((text + "\0").encode("utf-16-le"))
        raw.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(ctypes.c_ushort)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, 842 - y)
        raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    doc.save(path)
    return path


def test_figures_split_finds_a_figure_broken_across_lines(tmp_path):
    from deckgen.check import figures_split

    pdf = _text_pdf(
        tmp_path / "split.pdf",
        [
            (72, 72, "Subsidies of 89.5 mil"),
            (72, 86, "lion yuan went out."),
            (72, 200, "Jobs: 16,600."),
        ],
    )
    assert figures_split(pdf, ["89.5 million", "16,600"]) == ["page 1: 89.5mil|lion"]
