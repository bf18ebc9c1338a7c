"""Read YAML or JSON files into validated models, with errors located at file:line:column."""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import FieldValueError, InputError

M = TypeVar("M", bound=BaseModel)

MAX_PIXELS = 50_000_000
"""The most pixels a picture may have (50 megapixels): a larger one is refused at load,
before any is decoded (Pillow's decompression-bomb guard)."""
PICTURE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
"""The picture formats an ``image:`` may be."""

MAX_NODES = 200_000
"""The most nodes a document may hold once its aliases are expanded (stops "billion laughs")."""

_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "omap")
}


def load_content(path: str | Path):
    """Load a content file (YAML or JSON) into a validated :class:`~deckgen.model.Content`."""
    from .model import Content

    path = Path(path)
    data = read_yaml(path)
    return _with_pictures(validate(data, Content, path), data, path)


def load_model(path: str | Path, model: type[M]) -> M:
    """Load ``path`` and validate it as ``model``; raise :class:`InputError` on any problem."""
    path = Path(path)
    data = read_yaml(path)
    return validate(data, model, path)


def read_yaml(path: Path) -> Any:
    """Parse a YAML/JSON file safely: plain data only, no Python objects, bounded aliases."""
    text = _read_text(path)
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        node = yaml.compose(text)
        if node is None:
            raise InputError("the file holds no content", file=path, line=1, column=1)
        _check_nodes(node, path)
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        problem = (err.problem or err.context or "invalid YAML").strip().splitlines()[0]
        if err.problem and err.context and err.context_mark and mark is not err.context_mark:
            problem += f" ({err.context.strip()} from line {err.context_mark.line + 1})"
        raise InputError(f"invalid YAML: {problem}", file=path, line=line, column=column) from err
    except YAMLError as err:
        message = str(err).strip().splitlines()[0]
        raise InputError(f"invalid YAML: {message}", file=path) from err
    if not isinstance(data, dict):
        raise InputError(
            f"expected a mapping of keys at the top, found {_kind(data)}",
            file=path,
            line=1,
            column=1,
        )
    return data


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError("no such file", file=path)
    if path.is_dir():
        raise InputError("is a directory, not a file", file=path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", file=path) from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
            file=path,
            line=line,
            column=column,
        ) from err
    if not text.strip():
        raise InputError("the file is empty", file=path, line=1, column=1)
    return text


def _check_nodes(root: Any, path: Path) -> None:
    """Refuse tags that would build objects, recursive aliases, and alias bombs."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Any) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _node_error("an alias refers to itself", node, path)
        tag = node.tag.value if hasattr(node.tag, "value") else node.tag
        if tag is not None and tag not in _PLAIN_TAGS:
            raise _node_error(f"tag {tag!r} is not allowed: content is plain data", node, path)
        total = 1
        if isinstance(node, ScalarNode):
            pass
        elif isinstance(node, SequenceNode):
            active.add(key)
            total += sum(size(child) for child in node.value)
            active.discard(key)
        elif isinstance(node, MappingNode):
            active.add(key)
            total += sum(size(k) + size(v) for k, v in node.value)
            active.discard(key)
        if total > MAX_NODES:
            raise _node_error(
                f"too large once aliases are expanded (over {MAX_NODES:,} nodes)", node, path
            )
        sizes[key] = total
        return total

    size(root)


def _node_error(message: str, node: Any, path: Path) -> InputError:
    mark = node.start_mark
    return InputError(message, file=path, line=mark.line + 1, column=mark.column + 1)


def validate(data: Any, model: type[M], path: Path) -> M:
    """Validate parsed data as ``model``; the first error is raised located in ``path``."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        errors = [_at_field(e) for e in err.errors(include_url=False)]
        # An unknown key is usually the cause of a "field required" beside it: report it first.
        located = sorted(
            (e["type"] != "extra_forbidden", _locate(data, e["loc"], e["type"]), i, e)
            for i, e in enumerate(errors)
        )
        _, (line, column), _, first = located[0]
        message = _message(first, model)
        if len(errors) > 1:
            more = len(errors) - 1
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise InputError(
            message, file=path, line=line, column=column, field=_field_path(first["loc"])
        ) from None


def _at_field(error: dict) -> dict:
    """A model validator's error about one field (:class:`FieldValueError`), located there."""
    cause = error.get("ctx", {}).get("error")
    if error["type"] == "value_error" and isinstance(cause, FieldValueError):
        field = cause.field if isinstance(cause.field, tuple) else (cause.field,)
        return {**error, "loc": (*error["loc"], *field)}
    return error


def _picture_fields(content) -> list[tuple]:
    """Where a content names a picture: the cover's, each highlight's, commitment's and
    point's ``image`` field, as locations (``("review", "highlights", 0, "image")``)."""
    locs: list[tuple] = [("meta", "cover_image")]
    if content.review:
        for i, h in enumerate(content.review.highlights):
            locs.append(("review", "highlights", i, "image"))
            locs += [
                ("review", "highlights", i, "points", j, "image") for j in range(len(h.points))
            ]
    if content.plan:
        locs += [("plan", "commitments", i, "image") for i in range(len(content.plan.commitments))]
    if content.closing:
        locs += [("closing", "points", j, "image") for j in range(len(content.closing.points))]
    return locs


