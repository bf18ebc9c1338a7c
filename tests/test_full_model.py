"""The pieces a full government work report has beyond the speed-read's, each optional: the
review's summary, the problems, the plan's requirements and intro, lead sentences, points
without headings, the closing appeal, the presenter and occasion, and text left unplaced.

``tests/data/full-model.yaml`` (real text of the 2026 Sichuan report) holds every one. It is
built to both outputs, and what a reader sees is looked at: the slides and notes, the
briefing's paragraphs in order, the LibreOffice render (nothing spills), the OOXML schemas.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import error_line, write
from docx import Document
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from typer.testing import CliRunner

from deckgen import api
from deckgen.check import check_briefing, check_deck, pptx_notes, spill_summary, spills
from deckgen.check.content import sentences
from deckgen.cli import app
from deckgen.labels import label
from deckgen.options import BuildOptions
from deckgen.plan.deck import plan_deck
from deckgen.plan.layout import BODY
from deckgen.plan.slides import TextBox
from deckgen.template.theme import load_theme

ROOT = Path(__file__).resolve().parents[1]
FULL = Path(__file__).parent / "data" / "full-model.yaml"
VALIDATE = ROOT.parent / "shared" / "ooxml" / "validate.py"
EVERY_PART = "name: 测试会议\nparts: [review, problems, targets, plan, closing]\n"
PIECES = ("summary", "requirements", "intro", "leads", "appeal", "presenter", "occasion")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def full():
    return api.load(FULL)


def _build(folder: Path, profile: str | None) -> tuple[Path, Path]:
    meeting = None
    if profile is not None:
        meeting = folder / "meeting.yaml"
        meeting.write_text(profile, encoding="utf-8")
    return api.build(FULL, meeting, folder)


@pytest.fixture(scope="module")
def every(tmp_path_factory) -> tuple[Path, Path]:
    """Deck and briefing of the full model, every part shown."""
    return _build(tmp_path_factory.mktemp("every"), EVERY_PART)


@pytest.fixture(scope="module")
def default(tmp_path_factory) -> tuple[Path, Path]:
    """Deck and briefing of the full model with the default parts (no problems)."""
    return _build(tmp_path_factory.mktemp("default"), None)


@pytest.fixture(scope="module")
def omitted(tmp_path_factory) -> tuple[Path, Path]:
    """Every part, every new piece left out by the profile's ``omit``."""
    profile = EVERY_PART + f"omit: [{', '.join(PIECES)}]\n"
    return _build(tmp_path_factory.mktemp("omitted"), profile)


