"""Scaffold a new template (``deckgen template new``): a built-in's or a folder's
``theme.yaml`` copied with its comments, new colours, logo and master; written whole or not
at all."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import InputError, OutputError
from .master import open_master
from .sanitise import clean_package
from .theme import Colour, Theme, load_theme

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")
"""Logo formats python-pptx can place (it sizes pictures with Pillow)."""

_NAME = re.compile(r"[^\W_][\w.-]*")


def check_colour(option: str, value: str | None) -> str | None:
    """``value`` as ``RRGGBB``; an :class:`InputError` naming ``option`` if it is no colour."""
    if value is None:
        return None
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(Colour).validate_python(value)
    except ValidationError:
        raise InputError(f"{option}: expected a colour like '#0B5FA5', got {value!r}") from None


def scaffold(
    name: str,
    source: str | Path = "gov-red",
    *,
    parent: str | Path = "templates",
    primary: str | None = None,
    accent: str | None = None,
    logo: str | Path | None = None,
    master: str | Path | None = None,
    description: str | None = None,
) -> Path:
    """Make ``parent/name/`` from the template ``source``; return the new folder.

    The source's ``theme.yaml`` is copied with its comments, ``name`` and ``description`` set and
    the given colours replaced (also where the source used its old primary or accent for the
    chart palette or the masthead). The logo is copied in as ``logo.<ext>`` and the master as
    ``master.pptx`` (the source's own, unless new ones are given). Nothing is written unless
    the whole template is made and loads; an existing folder is never touched.
    """
    if not _NAME.fullmatch(name):
        raise InputError(
            f"NAME: {name!r} is not a plain folder name (letters, digits, '-', '_', '.'); "
            "use --dir for where it goes"
        )
    colours = {
        "primary": check_colour("--primary", primary),
        "accent": check_colour("--accent", accent),
    }
    target = Path(parent) / name
    if target.exists() or target.is_symlink():
        raise InputError("already exists; choose another name or remove it first", file=target)
    if str(source).lower().endswith((".pptx", ".potx")):
        raise InputError(
            f"--from: {source} is a PowerPoint file, not a template; "
            f"use --from <template> --master {source}"
        )
    base = load_theme(source)
    if base.folder is None or not (base.folder / "theme.yaml").is_file():
        raise InputError(f"--from: {source} has no theme.yaml to copy")
    logo_file = _check_logo(Path(logo)) if logo is not None else None
    master_file = _check_master(Path(master)) if master is not None else None
    if logo_file is None and base.logo is not None:
        logo_file = base.logo_path
        if logo_file is None or not logo_file.is_file():
            raise InputError(f"the logo of template {base.name} is not a file", file=logo_file)
    if master_file is None:
        master_file = base.master_path

    data = _read_round_trip(base.folder / "theme.yaml")
    data["name"] = name
    data["description"] = description or f"{name} (made from {base.name})"
    _replace_colours(data, base, colours)
    files: dict[str, Path] = {}
    if logo_file is not None:
        logo_name = f"logo{logo_file.suffix.lower()}"
        files[logo_name] = logo_file
        _set_key(data, "logo", logo_name, before="briefing")
    if master_file is not None:
        files["master.pptx"] = master_file
        if "master" in data:
            data["master"] = "master.pptx"
    if base.reference_docx is not None:
        files["reference.docx"] = base.reference_docx

    header = (
        f"# {name}: made from the {base.name} template by `deckgen template new`; "
        "its notes follow.\n"
    )
    return _write_folder(target, header + _dump_round_trip(data), files)


def _check_logo(path: Path) -> Path:
    if not path.is_file():
        raise InputError("--logo: no such file", file=path)
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        raise InputError("--logo: must be a PNG, JPEG, GIF, BMP or TIFF picture", file=path)
    try:
        from PIL import Image

        with Image.open(path) as image:
            image.verify()
    except Exception as err:  # Pillow raises many kinds for a broken picture
        raise InputError(f"--logo: not a picture Pillow can read ({err})", file=path) from err
    return path


def _check_master(path: Path) -> Path:
    if path.suffix.lower() not in (".pptx", ".potx"):  # a .potx is copied in as a .pptx
        raise InputError("--master: must be a .pptx or .potx file", file=path)
    open_master(path)
    return path


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _read_round_trip(path: Path):
    from ..load import read_yaml

    read_yaml(path)  # safe parse first: plain data, bounded aliases, located errors
    return _yaml().load(path.read_text(encoding="utf-8-sig"))


def _dump_round_trip(data) -> str:
    import io

    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _replace_colours(data, base: Theme, colours: dict[str, str | None]) -> None:
    """Set the new colours; where the source used its old one in the chart or masthead, too."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def same(value: Any, hex_colour: str) -> bool:
        try:
            return check_colour("", value) == hex_colour
        except InputError:
            return False

    palette = data.get("colours")
    briefing = data.get("briefing")
    for role, new in colours.items():
        if new is None:
            continue
        old = getattr(base.colours, role)
        quoted = DoubleQuotedScalarString(f"#{new}")
        palette[role] = quoted
        _note_replaced(palette, role, f"#{old} in {base.name}")
        chart = palette.get("chart") or []
        for i, value in enumerate(chart):
            if same(value, old):
                chart[i] = quoted
        if briefing is not None and same(briefing.get("masthead_colour"), old):
            briefing["masthead_colour"] = quoted


def _note_replaced(mapping, key: str, was: str) -> None:
    """Say on ``key``'s end-of-line comment what its value was, so the note stays true."""
    item = mapping.ca.items.get(key)
    token = item[2] if item and len(item) > 2 else None
    if token is None or not token.value.lstrip().startswith("#"):
        return
    first, newline, rest = token.value.partition("\n")
    note = first.lstrip().removeprefix("#").strip()
    token.value = f"# was {was}" + (f" ({note})" if note else "") + newline + rest


def _set_key(data, key: str, value: Any, before: str) -> None:
    """Set ``key``; a new key goes before ``before`` (else at the end)."""
    if key in data:
        data[key] = value
    elif before in data:
        data.insert(list(data).index(before), key, value)
    else:
        data[key] = value


def _write_folder(target: Path, theme_yaml: str, files: dict[str, Path]) -> Path:
    """Build the folder beside ``target``, check it loads, then rename it into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as err:
        raise OutputError(f"cannot create the folder: {err.strerror}", file=target.parent) from err
    try:
        try:
            (tmp / "theme.yaml").write_text(theme_yaml, encoding="utf-8")
            for name, source in files.items():
                kind = {"master.pptx": "pptx", "reference.docx": "docx"}.get(name)
                if kind:  # the cleaned package: nothing of it that can run or call out
                    (tmp / name).write_bytes(clean_package(source, kind))
                else:
                    shutil.copyfile(source, tmp / name)
        except OSError as err:
            raise OutputError(f"cannot write: {err.strerror}", file=target) from err
        load_theme(tmp)  # the new template must load as it stands
        if target.exists():
            raise InputError("already exists; choose another name or remove it first", file=target)
        try:
            os.rename(tmp, target)
        except OSError as err:
            raise OutputError(f"cannot create: {err.strerror}", file=target) from err
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target
