"""What comes with deckgen: built-in templates, meeting profiles, sample reports and the
content schema, read as package data (``deckgen/data/``) with :mod:`importlib.resources`.

They are found wherever deckgen is installed (a venv, ``pip install --user``, pipx, an
editable checkout), never beside ``sys.prefix`` nor in the current folder.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError


def data_dir(*parts: str) -> Path:
    """A folder or file of the package data: ``data_dir("templates")``."""
    from importlib import resources

    return Path(str(resources.files("deckgen").joinpath("data", *parts)))


def _names(kind: str, suffix: str = ".yaml") -> list[str]:
    folder = data_dir(kind)
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.iterdir() if p.suffix == suffix and p.is_file())


def meetings() -> list[str]:
    """The names of the built-in meeting profiles (``changwu-full``…)."""
    return _names("meetings")


def samples() -> list[str]:
    """The names of the sample reports (``liuhe-2023``…)."""
    return _names("samples")


def sample(name: str) -> Path:
    """The sample report ``name``; an error listing the samples when there is none."""
    path = data_dir("samples", f"{name}.yaml")
    if "/" in name or "\\" in name or not path.is_file():
        raise InputError(f"no sample named '{name}' (samples: {', '.join(samples()) or 'none'})")
    return path


def schema() -> Path:
    """The JSON Schema of the content model, as shipped (``deckgen schema`` prints it)."""
    return data_dir("schema", "content.schema.json")


def meeting_file(name_or_path: str | Path) -> Path:
    """A meeting profile: the file ``name_or_path`` when there is one, else the built-in
    profile of that name (``-m changwu-full``); an error naming both when neither is."""
    path = Path(name_or_path)
    if path.is_file() or path.parent != Path(".") or path.suffix.lower() in (".yaml", ".yml"):
        return path  # a path: read (and reported) as given
    builtin = data_dir("meetings", f"{path.name}.yaml")
    if builtin.is_file():
        return builtin
    known = ", ".join(meetings()) or "none"
    raise InputError(f"no such meeting profile, nor a built-in one (built-in: {known})", file=path)
