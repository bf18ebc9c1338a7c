"""A template's ``reference.docx``: its styles and page win, as with pandoc's ``--reference-doc``;
deckgen's GB/T 9704 styles fill in what it lacks, its page numbers and East Asian fonts stay.

Two references are made here: pandoc's default one, and one made with python-docx whose styles,
margins, header, footer, comment and sample paragraph are easy to tell apart.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt, RGBColor
from lxml import etree
from seedtext import SEED_PATH, missing, seed_sentences

from deckgen import api
from deckgen.check import docx_runs_missing_east_asian
from deckgen.options import BuildOptions
from deckgen.template.theme import load_theme

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
THEME_YAML = ROOT / "templates" / "gov-red" / "theme.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
OPTIONS = BuildOptions(issue_number=3, copy_to=("区委办公室",), marking="内部资料 注意保存")

GREEN = RGBColor(0x2E, 0x7D, 0x32)
SAMPLE = "SAMPLE TEXT DO NOT KEEP"
HEADER = "ACME LETTERHEAD"
FOOTER = "ACME FOOTER PAGE"
COMMENT = "SAMPLE COMMENT DO NOT KEEP"
PANDOC_SAMPLES = ("Footnote Text.", "DefinitionTerm", "Image Caption", "Abstract")
FACES = load_theme(THEME_YAML.parent).briefing.fonts
"""The template's briefing faces: what a reference style naming no East Asian face gets."""


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def texts(path: Path) -> dict[str, str]:
    """The text of each XML part of a .docx, by part name: its paragraphs and table rows."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                out[name] = "\x00".join(
                    "".join(t.text or "" for t in el.iter(w("t")))
                    for el in root.iter(w("p"), w("tr"))
                )
    return out


def template_folder(base: Path, reference: Path) -> Path:
    folder = base / "template"
    folder.mkdir()
    shutil.copy(THEME_YAML, folder / "theme.yaml")
    shutil.copy(reference, folder / "reference.docx")
    assert load_theme(folder).reference_docx == folder / "reference.docx"
    return folder


def make_pandoc_reference(base: Path) -> Path:
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed: no pandoc reference.docx to test with")
    out = base / "pandoc-reference.docx"
    subprocess.run(
        ["pandoc", "-o", str(out), "--print-default-data-file", "reference.docx"], check=True
    )
    return out


def make_python_docx_reference(base: Path) -> Path:
    """Normal 12 pt Georgia, Heading 1 green 18 pt, 20 mm margins, a header, a footer, a comment
    and a sample paragraph."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(12)
    heading = doc.styles["Heading 1"]
    heading.font.color.rgb = GREEN
    heading.font.size = Pt(18)
    section = doc.sections[0]
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Mm(20))
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    p = doc.add_paragraph(SAMPLE)
    doc.add_comment(p.runs, text=COMMENT, author="Reference")
    doc.core_properties.title = "REFERENCE TITLE"
    doc.core_properties.author = "Reference Author"
    out = base / "python-docx-reference.docx"
    doc.save(str(out))
    return out


@pytest.fixture(scope="module", params=["pandoc", "python-docx"])
def built(request, tmp_path_factory) -> tuple[str, Path]:
    """(which reference, the briefing built with it) for each reference."""
    base = tmp_path_factory.mktemp(request.param)
    make = make_pandoc_reference if request.param == "pandoc" else make_python_docx_reference
    folder = template_folder(base, make(base))
    out = api.build_docx(SEED, base / "briefing.docx", template=folder, options=OPTIONS)
    return request.param, out


