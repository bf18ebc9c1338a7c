"""Shared pytest fixtures for deckgen's tests. Add new helpers below, each small and commented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from deckgen.preview import NO_SOFFICE, find_soffice, to_pdf


@pytest.fixture(scope="session")
def render(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Function .pptx/.docx path -> PDF path; each file version is converted once a session."""
    if find_soffice() is None:
        pytest.skip(NO_SOFFICE)
    base = tmp_path_factory.mktemp("render")
    cache: dict[tuple[Path, int, int], Path] = {}

    def _render(path: Path) -> Path:
        path = Path(path).resolve()
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        if key not in cache:
            # One directory per entry: same-named files from different folders must not collide.
            cache[key] = to_pdf(path, base / str(len(cache)))
        return cache[key]

    return _render


SPLIT_SHARE = 0.05
"""The share of figures a LibreOffice render may split across lines. deckgen never changes
the author's text to keep a figure whole (no joiners, no breaks it did not write): it
chooses sizes and widths whose lines end outside figures, and a renderer's own line
breaking can still differ from what was foreseen. ``deckgen check`` warns of each one."""


def assert_few_split(pdf: Path, figures: list[str]) -> None:
    """At most ``SPLIT_SHARE`` of the distinct ``figures`` (at least one) split in ``pdf``."""
    from deckgen.check import figures_split

    found = figures_split(pdf, figures)
    allowed = max(1, int(len(set(figures)) * SPLIT_SHARE))
    assert len(found) <= allowed, found


def write(tmp_path: Path, text: str | bytes, name: str = "c.yaml") -> Path:
    """A content file ``name`` in ``tmp_path`` holding ``text``."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_line(path: Path) -> str:
    """Run ``deckgen validate`` and return its single stderr line, checking exit code 2."""
    from typer.testing import CliRunner

    from deckgen.cli import app

    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    assert lines[0].startswith(f"error: {path}")
    return lines[0]
