"""Every part of what deckgen writes validates against the ISO/IEC 29500 transitional
schemas (``shared/ooxml/validate.py`` beside the repository, as CI lays it out): Office
offers to "repair" a file that does not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deckgen import api

ROOT = Path(__file__).resolve().parents[1]
VALIDATE = ROOT.parent / "shared" / "ooxml" / "validate.py"
KNOWN = ("wps:wsp",)
"""Violations known and left for issue 11: the briefing's 版记 is a Word 2010 text box
(wps:wsp) with no markup-compatibility fallback."""

pytestmark = pytest.mark.skipif(not VALIDATE.is_file(), reason=f"{VALIDATE} not found")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("valid")
    files = []
    for content, template in (
        ("content/liuhe-2023.yaml", None),
        ("content/riverside-2024.yaml", "minimal"),
        ("content/liuhe-2023.yaml", "ink-blue"),
    ):
        stem = f"{Path(content).stem}-{template or 'default'}"
        files.append(api.build_pptx(ROOT / content, folder / f"{stem}.pptx", template))
        files.append(api.build_docx(ROOT / content, folder / f"{stem}.docx", template))
    return files


def test_every_part_of_every_output_validates(outputs):
    done = subprocess.run(
        [sys.executable, str(VALIDATE), *map(str, outputs)], capture_output=True, text=True
    )
    lines = done.stdout.splitlines()
    assert lines and lines[-1].startswith(f"ooxml: {len(outputs)} files")
    violations = [line for line in lines[:-1] if not any(k in line for k in KNOWN)]
    assert violations == []