def slides(pptx: Path) -> list[tuple[str, list]]:
    """(title, text boxes and placeholders: the shapes that are there to hold text) of each
    slide; drawn shapes (bands, cards, rules) are left out."""
    out = []
    for slide in Presentation(str(pptx)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        out.append((title, [s for s in slide.shapes if _holds_text(s)]))
    return out


def _holds_text(shape) -> bool:
    return shape.has_text_frame and shape.shape_type != MSO_SHAPE_TYPE.AUTO_SHAPE


def deck_text(pptx: Path) -> str:
    """Everything the slides and their notes say, whitespace taken out."""
    shown = "".join(s.text_frame.text for _, shapes in slides(pptx) for s in shapes)
    return squash(shown + "".join(pptx_notes(pptx)))


def brief_paragraphs(docx: Path) -> list:
    return [p for p in Document(str(docx)).paragraphs if p.text.strip()]


def says_all(text: str, whole: str) -> bool:
    """Every sentence of ``text`` stands verbatim in ``whole``."""
    return all(squash(s) in whole for s in sentences(text))


def titled(pptx: Path, title: str) -> list[int]:
    """Indexes of the slides titled ``title`` or its continuation."""
    cont = title + label("continued", "zh")
    return [i for i, (t, _) in enumerate(slides(pptx)) if t in (title, cont)]


def slide_text(pptx: Path, index: int) -> str:
    return squash("".join(s.text_frame.text for s in slides(pptx)[index][1]))


# ---- the content file ----------------------------------------------------------------------


def test_validate_counts_each_new_piece_and_warns_of_unplaced_text():
    result = CliRunner().invoke(app, ["validate", str(FULL)])
    assert result.exit_code == 0, result.output
    for line in (
        "  2 highlights, 6 points",
        "  1 review summary (1 paragraph)",
        "  1 problems part (1 paragraph)",
        "  1 plan requirements (1 paragraph)",
        "  1 plan intro (1 paragraph)",
        "  1 closing appeal (1 paragraph)",
        "  3 lead sentences",
        "  6 points without a heading",
        "  presenter: 四川省人民政府省长 施小琳",
    ):
        assert line + "\n" in result.stdout, line
    warnings = [w for w in result.stderr.splitlines() if w.startswith("warning:")]
    assert len(warnings) == 1 and "2 unplaced texts" in warnings[0]


def test_the_seed_summary_has_no_new_lines_and_no_warning():
    result = CliRunner().invoke(app, ["validate", str(ROOT / "content" / "liuhe-2023.yaml")])
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()[1:]
    assert lines[:5] == [
        "  6 highlights, 18 points",
        "  77 figures",
        "  7 targets",
        "  6 commitments, 18 points",
        "  4 closing points",
    ]
    words = ("summary", "problems", "requirements", "intro", "appeal", "lead", "heading")
    assert not [line for line in lines[5:] if any(w in line for w in words)]


MINIMAL = """\
meta:
  title: 报告
review:
  highlights:
    - title: 稳增长
      points:
        - text: 地区生产总值增长5%。
"""


@pytest.mark.parametrize(
    ("extra", "where", "says"),
    [
        ("problems:\n  points: []\n", ":9:11: problems.points", "empty"),
        ("problems:\n  title: 问题\n", ":8:1: problems.points", "required"),
        (
            "closing:\n  title: 结束\n  points: [{text: 好。}]\n  apeal: [各位代表！]\n",
            ":11:3: closing.apeal",
            "'appeal'",
        ),
        ("unplaced: ['']\n", ":8:12: unplaced[0]", "empty"),
        (
            "plan:\n  requirements: 总体要求\n"
            "  commitments: [{title: 一, points: [{bullets: [干。]}]}]\n",
            ":9:17: plan.requirements",
            "list",
        ),
    ],
)
def test_a_mistake_in_a_new_field_is_one_located_line(tmp_path, extra, where, says):
    line = error_line(write(tmp_path, MINIMAL + extra))
    assert where in line and says in line, line


def test_a_lead_or_presenter_that_is_not_text_is_located(tmp_path):
    text = MINIMAL.replace("title: 报告", "title: 报告\n  presenter: [区长]")
    assert ":3:14: meta.presenter: expected text" in error_line(write(tmp_path, text))
    text = MINIMAL.replace("    - title: 稳增长", "    - title: 稳增长\n      lead: {a: 1}")
    assert ":6:13: review.highlights[0].lead: expected text" in error_line(write(tmp_path, text))


# ---- the deck ------------------------------------------------------------------------------


def test_the_cover_names_the_occasion_and_the_presenter(every, full):
    cover = slide_text(every[0], 0)
    assert squash(full.meta.occasion) in cover and squash(full.meta.presenter) in cover


def test_each_new_part_has_its_slides_in_the_reports_order(every, full):
    pptx = every[0]
    summary = titled(pptx, "总体情况")
    problems = titled(pptx, "存在的问题")
    requirements = titled(pptx, "总体要求")
    appeal = titled(pptx, "结束语")
    assert summary and problems and requirements and appeal
    for found, texts in (
        (summary, full.review.summary),
        (problems, full.problems.points),
        (requirements, [*full.plan.requirements, *full.plan.intro]),
        (appeal, full.closing.appeal),
    ):
        shown = "".join(slide_text(pptx, i) for i in found)
        assert all(says_all(t, shown) for t in texts)
    titles = [t for t, _ in slides(pptx)]
    # the summary opens the review, before its overview; the problems come between the
    # review and the targets; the requirements open the plan; the appeal closes the deck
    assert titles[summary[0] + 1] == "回顾2025"
    targets = titles.index("主要预期目标")
    assert titles.index("数读｜着力防风险守底线") < problems[0] < targets
    assert titles[requirements[-1] + 1] == "谋划2026"
    assert appeal[-1] == len(titles) - 2  # the end slide follows


def test_a_lead_sentence_stands_above_the_first_slides_cards(every, full):
    highlight = full.review.highlights[1]
    first, *rest = titled(every[0], highlight.title)
    shapes = slides(every[0])[first][1]
    lead = [s for s in shapes if squash(s.text_frame.text) == squash(highlight.lead)]
    assert len(lead) == 1
    cards = [s for s in Presentation(str(every[0])).slides[first].shapes if s.name == "Card"]
    assert cards and all(lead[0].top + lead[0].height <= c.top for c in cards)
    assert rest and all(squash(highlight.lead) not in slide_text(every[0], i) for i in rest)
    commitment = full.plan.commitments[0]
    assert squash(commitment.lead) in slide_text(every[0], titled(every[0], commitment.title)[0])


def test_a_point_without_a_heading_is_its_text_alone(every, full):
    """In the highlight whose points have no heading, each card holds one text: its own."""
    highlight = full.review.highlights[1]
    pres = Presentation(str(every[0]))
    seen = ""
    for i in titled(every[0], highlight.title):
        shapes = list(pres.slides[i].shapes)
        for card in (s for s in shapes if s.name == "Card"):
            inside = [
                s
                for s in shapes
                if _holds_text(s)
                and card.left <= s.left < card.left + card.width
                and card.top <= s.top < card.top + card.height
            ]
            assert [s.name for s in inside] == ["Card text"]
            seen += squash(inside[0].text_frame.text)
    assert all(says_all(pt.text, seen) for pt in highlight.points)
    empty = [
        (i, s.name)
        for i, (_, shapes) in enumerate(slides(every[0]))
        for s in shapes
        if not s.text_frame.text.strip()
    ]
    assert empty == []
    # its key figures carry no tag: there is no heading to name
    figures = slides(every[0])[titled(every[0], f"数读｜{highlight.title}")[0]][1]
    assert "Figure tag" not in [s.name for s in figures]


def test_new_slides_set_body_text_at_body_size(full):
    deck = plan_deck(
        full, load_theme(), BuildOptions(parts=("review", "problems", "plan", "closing"))
    )
    kinds = {"summary", "problems", "requirements", "appeal", "highlight", "commitment"}
    sizes = [
        run.size
        for slide in deck.slides
        if slide.kind in kinds
        for el in slide.elements
        if isinstance(el, TextBox)
        and el.name in ("Card text", "Text", "Appeal")
        and el.box.y > 100  # below the title block
        for para in el.paragraphs
        for run in para.runs
    ]
    assert sizes and min(sizes) >= BODY[1]


def test_the_deck_renders_without_spill_and_holds_every_sentence(every, full, render):
    pdf = render(every[0])
    found = spills(every[0], pdf)
    assert found == [], spill_summary(found)
    faults = [f for f in check_deck(every[0], pdf, full) if not f.warning]
    assert faults == [], "\n".join(map(str, faults))


def test_problems_are_shown_only_when_a_meeting_lists_them(default, full):
    pptx, docx = default
    assert titled(pptx, "存在的问题") == []
    assert squash(full.problems.points[0])[:30] not in deck_text(pptx)
    assert "存在的问题" not in [p.text for p in brief_paragraphs(docx)]
    assert titled(pptx, "总体情况") and titled(pptx, "结束语")


def test_unplaced_text_is_never_shown(every, default, full):
    for pptx, docx in (every, default):
        hay = deck_text(pptx) + squash("".join(p.text for p in brief_paragraphs(docx)))
        for text in full.unplaced:
            assert squash(text) not in hay


def test_a_profile_leaves_out_each_piece_it_names(omitted, every, full):
    gone = [
        *full.review.summary,
        *full.plan.requirements,
        *full.plan.intro,
        *(x.lead for x in (*full.review.highlights, *full.plan.commitments) if x.lead),
        *full.closing.appeal,
        full.meta.presenter,
        full.meta.occasion,
    ]
    for pptx, docx in (omitted, every):
        hay = deck_text(pptx) + squash("".join(p.text for p in brief_paragraphs(docx)))
        present = [squash(t) in hay for t in gone]
        assert present == [(pptx, docx) == every] * len(gone)
    # what is not named stays: the problems, the points, the closing's points
    hay = deck_text(omitted[0])
    assert says_all(full.problems.points[0], hay)
    assert says_all(full.review.highlights[1].points[0].text, hay)
    assert titled(omitted[0], "总体情况") == titled(omitted[0], "结束语") == []


# ---- the briefing --------------------------------------------------------------------------


def test_the_briefing_has_each_piece_where_a_reader_looks(every, full):
    paras = brief_paragraphs(every[1])
    texts = [p.text for p in paras]
    at = texts.index(full.meta.title)
    # under the title, centred: the occasion, then the presenter
    assert texts[at + 1 : at + 3] == [full.meta.occasion, full.meta.presenter]
    assert all(paras[at + k].alignment == 1 or _centred(paras[at + k]) for k in (1, 2))
    # the summary opens the review, right under its heading
    review = texts.index("一、回顾2025")
    assert texts[review + 1] == full.review.summary[0]
    # a lead is the first paragraph under its highlight's heading; points without a
    # heading follow as paragraphs, no heading between them
    h = full.review.highlights[1]
    head = texts.index(f"（二）{h.title}——{h.slogan}")
    assert texts[head + 1 : head + 6] == [h.lead, *(pt.text for pt in h.points)]
    # the problems: a part of their own, between the review and the targets
    problems = texts.index("二、存在的问题")
    assert texts[problems + 1] == full.problems.points[0]
    assert texts[problems + 2] == "三、主要预期目标"
    # the plan opens with its requirements and intro
    plan = texts.index("四、谋划2026")
    assert texts[plan + 1 : plan + 3] == [*full.plan.requirements, *full.plan.intro]
    c = full.plan.commitments[0]
    assert texts[texts.index(f"（一）{c.title}——{c.slogan}") + 1] == c.lead
    # a plan point without a heading: its bullet straight after the previous point's
    bullet = full.plan.commitments[1].points[1].bullets[0]
    before = texts[texts.index(bullet) - 1]
    assert before == full.plan.commitments[1].points[0].bullets[-1]
    # the closing: points with and without headings, then the appeal, the last paragraph
    closing = full.closing
    assert closing.points[1].text in texts and f"（二）{closing.points[2].heading}" in texts
    assert "（三）" not in "".join(texts[texts.index(f"五、{closing.title}") :])
    after = texts.index(closing.appeal[-1]) + 1
    assert texts[after - len(closing.appeal) : after] == closing.appeal
    assert all("印发" in t or t.startswith("抄送") for t in texts[after:])  # then the 版记


def _centred(paragraph) -> bool:
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.alignment is not None:
            return int(style.paragraph_format.alignment) == 1
        style = style.base_style
    return False


def test_the_briefing_holds_every_sentence(every, full, render):
    faults = [f for f in check_briefing(every[1], render(every[1]), full) if not f.warning]
    assert faults == [], "\n".join(map(str, faults))


@pytest.mark.skipif(not VALIDATE.is_file(), reason=f"{VALIDATE} not found")
def test_both_outputs_validate(every):
    done = subprocess.run(
        [sys.executable, str(VALIDATE), *map(str, every)], capture_output=True, text=True
    )
    violations = [line for line in done.stdout.splitlines()[:-1] if "wps:wsp" not in line]
    assert done.stdout.splitlines()[-1].startswith("ooxml: 2 files") and violations == []


# ---- meeting profiles ----------------------------------------------------------------------


def test_a_piece_named_twice_or_unknown_is_one_located_line(tmp_path):
    from deckgen.errors import InputError
    from deckgen.meeting import load_meeting

    twice = write(tmp_path, "name: 会\nomit:\n  - summary\n  - appeal\n  - summary\n", "m.yaml")
    with pytest.raises(InputError) as err:
        load_meeting(twice)
    assert str(err.value).endswith(
        "m.yaml:5:5: omit[2]: 'summary' is listed twice: name each piece once"
    )
    unknown = write(tmp_path, "name: 会\nomit: [summary, lead]\n", "u.yaml")
    with pytest.raises(InputError) as err:
        load_meeting(unknown)
    assert "u.yaml:2:17: omit[1]: expected one of 'summary'" in str(err.value)


def test_options_default_to_every_piece_and_no_problems():
    options = BuildOptions()
    assert options.omit == () and "problems" not in options.parts
    assert BuildOptions(parts=["problems", "review"]).parts == ("problems", "review")
