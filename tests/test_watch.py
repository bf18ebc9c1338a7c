"""`deckgen watch`: a change to the content, the template or the meeting profile rebuilds both
files; a broken input prints its error and keeps the last good files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pptx import Presentation
from typer.testing import CliRunner

from deckgen.cli import app
from deckgen.watch import Watcher, run

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "content" / "riverside-2024.yaml"


def _touch(path: Path, text: str) -> None:
    """Write ``text`` and move the modification time on, as an editor's save would."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _shown(deck: Path) -> str:
    """Every text on every slide of a deck."""
    return "\n".join(
        shape.text_frame.text
        for slide in Presentation(str(deck)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )


def _setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    content = tmp_path / "report.yaml"
    shutil.copy(ENGLISH, content)
    template = tmp_path / "brand"
    shutil.copytree(ROOT / "templates" / "minimal", template)
    meeting = tmp_path / "board.yaml"
    meeting.write_text(f"name: Board\ntemplate: {template}\n", encoding="utf-8")
    return content, template, meeting


def test_a_change_rebuilds_and_a_fault_keeps_the_last_good_files(tmp_path):
    content, template, meeting = _setup(tmp_path)
    out = tmp_path / "out"
    watcher = Watcher(content, meeting, out)
    deck, brief = out / "report.pptx", out / "report.docx"
    assert watcher.build_line() == f"wrote {deck}, {brief}" and watcher.error is None
    assert {content, meeting, template / "theme.yaml"} <= set(watcher.inputs())
    assert watcher.poll() is None  # nothing changed: nothing built

    text = content.read_text(encoding="utf-8")
    _touch(content, text.replace("at a Glance", "in Brief", 1))
    line = watcher.poll()
    assert line is not None and f"changed: {content}" in line
    assert line.endswith(f"wrote {deck}, {brief}")
    assert "Riverside City Annual Report 2024 in Brief" in _shown(deck)

    good = deck.read_bytes(), brief.read_bytes()
    _touch(content, text.replace("  language: en", "  language: fr", 1))
    line = watcher.poll()
    assert f"error: {content}:" in line and "meta.language" in line
    assert line.endswith("(the last good files are kept)") and watcher.error
    assert (deck.read_bytes(), brief.read_bytes()) == good
    assert sorted(p.name for p in out.iterdir()) == ["report.docx", "report.pptx"]

    _touch(content, text)
    assert watcher.poll().endswith(f"wrote {deck}, {brief}") and watcher.error is None


def test_a_template_or_profile_change_rebuilds(tmp_path):
    content, template, meeting = _setup(tmp_path)
    out = tmp_path / "out"
    watcher = Watcher(content, meeting, out)
    theme = template / "theme.yaml"
    _touch(theme, theme.read_text(encoding="utf-8").replace("name: minimal", "name: brand"))
    assert f"changed: {theme}" in watcher.poll()
    _touch(meeting, meeting.read_text(encoding="utf-8").replace("Board", "Trustees"))
    line = watcher.poll()
    assert f"changed: {meeting}" in line and line.endswith(".docx")
    assert "Trustees" in _shown(out / "report.pptx")


def test_run_looks_a_bounded_number_of_times(tmp_path):
    content, _, _ = _setup(tmp_path)
    watcher = Watcher(content, None, tmp_path / "out", "minimal")
    said: list[tuple[str, bool]] = []
    text = content.read_text(encoding="utf-8")
    edits = iter([text.replace("2024 at", "2025 at", 1), None, None])

    def sleep(seconds: float) -> None:
        edit = next(edits)
        if edit is not None:
            _touch(content, edit)

    run(watcher, lambda line, error: said.append((line, error)), 0.5, rounds=3, sleep=sleep)
    assert len(said) == 1 and not said[0][1] and "changed: " in said[0][0]


def test_the_command_builds_watches_and_stops(tmp_path, monkeypatch):
    import deckgen.watch

    content, _, meeting = _setup(tmp_path)
    calls = []

    def stop(watcher, echo, interval, rounds=None, sleep=None):
        calls.append(interval)
        raise KeyboardInterrupt

    monkeypatch.setattr(deckgen.watch, "run", stop)
    args = ["watch", str(content), "-m", str(meeting), "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(app, [*args, "--interval", "0.2"])
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0] == f"wrote {tmp_path / 'out' / 'report.pptx'}, {tmp_path / 'out' / 'report.docx'}"
    assert out[1].startswith(f"watching {content}, {meeting}, ") and out[-1] == "stopped"
    assert calls == [0.2]
