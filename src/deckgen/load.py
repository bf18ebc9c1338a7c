"""Read YAML or JSON files into validated models, with errors located at file:line:column."""

from __future__ import annotations

import difflib
import functools
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import FieldValueError, InputError, excerpt, field_path
from .limits import MAX_CONTENT_BYTES, MAX_PICTURE_BYTES, MAX_PROFILE_BYTES, size_text
from .yaml_read import Loc, Parsed, check_texts, error_at, locate, parse, read_source

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R")

MAX_PIXELS = 50_000_000
"""The most pixels a picture may have (50 megapixels): a larger one is refused at load,
before any is decoded (Pillow's decompression-bomb guard)."""
PICTURE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
"""The picture formats an ``image:`` may be."""


def load_content(path: str | Path, warn: Callable[[str], None] | None = None):
    """Load a content file (YAML or JSON) into a validated :class:`~deckgen.model.Content`;
    ``warn`` is told of what is kept but may be a slip (full-width quotes around a text)."""
    from .model import Content

    path = Path(path)

    def make(data: Any) -> Content:
        return _with_pictures(validate(data, Content, path), data, path)

    parsed, content = read_checked(
        path, Content, make, max_bytes=MAX_CONTENT_BYTES, what="content file"
    )
    for note in parsed.notes:
        (warn or _quiet)(note.warning(path))
    return content


def content_from(data: Any, where: Path):
    """A validated :class:`~deckgen.model.Content` from data a program made (a dict of
    lists, strings, numbers); ``where`` names it in errors, and pictures are read relative
    to its folder."""
    from .model import Content

    check_texts(data, where, join=False)
    return _with_pictures(validate(data, Content, where), data, where)


def load_model(path: str | Path, model: type[M]) -> M:
    """Load ``path`` and validate it as ``model``; raise :class:`InputError` on any problem."""
    path = Path(path)
    return read_checked(path, model, lambda data: validate(data, model, path), prose=False)[1]


def read_yaml(path: Path, model: type[BaseModel] | None = None, exact: bool = False) -> Any:
    """Parse a YAML/JSON file safely (plain data, within :mod:`deckgen.limits`, located
    errors); ``model``, when given, names the keys a slip is looked for after. Read
    ``exact``ly, the data know their lines (:class:`~deckgen.yaml_read.Parsed`)."""
    return parse_file(Path(path), model, prose=False, exact=exact).data


def read_checked(
    path: Path, model: type[BaseModel] | None, make: Callable[[Any], R], **how: Any
) -> tuple[Parsed, R]:
    """The parse of ``path`` (:func:`parse_file`, ``how`` its options) and ``make`` of its
    data. A file read quickly that ``make`` refuses is read again exactly and made again:
    an error is raised from the exact reading only, located by its lines as ever."""
    parsed = parse_file(path, model, **how)
    try:
        return parsed, make(parsed.data)
    except InputError:
        if parsed.exact:
            raise
    parsed = parse_file(path, model, exact=True, **how)
    return parsed, make(parsed.data)


def parse_file(
    path: Path,
    model: type[BaseModel] | None,
    *,
    max_bytes: int = MAX_PROFILE_BYTES,
    what: str = "file",
    prose: bool = True,
    exact: bool = False,
) -> Parsed:
    """Read and parse ``path`` (:mod:`deckgen.yaml_read`): the keys a slip is looked for
    after are ``model``'s; with ``prose``, its text fields are the author's text, which a
    comment must not cut short; ``exact``, by ruamel.yaml, not quickly."""
    source = read_source(path, max_bytes, what)
    if model is None:
        return parse(source, exact=exact)
    keys = field_names(model)
    return parse(source, keys, text_field(model) if prose else None, exact=exact)


def _quiet(message: str) -> None:
    """The default for ``warn``: a library call stays quiet."""


def validate(data: Any, model: type[M], path: Path) -> M:
    """Validate parsed data as ``model``; the first error is raised located in ``path``."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        errors = [_at_field(e) for e in err.errors(include_url=False)]
        # An unknown key is usually the cause of a "field required" beside it: report it first.
        located = sorted(
            (e["type"] != "extra_forbidden", locate(data, e["loc"], e["type"]), i, e)
            for i, e in enumerate(errors)
        )
        _, (line, column), _, first = located[0]
        message = _message(first, model)
        if len(errors) > 1:
            more = len(errors) - 1
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise InputError(
            message, file=path, line=line, column=column, field=field_path(first["loc"])
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
            raise error_at(f"{problem}: {excerpt(given)}", path, data, loc)
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
    if picture.stat().st_size > MAX_PICTURE_BYTES:
        return f"too large a picture file (over {size_text(MAX_PICTURE_BYTES)})"
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
            with Image.open(picture) as image:
                image.load()  # decoded whole: a truncated picture is found here, not mid-write
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"too large a picture (over {MAX_PIXELS // 10**6} megapixels)"
    except UnidentifiedImageError:
        return "not a picture: give a JPEG, PNG, GIF or WebP"
    except OSError as err:
        return f"cannot read the picture ({err.strerror or err})"
    except Exception as err:  # a damaged file Pillow cannot parse
        return f"cannot read the picture ({type(err).__name__})"
    return None


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
        return f"unknown key '{excerpt(name)}'{hint}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"expected one of {expected}, got {excerpt(error['input'])!r}"
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
    return f"{type(value).__name__} {excerpt(value)!r}"


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


@functools.cache
def field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every key ``model`` and the models in it take: the names a YAML slip may follow."""
    names: set[str] = set()
    todo, seen = [model], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(info.alias or name)
            todo += _submodels(info.annotation)
    return frozenset(names)


@functools.cache
def text_field(model: type[BaseModel]) -> Callable[[Loc], bool]:
    """Whether a place in a file of ``model`` holds the author's text (a ``str`` field or an
    item of a list of them), not a number, a choice, a path or a mapping. Each answer is
    kept by the place's shape (its keys, any list index as 0): a file asks for each of its
    hundreds of values, which have a few dozen shapes (the answers kept are bounded: a
    file's unknown keys are shapes too)."""
    known: dict[Loc, bool] = {}

    def is_text(loc: Loc) -> bool:
        shape = tuple(0 if isinstance(key, int) else key for key in loc)
        if shape not in known:
            if len(known) >= 4096:
                known.clear()
            known[shape] = _is_text(model, shape)
        return known[shape]

    return is_text


def _is_text(model: type[BaseModel], loc: Loc) -> bool:
    annotation: Any = model
    for key in loc:
        annotation = _bare(annotation)
        if isinstance(key, int):
            if typing.get_origin(annotation) not in (list, tuple):
                return False
            annotation = typing.get_args(annotation)[0]
        elif _is_model(annotation) and key in annotation.model_fields:
            annotation = annotation.model_fields[key].annotation
        else:
            return False
    return _bare(annotation) is str


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _bare(annotation: Any) -> Any:
    """``annotation`` without ``Annotated`` and ``| None``."""
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
        else:
            return annotation


def _submodels(annotation: Any) -> list[type[BaseModel]]:
    if _is_model(annotation):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _submodels(arg)]
