"""Start fast: the command line, its help and ``validate`` load none of the heavy libraries
(issue 15). What they load is asked of a fresh interpreter; how long it takes is bench/'s."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
HEAVY = ("pptx", "docx", "PIL", "lxml", "pypdfium2", "fontTools")
RENDERING = ("deckgen.render", "deckgen.plan", "deckgen.text", "deckgen.check", "deckgen.preview")


def _loaded(code: str) -> list[str]:
    """The modules a fresh interpreter holds after ``code``."""
    probe = f"{code}\nimport json, sys\nprint('\\n' + json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _heavy(modules: list[str], also: tuple[str, ...] = ()) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY + also or m.startswith(RENDERING)]


def test_importing_the_command_line_loads_nothing_heavy():
    modules = _loaded("import deckgen.cli")
    assert "deckgen.cli" in modules
    assert _heavy(modules) == []


def _cli(*args: str) -> str:
    return (
        "import sys\nfrom deckgen.cli import main\n"
        f"sys.argv = ['deckgen', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )


def test_help_loads_nothing_heavy_not_even_rich():
    modules = _loaded(_cli("--help"))
    assert "deckgen.cli_base" in modules
    assert _heavy(modules, ("rich", "markdown_it", "pygments")) == []


@pytest.mark.parametrize("args", [["validate", str(SEED)], ["build", "--help"]])
def test_validating_loads_no_renderer(args):
    modules = _loaded(_cli(*args))
    assert _heavy(modules) == []


def test_the_probe_sees_a_heavy_import():
    """The probe can fail: importing the deck renderer is seen."""
    assert "pptx" in [m.split(".")[0] for m in _heavy(_loaded("import deckgen.render.pptx"))]


def _script(*args: str) -> subprocess.CompletedProcess:
    """The ``deckgen`` console script's entry point, run in a fresh interpreter."""
    code = (
        f"import sys\nfrom deckgen.cli import run\nsys.argv = ['deckgen', *{list(args)!r}]\nrun()"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_the_console_script_ends_at_once_with_mains_code_and_all_its_output(tmp_path):
    """It skips Python's teardown, not what was said nor the exit code."""
    valid = _script("validate", str(SEED))
    assert valid.returncode == 0 and valid.stdout.startswith(f"{SEED}: valid")
    assert "sentences unplaced" in valid.stdout  # the last line, flushed
    missing = _script("validate", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"error: {tmp_path / 'none.yaml'}: no such file"
    built = _script("build", str(SEED), "-o", str(tmp_path / "out"), "-q")
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "liuhe-2023.docx",
        "liuhe-2023.pptx",
    ]
    assert _script("no-such-command").returncode not in (0, None)


def test_the_console_script_with_its_output_closed():
    """Started with stdout or stderr closed (``deckgen … >&-``), it says nothing and keeps
    the exit code."""
    for stream in ("stdout", "stderr"):
        code = (
            f"import sys\nsys.{stream} = None\nfrom deckgen.cli import run\n"
            f"sys.argv = ['deckgen', 'validate', {str(SEED)!r}]\nrun()"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
