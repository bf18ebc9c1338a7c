"""Golden plans: what deckgen draws for the seed and the English sample, as pure data.

The plan (slides, boxes, runs and sizes; briefing blocks) is compared with the snapshot in
``tests/golden/``, so a refactoring shows no change in what is drawn and a change in layout
is a reviewed diff. After a deliberate change, rewrite the snapshots and say why in the
commit::

    DECKGEN_GOLDEN=update .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from deckgen import api
from deckgen.options import BuildOptions

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"

CASES = {
    "liuhe-2023.deck": ("content/liuhe-2023.yaml", ".pptx", None),
    "liuhe-2023.brief": ("content/liuhe-2023.yaml", ".docx", None),
    "liuhe-2023-delegation.deck": (
        "content/liuhe-2023.yaml",
        ".pptx",
        "meetings/delegation-brief.yaml",
    ),
    "liuhe-2023-changwu.brief": ("content/liuhe-2023.yaml", ".docx", "meetings/changwu-full.yaml"),
    "riverside-2024.deck": ("content/riverside-2024.yaml", ".pptx", None),
    "riverside-2024.brief": ("content/riverside-2024.yaml", ".docx", None),
}


def _plan(content: str, suffix: str, meeting: str | None) -> dict:
    options, template = api.for_meeting(ROOT / meeting if meeting else None)
    plan = api.plan(ROOT / content, suffix, template, options or BuildOptions())
    return json.loads(json.dumps(dataclasses.asdict(plan), ensure_ascii=False, default=str))


@pytest.mark.parametrize("name", sorted(CASES))
def test_plan_is_the_golden_one(name):
    plan = _plan(*CASES[name])
    path = GOLDEN / f"{name}.json"
    if os.environ.get("DECKGEN_GOLDEN") == "update":
        path.write_text(json.dumps(plan, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    golden = json.loads(path.read_text(encoding="utf-8"))
    assert plan == golden, f"the plan of {name} changed: look at the diff, then update"
