"""Meeting profiles: the model and its located errors, the sample profiles, what a profile
does to the deck and briefing plans, `deckgen meeting new`, `build --meeting/--meetings`."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deckgen import api
from deckgen.cli import app
from deckgen.load import load_content
from deckgen.meeting import Meeting, load_meeting, meeting_template, new_meeting_text
from deckgen.model import PART_NAMES, Content
from deckgen.options import BuildOptions, ProfileOptions
from deckgen.plan.brief import Contents, Masthead, plan_brief
from deckgen.plan.deck import plan_deck
from deckgen.plan.slides import TextBox
from deckgen.template.theme import load_theme

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
MEETINGS = ROOT / "meetings"
FULL = MEETINGS / "changwu-full.yaml"
BRIEF = MEETINGS / "delegation-brief.yaml"

runner = CliRunner()

EN_PROFILE = """\
name: Visiting delegation
parts: [review, targets, plan, closing]
detail: full
language: en
issue_number: 3
toc: true
"""


@pytest.fixture(scope="module")
def seed() -> Content:
    return load_content(SEED)


def deck_for(content: Content, meeting: Path, options: BuildOptions | None = None):
    """The deck plan ``content`` gets for the profile at ``meeting``."""
    opts, template = api.for_meeting(meeting)
    return plan_deck(content, load_theme(template), options or opts)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def texts_of(slide) -> list[str]:
    return [
        "".join(r.text for r in p.runs)
        for e in slide.elements
        if isinstance(e, TextBox)
        for p in e.paragraphs
    ]


def one_error_line(result) -> str:
    """The single stderr line of a failed command, checking exit code 2."""
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


# ---- the profiles -------------------------------------------------------------------------


def test_the_sample_profiles_load_and_say_what_they_are_for():
    full, brief = load_meeting(FULL), load_meeting(BRIEF)
    assert full.name == "区政府常务会议"
    assert (full.detail, tuple(full.parts)) == ("full", PART_NAMES)
    assert (full.marking, full.language, full.issue_number, full.toc) == (
        "内部资料 注意保存",
        "zh",
        1,
        True,
    )
    assert brief.detail == "brief" and brief.marking is None and brief.language == "zh"
    assert "closing" not in brief.parts and len(brief.parts) < len(full.parts)
    for meeting in (full, brief):
        options = meeting.options()
        assert options.meeting == meeting.name
        assert options.parts == tuple(meeting.parts)
        assert options.labels == meeting.language


def test_options_carry_every_field_of_the_profile():
    meeting = Meeting(
        name="会",
        date="2023年1月10日",
        parts=["plan", "review"],
        detail="brief",
        title="标题",
        subtitle="副标题",
        marking="内部资料",
        language="en",
        issue_number=7,
        toc=True,
        copy_to=["区委办公室"],
    )
    assert meeting.options() == BuildOptions(
        parts=("plan", "review"),
        detail="brief",
        title="标题",
        subtitle="副标题",
        date="2023年1月10日",
        meeting="会",
        marking="内部资料",
        labels="en",
        issue_number=7,
        toc=True,
        copy_to=("区委办公室",),
    )


def test_each_option_is_declared_once_for_the_profile_and_the_build():
    shared = set(ProfileOptions.model_fields)
    only = {"name", "audience", "template", "language", "labels"}
    assert set(Meeting.model_fields) - shared == only
    assert set(BuildOptions.model_fields) - shared == {"meeting", "labels", "words"}
    assert BuildOptions().parts == PART_NAMES and BuildOptions(copy_to=["a"]).copy_to == ("a",)


def test_a_yaml_date_is_kept_as_written(tmp_path):
    meeting = load_meeting(write(tmp_path, "m.yaml", "name: 会\ndate: 2023-01-10\n"))
    assert meeting.options().date == "2023-01-10"


def test_new_profile_is_commented_in_both_languages_and_loads_back(tmp_path):
    for name in ("区政府常务会议", 'a: "tricky" # name'):
        text = new_meeting_text(name)
        meeting = load_meeting(write(tmp_path, "new.yaml", text))
        assert meeting.name == name
        assert meeting.options() == BuildOptions(meeting=name)
    lines = text.splitlines()
    for field in Meeting.model_fields:
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
        above = lines[at - 1]
        assert above.startswith("#") or lines[at - 1].split(":")[0] in Meeting.model_fields, field
    comments = "\n".join(line for line in lines if line.startswith("#"))
    assert re.search(r"[\u4e00-\u9fff]", comments) and re.search(r"[A-Za-z]{4,}", comments)


def test_meeting_new_writes_meetings_name_yaml_and_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["meeting", "new", "区政府常务会议"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "meetings" / "区政府常务会议.yaml"
    assert load_meeting(path).name == "区政府常务会议"
    before = path.read_bytes()
    line = one_error_line(runner.invoke(app, ["meeting", "new", "区政府常务会议"]))
    assert "already exists" in line and "区政府常务会议.yaml" in line
    assert path.read_bytes() == before

    other = tmp_path / "elsewhere" / "m.yaml"
    result = runner.invoke(app, ["meeting", "new", "座谈会", "-o", str(other)])
    assert result.exit_code == 0, result.output
    assert load_meeting(other).name == "座谈会"


BAD = [
    ("name: 会\nmarkng: 内部资料\n", "bad.yaml:2:1: markng: unknown key 'markng'", "'marking'"),
    (
        "name: 会\nparts:\n  - review\n  - plans\n",
        "bad.yaml:4:5: parts[1]: expected one of"
        " 'review', 'problems', 'targets', 'plan' or 'closing'",
        "'plans'",
    ),
    (
        "name: 会\nparts:\n  - review\n  - plan\n  - review\n",
        "bad.yaml:5:5: parts[2]: 'review' is listed twice",
        "once",
    ),
    ("name: 会\nparts: []\n", "bad.yaml:2:8: parts: must not be empty", "at least one"),
    ("name: 会\nissue_number: 0\n", "bad.yaml:2:15: issue_number:", "from 1 up"),
    ("venue: 会议室\n", "bad.yaml:1:1: name: field required", ""),
    ("name: 会\ndetail: short\n", "bad.yaml:2:9: detail: expected one of 'full' or 'brief'", ""),
    ("name: 会\nlanguage: fr\n", "bad.yaml:2:11: language: expected one of 'zh' or 'en'", ""),
    ("name: 会\ntemplate: ./nowhere\n", "bad.yaml:2:11: template: no template folder", ""),
]


@pytest.mark.parametrize(("text", "located", "hint"), BAD)
def test_bad_profiles_give_one_located_line_and_write_nothing(tmp_path, text, located, hint):
    bad = write(tmp_path, "bad.yaml", text)
    out = tmp_path / "out"
    line = one_error_line(
        runner.invoke(app, ["build", str(SEED), "--meeting", str(bad), "-o", str(out)])
    )
    assert located in line, line
    assert hint in line
    assert not out.exists()


def test_a_bad_profile_fails_pptx_and_docx_too(tmp_path):
    bad = write(tmp_path, "bad.yaml", BAD[0][0])
    for command in ("pptx", "docx"):
        out = tmp_path / f"x.{command}"
        result = runner.invoke(app, [command, str(SEED), "--meeting", str(bad), "-o", str(out)])
        assert BAD[0][1] in one_error_line(result)
        assert not out.exists()


# ---- what a profile does to the plans ------------------------------------------------------


BRIEF_KINDS = {"cover", "overview", "key_figures", "targets", "end"}


def test_brief_profile_gives_a_shorter_deck_of_the_chosen_parts_in_order(seed):
    full = deck_for(seed, FULL)
    brief = deck_for(seed, BRIEF)
    assert len(brief.slides) < len(full.slides)
    assert {s.kind for s in brief.slides} <= BRIEF_KINDS
    assert brief.slides[0].kind == "cover" and brief.slides[-1].kind == "end"
    # Every slide of the brief deck is one of the full deck's, in the same order.
    full_slides = iter((s.kind, s.title) for s in full.slides)
    assert all(any(s == f for f in full_slides) for s in ((s.kind, s.title) for s in brief.slides))
    # Closing is not among the chosen parts.
    assert seed.closing.title not in {s.title for s in brief.slides}
    assert "closing" in {s.kind for s in full.slides}


def test_parts_come_in_the_profiles_order(seed, tmp_path):
    profile = write(tmp_path, "m.yaml", "name: 会\ndetail: brief\nparts: [plan, targets, review]\n")
    deck = deck_for(seed, profile)
    overviews = [s.title for s in deck.slides if s.kind == "overview"]
    assert overviews == [seed.plan.title, seed.review.title]
    kinds = [s.kind for s in deck.slides]
    assert kinds.index("targets") < kinds.index("key_figures")
    assert kinds[:2] == ["cover", "overview"]

    brief = plan_brief(seed, load_theme(), load_meeting(profile).options())
    level1 = [b.text for b in brief.headings() if b.level == 1]
    assert level1 == ["谋划2023", "主要目标", "回顾2022"]


def test_language_en_switches_the_labels(seed, tmp_path):
    profile = write(tmp_path, "en.yaml", EN_PROFILE)
    deck = deck_for(seed, profile)
    kinds = {s.kind: s for s in deck.slides}
    assert kinds["agenda"].title == "Contents"
    assert kinds["end"].title == "Thank you"
    assert all("数读" not in s.title for s in deck.slides)

    zh = deck_for(seed, FULL)
    assert {s.kind: s for s in zh.slides}["agenda"].title == "目录"

    # A point too long for one slide continues: "(cont.)", not "（续）".
    data = seed.model_dump(mode="json", exclude_none=True)
    for point in data["review"]["highlights"][0]["points"]:
        point["text"] = point["text"] * 3
    long = Content.model_validate(data)
    titles = [s.title for s in deck_for(long, profile).slides]
    assert any(t.endswith(" (cont.)") for t in titles), titles
    assert not any("续" in t for t in titles)

    brief = plan_brief(seed, load_theme(), load_meeting(profile).options())
    assert brief.labels == "en"
    masthead = next(b for b in brief.blocks if isinstance(b, Masthead))
    assert masthead.issue == "No. 3"
    assert any(isinstance(b, Contents) for b in brief.blocks)


def test_marking_is_on_every_slide_and_in_the_briefing(seed):
    deck = deck_for(seed, FULL)
    for slide in deck.slides:  # the cover too, though it carries no footer band
        marks = [e for e in slide.elements if isinstance(e, TextBox) and e.name == "Marking"]
        assert len(marks) == 1, slide.title
        assert texts_of(slide).count("内部资料 注意保存") == 1
        assert any("区政府常务会议" in t for t in texts_of(slide)), slide.title
    assert deck.marking == "内部资料 注意保存"
    brief = plan_brief(seed, load_theme(), load_meeting(FULL).options())
    assert brief.marking == "内部资料 注意保存"
    assert any(isinstance(b, Contents) for b in brief.blocks)

    none = deck_for(seed, BRIEF)
    assert not any(e.name == "Marking" for s in none.slides for e in s.elements)
    assert plan_brief(seed, load_theme(), load_meeting(BRIEF).options()).marking is None


# ---- templates -----------------------------------------------------------------------------


def test_template_precedence_option_then_profile_then_default(tmp_path):
    brand = tmp_path / "profiles" / "brand"
    shutil.copytree(ROOT / "templates" / "minimal", brand)
    named = write(tmp_path / "profiles", "named.yaml", "name: 会\ntemplate: ink-blue\n")
    folder = write(tmp_path / "profiles", "folder.yaml", "name: 会\ntemplate: brand\n")
    relative = write(tmp_path / "profiles", "rel.yaml", "name: 会\ntemplate: ./brand\n")
    plain = write(tmp_path / "profiles", "plain.yaml", "name: 会\n")

    assert api.for_meeting(named)[1] == "ink-blue"
    assert api.for_meeting(named, "gov-red")[1] == "gov-red"
    assert api.for_meeting(folder)[1] == brand
    assert api.for_meeting(relative)[1] == brand
    assert load_theme(api.for_meeting(relative)[1]).colours.primary == "222222"
    assert api.for_meeting(plain)[1] is None
    assert api.for_meeting(None, "minimal") == (BuildOptions(), "minimal")
    assert meeting_template(load_meeting(plain), plain) is None


def test_a_profile_naming_an_unknown_template_fails_before_writing(tmp_path):
    profile = write(tmp_path, "m.yaml", "name: 会\ntemplate: no-such-template\n")
    out = tmp_path / "out"
    line = one_error_line(
        runner.invoke(app, ["build", str(SEED), "--meeting", str(profile), "-o", str(out)])
    )
    assert "no-such-template" in line
    assert not out.exists()


# ---- writing files -------------------------------------------------------------------------


def xml_of(path: Path, prefix: str) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith(prefix))


def test_build_meeting_writes_both_files_where_asked(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(SEED), "--meeting", str(FULL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    pptx, docx = out / "liuhe-2023.pptx", out / "liuhe-2023.docx"
    assert pptx.is_file() and docx.is_file()
    assert f"wrote {pptx}" in result.stdout and f"wrote {docx}" in result.stdout
    slides = xml_of(pptx, "ppt/slides/slide")
    assert slides.count("内部资料 注意保存") == len(deck_for(load_content(SEED), FULL).slides)
    assert "内部资料 注意保存" in xml_of(docx, "word/header")


def test_build_defaults_to_output_meeting_stem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    profile = write(tmp_path, "tiny.yaml", "name: 会\ndetail: brief\nparts: [targets]\n")
    result = runner.invoke(app, ["build", str(SEED), "--meeting", str(profile)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "output" / "tiny"
    assert sorted(p.name for p in folder.iterdir()) == ["liuhe-2023.docx", "liuhe-2023.pptx"]

    result = runner.invoke(app, ["pptx", str(SEED), "--meeting", str(profile)])
    assert result.exit_code == 0, result.output
    assert "output/tiny/liuhe-2023.pptx" in result.stdout

    assert api.meeting_folder(None) == Path("output")
    assert api.meeting_folder("meetings/a.yaml") == Path("output/a")


def test_build_meetings_builds_every_profile(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["build", str(SEED), "--meetings", str(MEETINGS / "*.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    for stem in ("changwu-full", "delegation-brief"):
        assert (out / stem / "liuhe-2023.pptx").is_file()
        assert (out / stem / "liuhe-2023.docx").is_file()
        assert f"{stem}: wrote " in result.stdout
    assert "2/2" not in result.stderr  # no progress bar drawn into a pipe (test_cli_habits)
    full = (out / "changwu-full" / "liuhe-2023.pptx").stat().st_size
    assert (out / "delegation-brief" / "liuhe-2023.pptx").stat().st_size < full


def test_build_meetings_reports_a_failure_after_building_the_others(tmp_path):
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    write(profiles, "a-good.yaml", "name: 会\ndetail: brief\nparts: [targets]\n")
    write(profiles, "b-bad.yaml", "name: 会\nparts: [targets, targets]\n")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["build", str(SEED), "--meetings", str(profiles / "*.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert (out / "a-good" / "liuhe-2023.pptx").is_file()
    assert (out / "a-good" / "liuhe-2023.docx").is_file()
    assert not (out / "b-bad").exists()
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "b-bad.yaml:2:18: parts[1]: 'targets' is listed twice" in errors[0]
    assert "a-good: wrote " in result.stdout


def test_build_meetings_needs_a_match_and_excludes_meeting(tmp_path):
    line = one_error_line(
        runner.invoke(app, ["build", str(SEED), "--meetings", str(tmp_path / "*.yaml")])
    )
    assert "no meeting profiles match" in line
    line = one_error_line(
        runner.invoke(
            app, ["build", str(SEED), "--meeting", str(FULL), "--meetings", str(MEETINGS / "*")]
        )
    )
    assert "not both" in line