@pytest.fixture(scope="module")
def python_docx_built(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("python-docx-only")
    folder = template_folder(base, make_python_docx_reference(base))
    return api.build_docx(SEED, base / "briefing.docx", template=folder, options=OPTIONS)


@pytest.fixture(scope="module")
def pandoc_built(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("pandoc-only")
    folder = template_folder(base, make_pandoc_reference(base))
    return api.build_docx(SEED, base / "briefing.docx", template=folder, options=OPTIONS)


def rfonts(style) -> etree._Element:
    return style.element.rPr.find("w:rFonts", NS)


# --- the reference's styles win -------------------------------------------------------------


def test_heading_and_normal_are_the_references(python_docx_built: Path):
    styles = docx.Document(str(python_docx_built)).styles
    heading = styles["Heading 1"]
    assert heading.font.color.rgb == GREEN and heading.font.size == Pt(18)
    normal = styles["Normal"]
    assert normal.font.name == "Georgia" and normal.font.size == Pt(12)
    # East Asian faces added beside the Latin ones, by role.
    assert rfonts(normal).get(w("eastAsia")) == FACES.body.east_asian
    assert rfonts(normal).get(w("ascii")) == "Georgia"
    assert rfonts(heading).get(w("eastAsia")) == FACES.level1.east_asian


def test_pandocs_styles_with_their_theme_fonts_resolved(pandoc_built: Path):
    doc = docx.Document(str(pandoc_built))
    heading = doc.styles["Heading 1"]
    assert str(heading.font.color.rgb) == "4F81BD" and heading.font.size == Pt(16)
    assert heading.font.bold
    fonts = rfonts(heading)
    assert fonts.get(w("ascii")) == "Calibri"  # the theme's major font
    assert fonts.get(w("eastAsia")) == FACES.level1.east_asian
    assert not [a for a in fonts.attrib if "heme" in a]
    defaults = doc.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:rFonts", NS).get(w("ascii")) == "Cambria"
    assert defaults.find("w:rFonts", NS).get(w("eastAsia")) == FACES.body.east_asian
    assert defaults.find("w:lang", NS).get(w("eastAsia")) == "zh-CN"
    assert doc.styles["Subtitle"].element.rPr.find("w:sz", NS).get(w("val")) == "30"


def test_runs_in_the_references_styles_leave_the_latin_face_to_it(built):
    _, out = built
    doc = docx.Document(str(out))
    body = [p for p in doc.paragraphs if p.style.name in ("Normal", "Heading 1") and p.text]
    assert body
    for p in body:
        for r in p._p.r_lst:
            fonts = r.find("w:rPr/w:rFonts", NS)
            assert fonts.get(w("ascii")) is None and fonts.get(w("eastAsia")), p.text


def test_deckgens_styles_where_the_reference_has_none(built):
    _, out = built
    doc = docx.Document(str(out))
    masthead = doc.styles["Masthead"]
    assert masthead.font.size == Pt(42)
    assert str(masthead.font.color.rgb) == load_theme(THEME_YAML.parent).briefing.masthead_colour
    for name in ("Masthead Line", "Kicker", "Lead", "Table Heading", "Copy Block"):
        assert doc.styles[name].element.rPr.find("w:rFonts", NS).get(w("eastAsia")), name
    assert doc.paragraphs[0].text == "政府工作报告速读"
    assert doc.paragraphs[0].style.name == "Masthead"


def test_the_references_table_style_else_deckgens_rules(built):
    which, out = built
    table = docx.Document(str(out)).tables[0]
    tblpr = table._tbl.tblPr
    if which == "pandoc":
        assert table.style.name == "Table"
        assert tblpr.find("w:tblBorders", NS) is None
        for cell in table.rows[0].cells:  # the header rule, written as pandoc writes it
            assert cell._tc.tcPr.find("w:tcBorders/w:bottom", NS) is not None
    else:
        assert tblpr.find("w:tblStyle", NS) is None
        assert tblpr.find("w:tblBorders/w:insideH", NS) is not None
    assert [c.text for c in table.rows[0].cells] == ["指标", "目标"]


# --- page, headers, footers, properties ------------------------------------------------------


def test_the_references_page_else_gbt_9704(built):
    which, out = built
    section = docx.Document(str(out)).sections[0]
    if which == "python-docx":  # Letter with 20 mm margins
        expected = {"page_width": 215.9, "page_height": 279.4} | {
            f"{side}_margin": 20 for side in ("top", "bottom", "left", "right")
        }
    else:  # pandoc's section gives nothing: A4, GB/T 9704 margins
        expected = {"page_width": 210, "page_height": 297, "top_margin": 37,
                    "bottom_margin": 35, "left_margin": 28, "right_margin": 26}  # fmt: skip
    for name, mm in expected.items():
        assert abs(getattr(section, name) - Mm(mm)) <= Mm(1), name
    assert section._sectPr.find("w:docGrid[@w:type='lines']", NS) is None


def test_headers_kept_with_the_marking_footers_are_page_numbers(python_docx_built: Path):
    parts = texts(python_docx_built)
    headers = [t for n, t in parts.items() if n.startswith("word/header")]
    footers = [t for n, t in parts.items() if n.startswith("word/footer")]
    assert len(headers) == 3  # the first page's (with the marking), odd and even pages
    assert sorted(t.split("\x00")[0] for t in headers) == [HEADER, HEADER, "内部资料 注意保存"]
    assert all(HEADER in t for t in headers)
    assert len(footers) == 3 and not any(FOOTER in t for t in footers)
    sectpr = docx.Document(str(python_docx_built)).sections[0]._sectPr
    kinds = {r.get(w("type")) for r in sectpr.findall("w:footerReference", NS)}
    assert kinds == {"default", "even", "first"}


def test_document_properties_are_deckgens(built):
    _, out = built
    core = docx.Document(str(out)).core_properties
    assert core.title == "速读六合区政府工作报告"
    assert core.author == "南京市六合区人民政府"
    assert core.language == "zh-CN"
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if n.startswith("docProps/custom")]
        assert b"updateFields" not in z.read("word/settings.xml")


# --- the reference's content is gone, the seed's is all there --------------------------------


def test_the_references_sample_content_is_gone(built):
    which, out = built
    everything = "\x00".join(texts(out).values())
    samples = PANDOC_SAMPLES if which == "pandoc" else (SAMPLE, COMMENT)
    assert [s for s in samples if s in everything] == []
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if "comments" in n]


