"""The habits people expect of a command-line tool: -h, completion, -q/-v, --strict,
--version, one-value options given once, output formats from the output's name, `deckgen new`,
built-in meeting profiles by name, progress only on a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation
from typer.testing import CliRunner

from deckgen import __version__, api
from deckgen.cli import app
from deckgen.preview import NO_SOFFICE, find_soffice

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason=NO_SOFFICE)
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
SMALL = ROOT / "content" / "riverside-2024.yaml"  # quicker to build than the seed


def run(*args: str, cwd: Path | None = None):
    """``deckgen ARGS`` in-process, from ``cwd``."""
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args))
    finally:
        os.chdir(old)


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# --- help, version, completion -------------------------------------------------------------------


@pytest.mark.parametrize("args", [["-h"], ["pptx", "-h"], ["meeting", "list", "-h"]])
def test_h_is_help_everywhere(args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "Usage: deckgen" in result.output and "--help" in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.strip() == f"deckgen {__version__}"


def test_show_completion_prints_the_script_of_the_shell_named():
    bash = run("--show-completion", "bash")
    assert bash.exit_code == 0
    assert "complete -o default -F _deckgen_completion deckgen" in bash.stdout
    assert "_DECKGEN_COMPLETE=complete_bash" in bash.stdout
    assert run("--show-completion", "zsh").stdout.startswith("#compdef deckgen")
    unknown = run("--show-completion", "tcsh")
    assert unknown.exit_code == 2 and lines(unknown.output) == [
        "error: no completion for the shell 'tcsh': bash, zsh, fish, powershell, pwsh"
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("deckgen bu", ["build"]),
        ("deckgen meeting ", ["list", "new"]),
        ("deckgen pptx x --te", ["--template"]),
    ],
)
def test_completion_completes(words, expected):
    env = {
        **os.environ,
        "_DECKGEN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    result = subprocess.run(
        [sys.executable, "-m", "deckgen.cli"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


# --- one value options given twice ---------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["build", "SEED", "-m", "changwu-full", "-m", "delegation-brief"],
        ["build", "SEED", "--meeting=changwu-full", "-mdelegation-brief"],
        ["pptx", "SEED", "-t", "gov-red", "--template", "ink-blue"],
        ["docx", "SEED", "-o", "a.docx", "-o", "b.docx"],
    ],
)
def test_an_option_given_twice_is_refused_on_one_line(args, tmp_path):
    args = [str(SEED) if a == "SEED" else a for a in args]
    result = run(*args, cwd=tmp_path)
    assert result.exit_code == 2
    (line,) = lines(result.output)
    assert line.startswith("error: ") and "given more than once: give it once" in line
    assert not any(tmp_path.rglob("*.*x"))  # nothing written


def test_a_value_that_looks_like_an_option_name_is_not_counted(tmp_path):
    out = tmp_path / "-m.pptx"  # an odd name, given once, after -o
    result = run("pptx", str(SEED), "-o", str(out), "-m", "delegation-brief")
    assert result.exit_code == 0, result.output
    assert out.is_file()


# --- formats from the output's name --------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "name"), [("pptx", "wrong.docx"), ("docx", "wrong.pptx"), ("pptx", "deck")]
)
def test_an_output_name_that_does_not_fit_is_refused(command, name, tmp_path):
    out = tmp_path / name
    result = run(command, str(SEED), "-o", str(out))
    assert result.exit_code == 2
    (line,) = lines(result.output)
    assert line.startswith(f"error: {out}: ") and "or .pdf: name the output" in line
    assert list(tmp_path.iterdir()) == []


def test_no_libreoffice_is_one_line_saying_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("DECKGEN_SOFFICE", str(tmp_path / "no-soffice"))
    result = run("pptx", str(SEED), "-o", str(tmp_path / "deck.pdf"))
    assert result.exit_code == 2
    (line,) = lines(result.output)
    assert "LibreOffice is needed to write a PDF" in line and "DECKGEN_SOFFICE" in line
    assert list(tmp_path.iterdir()) == []
    result = run("build", str(SEED), "--pdf", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and not (tmp_path / "out").exists()


def test_deckgen_soffice_names_the_program_or_its_folder(tmp_path, monkeypatch):
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("DECKGEN_SOFFICE", str(program))
    assert find_soffice() == str(program)
    monkeypatch.setenv("DECKGEN_SOFFICE", str(tmp_path))
    assert find_soffice() == str(program)


def _pdf_pages(path: Path) -> list[str]:
    from deckgen.check import text_per_slide

    assert path.read_bytes().startswith(b"%PDF-")
    return text_per_slide(path)


@needs_soffice
def test_pdf_from_the_output_name(tmp_path):
    deck = run("pptx", str(SMALL), "-o", str(tmp_path / "deck.pdf"))
    brief = run("docx", str(SMALL), "-o", str(tmp_path / "brief.pdf"))
    assert deck.exit_code == 0 and brief.exit_code == 0, deck.output + brief.output
    slides = _pdf_pages(tmp_path / "deck.pdf")
    pages = _pdf_pages(tmp_path / "brief.pdf")
    built = tmp_path / "small.pptx"
    api.build_pptx(SMALL, built)
    assert len(slides) == len(Presentation(str(built)).slides)
    assert "Five things we delivered" in "".join(slides)
    assert "Riverside City Annual Report 2024 at a Glance" in " ".join(pages[0].split())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "deck.pdf", "small.pptx"]


@needs_soffice
def test_build_pdf_adds_the_pdfs_of_both(tmp_path):
    result = run("build", str(SEED), "-m", "delegation-brief", "--pdf", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "liuhe-2023-briefing.pdf",
        "liuhe-2023-deck.pdf",
        "liuhe-2023.docx",
        "liuhe-2023.pptx",
    ]
    slides = _pdf_pages(tmp_path / "liuhe-2023-deck.pdf")
    assert len(slides) == len(Presentation(str(tmp_path / "liuhe-2023.pptx")).slides)
    assert "来访代表团交流座谈" in "".join(slides)  # the meeting's name, in the footers


# --- quiet, verbose, strict ----------------------------------------------------------------------


def test_quiet_prints_nothing_and_verbose_says_more(tmp_path):
    quiet = run("-q", "pptx", str(SMALL), "-o", str(tmp_path / "a.pptx"))
    assert quiet.exit_code == 0 and quiet.output == ""
    after = run("pptx", str(SMALL), "-o", str(tmp_path / "b.pptx"), "--quiet")
    assert after.exit_code == 0 and after.output == ""
    plain = run("pptx", str(SMALL), "-o", str(tmp_path / "c.pptx"))
    assert lines(plain.output) == [f"wrote {tmp_path / 'c.pptx'}"]
    verbose = run("pptx", str(SMALL), "-o", str(tmp_path / "d.pptx"), "-v")
    assert "template: gov-red" in verbose.stderr and "took " in verbose.stderr
    assert f"wrote {tmp_path / 'd.pptx'}" in verbose.stdout


def _warned_content(tmp_path: Path) -> Path:
    """The English sample without its targets: its briefing warns that the part the
    default order lists is missing."""
    text = (ROOT / "content" / "riverside-2024.yaml").read_text(encoding="utf-8")
    text = text[: text.index("\ntargets:")] + text[text.index("\nplan:") :]
    path = tmp_path / "warned.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_strict_makes_a_warning_exit_1(tmp_path):
    content = _warned_content(tmp_path)
    plain = run("docx", str(content), "-o", str(tmp_path / "a.docx"))
    assert plain.exit_code == 0 and "warning: " in plain.stderr, plain.output
    strict = run("docx", str(content), "-o", str(tmp_path / "b.docx"), "--strict")
    assert strict.exit_code == 1
    assert "warning: " in strict.stderr and "--strict" in lines(strict.stderr)[-1]
    assert run("--strict", "pptx", str(SMALL), "-o", str(tmp_path / "c.pptx")).exit_code == 0


# --- deckgen new ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_new_writes_a_commented_starter_that_validates_and_builds(lang, tmp_path):
    path = tmp_path / "report.yaml"
    result = run("new", "report.yaml", "--lang", lang, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    from deckgen.builtin import schema

    assert text.splitlines()[0] == f"# yaml-language-server: $schema={schema().as_uri()}"
    assert json.loads(schema().read_text(encoding="utf-8")) == api.content_schema()
    assert "deckgen validate report.yaml" in text
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 10
    content = api.load(path)
    assert content.meta.lang == lang
    written = run("build", "report.yaml", "--strict", cwd=tmp_path)
    assert written.exit_code == 0, written.output
    deck = Presentation(str(tmp_path / "output" / "report.pptx"))
    shown = " ".join(
        sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame
    )
    assert content.review.highlights[0].title in shown
    brief = Document(str(tmp_path / "output" / "report.docx"))
    assert content.closing.points[0].text in "\n".join(p.text for p in brief.paragraphs)


def test_new_never_overwrites_and_refuses_a_bad_name(tmp_path):
    path = tmp_path / "report.yaml"
    path.write_text("mine", encoding="utf-8")
    result = run("new", str(path))
    assert result.exit_code == 2 and "already exists" in result.output
    assert path.read_text(encoding="utf-8") == "mine"
    assert run("new", str(tmp_path / "report.docx")).exit_code == 2
    assert run("new", str(tmp_path / "x.yaml"), "--lang", "fr").exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.yaml"]


def test_new_from_a_sample(tmp_path):
    path = tmp_path / "mine.yaml"
    result = run("new", str(path), "--from", "riverside-2024")
    assert result.exit_code == 0, result.output
    assert api.load(path) == api.load(ROOT / "content" / "riverside-2024.yaml")
    bad = run("new", str(tmp_path / "x.yaml"), "--from", "nowhere")
    assert bad.exit_code == 2 and "liuhe-2023" in bad.output


# --- built-in meeting profiles -------------------------------------------------------------------


def test_meeting_list_and_a_builtin_meeting_by_name(tmp_path):
    listed = run("meeting", "list")
    assert listed.exit_code == 0
    assert lines(listed.output) == [
        "changwu-full  区政府常务会议",
        "delegation-brief  来访代表团交流座谈",
    ]
    result = run("pptx", str(SEED), "-m", "delegation-brief", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "delegation-brief" / "liuhe-2023.pptx").is_file()
    missing = run("pptx", str(SEED), "-m", "nobody", cwd=tmp_path)
    assert missing.exit_code == 2
    assert "changwu-full, delegation-brief" in missing.output


# --- progress ------------------------------------------------------------------------------------


def test_batch_progress_on_a_terminal_only(tmp_path, monkeypatch):
    import deckgen.cli_build

    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            f"name: 会议{name}\ndetail: brief\nparts: [targets]\n", encoding="utf-8"
        )
    monkeypatch.setattr(deckgen.cli_build, "_terminal", lambda: True)
    args = ["build", str(SEED), "--meetings", str(tmp_path / "*.yaml"), "-o", str(tmp_path)]
    shown = run(*args)
    assert shown.exit_code == 0, shown.output
    assert "building meetings" in shown.stderr and "2/2" in shown.stderr
    assert lines(shown.stdout) == [
        f"a: wrote {tmp_path / 'a' / 'liuhe-2023.pptx'}, {tmp_path / 'a' / 'liuhe-2023.docx'}",
        f"b: wrote {tmp_path / 'b' / 'liuhe-2023.pptx'}, {tmp_path / 'b' / 'liuhe-2023.docx'}",
    ]
    quiet = run("-q", *args)
    assert quiet.exit_code == 0 and quiet.output == ""  # -q: no bar, no "wrote" lines
