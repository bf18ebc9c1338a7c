"""Document properties: both files say what the report is, and nothing a library left behind.

No LibreOffice needed: the properties are read from the files' docProps parts.
"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import docx
import pytest
from pptx import Presentation

from deckgen import api
from deckgen.check.properties import library_properties

CONTENT = """\
meta:
  title: 速读测试区政府工作报告
  subtitle: 政府工作报告解读
  organisation: 测试区人民政府
  region: 江苏省测试区
  date: 2023年1月
  source: 测试区2023年政府工作报告
review:
  label: 回顾2022
  highlights:
    - title: 突出稳字当头
      points:
        - {heading: 稳住市场主体, text: 累计落实组合式税费支持超22亿元。}
plan:
  label: 谋划2023
  commitments:
    - title: 坚持创新引领
      points:
        - {heading: 激活创新, bullets: [全年新增规上工业企业40家。]}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("props")
    content = folder / "report.yaml"
    content.write_text(CONTENT, encoding="utf-8")
    return api.build_pptx(content, folder / "r.pptx"), api.build_docx(content, folder / "r.docx")


def _app(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("docProps/app.xml").decode("utf-8")


@pytest.mark.parametrize("kind", ["pptx", "docx"])
def test_properties_come_from_meta(built, kind):
    path = built[0] if kind == "pptx" else built[1]
    core = (Presentation if kind == "pptx" else docx.Document)(str(path)).core_properties
    assert core.title == "速读测试区政府工作报告"
    assert core.subject == "政府工作报告解读"
    assert core.author == core.last_modified_by == "测试区人民政府"
    assert core.keywords.split("；") == ["江苏省测试区", "回顾2022", "谋划2023"]
    assert core.comments == "测试区2023年政府工作报告"
    assert core.language == "zh-CN"
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    created = core.created.replace(tzinfo=None)  # python-docx says UTC, python-pptx does not
    assert core.created == core.modified and abs(now - created).total_seconds() < 600
    assert core.revision == 1
    app = _app(path)
    assert "<Application>deckgen</Application>" in app
    assert "<Company>测试区人民政府</Company>" in app
    assert "Microsoft" not in app
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if "thumbnail" in n]


def test_deck_app_properties_count_its_slides(built):
    prs = Presentation(str(built[0]))
    app = _app(built[0])
    assert f"<Slides>{len(prs.slides)}</Slides>" in app
    assert "<PresentationFormat>On-screen Show (16:9)</PresentationFormat>" in app


def test_no_library_defaults_left(built):
    deck, brief = built
    assert library_properties(deck, len(Presentation(str(deck)).slides)) == []
    assert library_properties(brief) == []


def test_subject_is_the_title_without_a_subtitle(tmp_path):
    content = tmp_path / "plain.yaml"
    content.write_text(CONTENT.replace("  subtitle: 政府工作报告解读\n", ""), encoding="utf-8")
    deck = api.build_pptx(content, tmp_path / "p.pptx")
    brief = api.build_docx(content, tmp_path / "p.docx")
    assert Presentation(str(deck)).core_properties.subject == "速读测试区政府工作报告"
    assert docx.Document(str(brief)).core_properties.subject == "速读测试区政府工作报告"


def test_library_defaults_are_found(tmp_path):
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[6])
    prs.save(tmp_path / "raw.pptx")
    found = {f.detail.split(" is ")[0] for f in library_properties(tmp_path / "raw.pptx", 1)}
    assert {"comments", "last modified by", "created", "modified"} <= found
    details = " ".join(f.detail for f in library_properties(tmp_path / "raw.pptx", 1))
    assert "'Microsoft Macintosh PowerPoint'" in details and "says 0 slides" in details
    assert "thumbnail" in details

    docx.Document().save(tmp_path / "raw.docx")
    found = library_properties(tmp_path / "raw.docx")
    assert {f.where for f in found} == {
        "docProps/core.xml",
        "docProps/app.xml",
        "docProps/thumbnail.jpeg",
    }
    assert any("'python-docx'" in f.detail for f in found)
