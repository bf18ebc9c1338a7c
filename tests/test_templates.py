"""Templates: the built-ins load; `deckgen template list/show/new` work (no LibreOffice)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from typer.testing import CliRunner

from deckgen.cli import app
from deckgen.errors import InputError
from deckgen.template.inspect import contrast, master_summary, slide_kinds
from deckgen.template.master import layout_for
from deckgen.template.scaffold import scaffold
from deckgen.template.theme import TEMPLATES_DIR, builtin_templates, load_theme
from deckgen.text.fonts import fonts_conf

runner = CliRunner()
BUILTIN = ("gov-red", "ink-blue", "minimal")
NOT_YET_MAPPED = {"Calibri"}
"""Font names the built-ins use that fonts.conf does not map yet (Carlito is Calibri's twin)."""


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def one_error_line(result) -> str:
    """The single stderr line of a failed command, checking exit code 2."""
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def make_logo(path: Path) -> Path:
    Image.new("RGB", (40, 20), (11, 95, 165)).save(path)
    return path


def make_master(path: Path) -> Path:
    Presentation().save(path)  # python-pptx's default: 4:3, eleven Office layouts
    return path


# -- the built-in templates -----------------------------------------------------------------------


def test_every_builtin_template_loads_and_has_a_description():
    assert set(BUILTIN) <= set(builtin_templates())
    for name in builtin_templates():
        theme = load_theme(name)
        assert theme.name == name
        assert theme.description.strip()
        assert theme.folder == TEMPLATES_DIR / name


@pytest.mark.parametrize("name", ["ink-blue", "minimal"])
def test_new_builtins_follow_the_colour_rules(name):
    c = load_theme(name).colours
    assert c.accent != c.primary
    assert contrast(c.text, c.background) >= 7
    assert contrast(c.muted, c.background) >= 4.5  # captions are small
    for surface in (c.background, c.light):  # figures are bold, on the slide and on cards
        assert contrast(c.accent, surface) >= 3
    assert contrast("FFFFFF", c.primary) >= 4.5  # white titles on bands and dividers
    assert contrast("FFFFFF", c.dark) >= 7  # white on the cover


def test_builtin_font_names_are_mapped_by_fonts_conf():
    families = {el.text for el in etree.parse(str(fonts_conf())).iter("family")}
    used = set()
    for name in builtin_templates():
        theme = load_theme(name)
        fonts = [getattr(theme.fonts, r) for r in ("heading", "body", "number")]
        fonts += [getattr(theme.briefing.fonts, r) for r in type(theme.briefing.fonts).model_fields]
        used |= {f.latin for f in fonts} | {f.east_asian for f in fonts}
    assert used - families <= NOT_YET_MAPPED


def test_builtin_comments_describe_the_template():
    for name in BUILTIN:
        text = (TEMPLATES_DIR / name / "theme.yaml").read_text(encoding="utf-8")
        assert text.startswith("# deckgen template:")
        assert re.search(r'primary: "#[0-9A-F]{6}" +# ', text)


# -- template list / show -------------------------------------------------------------------------


def test_template_list_prints_every_builtin_with_its_description():
    result = run("template", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(builtin_templates())
    for name in BUILTIN:
        (line,) = [line for line in lines if line.split()[0] == name]
        assert load_theme(name).description in line


def test_template_show_prints_swatches_roles_and_hex_values():
    result = run("template", "show", "gov-red")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for role in ("primary", "accent", "dark", "light", "text", "muted", "background", "chart"):
        assert re.search(rf"██\s+{role}\s+#[0-9A-F]{{6}}", out) or role == "chart", role
    for hex_value in ("#B0191E", "#C8102E", "#7A0F12", "#FBF5EC", "#D4A24C", "#FF0000"):
        assert hex_value in out
    for font in ("Microsoft YaHei", "黑体", "方正小标宋简体", "仿宋_GB2312", "楷体_GB2312"):
        assert font in out
    for role in ("heading", "body", "number", "title", "level1", "level2", "page_number"):
        assert re.search(rf"^{role}\s", out, re.M), role
    assert "政府工作报告速读" in out
    assert "figures bold" in out and "masthead rule" in out
    assert re.search(r"logo\s+none", out)
    assert "Master" in out and "none" in out


def test_template_show_lists_a_masters_layouts_and_how_deckgen_maps_them(tmp_path):
    folder = tmp_path / "corp"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        (TEMPLATES_DIR / "gov-red" / "theme.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    make_master(folder / "master.pptx")
    result = run("template", "show", folder)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "10 × 7.5 in (4:3)" in out
    for layout in ("Title Slide", "Title and Content", "Section Header", "Title Only", "Blank"):
        assert layout in out
    assert re.search(r"Title Slide\s+title, subtitle\s+← cover", out)
    assert re.search(r"^cover\s+→ Title Slide", out, re.M)
    assert re.search(r"^divider\s+→ Section Header", out, re.M)
    assert re.search(r"^key_figures\s+→ Title Only", out, re.M)
    for kind in slide_kinds():
        assert re.search(rf"^{kind}\s+→ ", out, re.M), kind


def test_master_summary_agrees_with_the_renderers_layout_for(tmp_path):
    path = make_master(tmp_path / "m.pptx")
    info = master_summary(path)
    prs = Presentation(str(path))
    assert {u.kind: u.layout for u in info.uses} == {
        kind: layout_for(prs, kind).name for kind in slide_kinds()
    }
    assert [layout.name for layout in info.layouts] == [lay.name for lay in prs.slide_layouts]
    assert (info.width, info.height, info.aspect) == (10, 7.5, "4:3")


def test_template_show_of_an_unknown_template_is_one_line():
    line = one_error_line(run("template", "show", "no-such-template"))
    assert "no-such-template" in line and "gov-red" in line


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (("  light:", "  lihgt:"), ":10:3: colours.lihgt:", "unknown key 'lihgt'"),
        (('"#B0191E"', '"crimson"'), ":7:12: colours.primary:", "expected a colour"),
        (("red_rules: true", "red_rules: maybe"), ":23:14: briefing.red_rules:", "bool"),
    ],
)
def test_template_show_reports_a_bad_theme_on_one_located_line(tmp_path, edit, where, message):
    folder = tmp_path / "bad"
    folder.mkdir()
    text = (TEMPLATES_DIR / "gov-red" / "theme.yaml").read_text(encoding="utf-8")
    assert edit[0] in text
    (folder / "theme.yaml").write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    line = one_error_line(run("template", "show", folder))
    assert f"{folder / 'theme.yaml'}{where}" in line
    assert message in line


# -- template new ---------------------------------------------------------------------------------


def test_template_new_scaffolds_a_working_template(tmp_path):
    logo = make_logo(tmp_path / "brand.PNG")
    master = make_master(tmp_path / "corp.pptx")
    parent = tmp_path / "mine"
    result = run(
        "template", "new", "acme", "--from", "gov-red", "--primary", "#0B5FA5",
        "--accent", "00897b", "--logo", logo, "--master", master, "--dir", parent,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    folder = parent / "acme"
    assert sorted(p.name for p in folder.iterdir()) == ["logo.png", "master.pptx", "theme.yaml"]
    theme = load_theme(folder)
    assert theme.name == "acme"
    assert "gov-red" in theme.description
    assert theme.colours.primary == "0B5FA5"
    assert theme.colours.accent == "00897B"
    assert theme.colours.chart[0] == "0B5FA5"  # gov-red led its chart with its primary
    assert theme.colours.dark == load_theme("gov-red").colours.dark  # the rest is kept
    assert theme.briefing.masthead_colour == "FF0000"  # the GB/T 9704 red is not the primary
    assert theme.logo == Path("logo.png") and theme.logo_path.read_bytes() == logo.read_bytes()
    assert theme.master_path == folder / "master.pptx"
    copied, given = Presentation(str(folder / "master.pptx")), Presentation(str(master))
    assert [x.name for x in copied.slide_layouts] == [x.name for x in given.slide_layouts]
    assert copied.slide_width == given.slide_width  # the master, copied cleaned (sanitise)
    assert [p.name for p in parent.iterdir()] == ["acme"]  # no temporary folder left behind

    text = (folder / "theme.yaml").read_text(encoding="utf-8")
    assert "# deckgen template: government red and gold on white." in text  # comments survive
    assert "# Fonts are named by their Windows names" in text
    assert re.search(r'primary: "#0B5FA5" +# was #B0191E in gov-red \(deep red', text)
    assert re.search(r'dark: "#7A0F12" +# cover and divider backgrounds', text)
    assert "heading: {latin: Microsoft YaHei, east_asian: 黑体, bold: true}" in text
    assert text.index("logo: logo.png") < text.index("briefing:")

    shown = run("template", "show", folder)
    assert shown.exit_code == 0, shown.output
    assert "#0B5FA5" in shown.stdout and "logo.png (40 × 20 px)" in shown.stdout
    assert re.search(r"^cover\s+→ Title Slide", shown.stdout, re.M)


def test_template_new_with_nothing_changed_keeps_the_source_file(tmp_path):
    folder = scaffold("copy", "ink-blue", parent=tmp_path, description="墨蓝 copy")
    source = (TEMPLATES_DIR / "ink-blue" / "theme.yaml").read_text(encoding="utf-8").splitlines()
    made = (folder / "theme.yaml").read_text(encoding="utf-8").splitlines()
    assert made[0].startswith("# copy: made from the ink-blue template")
    changed = [(a, b) for a, b in zip(source, made[1:], strict=True) if a != b]
    assert changed == [
        ("name: ink-blue", "name: copy"),
        (source[4], "description: 墨蓝 copy"),
    ]


def test_template_new_follows_a_primary_used_for_the_masthead(tmp_path):
    folder = scaffold("navy", "ink-blue", parent=tmp_path, primary="#123456")
    theme = load_theme(folder)
    assert theme.colours.primary == theme.briefing.masthead_colour == "123456"
    assert theme.colours.chart[0] == "123456"
    assert theme.colours.text == load_theme("ink-blue").colours.text


def test_template_new_carries_the_sources_logo_and_master(tmp_path):
    first = scaffold(
        "one",
        parent=tmp_path,
        logo=make_logo(tmp_path / "l.jpg"),
        master=make_master(tmp_path / "m.pptx"),
    )
    second = load_theme(scaffold("two", first, parent=tmp_path))
    assert second.logo == Path("logo.jpg") and second.logo_path.is_file()
    assert second.master_path == tmp_path / "two" / "master.pptx"


def test_template_new_defaults_to_a_templates_folder_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("template", "new", "here")
    assert result.exit_code == 0, result.output
    assert load_theme(tmp_path / "templates" / "here").name == "here"
    assert "templates/here" in result.stdout


def test_template_new_refuses_to_overwrite(tmp_path):
    folder = scaffold("taken", parent=tmp_path)
    before = (folder / "theme.yaml").read_bytes()
    line = one_error_line(
        run("template", "new", "taken", "--dir", tmp_path, "--primary", "#000000")
    )
    assert "already exists" in line and str(folder) in line
    line = one_error_line(run("template", "new", "taken", "--dir", tmp_path))
    assert "already exists" in line
    assert (folder / "theme.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--primary", "red"], "--primary: expected a colour like '#0B5FA5', got 'red'"),
        (["--accent", "#12345"], "--accent: expected a colour"),
        (["--from", "nowhere"], "no template folder or built-in template named 'nowhere'"),
        (["--from", "corp.pptx"], "--from: corp.pptx is a PowerPoint file"),
        (["--logo", "missing.png"], "--logo: no such file"),
        (["--logo", "{bad.png}"], "--logo: not a picture"),
        (["--logo", "{notes.txt}"], "--logo: must be a PNG, JPEG"),
        (["--master", "{notes.txt}"], "--master: must be a .pptx"),
        (["--master", "{bad.pptx}"], "not a PowerPoint file"),
    ],
)
def test_template_new_bad_options_exit_2_on_one_line_and_make_nothing(tmp_path, args, expected):
    for name in ("bad.png", "notes.txt", "bad.pptx"):
        (tmp_path / name).write_bytes(b"not really")
    args = [str(tmp_path / a[1:-1]) if a.startswith("{") else a for a in args]
    parent = tmp_path / "out"
    line = one_error_line(run("template", "new", "x", "--dir", parent, *args))
    assert expected in line
    assert not parent.exists() or not any(parent.iterdir())


@pytest.mark.parametrize("name", ["a/b", "../up", ".hidden", ""])
def test_template_new_wants_a_plain_name(tmp_path, name):
    with pytest.raises(InputError, match="plain folder name"):
        scaffold(name, parent=tmp_path)
    assert not any(tmp_path.iterdir())


def test_template_show_prints_names_as_written_not_as_rich_markup(tmp_path):
    folder = scaffold("brand", parent=tmp_path, description="[bold]ACME[/bold] [red_rules] brand")
    result = run("template", "show", folder)
    assert result.exit_code == 0, result.output
    assert "[bold]ACME[/bold] [red_rules] brand" in result.stdout
    assert "[red_rules: true]" in result.stdout
