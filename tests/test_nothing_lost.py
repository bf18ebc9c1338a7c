"""Nothing lost (issue 13, item 4): an output that is an input is refused; a wrong suffix writes
nothing; ``build`` writes its two files all or none; SIGINT and SIGTERM leave no temporary
file and the old outputs as they were; a 255-byte output name works; errors name the file at
fault (the logo, not the output); usage errors are one line like every other error."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import base_pptx
from test_hostile_templates import TINY, refused, run

from deckgen import api
from deckgen.errors import OutputError
from deckgen.files import write_all

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
CLI = 'import sys; from deckgen.cli import main; sys.argv[0] = "deckgen"; main()'


@pytest.fixture
def content(tmp_path) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative name, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def template_with(tmp_path: Path, **files: Path) -> Path:
    folder = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates" / "gov-red", folder)
    for name, source in files.items():
        shutil.copy(source, folder / name.replace("_", "."))
    return folder


# ---- an output that is an input ---------------------------------------------------------------


def test_the_output_cannot_be_the_master(content, tmp_path):
    master = base_pptx(tmp_path)
    before = master.read_bytes()
    line = refused(run("pptx", content, "-t", master, "-o", master), master)
    assert "is an input" in line and master.read_bytes() == before
    link = tmp_path / "link.pptx"
    link.symlink_to(master)
    refused(run("pptx", content, "-t", master, "-o", link), link)
    assert master.read_bytes() == before and link.is_symlink()


def test_the_output_cannot_be_the_reference_document_or_the_folders_master(content, tmp_path):
    from hostile import base_docx

    folder = template_with(
        tmp_path, reference_docx=base_docx(tmp_path), master_pptx=base_pptx(tmp_path)
    )
    before = snapshot(folder)
    for command, name in (("docx", "reference.docx"), ("pptx", "master.pptx")):
        refused(run(command, content, "-t", folder, "-o", folder / name), folder / name)
    spelled = folder / ".." / folder.name / "master.pptx"  # another spelling of the same path
    refused(run("pptx", content, "-t", folder, "-o", spelled), spelled)
    assert snapshot(folder) == before


def test_the_output_cannot_be_the_content_file(tmp_path):
    content = tmp_path / "c.pptx"  # YAML in a file named like a deck
    content.write_text(TINY, encoding="utf-8")
    result = run("pptx", content, "-o", content)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert content.read_text(encoding="utf-8") == TINY
    build = tmp_path / "out" / "c.pptx"
    build.parent.mkdir()
    os.link(content, build)  # build would write out/c.pptx: the same file as the content
    result = run("build", build, "-o", tmp_path / "out")
    assert result.exit_code == 2 and content.read_text(encoding="utf-8") == TINY


def test_a_device_or_pipe_is_never_replaced(content, tmp_path):
    fifo = tmp_path / "deck.pptx"
    os.mkfifo(fifo)
    line = refused(run("pptx", content, "-o", fifo), fifo)
    assert "not a file" in line and fifo.is_fifo()


def test_a_suffix_mismatch_writes_nothing(content, tmp_path):
    out = tmp_path / "new" / "deck.docx"
    line = refused(run("pptx", content, "-o", out), out)
    assert ".pptx" in line and not out.parent.exists()


# ---- all or none ------------------------------------------------------------------------------


def test_build_whose_briefing_fails_leaves_the_old_pair(content, tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = api.build(content, out_dir=out)
    before = snapshot(out)
    import deckgen.render.docx as render_docx

    def broken(*args):
        Path(args[2]).write_bytes(b"half a briefing")
        raise OutputError("the briefing cannot be written", file=args[2])

    monkeypatch.setattr(render_docx, "write_docx", broken)
    with pytest.raises(OutputError):
        api.build(content, out_dir=out)
    assert snapshot(out) == before and {p.name for p in old} == set(before)


def test_a_failed_first_build_leaves_no_folder_and_no_file(content, tmp_path, monkeypatch):
    import deckgen.render.docx as render_docx

    monkeypatch.setattr(render_docx, "write_docx", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        api.build(content, out_dir=tmp_path / "a" / "b")
    assert not (tmp_path / "a").exists()


def test_a_failed_rename_puts_back_the_files_already_replaced(tmp_path):
    first, second = tmp_path / "x.pptx", tmp_path / "x.docx"
    first.write_bytes(b"old deck")

    def in_the_way(tmp: Path) -> None:  # a folder appears where the briefing goes
        tmp.write_bytes(b"new briefing")
        second.mkdir()
        (second / "keep").write_bytes(b"")

    jobs = [(first, lambda tmp: tmp.write_bytes(b"new deck")), (second, in_the_way)]
    with pytest.raises(OutputError):
        write_all(jobs)
    assert first.read_bytes() == b"old deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx", "x.pptx"]


def test_a_255_byte_output_name_is_written(content, tmp_path):
    name = "速" * 83 + ".pptx"  # 83 × 3 bytes + 5 = 254 bytes
    name = "a" + name
    assert len(name.encode()) == 255
    result = run("pptx", content, "-o", tmp_path / name)
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).stat().st_size > 10_000
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# ---- signals ----------------------------------------------------------------------------------


def _signal_mid_build(content: Path, signum: int, nth_temp: int) -> tuple[int, dict, dict]:
    """Build into a folder holding an old pair; when the build's ``nth_temp`` temporary file
    appears, send ``signum``. (exit code, files before, files after)."""
    out = content.parent / "out"
    api.build(content, out_dir=out)
    before = snapshot(out)
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "build", str(content), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=content.parent,
    )
    seen: set[str] = set()
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        seen |= {p.name for p in out.iterdir() if p.name.startswith(".deckgen-")}
        if len(seen) >= nth_temp:
            process.send_signal(signum)
            break
        time.sleep(0.005)
    code = process.wait(timeout=120)
    assert len(seen) >= nth_temp, "the build ended before the signal was sent"
    assert b"Traceback" not in process.stderr.read()
    return code, before, snapshot(out)


@pytest.mark.parametrize(
    ("signum", "nth_temp"),
    [(signal.SIGTERM, 1), (signal.SIGTERM, 2), (signal.SIGINT, 1), (signal.SIGHUP, 2)],
)
def test_a_signal_mid_build_leaves_the_old_pair_and_no_temporary_file(signum, nth_temp, content):
    code, before, after = _signal_mid_build(content, signum, nth_temp)
    assert code != 0
    assert after == before  # the old deck and briefing, byte for byte; no .deckgen-* file


# ---- errors name the file at fault ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["missing", "not a picture", "a FIFO", "a folder"])
def test_a_bad_logo_is_named_not_the_output(kind, content, tmp_path):
    folder = template_with(tmp_path)
    logo = folder / "logo.png"
    if kind == "not a picture":
        logo.write_text("hello")
    elif kind == "a FIFO":
        os.mkfifo(logo)
    elif kind == "a folder":
        logo.mkdir()
    with (folder / "theme.yaml").open("a", encoding="utf-8") as theme:
        theme.write("\nlogo: logo.png\n")
    out = tmp_path / "deck.pptx"
    start = time.monotonic()
    for command, name in (("pptx", "deck.pptx"), ("build", "out")):
        line = refused(run(command, content, "-t", folder, "-o", tmp_path / name), logo)
        assert "logo" in line
    assert time.monotonic() - start < 20 and not out.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["pptx"],
        ["pptx", "c.yaml", "--bogus"],
        ["frobnicate"],
        ["preview", "x.pptx", "--dpi", "5"],
        ["build", "c.yaml", "--meeting"],
        ["template", "show"],
        ["pptx", "c.yaml", "-o", "x" * 5000 + ".pptx", "--nope", "y" * 5000],
    ],
)
def test_usage_errors_are_one_line(args):
    result = run(*args)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert len(lines[0]) <= 240 and "╭" not in result.output and "Usage:" not in result.output


def test_a_signal_swallowed_where_it_was_raised_still_stops_the_run(tmp_path):
    """Python swallows an exception raised in a weakref callback or ``__del__``: a signal
    that lands there must still keep the new files from being renamed into place."""
    first, second = tmp_path / "x.pptx", tmp_path / "x.docx"
    first.write_bytes(b"old deck")

    def swallowing(tmp: Path) -> None:
        tmp.write_bytes(b"new deck")
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.5)  # the handler runs here and raises
        except SystemExit:
            pass  # as a callback's exception is: said, then dropped

    with pytest.raises(SystemExit):
        write_all([(first, swallowing), (second, lambda tmp: tmp.write_bytes(b"new"))])
    assert first.read_bytes() == b"old deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pptx"]
