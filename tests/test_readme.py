"""README's examples stay true: its content and meeting YAML load as they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deckgen.load import load_content
from deckgen.meeting import load_meeting

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", README, re.S)


def test_readme_has_yaml_examples():
    assert any(b.lstrip().startswith(("meta:", "# yaml-language-server")) for b in BLOCKS)
    assert any(b.lstrip().startswith("name:") for b in BLOCKS)


@pytest.mark.parametrize("block", BLOCKS)
def test_each_yaml_example_loads(block, tmp_path):
    path = tmp_path / "example.yaml"
    path.write_text(block, encoding="utf-8")
    if block.lstrip().startswith("name:"):
        assert load_meeting(path).name
    else:
        assert load_content(path).meta.title
