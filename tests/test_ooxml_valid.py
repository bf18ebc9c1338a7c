"""Every part of what deckgen writes validates against the ISO/IEC 29500 transitional
schemas (``shared/ooxml/validate.py`` beside the repository, as CI lays it out): Office
offers to "repair" a file that does not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deckgen import api
from deckgen.preview import convert, find_soffice
from deckgen.template.theme import DEFAULT_TEMPLATE, builtin_templates

ROOT = Path(__file__).resolve().parents[1]
VALIDATE = ROOT.parent / "shared" / "ooxml" / "validate.py"

pytestmark = pytest.mark.skipif(not VALIDATE.is_file(), reason=f"{VALIDATE} not found")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("valid")
    files = []
    samples = [
        ("content/liuhe-2023.yaml", None),
        ("content/riverside-2024.yaml", "minimal"),
        ("content/liuhe-2023.yaml", "ink-blue"),
    ]
    named = {template for _, template in samples} | {DEFAULT_TEMPLATE}
    samples += [("content/liuhe-2023.yaml", t) for t in builtin_templates() if t not in named]
    for content, template in samples:
        stem = f"{Path(content).stem}-{template or 'default'}"
        files.append(api.build_pptx(ROOT / content, folder / f"{stem}.pptx", template))
        files.append(api.build_docx(ROOT / content, folder / f"{stem}.docx", template))
    return files


def violations(files: list[Path]) -> list[str]:
    """The validator's violations in ``files``."""
    done = subprocess.run(
        [sys.executable, str(VALIDATE), *map(str, files)], capture_output=True, text=True
    )
    lines = done.stdout.splitlines()
    assert lines and lines[-1].startswith(f"ooxml: {len(files)} files")
    return lines[:-1]


def test_every_part_of_every_output_validates(outputs):
    assert violations(outputs) == []


def _foreign_references(folder: Path) -> list[Path]:
    """Reference documents made by others: python-docx's default, LibreOffice's (no default
    paragraph style), pandoc's (elements out of schema order, an external link)."""
    import docx
    from hostile import base_docx

    made = [base_docx(folder)]
    if shutil.which("pandoc"):
        made.append(folder / "pandoc.docx")
        subprocess.run(
            ["pandoc", "-o", str(made[-1]), "--print-default-data-file", "reference.docx"],
            check=True,
        )
    if find_soffice() is not None:
        doc = docx.Document()
        doc.add_paragraph("LibreOffice")
        doc.save(str(folder / "lo-source.docx"))
        made.append(convert(folder / "lo-source.docx", folder / "lo", "docx"))
    return made


def test_foreign_and_hostile_templates_give_valid_files(tmp_path):
    """The seed's deck on pandoc's master and on a master carrying every hostile part the
    sanitiser drops; briefings on foreign references and on a hostile one: all validate."""
    from hostile import base_pptx, repack
    from test_hostile_templates import CLEAN_MASTERS, REFERENCES, _reference_folder

    seed = ROOT / "content/liuhe-2023.yaml"
    hostile = base_pptx(tmp_path)
    kept = [c for c in sorted(CLEAN_MASTERS) if "potx" not in c and "no colour" not in c]
    for i, case in enumerate(kept):  # (a theme colour "ZZZZZZ" is the master's own fault)
        hostile = repack(hostile, tmp_path / f"hostile{i}.pptx", CLEAN_MASTERS[case])
    masters = [hostile]
    if shutil.which("pandoc"):
        masters.append(tmp_path / "pandoc.pptx")
        subprocess.run(
            ["pandoc", "-o", str(masters[-1]), "--print-default-data-file", "reference.pptx"],
            check=True,
        )
    files = [api.build_pptx(seed, m.with_name(m.stem + "-deck.pptx"), m) for m in masters]
    references = _foreign_references(tmp_path)
    bad = references[0]
    for i, case in enumerate(sorted(REFERENCES)):
        bad = repack(bad, tmp_path / f"bad{i}.docx", REFERENCES[case])
    for i, reference in enumerate([*references, bad]):
        folder = _reference_folder(tmp_path / f"ref{i}", reference)
        files.append(api.build_docx(seed, tmp_path / f"ref{i}.docx", folder))
    assert violations(files) == []
