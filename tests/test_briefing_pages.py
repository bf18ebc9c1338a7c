"""The briefing as LibreOffice prints it (issue 11): every table-of-contents entry gives the
page its heading is on, the 版记 stands at the foot of the last page and that page is even,
the marking is on page 1 only, page numbers stand on the outer side of every page, a brief
briefing is at most half as long as the full one, an English briefing's first page holds no
Chinese, and the page count is the one the plan laid out.

Each briefing is rendered once for the module; what is asserted is read off the render's
pages, as a reader sees them, and off the written file's contents field."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from deckgen import api
from deckgen.check.model import has_cjk
from deckgen.check.pdf import read_pdf
from deckgen.options import BuildOptions

ROOT = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
MM = 72 / 25.4

CASES = {
    # name: (content, meeting profile, template, extra options)
    "changwu": ("liuhe-2023.yaml", "changwu-full", None, {}),
    "default": ("liuhe-2023.yaml", None, None, {}),
    "delegation": ("liuhe-2023.yaml", "delegation-brief", None, {}),
    "english": ("riverside-2024.yaml", None, "gov-red", {}),
    "default-toc": ("liuhe-2023.yaml", None, None, {"toc": True, "marking": "内部资料"}),
    "english-toc": ("riverside-2024.yaml", None, "gov-red", {"toc": True, "copy_to": ("Mayor",)}),
    "pictures": ("pictures.yaml", "changwu-full", None, {}),
}
"""The built-in profiles as they are, two more with a table of contents, and the seed with
three pictures of three shapes (a picture's box is as high whatever its shape)."""

PICTURES = {"突出稳字当头、稳中求进": ("wide.jpg", (4000, 3000)),
            "坚持创新引领不动摇": ("tall.jpg", (900, 1600)),
            "突出城乡融合、内外兼修": ("pano.jpg", (2000, 500))}  # fmt: skip


def with_pictures(folder: Path) -> Path:
    """The seed with a picture on two highlights and a commitment."""
    from PIL import Image

    text = (ROOT / "content" / "liuhe-2023.yaml").read_text(encoding="utf-8")
    for title, (name, size) in PICTURES.items():
        Image.new("RGB", size, (40, 110, 190)).save(folder / name)
        item = f"    - title: {title}\n"
        assert item in text
        text = text.replace(item, f"{item}      image: {name}\n", 1)
    (folder / "pictures.yaml").write_text(text, encoding="utf-8")
    return folder / "pictures.yaml"


def build(name: str, folder: Path) -> tuple[Path, int]:
    """The briefing of case ``name`` and the page count its plan laid out."""
    content, meeting, template, extra = CASES[name]
    options, template = api.for_meeting(ROOT / "meetings" / f"{meeting}.yaml" if meeting else None,
                                        template)  # fmt: skip
    options = (options or BuildOptions()).model_copy(update=extra)
    source = with_pictures(folder) if content == "pictures.yaml" else ROOT / "content" / content
    out = api.build_docx(source, folder / f"{name}.docx", template, options)
    return out, api.plan(source, ".docx", template, options).pages


@pytest.fixture(scope="module")
def briefings(tmp_path_factory, render) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("pages")
    out = {}
    for name in CASES:
        docx, planned = build(name, folder)
        out[name] = {"docx": docx, "pages": read_pdf(render(docx)), "planned": planned}
    return out


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def lines(page) -> list[str]:
    return [squash("".join(c.c for c in line)) for line in page.lines()]


def contents_entries(docx: Path) -> list[tuple[str, int]]:
    """The table of contents as written: each entry's text and the page it gives."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    entries = []
    for p in body.iter(f"{{{W}}}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is None or not style.get(f"{{{W}}}val", "").lower().startswith("toc"):
            continue
        shown = "".join(t.text or "" if t.tag == f"{{{W}}}t" else "\t" for t in
                        p.iter(f"{{{W}}}t", f"{{{W}}}tab"))  # fmt: skip
        text, _, page = shown.rpartition("\t")
        if text:
            entries.append((text, int(page)))
    return entries


@pytest.mark.parametrize("name", ["changwu", "default-toc", "english-toc", "pictures"])
def test_every_contents_entry_gives_the_page_its_heading_is_on(briefings, name):
    made = briefings[name]
    entries = contents_entries(made["docx"])
    assert len(entries) >= 4
    pages = made["pages"]
    toc_pages = {p.number for p in pages for t in lines(p) if re.search(r"\.{4,}\d+$", t)}
    off = []
    for text, page in entries:
        key = squash(text)
        landed = next(
            (p.number for p in pages if p.number > max(toc_pages)
             and any(t.startswith(key[:14]) for t in lines(p))),
            None,
        )  # fmt: skip
        if landed != page:
            off.append(f"{text}: contents say {page}, it is on {landed}")
    assert off == []


@pytest.mark.parametrize("name", list(CASES))
def test_the_copy_block_ends_an_even_last_page(briefings, name):
    pages = briefings[name]["pages"]
    assert len(pages) % 2 == 0
    issued = [
        (p.number, max(c.y1 for c in line))
        for p in pages
        for line in p.lines()
        for text in [squash("".join(c.c for c in line))]
        if text.endswith("印发") or "Issued" in text
    ]
    assert [number for number, _ in issued] == [len(pages)]
    # at the foot of the 版心 (35 mm above the page's foot), not above its last line
    assert pages[-1].height - 35 * MM - 12 < issued[0][1] < pages[-1].height - 35 * MM + 2


@pytest.mark.parametrize("name", list(CASES))
def test_the_page_count_is_the_one_laid_out(briefings, name):
    assert len(briefings[name]["pages"]) == briefings[name]["planned"]


@pytest.mark.parametrize("name", ["changwu", "default", "delegation", "default-toc"])
def test_the_marking_stands_on_the_first_page_only(briefings, name):
    marking = {"changwu": "内部资料注意保存", "default-toc": "内部资料"}.get(name)
    marked = [p.number for p in briefings[name]["pages"] if any("内部资料" in t for t in lines(p))]
    assert marked == ([1] if marking else [])


@pytest.mark.parametrize("name", list(CASES))
def test_page_numbers_on_the_outer_side_of_every_page(briefings, name):
    for page in briefings[name]["pages"]:
        found = [
            line for line in page.lines()
            if squash("".join(c.c for c in line)) == f"—{page.number}—"
        ]  # fmt: skip
        assert found, f"page {page.number} has no '— {page.number} —'"
        x0, x1 = found[0][0].x0, found[0][-1].x1
        if page.number % 2:  # odd: right, one character in from the 版心's edge
            assert abs(x1 - (page.width - 26 * MM - 14)) < 3, page.number
        else:
            assert abs(x0 - (28 * MM + 14)) < 3, page.number


def test_a_brief_briefing_is_at_most_half_as_long(briefings):
    assert len(briefings["delegation"]["pages"]) * 2 <= len(briefings["changwu"]["pages"])


def test_an_english_briefing_has_no_chinese_on_its_first_page(briefings):
    first = briefings["english"]["pages"][0]
    assert not has_cjk(first.text()), first.text()
    assert first.text().startswith("Briefing")  # the masthead in English
    assert not [c.font for c in first.chars if "CJK" in c.font or "UKai" in c.font]
