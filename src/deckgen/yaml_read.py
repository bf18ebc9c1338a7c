"""YAML and JSON files read safely: plain data only, within the limits, every text one a
document can hold, and each fault one located line in plain words.

A file is first read quickly (:mod:`deckgen.yaml_quick`, for the YAML most files are
written in) and checked as below; a file that reader leaves, and one whose check finds a
fault, is read exactly, by ruamel.yaml, which reports the fault as it always has.

The exact reading is one pass of the parser. While it composes, each value is counted, so
that a list of a million items or a text of a megabyte stops at the limit's item, not
after the whole file is read (:mod:`deckgen.limits`). Before any Python object is built,
the composed document is checked: tags (no objects), aliases (none of itself; the
document's size counted with each alias expanded, in values and in characters). After it
is built, texts are checked: a JSON surrogate pair (an emoji written ``\\ud83d\\ude00``)
is joined into its character, and a character no XML document can hold is an error at its
field. A parser's complaint is put in plain words, naming the keyboard slip that caused it
where one did (:mod:`deckgen.yaml_slips`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from .errors import InputError, field_path
from .limits import MAX_DEPTH, MAX_ITEMS, MAX_NODES, MAX_TEXT, MAX_TOTAL_TEXT
from .yaml_slips import (
    Slip,
    comment_slip,
    parse_slip,
    plain_words,
    quote_slips,
    structure_slip,
)

Loc = tuple[str | int, ...]

_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "omap")
}

_NOT_IN_XML = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
"""What no XML document can hold (and a control character but tab and line break)."""
_HALF = re.compile("[\ud800-\udfff]")
"""Half of a surrogate pair."""


@dataclass
class Source:
    """A file's text, as read."""

    path: Path
    text: str

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass
class Parsed:
    """A file's data and the notes to warn of once it is valid. Read ``exact``ly, the data
    are ruamel's maps and lists, which know their lines (:func:`locate`); read quickly,
    plain ones, which do not: an error about them is to be found by reading the file again
    exactly (:func:`deckgen.load.read_checked`)."""

    data: Any
    notes: list[Slip] = field(default_factory=list)
    exact: bool = True


def read_source(path: Path, max_bytes: int, what: str) -> Source:
    """The text of the UTF-8 file ``path`` (a BOM dropped); refused if missing, not a
    regular file, over ``max_bytes``, not UTF-8 or empty."""
    from .files import read_capped

    raw = read_capped(path, max_bytes, what)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
            file=path,
            line=line,
            column=column,
        ) from err
    if not text.strip():
        raise InputError("the file is empty", file=path, line=1, column=1)
    return Source(path, text.replace("\r\n", "\n").replace("\r", "\n"))


def parse(
    source: Source,
    keys: frozenset[str] | None = None,
    is_text: Callable[[Loc], bool] | None = None,
    exact: bool = False,
) -> Parsed:
    """The data of ``source``, a mapping at the top. ``keys`` are the names the file's
    mappings may hold (a slip after one of them is named as such); ``is_text`` says which
    places hold the author's text: there a comment after a value, which would cut the text
    short, is an error, and full-width quotes around a value a note. Read quickly where it
    can be, unless ``exact``."""
    if not exact:
        quick = _quick(source, keys, is_text)
        if quick is not None:
            return quick
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Composer = _guarded_composer()
    yaml.deckgen_source = source  # type: ignore[attr-defined]
    try:
        data = yaml.load(source.text)
    except ReaderError as err:
        raise _reader_error(source, err) from None
    except MarkedYAMLError as err:
        raise _parse_error(source, err, keys) from None
    except YAMLError as err:
        message = str(err).strip().splitlines()[0]
        raise InputError(f"invalid YAML: {message}", file=source.path) from None
    except RecursionError:  # the depth guard stops far below this; kept as a last line
        too_deep = f"nested too deeply (over {MAX_DEPTH} levels)"
        raise InputError(too_deep, file=source.path) from None
    root = yaml.composer.deckgen_root
    if root is None or data is None:
        raise InputError("the file holds no content", file=source.path, line=1, column=1)
    slip = structure_slip(source.lines, keys)
    if slip is not None:
        raise slip.error(source.path)
    if not isinstance(data, dict):
        raise InputError(
            "expected a mapping of keys at the top, found a list"
            if isinstance(data, list)
            else "expected a mapping of keys at the top, found a single value",
            file=source.path,
            line=1,
            column=1,
        )
    check_texts(data, source.path)
    notes: list[Slip] = []
    if is_text is not None:
        slip = comment_slip(root, source.lines, is_text)
        if slip is not None:
            raise slip.error(source.path)
        notes = quote_slips(root, is_text)
    return Parsed(data, notes)


