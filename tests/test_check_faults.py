"""`deckgen check` finds each fault of issue 8 in a file made to have it.

A deck and a briefing are built from small contents with the api, then broken on purpose by
editing their XML: invisible characters, breaks and tabs the author did not write, a figure
broken across lines, a punctuation mark the render does not draw, full-width punctuation
and East Asian quotes in English text, and text that no longer stands as the content
wrote it. Each file is built, broken and rendered once per module; each test asserts that
its fault is found, and where (slide, or page and paragraph, or content field).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from docx.oxml.ns import qn as wqn
from lxml import etree
from pptx.oxml.ns import qn

from deckgen import api
from deckgen.check import check_briefing, check_deck, text_per_slide
from deckgen.options import BuildOptions
from deckgen.preview import NO_SOFFICE, find_soffice

pytestmark = pytest.mark.skipif(find_soffice() is None, reason=NO_SOFFICE)

ZH = r"""
meta:
  title: 速读测试区政府工作报告
  subtitle: 政府工作报告解读
  organisation: 测试区人民政府
  region: 江苏省测试区
  date: 2023年1月
  source: 测试区2023年政府工作报告
review:
  label: 回顾2022
  title: “两个突出”切实担起
  highlights:
    - title: 突出稳字当头、稳中求进
      slogan: 更大力度稳增长促发展
      points:
        - heading: 千方百计稳住市场主体
          text: 累计落实组合式税费支持超22亿元、为历年新高。净增规上工业企业40家、总数突破400家。
        - heading: 兜底线加强社会保障
          text: "健全就业促进机制，发放吸纳就业、公益性岗位、社保等补贴8900多万元，\
            开展线上线下招聘活动179场、提供岗位7.57万个次。"
    - title: 突出创新驱动、科技赋能
      slogan: 持之以恒加快动能转换
      points:
        - heading: 创新能力实现新提升
          text: "科技创新港引入落地人才和产业化项目23个，由院士领衔的制造业创新中心落户六合，\
            实现省级制造业创新中心零的突破。"
plan:
  label: 谋划2023
  commitments:
    - title: 坚持创新引领不动摇
      slogan: 着力推动主导产业做大做强
      points:
        - heading: 持续激活创新“主引擎”
          bullets: [积极稳妥推进科技创新港建设。, 全年新增规上工业企业40家。]
closing:
  title: 全面加强政府自身建设
  points:
    - heading: 讲政治、讲忠诚
      text: 坚持政治领航，持续筑牢信仰之基。
"""

EN = r"""
meta:
  title: Riverside at a Glance
  organisation: Riverside City Council
  region: Riverside
  date: January 2024
  language: en
review:
  label: Review 2023
  title: What we delivered
  highlights:
    - title: A stronger local economy
      slogan: Growth held up in a difficult year
      points:
        - heading: Businesses kept growing
          text: "Tax relief worth $1.2 billion reached local firms. \
            The city’s new park opened in May."
        - heading: Homes renovated
          text: "We renovated 1,200 homes in older districts, \
            and complaints about potholes fell by 30 percent."
