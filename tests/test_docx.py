"""`deckgen docx`: a GB/T 9704 briefing, complete, numbered, with East Asian fonts everywhere."""

from __future__ import annotations

import ast
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from lxml import etree
from seedtext import SEED_PATH, missing, seed_sentences
from typer.testing import CliRunner

import deckgen.render.docx as render_docx
from deckgen import api
from deckgen.check import docx_runs_missing_east_asian
from deckgen.cli import app
from deckgen.figures import find_figures
from deckgen.model import Content
from deckgen.options import BuildOptions
from deckgen.plan.brief import (
    Contents,
    CopyBlock,
    Heading,
    Masthead,
    Table,
    chinese_numeral,
    heading_prefix,
    plan_brief,
    roman_numeral,
)
from deckgen.template.theme import load_theme

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MM = 72 / 25.4  # PDF points per millimetre
OPTIONS = BuildOptions(
    issue_number=3,
    copy_to=("区委办公室", "区人大常委会办公室"),
    marking="内部资料 注意保存",
)

needs_seed = pytest.mark.skipif(not SEED_PATH.exists(), reason=f"no seed text at {SEED_PATH}")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def paragraph_texts(root: etree._Element) -> list[str]:
    """Every paragraph's text (text boxes included), and each table row as one string."""
    out = []
    for p in root.iter(w("p")):
        if any(a.tag == w("tc") for a in p.iterancestors()):
            continue
        out.append("".join(t.text or "" for t in p.iter(w("t")) if _own(t, p)))
    for tr in root.iter(w("tr")):
        out.append("".join(t.text or "" for t in tr.iter(w("t"))))
    return out


def _own(t: etree._Element, p: etree._Element) -> bool:
    return next(t.iterancestors(w("p"))) is p