def _quick(
    source: Source, keys: frozenset[str] | None, is_text: Callable[[Loc], bool] | None
) -> Parsed | None:
    """``source`` read by :mod:`deckgen.yaml_quick` and checked as :func:`parse` checks it
    (that reader takes no tag nor alias, and reads within the limits); None where that
    reader leaves the file to ruamel.yaml, or a check finds a fault, which the exact reading
    reports."""
    from .yaml_quick import Limits, quick_compose

    limits = Limits(MAX_DEPTH, MAX_ITEMS, MAX_NODES, MAX_TEXT, MAX_TOTAL_TEXT)
    read = quick_compose(source.lines, limits)
    if read is None or structure_slip(source.lines, keys) is not None:
        return None
    root, data = read
    try:
        check_texts(data, source.path)
    except InputError:
        return None
    notes: list[Slip] = []
    if is_text is not None:
        if comment_slip(root, source.lines, is_text) is not None:
            return None
        notes = quote_slips(root, is_text)
    return Parsed(data, notes, exact=False)


def _parse_error(source: Source, err: Any, keys: frozenset[str] | None) -> InputError:
    """A parser's complaint as one located line: the keyboard slip that caused it, if one
    did, else the parser's words."""
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    slip = parse_slip(source.lines, line, column, keys, err.problem or "")
    if slip is not None:
        return slip.error(source.path)
    problem = (err.problem or err.context or "invalid YAML").strip().splitlines()[0]
    opened = err.context_mark.line + 1 if err.context_mark else None
    said = plain_words(problem, err.context or "", opened)
    if said is not None:
        return InputError(said, file=source.path, line=line, column=column)
    if err.problem and err.context and err.context_mark and mark is not err.context_mark:
        problem += f" ({err.context.strip()} from line {opened})"
    return InputError(f"invalid YAML: {problem}", file=source.path, line=line, column=column)


def _reader_error(source: Source, err: Any) -> InputError:
    """A character YAML refuses in a file (a control character) at its line and column."""
    before = source.text[: err.position]
    line = before.count("\n") + 1
    column = err.position - (before.rfind("\n") + 1) + 1
    return InputError(
        f"{_unholdable(chr(err.character))}: delete it",
        file=source.path,
        line=line,
        column=column,
    )


