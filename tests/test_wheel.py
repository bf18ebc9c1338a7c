"""deckgen as a new user gets it: the wheel `pip wheel .` builds, installed into a fresh venv,
run from an empty folder with no checkout around; and the same wheel installed with
`pip install --user`.

The fresh venv sees deckgen's declared runtime dependencies and nothing else: their files
are linked from the test's own environment into one folder (no download, and a module
deckgen imports without declaring it fails here). Building the wheel asks the package
registry for setuptools, as `pip wheel .` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from deckgen.preview import NO_SOFFICE, find_soffice

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def _closure(requirements: list[str]) -> list[metadata.Distribution]:
    """The distributions ``requirements`` need at run time, and what those need, as
    installed here."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue  # an extra (dev), or not for this platform
        key = req.name.lower().replace("_", "-")
        if key in seen:
            continue
        dist = metadata.distribution(req.name)
        seen[key] = dist
        todo += [Requirement(r) for r in dist.requires or []]
    return list(seen.values())


def _requirements(wheel: Path) -> list[str]:
    """The Requires-Dist lines of a wheel's metadata."""
    import zipfile
    from email.parser import Parser

    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(zf.read(name).decode("utf-8")).get_all("Requires-Dist") or []


def _link_dependencies(wheel: Path, folder: Path) -> Path:
    """A folder of links to the files of the wheel's runtime dependencies (and their
    metadata), as a site-packages folder would hold them."""
    folder.mkdir()
    for dist in _closure(_requirements(wheel)):
        for file in dist.files or []:
            top = Path(str(file)).parts[0]
            source = Path(str(dist.locate_file(top)))
            target = folder / top
            if top not in ("..", "bin") and source.exists() and not target.exists():
                target.symlink_to(source)
    return folder


def _venv(folder: Path, deps: Path, system: bool = False) -> Path:
    """A new venv without pip whose site-packages also reads ``deps``; its python."""
    venv.create(folder, with_pip=False, system_site_packages=system, symlinks=True)
    python = folder / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(purelib) / "deckgen-test-deps.pth").write_text(f"{deps}\n", encoding="utf-8")
    return python


def _pip(*args: str, env: dict | None = None) -> None:
    """This environment's pip, on another interpreter (``--python``) or to build."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of this checkout, built from a copy of it (the checkout stays clean)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__")
    )
    _pip("wheel", str(source), "--no-deps", "--quiet", "-w", str(base / "dist"))
    (found,) = (base / "dist").glob("deckgen-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """The ``deckgen`` command of a fresh venv the wheel is installed into."""
    base = tmp_path_factory.mktemp("venv")
    python = _venv(base / "venv", _link_dependencies(wheel, base / "deps"))
    _pip("--python", str(python), "install", "--no-deps", "--quiet", str(wheel))
    return python.parent / "deckgen"


def _env(**extra: str) -> dict[str, str]:
    """The environment of a user's shell: no PYTHONPATH, no dev checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return {**env, **extra}


def _run(command: Path | str, *args: str, cwd: Path, env: dict | None = None):
    return subprocess.run(
        [str(command), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env or _env(),
        timeout=600,
    )


def test_the_wheel_holds_the_package_data(wheel: Path):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (
        "deckgen/data/templates/gov-red/theme.yaml",
        "deckgen/data/templates/ink-blue/theme.yaml",
        "deckgen/data/templates/minimal/theme.yaml",
        "deckgen/data/meetings/changwu-full.yaml",
        "deckgen/data/samples/liuhe-2023.yaml",
        "deckgen/data/schema/content.schema.json",
        "deckgen/data/starters/zh.yaml",
        "deckgen/data/fonts.conf",
    ):
        assert path in names, path
    assert not any(n.endswith(".data/data/share/deckgen") for n in names)  # no data-files


def test_a_fresh_install_works_from_an_empty_folder(installed: Path, tmp_path: Path):
    here = tmp_path / "empty"
    here.mkdir()
    where = _run(
        installed.parent / "python", "-c", "import deckgen; print(deckgen.__file__)", cwd=here
    )
    assert where.stdout.startswith(str(installed.parents[1])), where.stdout  # not the checkout

    assert _run(installed, "-h", cwd=here).returncode == 0
    completion = _run(installed, "--show-completion", "bash", cwd=here)
    assert completion.returncode == 0 and "_deckgen_completion" in completion.stdout
    assert _run(installed, "template", "list", cwd=here).stdout.split()[0] == "gov-red"

    for args in (
        ["new", "report.yaml"],
        ["validate", "report.yaml"],
        ["pptx", "report.yaml"],
        ["docx", "report.yaml"],
    ):
        result = _run(installed, *args, cwd=here)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    assert (here / "output" / "report.pptx").is_file()
    assert (here / "output" / "report.docx").is_file()

    wrong = _run(installed, "pptx", "report.yaml", "-o", "wrong.docx", cwd=here)
    assert wrong.returncode == 2 and not (here / "wrong.docx").exists()
    assert wrong.stderr.startswith("error: wrong.docx: ") and len(wrong.stderr.splitlines()) == 1


@pytest.mark.skipif(find_soffice() is None, reason=NO_SOFFICE)
def test_a_fresh_install_checks_and_prints_pdf(installed: Path, tmp_path: Path):
    here = tmp_path / "empty"
    here.mkdir()
    assert _run(installed, "new", "report.yaml", "--lang", "en", cwd=here).returncode == 0
    assert _run(installed, "build", "report.yaml", cwd=here).returncode == 0
    for name in ("report.pptx", "report.docx"):
        checked = _run(installed, "check", f"output/{name}", cwd=here)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout.splitlines()[-1].startswith(f"output/{name}: ok")
    for command, name in (("pptx", "deck.pdf"), ("docx", "brief.pdf")):
        made = _run(installed, command, "report.yaml", "-o", name, cwd=here)
        assert made.returncode == 0, made.stderr
        assert (here / name).read_bytes().startswith(b"%PDF-")
    shown = _run(installed, "preview", "output/report.pptx", cwd=here)
    assert shown.returncode == 0, shown.stderr
    assert (here / "output" / "report.png").read_bytes().startswith(b"\x89PNG")


def test_pip_install_user_lists_the_builtin_templates(wheel: Path, tmp_path: Path):
    deps = _link_dependencies(wheel, tmp_path / "deps")
    python = _venv(tmp_path / "venv", deps, system=True)  # a --user install needs the user site
    user = tmp_path / "userbase"
    env = _env(PYTHONUSERBASE=str(user))
    _pip("--python", str(python), "install", "--user", "--no-deps", "--quiet", str(wheel), env=env)
    here = tmp_path / "empty"
    here.mkdir()
    scripts = Path(sysconfig.get_path("scripts", "posix_user", vars={"userbase": str(user)}))
    where = _run(python, "-c", "import deckgen; print(deckgen.__file__)", cwd=here, env=env)
    assert where.stdout.startswith(str(user)), where.stdout + where.stderr
    listed = _run(scripts / "deckgen", "template", "list", cwd=here, env=env)
    assert listed.returncode == 0, listed.stderr
    names = [line.split()[0] for line in listed.stdout.splitlines()]
    assert names == ["gov-red", "ink-blue", "minimal"]