@pytest.mark.skipif(not SEED_PATH.exists(), reason=f"no seed text at {SEED_PATH}")
def test_every_sentence_of_the_seed_stands(built):
    _, out = built
    assert missing(seed_sentences(), texts(out)["word/document.xml"]) == []


def test_every_chinese_run_declares_east_asian_font_and_language(built):
    _, out = built
    assert docx_runs_missing_east_asian(out) == []


# --- it opens and renders ----------------------------------------------------------------------


def test_page_numbers_render_on_every_page(built, render):
    from deckgen.check import text_per_slide

    _, out = built
    pages = text_per_slide(render(out))
    assert len(pages) >= 3
    for number, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines()]
        assert f"— {number} —" in lines, f"page {number} shows no '— {number} —'"
    assert "印发" in pages[-1]


def test_the_same_briefing_every_run(built, tmp_path):
    """Built again in a process whose string hashing differs, the briefing's parts are the
    same bytes (the font table once listed a reference's faces in set order)."""
    which, first = built
    folder = first.parent / "template"
    again = tmp_path / "again.docx"
    script = (
        "import sys; from pathlib import Path; from deckgen import api;"
        "from deckgen.options import BuildOptions;"
        "api.build_docx(Path(sys.argv[1]), Path(sys.argv[2]), template=Path(sys.argv[3]),"
        " options=BuildOptions(issue_number=3, copy_to=('区委办公室',),"
        " marking='内部资料 注意保存'))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, SEED, again, folder], env=env, check=True)
        with zipfile.ZipFile(first) as a, zipfile.ZipFile(again) as b:
            for name in ("word/fontTable.xml", "word/styles.xml", "word/document.xml"):
                assert a.read(name) == b.read(name), (which, seed, name)