def _unholdable(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    if 0xD800 <= ord(ch) <= 0xDFFF:
        return f"half of a surrogate pair ({code}) without its other half"
    if ch in "\ufffe\uffff":
        return f"the non-character {code}, which a document cannot hold"
    return f"a control character ({code}), which a document cannot hold"


def check_texts(data: Any, path: Path, join: bool = True) -> None:
    """Refuse a character no document can hold, in any key or text of ``data``, at its
    field; with ``join``, first join each JSON surrogate pair into its character, in place.
    Each list or mapping once, however often aliased."""
    seen: set[int] = set()
    stack: list[tuple[Any, Loc]] = [(data, ())]
    while stack:
        node, loc = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            if isinstance(key, str):
                _check_text(key, data, loc + (key,), path, at_key=True)
            if isinstance(value, str):
                joined = _joined(value) if join else value
                if joined != value:
                    node[key] = value = joined
                _check_text(value, data, loc + (key,), path)
            elif isinstance(value, dict | list):
                stack.append((value, loc + (key,)))


def _joined(text: str) -> str:
    """``text`` with each surrogate pair (as a JSON ``\\ud83d\\ude00`` reads) joined into the
    character it encodes; a lone half is left for :func:`_check_text` to refuse."""
    if not _HALF.search(text):
        return text
    return re.sub(
        "[\ud800-\udbff][\udc00-\udfff]",
        lambda m: m.group(0).encode("utf-16-le", "surrogatepass").decode("utf-16-le"),
        text,
    )


def _check_text(text: str, data: Any, loc: Loc, path: Path, at_key: bool = False) -> None:
    bad = _NOT_IN_XML.search(text)
    if bad is not None:
        what = "the key" if at_key else "the text"
        message = f"{what} holds {_unholdable(bad.group(0))}: delete it"
        raise error_at(message, path, data, loc, "extra_forbidden" if at_key else "value")


def error_at(message: str, path: Path, data: Any, loc: Loc, kind: str = "value") -> InputError:
    """An error about the field at ``loc`` of parsed ``data``, at its line and column (of its
    key, for ``kind`` "extra_forbidden")."""
    line, column = locate(data, loc, kind)
    return InputError(message, file=path, line=line, column=column, field=field_path(loc))


@cache
def _guarded_composer() -> type:
    """ruamel's composer, counting as it goes (depth, items a list, characters a text,
    values in all), then checking the composed document (tags, aliases, expanded size).
    Made when first needed: ruamel.yaml is imported for an exact reading only."""
    from ruamel.yaml.composer import Composer

    class GuardedComposer(Composer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.deckgen_root: Any = None
            self.warn_double_anchors = False  # a second anchor of a name is allowed, quietly
            self._path: list[str | int | None] = []
            self._count = 0
            self._chars = 0

        @property
        def _file(self) -> Path:
            return self.loader.deckgen_source.path

        def compose_document(self) -> Any:
            root = super().compose_document()
            _check_nodes(root, self._file)
            self.deckgen_root = root
            return root

        def compose_node(self, parent: Any, index: Any) -> Any:
            from ruamel.yaml.events import AliasEvent

            event = self.parser.peek_event()
            key = index.value if hasattr(index, "value") else index
            if isinstance(event, AliasEvent):
                return super().compose_node(parent, index)
            self._guard(parent, event, key)
            self._path.append(key)  # None for a mapping's key
            try:
                return super().compose_node(parent, index)
            finally:
                self._path.pop()

        def _guard(self, parent: Any, event: Any, key: Any) -> None:
            from ruamel.yaml.events import ScalarEvent
            from ruamel.yaml.nodes import MappingNode

            self._count += 1
            if len(self._path) >= MAX_DEPTH:
                raise _at(f"nested too deeply (over {MAX_DEPTH} levels)", event, self._file)
            path = [k for k in self._path if k is not None]
            if parent is not None and len(parent.value) >= MAX_ITEMS:
                many = (
                    "keys in one mapping"
                    if isinstance(parent, MappingNode)
                    else "items in one list"
                )
                raise _at(f"more than {MAX_ITEMS} {many}", event, self._file, path)
            if self._count > MAX_NODES:
                raise _at(f"too many values in one file (over {MAX_NODES:,})", event, self._file)
            if not isinstance(event, ScalarEvent):
                return
            here = path if key is None else [*path, key]
            if len(event.value) > MAX_TEXT:
                raise _at(
                    f"too long a text ({len(event.value):,} characters; at most {MAX_TEXT:,})",
                    event,
                    self._file,
                    here,
                )
            self._chars += len(event.value)
            if self._chars > MAX_TOTAL_TEXT:
                message = f"too much text in one file (over {MAX_TOTAL_TEXT:,} characters)"
                raise _at(message, event, self._file, here)

    return GuardedComposer


def _at(message: str, event_or_node: Any, path: Path, loc: list | None = None) -> InputError:
    mark = event_or_node.start_mark
    where = field_path(tuple(str(k) if not isinstance(k, int) else k for k in loc)) if loc else None
    return InputError(message, file=path, line=mark.line + 1, column=mark.column + 1, field=where)


def _check_nodes(root: Any, path: Path) -> None:
    """Refuse tags that would build objects, aliases of themselves, and a document too large
    once each alias is expanded (in values or in characters of text)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    sizes: dict[int, tuple[int, int]] = {}
    active: set[int] = set()

    def size(node: Any) -> tuple[int, int]:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _at("an alias refers to itself", node, path)
        tag = node.tag.value if hasattr(node.tag, "value") else node.tag
        if tag is not None and tag not in _PLAIN_TAGS:
            raise _tag_error(tag, node, path)
        count, chars = 1, 0
        if isinstance(node, ScalarNode):
            chars = len(node.value)
        elif isinstance(node, SequenceNode | MappingNode):
            active.add(key)
            children = node.value if isinstance(node, SequenceNode) else _flat(node.value)
            for child in children:
                n, c = size(child)
                count, chars = count + n, chars + c
            active.discard(key)
        if count > MAX_NODES:
            raise _at(
                f"too large once aliases are expanded (over {MAX_NODES:,} values)", node, path
            )
        if chars > MAX_TOTAL_TEXT:
            raise _at(
                f"too much text once aliases are expanded (over {MAX_TOTAL_TEXT:,} characters)",
                node,
                path,
            )
        sizes[key] = (count, chars)
        return count, chars

    size(root)


def _flat(pairs: list[tuple[Any, Any]]) -> list[Any]:
    return [node for pair in pairs for node in pair]


def _tag_error(tag: str, node: Any, path: Path) -> InputError:
    from ruamel.yaml.nodes import ScalarNode

    if isinstance(node, ScalarNode) and tag.startswith("!") and not tag.startswith("!!"):
        return _at(
            f'the text starts with "!", which YAML reads as a type ("{tag}" is dropped): put'
            ' the whole value in ASCII quotes "…"',
            node,
            path,
        )
    short = tag.replace("tag:yaml.org,2002:", "!!")
    return _at(f"tag '{short}' is not allowed: content is plain data", node, path)


def locate(data: Any, loc: Loc, kind: str = "value") -> tuple[int, int]:
    """Line and column (1-based) of the value at ``loc`` in parsed ``data`` (of its key,
    for ``kind`` "extra_forbidden", or when it is not last), or of its nearest parent."""
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