"""

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---------------------------------------------------------------------------------------------
# Breaking a file on purpose: runs are found by a piece of their text and split where the
# fault goes in.


def _runs(root, ns: str):
    """(run, its text element) for every run under root with one text element."""
    for r in root.iter(f"{{{ns}}}r"):
        ts = r.findall(f"{{{ns}}}t")
        if len(ts) == 1 and ts[0].text:
            yield r, ts[0]


def _find(root, ns: str, marker: str):
    for r, t in _runs(root, ns):
        if marker in t.text:
            return r, t
    raise AssertionError(f"no run holds {marker!r}")


def _split(root, ns: str, marker: str, offset: int = 0):
    """Split the run holding ``marker`` before ``marker[offset:]``; return the second run."""
    r, t = _find(root, ns, marker)
    at = t.text.index(marker) + offset
    second = copy.deepcopy(r)
    second.find(f"{{{ns}}}t").text = t.text[at:]
    t.text = t.text[:at]
    if ns == W_NS:
        for el in (t, second.find(f"{{{ns}}}t")):
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.addnext(second)
    return second


def _insert(root, ns: str, marker: str, offset: int, element) -> None:
    """Put ``element`` (a:br, or a w:r holding w:br…) inside the run text at marker+offset."""
    second = _split(root, ns, marker, offset)
    second.addprevious(element)


def _replace(root, ns: str, old: str, new: str) -> None:
    r, t = _find(root, ns, old)
    t.text = t.text.replace(old, new, 1)


def _isolate(root, ns: str, marker: str, offset: int):
    """The run holding just the character at marker+offset (split out of its run)."""
    second = _split(root, ns, marker, offset)
    _split(second.getparent(), ns, second.find(f"{{{ns}}}t").text, 1)
    return second


def _w(tag: str, **attrs):
    el = etree.Element(wqn(f"w:{tag}"))
    for k, v in attrs.items():
        el.set(wqn(f"w:{k}"), v)
    return el


def _w_run(*children):
    r = _w("r")
    for c in children:
        r.append(c)
    return r


def _slide_with(prs, text: str) -> int:
    for no, slide in enumerate(prs.slides, 1):
        if any(text in (t.text or "") for t in slide._element.iter(qn("a:t"))):
            return no
    raise AssertionError(f"no slide shows {text!r}")


def _by(findings, problem: str):
    return [f for f in findings if f.problem == problem]


# ---------------------------------------------------------------------------------------------
# The broken files and what check finds in them


@pytest.fixture(scope="module")
def contents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("contents")
    out = {}
    for name, text in (("zh", ZH), ("en", EN)):
        out[name] = folder / f"{name}.yaml"
        out[name].write_text(text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def zh_deck(contents, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """The Chinese deck, broken; returns it and the slides the faults went on."""
    from pptx import Presentation

    path = api.build_pptx(contents["zh"], tmp_path_factory.mktemp("zh") / "zh.pptx")
    prs = Presentation(str(path))
    s5 = _slide_with(prs, "健全就业促进机制")
    s7 = _slide_with(prs, "落户六合")
    s11 = _slide_with(prs, "积极稳妥")
    s13 = _slide_with(prs, "坚持政治领航")
    slide = prs.slides[s5 - 1]._element
    _replace(slide, A_NS, "超22亿元", "超2\u20602亿元")  # a. word joiner in a figure
    _insert(slide, A_NS, "健全就业促进机制，", 9, etree.Element(qn("a:br")))  # b. after ，
    _insert(slide, A_NS, "为历年新高。", 6, etree.Element(qn("a:br")))  # after 。: fine
    _replace(slide, A_NS, "179场", "179 场")  # f. a figure no longer as written
    notes = prs.slides[s5 - 1].notes_slide._element
    _replace(notes, A_NS, "为历年新高", "为历\u00ad年新高")  # a. soft hyphen in the notes
    slide = prs.slides[s7 - 1]._element
    comma = _isolate(slide, A_NS, "落户六合，实现", 4)  # d. a comma drawn fully transparent
    rpr = comma.find(qn("a:rPr"))
    for old in rpr.findall(qn("a:solidFill")):
        rpr.remove(old)
    fill = etree.SubElement(rpr, qn("a:solidFill"))
    etree.SubElement(etree.SubElement(fill, qn("a:srgbClr"), val="000000"), qn("a:alpha"), val="0")
    rpr.insert(0, fill)
    _insert(slide, A_NS, "23个", 1, etree.Element(qn("a:br")))  # c. "2|3个"
    _replace(prs.slides[s11 - 1]._element, A_NS, "积极稳妥推进", "积极稳妥\t推进")  # b. a tab
    for part in (prs.slides[s13 - 1]._element, prs.slides[s13 - 1].notes_slide._element):
        _replace(part, A_NS, "坚持政治领航，", "坚持政治领航,")  # f. a sentence changed
    prs.save(str(path))
    return path, {"s5": s5, "s7": s7, "s11": s11, "s13": s13}


@pytest.fixture(scope="module")
def zh_deck_found(zh_deck, contents, render):
    path, _ = zh_deck
    return check_deck(path, render(path), api.load(contents["zh"]))


def _body_paragraph(doc, text: str):
    for p in doc.element.body.iter(wqn("w:p")):
        if text in "".join(t.text or "" for t in p.iter(wqn("w:t"))):
            return p
    raise AssertionError(f"no paragraph holds {text!r}")


@pytest.fixture(scope="module")
def zh_brief(contents, tmp_path_factory) -> Path:
    """The Chinese briefing (with a marking in its header), broken."""
    import docx

    from deckgen.render.docx import ooxml

    options = BuildOptions(marking="内部资料 注意保存")
    path = api.build_docx(contents["zh"], tmp_path_factory.mktemp("zh") / "zh.docx", None, options)
    doc = docx.Document(str(path))
    p = _body_paragraph(doc, "累计落实组合式税费支持")
    _replace(p, W_NS, "超22亿元", "超2\ufeff2亿元")  # a. BOM in a figure
    _insert(p, W_NS, "为历年新高。", 6, _w_run(_w("br")))  # after 。: fine
    p = _body_paragraph(doc, "健全就业促进机制")
    _insert(p, W_NS, "健全就业促进机制，", 9, _w_run(_w("br", type="textWrapping")))  # b.
    _insert(p, W_NS, "7.57万个次", 5, _w_run(_w("br")))  # c. "7.57万|个次"
    _replace(p, W_NS, "179场", "179 场")  # f.
    p = _body_paragraph(doc, "落户六合")
    comma = _isolate(p, W_NS, "落户六合，实现", 4)  # d. the comma hidden
    ooxml.put(comma.find(wqn("w:rPr")), _w("vanish"))
    _insert(p, W_NS, "科技创新港", 2, _w_run(_w("softHyphen")))  # a. w:softHyphen
    p = _body_paragraph(doc, "积极稳妥推进")
    _insert(p, W_NS, "积极稳妥推进", 4, _w_run(_w("tab")))  # b. a tab in running text
    p = _body_paragraph(doc, "坚持政治领航")
    _insert(p, W_NS, "坚持政治领航", 6, _w_run(_w("cr")))  # b. w:cr before ，
    header = doc.sections[0].first_page_header._element  # the marking: page 1 only
    _replace(header, W_NS, "内部资料", "内部\u200b资料")  # a. zero-width space in the header
    doc.save(str(path))
    return path


@pytest.fixture(scope="module")
def zh_brief_found(zh_brief, contents, render):
    return check_briefing(zh_brief, render(zh_brief), api.load(contents["zh"]))


def _paragraph_where(path: Path, pdf: Path, text: str) -> str:
    """ "page P, paragraph N" of the body paragraph holding ``text``, found independently."""
    import docx

    doc = docx.Document(str(path))
    paragraphs = list(doc.element.body.iter(wqn("w:p")))
    number = paragraphs.index(_body_paragraph(doc, text)) + 1
    pages = ["".join(t.split()) for t in text_per_slide(pdf)]
    page = next(i for i, t in enumerate(pages, 1) if "".join(text.split()) in t)
    return f"page {page}, paragraph {number}"


# ---------------------------------------------------------------------------------------------
# a. invisible or joining characters


def test_invisible_characters_on_a_slide_and_in_its_notes(zh_deck, zh_deck_found):
    _, at = zh_deck
    found = _by(zh_deck_found, "invisible character")
    joiner = [f for f in found if "U+2060 WORD JOINER" in f.detail]
    assert len(joiner) == 1 and joiner[0].where == f"slide {at['s5']} 'Card text'"
    assert "超2<U+2060>2亿元" in joiner[0].detail
    (soft,) = [f for f in found if "U+00AD SOFT HYPHEN" in f.detail]
    assert soft.where == f"notes of slide {at['s5']}" and "为历<U+00AD>年新高" in soft.detail
    assert len(found) == 2


def test_invisible_characters_in_the_body_and_header_of_a_briefing(
    zh_brief, zh_brief_found, render
):
    found = _by(zh_brief_found, "invisible character")
    (bom,) = [f for f in found if "U+FEFF" in f.detail]
    assert bom.where == _paragraph_where(zh_brief, render(zh_brief), "累计落实组合式税费支持")
    assert "超2<U+FEFF>2亿元" in bom.detail
    (soft,) = [f for f in found if "U+00AD" in f.detail]
    assert soft.where == _paragraph_where(zh_brief, render(zh_brief), "落户六合")
    assert "科技<U+00AD>创新港" in soft.detail
    zwsp = [f for f in found if "U+200B" in f.detail]
    assert zwsp and all(re.fullmatch(r"header\d\.xml paragraph 1", f.where) for f in zwsp)


# ---------------------------------------------------------------------------------------------
# b. breaks inside sentences, tabs in running text


def test_breaks_inside_sentences_and_tabs_on_slides(zh_deck, zh_deck_found):
    _, at = zh_deck
    found = _by(zh_deck_found, "break inside a sentence")
    on_5 = [f for f in found if f.where.startswith(f"slide {at['s5']} ")]
    assert len(on_5) == 1 and "健全就业促进机制，⏎发放" in on_5[0].detail  # not after 为历年新高。
    on_7 = [f for f in found if f.where.startswith(f"slide {at['s7']} ")]
    assert len(on_7) == 1 and "项目2⏎3个" in on_7[0].detail
    assert len(found) == 2
    (tab,) = _by(zh_deck_found, "tab in running text")
    assert tab.where.startswith(f"slide {at['s11']} ") and "积极稳妥⇥推进" in tab.detail


def test_breaks_inside_sentences_and_tabs_in_a_briefing(zh_brief, zh_brief_found, render):
    pdf = render(zh_brief)
    found = _by(zh_brief_found, "break inside a sentence")
    where = _paragraph_where(zh_brief, pdf, "健全就业促进机制")
    assert {f.detail.split(" in ")[0] for f in found if f.where == where} == {"w:br"}
    assert sum(f.where == where for f in found) == 2  # after ， and inside 7.57万个次
    (cr,) = [f for f in found if f.detail.startswith("w:cr")]
    assert cr.where == _paragraph_where(zh_brief, pdf, "坚持政治领航") and "领航⏎，" in cr.detail
    assert len(found) == 3  # the w:br after 为历年新高。 is the end of a sentence
    (tab,) = _by(zh_brief_found, "tab in running text")  # the masthead's tab is layout
    assert tab.where == _paragraph_where(zh_brief, pdf, "积极稳妥") and "稳妥⇥推进" in tab.detail


def test_a_break_the_content_writes_is_the_authors():
    from deckgen.check.model import Item, Para
    from deckgen.check.text import breaks

    para = Para(part="slide", slide=2, shape="Card text")
    para.items = [
        Item("text", "第一行没有句号"),
        Item("break", "\n", tag="a:br"),
        Item("text", "第二行"),
    ]
    assert len(breaks([para])) == 1
    assert breaks([para], ["标题\n第一行没有句号\n第二行"]) == []


# ---------------------------------------------------------------------------------------------
# c. figures split across lines (warnings)


def test_split_figure_is_a_warning_on_its_slide(zh_deck, zh_deck_found):
    _, at = zh_deck
    found = _by(zh_deck_found, "figure split across lines")
    split = [(f.where, f.detail, f.warning) for f in found]
    assert (f"slide {at['s7']}", "2|3个", True) in split  # the break put inside it
    assert all(warning for *_, warning in split)  # a renderer's own splits are warnings too


def test_split_figure_in_a_briefing_names_its_page(zh_brief, zh_brief_found, render):
    found = _by(zh_brief_found, "figure split across lines")
    page = _paragraph_where(zh_brief, render(zh_brief), "健全就业促进机制").split(",")[0]
    assert [(f.where, f.detail, f.warning) for f in found] == [(page, "7.57万|个次", True)]


# ---------------------------------------------------------------------------------------------
# d. punctuation lost in the render


def test_a_transparent_comma_is_lost_on_its_slide(zh_deck, zh_deck_found):
    _, at = zh_deck
    (lost,) = _by(zh_deck_found, "punctuation lost in the render")
    assert lost.where.startswith(f"slide {at['s7']} ") and "落户六合，实现" in lost.detail


def test_a_hidden_comma_is_lost_on_its_page(zh_brief, zh_brief_found, render):
    (lost,) = _by(zh_brief_found, "punctuation lost in the render")
    assert lost.where == _paragraph_where(zh_brief, render(zh_brief), "落户六合")
    assert lost.detail.startswith("，") and "落户六合，实现" in lost.detail


# ---------------------------------------------------------------------------------------------
# f. the content's sentences and figures findable


def test_content_sentences_and_figures_not_findable_in_the_deck(zh_deck_found):
    found = [f for f in zh_deck_found if "not findable" in f.problem]
    by = {(f.where, f.problem, f.detail) for f in found}
    assert (
        "review.highlights[0].points[1].text",
        "figure not findable in the slides",
        "“179场”",
    ) in by
    sentence = "sentence not findable in the slides or notes"
    assert ("closing.points[0].text", sentence, "“坚持政治领航，持续筑牢信仰之基。”") in by
    # joiner on the slide, soft hyphen in the notes: the sentence stands whole nowhere
    assert (
        "review.highlights[0].points[0].text",
        sentence,
        "“累计落实组合式税费支持超22亿元、为历年新高。”",
    ) in by
    assert len(found) == 3  # the joiner's figure stands whole on its card; notes hold 179场


def test_content_sentences_and_figures_not_findable_in_the_briefing(zh_brief_found):
    found = {(f.where, f.detail) for f in zh_brief_found if "not findable" in f.problem}
    path = "review.highlights[0].points[1].text"
    assert (path, "“179场”") in found and (path, "“7.57万个次”") in found
    assert ("review.highlights[0].points[0].text", "“超22亿元”") in found
    assert ("closing.points[0].text", "“坚持政治领航，持续筑牢信仰之基。”") in found


def test_every_finding_names_where_it_is(zh_deck_found, zh_brief_found):
    place = re.compile(
        r"(slide|notes of slide) \d+|page \d+(, paragraph \d+)?$|header\d\.xml |\w+[.\[]"
    )
    for f in zh_deck_found + zh_brief_found:
        assert place.match(f.where), f


# ---------------------------------------------------------------------------------------------
# e. Chinese full-width punctuation and East Asian quotes in English text


@pytest.fixture(scope="module")
def en_files(contents, tmp_path_factory) -> tuple[Path, Path, int]:
    """The English deck and briefing, broken: the city’s run set in SimSun, and a ， ."""
    import docx
    from pptx import Presentation

    folder = tmp_path_factory.mktemp("en")
    deck = api.build_pptx(contents["en"], folder / "en.pptx")
    prs = Presentation(str(deck))
    no = _slide_with(prs, "older districts")
    slide = prs.slides[no - 1]._element
    r, _ = _find(slide, A_NS, "city’s")
    rpr = r.find(qn("a:rPr"))
    for old in rpr.findall(qn("a:ea")):
        rpr.remove(old)
    etree.SubElement(rpr, qn("a:ea"), typeface="SimSun")
    _replace(slide, A_NS, "districts, and", "districts，and")
    prs.save(str(deck))

    brief = api.build_docx(contents["en"], folder / "en.docx")
    doc = docx.Document(str(brief))
    p = _body_paragraph(doc, "city’s")
    quote, _ = _find(p, W_NS, "’")  # a run of its own already: one face in every slot
    fonts = quote.find(wqn("w:rPr")).find(wqn("w:rFonts"))
    fonts.set(wqn("w:hint"), "eastAsia")
    fonts.set(wqn("w:eastAsia"), "SimSun")
    _replace(_body_paragraph(doc, "older districts"), W_NS, "districts, and", "districts，and")
    doc.save(str(brief))
    return deck, brief, no


def test_east_asian_quote_and_full_width_comma_in_an_english_deck(en_files, contents, render):
    deck, _, no = en_files
    found = check_deck(deck, render(deck), api.load(contents["en"]))
    quotes = [f for f in _by(found, "quote set full width in English text") if "SimSun" in f.detail]
    assert [f.where for f in quotes] == [f"slide {no} 'Card text'"]
    assert "city’s" in quotes[0].detail
    (comma,) = [
        f
        for f in _by(found, "full-width punctuation in English text")
        if f.where.startswith("slide")
    ]
    assert comma.where == f"slide {no} 'Card text'" and "districts，and" in comma.detail


def test_east_asian_quote_and_full_width_comma_in_an_english_briefing(en_files, render):
    _, brief, _ = en_files
    pdf = render(brief)
    found = check_briefing(brief, pdf)
    (quote,) = _by(found, "quote set full width in English text")
    assert quote.where == _paragraph_where(brief, pdf, "city’s") and "SimSun" in quote.detail
    (comma,) = _by(found, "full-width punctuation in English text")
    assert comma.where == _paragraph_where(brief, pdf, "older districts")
    assert "districts，and" in comma.detail