def _at(model: Any, loc: tuple) -> Any:
    for key in loc:
        model = model[key] if isinstance(key, int) else getattr(model, key)
    return model


def _replaced(model: Any, loc: tuple, value: Any) -> Any:
    """``model`` (frozen) with the field at ``loc`` set to ``value``."""
    key, rest = loc[0], loc[1:]
    if isinstance(key, int):
        items = list(model)
        items[key] = _replaced(items[key], rest, value) if rest else value
        return items
    new = _replaced(getattr(model, key), rest, value) if rest else value
    return model.model_copy(update={key: new})


def _with_pictures(content: Any, data: Any, path: Path) -> Any:
    """``content`` with each picture checked and its path made absolute (pictures are
    relative to the content file's folder); a bad one is an :class:`InputError` at its
    ``image:`` field."""
    for loc in _picture_fields(content):
        given = _at(content, loc)
        if given is None:
            continue
        picture = (path.parent / given).resolve()
        problem = picture_problem(picture)
        if problem:
            line, column = _locate(data, loc, "value")
            raise InputError(
                f"{problem}: {given}", file=path, line=line, column=column, field=_field_path(loc)
            )
        content = _replaced(content, loc, picture)
    return content


def picture_problem(picture: Path) -> str | None:
    """What is wrong with a picture file (missing, unreadable, not a JPEG, PNG, GIF or
    WebP, over :data:`MAX_PIXELS`), or None."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    if not picture.exists():
        return "no such picture file"
    if not picture.is_file():
        return "not a picture file"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(picture) as image:
                kind, (w, h) = image.format, image.size
                if kind not in PICTURE_FORMATS:
                    return f"a {kind} picture: give a JPEG, PNG, GIF or WebP"
                if w * h > MAX_PIXELS:
                    return (
                        f"too large a picture ({w} × {h} px, over {MAX_PIXELS // 10**6} megapixels)"
                    )
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"too large a picture (over {MAX_PIXELS // 10**6} megapixels)"
    except UnidentifiedImageError:
        return "not a picture: give a JPEG, PNG, GIF or WebP"
    except OSError as err:
        return f"cannot read the picture ({err.strerror or err})"
    except Exception as err:  # a damaged file Pillow cannot parse
        return f"cannot read the picture ({type(err).__name__})"
    return None


def _field_path(loc: tuple) -> str:
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top)"


def _locate(data: Any, loc: tuple, kind: str) -> tuple[int, int]:
    """Line and column (1-based) of the node at ``loc``, or of its nearest existing parent."""
    line, column = 1, 1
    node = data
    for depth, key in enumerate(loc):
        last = depth == len(loc) - 1
        lc = getattr(node, "lc", None)
        if lc is None:
            break
        try:
            if isinstance(node, dict) and key in node:
                at_key = not last or kind == "extra_forbidden"
                pos = lc.key(key) if at_key else lc.value(key)
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                pos = lc.item(key)
            else:
                break
        except (KeyError, IndexError, TypeError):
            break
        line, column = pos[0] + 1, pos[1] + 1
        node = node[key]
    return line, column


_MESSAGES = {
    "missing": "field required",
    "too_short": "must not be empty: give at least one item",
    "string_too_short": "must not be empty",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of keys",
    "model_type": "expected a mapping of keys",
    "string_type": "expected text",
    "float_parsing": "expected a number",
    "int_parsing": "expected a whole number",
}


def _message(error: dict, model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        name = error["loc"][-1]
        parent = _model_at(model, error["loc"][:-1])
        hint = ""
        if parent is not None:
            close = difflib.get_close_matches(str(name), list(parent.model_fields), n=1)
            if close:
                hint = f" (did you mean '{close[0]}'?)"
            else:
                hint = f" (expected one of: {', '.join(parent.model_fields)})"
        return f"unknown key '{name}'{hint}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"expected one of {expected}, got {error['input']!r}"
    if kind == "value_error":  # a validator's own words, without pydantic's "Value error, "
        return str(error.get("ctx", {}).get("error", error["msg"]))
    message = _MESSAGES.get(kind, error["msg"])
    if kind in ("list_type", "dict_type", "model_type", "string_type") and "input" in error:
        message += f", found {_kind(error['input'])}"
    return message[0].lower() + message[1:]


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"{type(value).__name__} {str(value)[:30]!r}"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (list indexes skipped)."""
    current: type[BaseModel] | None = model
    for key in loc:
        if isinstance(key, int):
            continue
        if current is None or key not in current.model_fields:
            return None
        current = _submodel(current.model_fields[key].annotation)
    return current


def _submodel(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _submodel(arg)
            if found is not None:
                return found
    return None