def styled(doc: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx") / "liuhe-2023.docx"
    return api.build_docx(SEED, out, options=OPTIONS)


@pytest.fixture(scope="module")
def seed_doc(seed_docx: Path) -> docx.document.Document:
    return docx.Document(str(seed_docx))


@pytest.fixture(scope="module")
def seed_pdf(seed_docx: Path, render) -> Path:
    return render(seed_docx)


@pytest.fixture(scope="module")
def pages(seed_pdf: Path) -> list:
    from deckgen.check.pdf import read_pdf

    return read_pdf(seed_pdf)


def lines_of(page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The page's lines: their text and box (x0, y0, x1, y1) in points from the top left."""
    return [
        (
            "".join(c.c for c in line),
            (line[0].x0, min(c.y0 for c in line), line[-1].x1, max(c.y1 for c in line)),
        )
        for line in page.lines()
    ]


# --- nothing lost ---------------------------------------------------------------------------


@needs_seed
def test_every_sentence_of_the_seed_stands_in_the_briefing(seed_docx: Path):
    text = "\x00".join(paragraph_texts(part(seed_docx, "word/document.xml")))
    assert missing(seed_sentences(), text) == []


def test_every_figure_is_a_bold_run(seed_docx: Path):
    content = api.load(SEED)
    figures = {f.text for s in api.texts(content) for f in find_figures(s)}
    bold_runs = set()
    for r in part(seed_docx, "word/document.xml").iter(w("r")):
        if r.find("w:rPr/w:b", NS) is not None:
            bold_runs.add("".join(t.text or "" for t in r.iter(w("t"))))
    # Figures in headings and titles stay in their heading's face; every other one is bold.
    headings = "".join(
        h.full for h in plan_brief(content, load_theme(), OPTIONS).blocks if isinstance(h, Heading)
    )
    assert {f for f in figures if f not in headings} - bold_runs == set()


# --- the page -------------------------------------------------------------------------------


def test_page_is_a4_with_gbt_9704_margins(seed_doc):
    section = seed_doc.sections[0]
    expected = {
        "page_width": 210,
        "page_height": 297,
        "top_margin": 37,
        "bottom_margin": 35,
        "left_margin": 28,
        "right_margin": 26,
    }
    for name, mm in expected.items():
        assert abs(getattr(section, name) - Mm(mm)) <= Mm(1), name


def test_line_grid_and_28_characters_a_line(seed_docx: Path, pages):
    grid = part(seed_docx, "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    assert grid.get(w("linePitch")) == "579" and grid.get(w("type")) == "lines"
    # 22 lines of 28.95 pt fill the 225 mm 版心.
    assert 22 * 579 <= round(225 / 25.4 * 1440) < 23 * 579
    # Full body lines hold 28 characters in the render (a closing 。，may hang past the edge).
    cjk = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]+$")
    lines = [t for page in pages for t, _ in lines_of(page) if cjk.match(t)]
    assert max(len(t.rstrip("。，、；：！？")) for t in lines) == 28


def test_styles_follow_gbt_9704(seed_doc):
    styles = seed_doc.styles
    normal = styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.first_line_indent == Pt(32)
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert styles["Title"].font.size == Pt(22)
    assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER

    def east_asian(style: str) -> str:
        return styles[style].element.rPr.find("w:rFonts", NS).get(w("eastAsia"))

    assert east_asian("Normal") == "仿宋_GB2312"
    assert east_asian("Title") == "方正小标宋简体"
    assert east_asian("Heading 1") == "黑体"
    assert east_asian("Heading 2") == "楷体_GB2312"
    assert east_asian("Heading 3") == "仿宋_GB2312" and styles["Heading 3"].font.bold
    for level in (1, 2, 3):
        outline = styles[f"Heading {level}"].element.pPr.find("w:outlineLvl", NS)
        assert outline.get(w("val")) == str(level - 1)


def test_no_theme_fonts_and_chinese_defaults(seed_docx: Path):
    styles = part(seed_docx, "word/styles.xml")
    themed = [
        a
        for f in styles.iter(w("rFonts"))
        for a in f.attrib
        if etree.QName(a).localname.endswith(("Theme", "theme"))
    ]
    assert themed == []
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:rFonts", NS).get(w("eastAsia")) == "仿宋_GB2312"
    assert defaults.find("w:lang", NS).get(w("eastAsia")) == "zh-CN"


def test_every_chinese_run_declares_east_asian_font_and_language(seed_docx: Path):
    assert docx_runs_missing_east_asian(seed_docx) == []


def test_page_numbers_odd_right_even_left(pages):
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        found = [bbox for text, bbox in lines_of(page) if text.strip() == f"— {number} —"]
        assert found, f"page {number} shows no '— {number} —'"
        x0, y0, x1, _ = found[0]
        if number % 2:  # one 四号 character in from the right edge of the 版心
            assert abs(x1 - (page.width - 26 * MM - 14)) < 3, number
        else:
            assert abs(x0 - (28 * MM + 14)) < 3, number
        assert abs(y0 / MM - (297 - 35 + 7)) < 2.5, number  # about 7 mm below the 版心


def test_even_and_odd_footers_without_an_update_prompt(seed_docx: Path):
    settings = part(seed_docx, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert settings.find("w:updateFields", NS) is None
    section = docx.Document(str(seed_docx)).sections[0]
    footers = [section.first_page_footer, section.footer, section.even_page_footer]
    codes = ["".join(p._p.itertext()) for f in footers for p in f.paragraphs]
    assert len(codes) == 3 and all("PAGE" in c for c in codes)  # the first page's too


# --- what is on the pages -------------------------------------------------------------------


def test_masthead_red_title_issue_unit_date_and_red_rule(seed_doc):
    theme = load_theme()
    paragraphs = seed_doc.paragraphs
    assert paragraphs[0].text == theme.briefing.masthead
    colour = paragraphs[0].style.font.color.rgb
    assert str(colour) == theme.briefing.masthead_colour
    assert paragraphs[1].text == "第3期"
    assert paragraphs[2].text == "南京市六合区人民政府\t2023年1月"
    rule = paragraphs[2]._p.find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule.get(w("color")) == theme.briefing.masthead_colour


def test_title_subtitle_and_kicker(seed_doc):
    assert styled(seed_doc, "Title") == ["速读六合区政府工作报告"]
    assert styled(seed_doc, "Subtitle") == ["政府工作报告解读"]
    assert styled(seed_doc, "Kicker") == ["聚焦两会"]


def test_headings_are_numbered_the_chinese_way(seed_doc):
    parts = styled(seed_doc, "Heading 1")
    assert [h[:2] for h in parts] == ["一、", "二、", "三、", "四、"]
    assert parts == ["一、回顾2022", "二、主要目标", "三、谋划2023", "四、全面加强政府自身建设"]
    level2 = styled(seed_doc, "Heading 2")
    highlights = [f"（{n}）" for n in "一二三四五六"]
    assert [h[:3] for h in level2[:6]] == highlights
    assert level2[0] == "（一）突出稳字当头、稳中求进——更大力度稳增长促发展"
    assert styled(seed_doc, "Heading 3")[:3] == [
        "1.千方百计稳住市场主体",
        "2.多措并举稳固工业经济",
        "3.全力以赴稳定内外需求",
    ]
    assert "“六个突出”切实担起“勇挑大梁”的重大责任" in styled(seed_doc, "Lead")


def test_targets_table_repeats_its_header_row(seed_doc):
    (table,) = seed_doc.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["指标", "目标"]
    assert rows[1] == ["地区生产总值", "地区生产总值增长5.5%"]  # the target whole, as written
    assert rows[2] == ["一般公共预算收入", "一般公共预算收入增长8%左右"]
    assert rows[6] == ["居民人均可支配收入", "全体居民人均可支配收入增速高于地区生产总值增速"]
    assert table.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None
    width = int(table._tbl.tblPr.find("w:tblW", NS).get(w("w")))
    section = seed_doc.sections[0]
    assert width <= (section.page_width - section.left_margin - section.right_margin) / 635
    assert table.rows[1].cells[0].paragraphs[0].style.font.size == Pt(14)


def framed(body: etree._Element) -> list[etree._Element]:
    """The paragraphs set in frames (the 版记's)."""
    return [p for p in body.iter(w("p")) if p.find("w:pPr/w:framePr", NS) is not None]


def test_copy_block_at_the_foot_of_an_even_last_page(seed_docx: Path, pages):
    frames = framed(part(seed_docx, "word/document.xml"))
    lines = ["".join(p.itertext()) for p in frames]
    assert lines == ["抄送：区委办公室，区人大常委会办公室。", "南京市六合区人民政府2023年1月印发"]
    rules = [
        (etree.QName(el).localname, int(el.get(w("sz"))))
        for p in frames
        for el in p.find("w:pPr/w:pBdr", NS)
    ]
    assert rules == [("top", 8), ("bottom", 6), ("bottom", 8)]  # thick, thin, thick
    assert frames[-1].find("w:pPr/w:framePr", NS).get(w("yAlign")) == "bottom"
    last = pages[-1]
    assert len(pages) % 2 == 0, "the 版记's page is the back of a folded sheet"
    issued = [bbox for text, bbox in lines_of(last) if text.endswith("印发")]
    assert issued and issued[0][3] > last.height - 45 * MM  # at the foot of the 版心
    assert not any(t.endswith("印发") for page in pages[:-1] for t, _ in lines_of(page))


def test_marking_on_the_first_page_only(seed_docx: Path, pages):
    settings = docx.Document(str(seed_docx)).sections[0]
    assert settings.different_first_page_header_footer
    assert "".join(p.text for p in settings.first_page_header.paragraphs) == "内部资料 注意保存"
    assert "".join(p.text for p in settings.header.paragraphs) == ""
    marked = [page.number for page in pages if any("内部资料" in t for t, _ in lines_of(page))]
    assert marked == [1]


def test_document_properties(seed_doc):
    core = seed_doc.core_properties
    assert core.title == "速读六合区政府工作报告"
    assert core.author == "南京市六合区人民政府"
    assert core.language == "zh-CN"
    assert core.subject == "政府工作报告解读"
    assert "回顾2022" in core.keywords


# --- table of contents ----------------------------------------------------------------------


def field_result(body: etree._Element, instruction: str) -> str:
    """The shown text of the first complex field whose code starts with ``instruction``."""
    depth, inside, shown = 0, False, []
    for el in body.iter(w("fldChar"), w("instrText"), w("t")):
        kind = el.get(w("fldCharType"))
        if kind == "begin":
            depth += 1
        elif kind == "end":
            depth -= 1
            if inside and depth == 0:
                return "".join(shown)
        elif el.tag == w("instrText") and depth == 1 and el.text.strip().startswith(instruction):
            inside = True
        elif el.tag == w("t") and inside:
            shown.append(el.text or "")
    raise AssertionError(f"no {instruction} field")


def test_contents_show_their_entries_without_a_field_update(tmp_path: Path):
    out = api.build_docx(SEED, tmp_path / "toc.docx", options=BuildOptions(toc=True))
    shown = field_result(part(out, "word/document.xml"), "TOC")
    doc = docx.Document(str(out))
    headings = styled(doc, "Heading 1") + styled(doc, "Heading 2")
    assert len(headings) == 4 + 6 + 6 + 4
    assert [h for h in headings if h not in shown] == []
    assert re.search(r"一、回顾2022\d+", shown)  # each entry carries its page
    assert part(out, "word/settings.xml").find("w:updateFields", NS) is None


def test_contents_page_estimates_rise_with_the_headings():
    brief = plan_brief(api.load(SEED), load_theme(), BuildOptions(toc=True))
    (contents,) = [b for b in brief.blocks if isinstance(b, Contents)]
    estimated = [e.page for e in contents.entries]
    assert estimated == sorted(estimated) and estimated[0] >= 2 and estimated[-1] <= 20


# --- numbering, for any N -------------------------------------------------------------------


def test_chinese_numerals_1_to_99():
    assert [chinese_numeral(n) for n in (1, 2, 9, 10, 11, 19, 20, 21, 30, 45, 90, 99)] == [
        "一",
        "二",
        "九",
        "十",
        "十一",
        "十九",
        "二十",
        "二十一",
        "三十",
        "四十五",
        "九十",
        "九十九",
    ]
    numerals = [chinese_numeral(n) for n in range(1, 100)]
    assert len(set(numerals)) == 99
    assert all(re.fullmatch(r"[二三四五六七八九]?十?[一二三四五六七八九]?", n) for n in numerals)
    for bad in (0, -1):
        with pytest.raises(ValueError):
            chinese_numeral(bad)
    assert chinese_numeral(100) == "一百"  # any N: a hundred highlights still number


def test_heading_prefixes():
    assert [heading_prefix(level, 12, "zh") for level in (1, 2, 3, 4)] == [
        "十二、",
        "（十二）",
        "12.",
        "（12）",
    ]
    assert [heading_prefix(level, 4, "en") for level in (1, 2, 3)] == ["IV. ", "4. ", "(4) "]
    assert roman_numeral(1999) == "MCMXCIX"


def generated(highlights: int, language: str = "zh-CN") -> Content:
    """A content with ``highlights`` highlights of two points each, and nothing else."""
    return Content.model_validate(
        {
            "meta": {"title": "速读", "language": language},
            "review": {
                "label": "回顾",
                "highlights": [
                    {
                        "title": f"亮点{n}",
                        "points": [
                            {"heading": f"要点{n}甲", "text": "增长8%。"},
                            {"heading": f"要点{n}乙", "text": "新增40家。"},
                        ],
                    }
                    for n in range(1, highlights + 1)
                ],
            },
        }
    )


@pytest.mark.parametrize("count", [1, 10, 23])
def test_numbering_for_any_number_of_highlights(count: int):
    brief = plan_brief(generated(count), load_theme(), BuildOptions())
    headings = [b for b in brief.blocks if isinstance(b, Heading)]
    assert [h.prefix for h in headings if h.level == 1] == ["一、"]
    level2 = [h.prefix for h in headings if h.level == 2]
    assert level2 == [f"（{chinese_numeral(n)}）" for n in range(1, count + 1)]
    assert [h.prefix for h in headings if h.level == 3] == ["1.", "2."] * count
    assert brief.warnings == ("the content has no 'targets' part",) + tuple(
        f"the content has no {p!r} part" for p in ("plan", "closing")
    )


def test_parts_follow_the_options_order():
    content = api.load(SEED)
    options = BuildOptions(parts=("closing", "review"))
    brief = plan_brief(content, load_theme(), options)
    level1 = [b.full for b in brief.blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == ["一、全面加强政府自身建设", "二、回顾2022"]
    assert not any(isinstance(b, Table) for b in brief.blocks)
    assert isinstance(brief.blocks[0], Masthead) and isinstance(brief.blocks[-1], CopyBlock)


@pytest.mark.parametrize(
    "module", sorted((ROOT / "src" / "deckgen" / "plan").rglob("*.py")), ids=lambda p: p.name
)
def test_the_plan_is_pure_data(module):
    source = module.read_text(encoding="utf-8")
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.level == 0
    }
    assert not imported & {"docx", "lxml", "pptx", "PIL"}


# --- English ---------------------------------------------------------------------------------

ENGLISH = """\
meta:
  title: The 2023 Work Report at a Glance
  subtitle: A briefing
  organisation: Liuhe District Government
  date: January 2023
  language: en
review:
  label: Review of 2022
  highlights:
    - title: Stability first
      slogan: Growth held up
      points:
        - heading: Market entities
          text: Tax relief of over 2.2 billion yuan was delivered, a record high.
targets:
  items:
    - text: GDP growth of 5.5%
      label: GDP
      value: 5.5
      unit: "%"
      kind: growth
"""


def test_english_content_builds(tmp_path: Path):
    source = tmp_path / "en.yaml"
    source.write_text(ENGLISH, encoding="utf-8")
    out = api.build_docx(source, tmp_path / "en.docx", options=BuildOptions(copy_to=("Office",)))
    doc = docx.Document(str(out))
    assert styled(doc, "Heading 1") == ["I. Review of 2022", "II. Main targets"]
    assert styled(doc, "Heading 2") == ["1. Stability first — Growth held up"]
    assert styled(doc, "Heading 3") == ["(1) Market entities"]
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Indicator", "Target"]
    box = "".join("".join(p.itertext()) for p in framed(part(out, "word/document.xml")))
    assert "Copy to: Office." in box and "Issued January 2023" in box
    run = part(out, "word/document.xml").find(".//w:body/w:p[5]/w:r/w:rPr", NS)
    assert run.find("w:lang", NS).get(w("val")) == "en-US"
    assert run.find("w:rFonts", NS).get(w("ascii")) == "Times New Roman"
    assert doc.core_properties.language == "en"
    assert docx_runs_missing_east_asian(out) == []


# --- writing the file -----------------------------------------------------------------------


def test_a_failing_render_leaves_the_old_output_untouched(tmp_path: Path, monkeypatch):
    out = tmp_path / "brief.docx"
    out.write_bytes(b"the old briefing")

    def broken(brief, theme, path):
        Path(path).write_bytes(b"half a file")
        raise RuntimeError("render failed")

    monkeypatch.setattr(render_docx, "write_docx", broken)
    with pytest.raises(RuntimeError):
        api.build_docx(SEED, out)
    assert out.read_bytes() == b"the old briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


def test_cli_writes_the_briefing(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["docx", str(SEED)])
    assert result.exit_code == 0, result.output
    written = tmp_path / "output" / "liuhe-2023.docx"
    assert f"wrote {Path('output') / 'liuhe-2023.docx'}" in result.output
    assert docx.Document(str(written)).paragraphs[0].text == "政府工作报告速读"


def test_cli_reports_bad_content_on_one_located_line(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  title: 速读\nreview:\n  highlights: []\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["docx", str(bad), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}:4")
    assert not (tmp_path / "x.docx").exists()


def test_a_figure_writer_breaks_is_a_warning_naming_its_page(seed_docx: Path, seed_pdf: Path):
    # Writer breaks the briefing's lines, and deckgen adds nothing to the author's text to
    # keep a figure whole: each figure a line end cuts is found (on the line it is cut on,
    # however its runs change face) and reported by `deckgen check` as a warning.
    from deckgen.check import check_briefing, figures_split

    content = api.load(SEED)
    figures = [f.text for text in api.texts(content) for f in find_figures(text)]
    found = figures_split(seed_pdf, figures)
    assert found == figures_split(seed_pdf, figures, visual=True)
    warned = [f for f in check_briefing(seed_docx, seed_pdf, content) if "split" in f.problem]
    assert all(f.warning for f in warned)
    assert sorted(f"{f.where}: {f.detail}" for f in warned) == sorted(found)


# --- faces that hold ------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["gov-red", "ink-blue", "minimal"])
def test_the_font_table_declares_alternates_for_every_face_used(tmp_path: Path, template):
    """Every face a run or a used style names is in the font table with its other names,
    character set, family and PANOSE, a free look-alike named last."""
    from deckgen.template.theme import is_cjk_font
    from deckgen.text.faces import face_of

    out = api.build_docx(SEED, tmp_path / f"{template}.docx", template, OPTIONS)
    with zipfile.ZipFile(out) as z:
        parts = [
            n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        used = {
            f.get(w(slot))
            for n in parts
            for f in etree.fromstring(z.read(n)).iter(w("rFonts"))
            for slot in ("ascii", "hAnsi", "eastAsia", "cs")
        } - {None}
        table = etree.fromstring(z.read("word/fontTable.xml"))
    declared = {f.get(w("name")): f for f in table.findall("w:font", NS)}
    assert used <= set(declared)
    free = ("Noto", "AR PL", "Liberation", "Carlito", "Fandol")
    for name in used:
        font = declared[name]
        alternates = font.find("w:altName", NS).get(w("val")).split(",")
        assert alternates == list(face_of(name).alternates), name
        assert alternates[-1].startswith(free), name
        assert re.fullmatch(r"[0-9A-F]{20}", font.find("w:panose1", NS).get(w("val")))
        charset = font.find("w:charset", NS).get(w("val"))
        assert charset == ("86" if is_cjk_font(name) else "00"), name
        assert font.find("w:family", NS) is not None and font.find("w:pitch", NS) is not None
    if template == "gov-red":
        assert {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"} <= used
        assert "FangSong" in declared["仿宋_GB2312"].find("w:altName", NS).get(w("val"))
        assert "SimHei" in declared["黑体"].find("w:altName", NS).get(w("val"))
        assert "KaiTi" in declared["楷体_GB2312"].find("w:altName", NS).get(w("val"))


def test_every_run_names_its_east_asian_face(seed_docx: Path):
    for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
        runs = part(seed_docx, name).iter(w("r"))
        faces = [r.find("w:rPr/w:rFonts", NS) for r in runs if r.find("w:t", NS) is not None]
        assert faces and all(f is not None and f.get(w("eastAsia")) for f in faces), name


def test_check_names_the_faces_the_render_substituted(seed_docx: Path, seed_pdf: Path):
    from deckgen.check import check_briefing
    from deckgen.text.fonts import font_file

    findings = check_briefing(seed_docx, seed_pdf)
    warned = [f.detail for f in findings if f.problem == "face substituted" and f.warning]
    assert warned
    for face in ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体"):
        standin = font_file(face)
        if standin is not None and face not in standin.family:  # this machine has it not
            assert any(d.startswith(f"{face} is set in {standin.family}") for d in warned)
