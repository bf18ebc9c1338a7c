"""A quick reader for the YAML a deckgen file is usually written in; any other is left to the
full reader.

ruamel.yaml, the full reader (:mod:`deckgen.yaml_read`), is pure Python and reads a file
character by character, keeping its comments: importing it and reading the seed (20 KB) took
most of a load. Most files are written in a small part of YAML, one line a value, and this
module reads that part with a regular expression a line. It reads:

* a mapping at the top; mappings and lists in blocks, indented; a list's item may open a
  mapping (``- title: …``); keys are ASCII names (``east_asian``), each once;
* values on the line of their key or dash: a plain one (text, a whole number, a decimal,
  ``true``/``false``, ``null``/``~`` or nothing), one in ``'…'`` or in ``"…"`` (no ``\\``
  escape), or a ``[…]`` or ``{…}`` of such on one line;
* comments and blank lines.

Anything else (a text over several lines, ``|``, an escape, an anchor, a tag, a tab, a
value that could be a date or another kind of number, a mistake), and a file past a limit
of :mod:`deckgen.limits`: :func:`quick_compose` returns None and the full reader reads the
file, so that an error or an unusual file reads exactly as it always did. What it does
read, it reads as ruamel.yaml does: the same values (a decimal as a ``float``, where
ruamel's is a subclass of it), and nodes with the same places (line, column) and styles for
:mod:`deckgen.yaml_slips` (tests/test_yaml_quick.py compares the two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_ODD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""A character this reader leaves to the full one: a tab, a control character, a byte order
mark, a character YAML reads as a line break (U+0085, U+2028, U+2029) or refuses."""
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
"""A key, its colon and the spaces after it."""
_DASH = re.compile(r"-(?: +|$)")
"""A list item's dash and the spaces after it."""
_DOUBLE = re.compile(r'"([^"\\]*+)"')
_SINGLE = re.compile(r"'((?:[^']|'')*+)'")
"""Values in quotes (possessive: a quote never closed is found so at once)."""
_TAIL = re.compile(r"(?: +(?:#.*)?)?")
"""What may follow a value on its line: spaces, and a comment after them."""
_FLOW_PLAIN = re.compile(r"[^,\[\]{}#:]*")
_SPACES = re.compile(r" *")

_NULL = {"~": None, "null": None, "Null": None, "NULL": None}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[1-9][0-9]*")
_DECIMAL = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_UNSURE = re.compile(
    r"[-+.0-9][-+.0-9_:eExXoObBa-fA-F tTzZ]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|<<|="
)
"""A plain value YAML may read as some other number, a date or a merge: the full reader's."""
_NOT_FIRST = set(",[]{}#&*!|>'\"%@`")
"""Characters a plain value cannot start with (``-``, ``?`` and ``:`` only before a space)."""


class _Unsure(Exception):
    """The file is not one this reader reads, or not one it is sure of."""


@dataclass(slots=True)
class Mark:
    """A place in the file, 0-based, as ruamel.yaml's marks give it."""

    line: int
    column: int


@dataclass(slots=True)
class Node:
    """A value as ruamel.yaml composes it (what :mod:`deckgen.yaml_slips` reads of one):
    ``id`` is "scalar", "sequence" or "mapping"; a scalar's ``value`` is its text, a
    sequence's its nodes, a mapping's its (key, value) pairs; ``style`` is a scalar's quote
    (None for a plain one). A collection's ``end_mark`` is its start: nothing reads it."""

    id: str
    value: Any
    start_mark: Mark
    end_mark: Mark
    style: str | None = None
    anchor: None = None


@dataclass
class Limits:
    """The limits a file is read within (:mod:`deckgen.limits`, as :mod:`deckgen.yaml_read`
    has them): past one, the full reader reads the file, and refuses it by name."""

    depth: int
    items: int
    nodes: int
    text: int
    total_text: int


def quick_compose(lines: list[str], limits: Limits) -> tuple[Node, dict] | None:
    """The root node and the data of a file of ``lines`` (a mapping at the top), or None when
    the full reader is to read it."""
    try:
        return _Reader(lines, limits).document()
    except (_Unsure, RecursionError):
        return None


class _Reader:
    """One reading: the lines that count (neither blank nor a comment), and the values and
    characters counted so far. Each method reads from a line's index (``at``) and returns
    the index of the line after what it read; any doubt raises :class:`_Unsure`."""

    def __init__(self, lines: list[str], limits: Limits) -> None:
        self.limits = limits
        self.nodes = 0
        self.chars = 0
        self.all_lines = lines
        self.lines: list[tuple[int, int, str]] = []  # (line, indent, text) of each that counts
        self.looked = 0  # the lines of the file looked at so far

    def line(self, at: int) -> tuple[int, int, str] | None:
        """The ``at``-th line that counts (its number, indent and text from the indent on),
        or None past the last. The file's lines are looked at as they are needed, so that a
        file past a limit is left at the limit, not after it is all read; a line longer than
        a text may be is left to the full reader at once."""
        while len(self.lines) <= at:
            if self.looked == len(self.all_lines):
                return None
            number, line = self.looked, self.all_lines[self.looked]
            self.looked += 1
            if len(line) > self.limits.text + 200 or _ODD.search(line):
                raise _Unsure
            text = line.lstrip(" ")
            if not text or text[0] == "#":
                continue
            indent = len(line) - len(text)
            if indent == 0 and text.startswith(("%", "---", "...")):
                raise _Unsure
            self.lines.append((number, indent, text))
        return self.lines[at]

    def document(self) -> tuple[Node, dict]:
        first = self.line(0)
        if first is None or not _KEY.match(first[2]):
            raise _Unsure
        number, indent, text = first
        root, data, at = self.mapping(0, number, indent, text, 0)
        if self.line(at) is not None:
            raise _Unsure
        return root, data

    def count(self, depth: int, text: str = "") -> None:
        """Count a value at ``depth`` (of ``text``, a scalar's) toward the limits."""
        self.nodes += 1
        self.chars += len(text)
        limits = self.limits
        if (
            depth >= limits.depth
            or self.nodes > limits.nodes
            or len(text) > limits.text
            or self.chars > limits.total_text
        ):
            raise _Unsure

    def block(self, at: int, depth: int) -> tuple[Node, Any, int]:
        """The mapping or list whose first line is ``self.lines[at]``."""
        number, indent, text = self.lines[at]  # looked at by the caller
        if _DASH.match(text):
            return self.sequence(at, indent, depth)
        if _KEY.match(text):
            return self.mapping(at, number, indent, text, depth)
        raise _Unsure

    def mapping(
        self, at: int, number: int, column: int, text: str, depth: int
    ) -> tuple[Node, dict, int]:
        """The mapping at ``column`` whose first key is ``text`` (at ``number``, ``column``:
        the line ``self.lines[at]`` or, in a list, the rest of its item's line)."""
        self.count(depth)
        pairs: list[tuple[Node, Node]] = []
        data: dict = {}
        while True:
            key = _KEY.match(text)
            if key is None:
                raise _Unsure
            name = key[1]
            if name in data or not _plain_key(name) or len(pairs) >= self.limits.items:
                raise _Unsure
            self.count(depth + 1, name)
            key_node = Node("scalar", name, Mark(number, column), Mark(number, column + len(name)))
            node, value, at = self.entry(at, number, column, key.end(), text, depth + 1)
            pairs.append((key_node, node))
            data[name] = value
            below = self.line(at)
            if below is None or below[1] != column:
                first = pairs[0][0].start_mark
                return Node("mapping", pairs, first, first), data, at
            number, _, text = below

    def sequence(
        self, at: int, column: int, depth: int, indentless: bool = False
    ) -> tuple[Node, list, int]:
        """The list whose first dash is at ``column`` of line ``self.lines[at]``; an
        ``indentless`` one (a key's, its dashes under the key) ends at a line that is not an
        item."""
        self.count(depth)
        items: list[Node] = []
        data: list = []
        start = Mark(self.lines[at][0], column)
        while (line := self.line(at)) is not None and line[1] == column:
            number, _, text = line
            dash = _DASH.match(text)
            if dash is None and indentless:
                break
            if dash is None or len(items) >= self.limits.items:
                raise _Unsure
            after = dash.end()
            if _KEY.match(text, after):
                node, value, at = self.mapping(at, number, column + after, text[after:], depth + 1)
            else:
                dash_end = Mark(number, column + 1)
                node, value, at = self.entry(at, number, column, after, text, depth + 1, dash_end)
            items.append(node)
            data.append(value)
        return Node("sequence", items, start, start), data, at

    def entry(
        self,
        at: int,
        number: int,
        column: int,
        after: int,
        text: str,
        depth: int,
        dash_end: Mark | None = None,
    ) -> tuple[Node, Any, int]:
        """The value after a key or (ending at ``dash_end``) a dash at ``column`` of line
        ``self.lines[at]`` (``text`` from ``after`` on): on the line, a block on the lines
        below, or nothing; and the index of the line after it."""
        rest = text[after:]
        at += 1
        below = line[1] if (line := self.line(at)) is not None else -1
        if rest and rest[0] != "#":
            if below > column:  # a value going on over the next line
                raise _Unsure
            node, value = self.inline(rest, number, column + after, depth)
            return node, value, at
        if below > column:
            return self.block(at, depth)
        if below == column and dash_end is None and _DASH.match(self.lines[at][2]):
            return self.sequence(at, column, depth, indentless=True)
        self.count(depth)
        if dash_end is not None:
            at_mark = dash_end
        elif rest and below == column:  # a comment, then the mapping's next key: its colon
            at_mark = Mark(number, column + len(text[:after].rstrip(" ")))
        else:
            at_mark = self.next_token(at)
        return Node("scalar", "", at_mark, at_mark), None, at

    def next_token(self, at: int) -> Mark:
        """Where the token after an empty value starts (ruamel.yaml places the value there
        unless a comment follows its key's colon and the mapping goes on): the first line
        that counts from ``at``, or the end of the file."""
        line = self.line(at)
        if line is not None:
            return Mark(line[0], line[1])
        return Mark(len(self.all_lines) - 1, len(self.all_lines[-1]))

    def inline(self, rest: str, number: int, column: int, depth: int) -> tuple[Node, Any]:
        """A value written on its line from ``column`` (``rest``, to the line's end)."""
        if rest[0] in "[{":
            node, value, end = self.flow(rest, number, column, depth)
        elif rest[0] in "'\"":
            node, value, end = self.quoted(rest, 0, number, column, depth)
        else:
            if rest[0] in _NOT_FIRST or (rest[0] in "-?:" and rest[1:2] in ("", " ")):
                raise _Unsure
            cut = rest.find(" #")
            plain = (rest if cut < 0 else rest[:cut]).rstrip(" ")
            if ": " in plain or plain.endswith(":"):
                raise _Unsure
            node, value = self.plain(plain, number, column, depth)
            end = len(plain)
        if not _TAIL.fullmatch(rest, end):
            raise _Unsure
        return node, value

    def plain(self, text: str, number: int, column: int, depth: int) -> tuple[Node, Any]:
        """The plain value ``text``, written at ``column``."""
        self.count(depth, text)
        node = Node("scalar", text, Mark(number, column), Mark(number, column + len(text)))
        return node, _resolved(text)

    def quoted(
        self, rest: str, at: int, number: int, column: int, depth: int
    ) -> tuple[Node, str, int]:
        """The quoted value at ``rest[at]``, and where it ends in ``rest``."""
        found = (_DOUBLE if rest[at] == '"' else _SINGLE).match(rest, at)
        if found is None:
            raise _Unsure
        text = found[1] if rest[at] == '"' else found[1].replace("''", "'")
        self.count(depth, text)
        start, end = Mark(number, column + at), Mark(number, column + found.end())
        return Node("scalar", text, start, end, rest[at]), text, found.end()

    def flow(self, rest: str, number: int, column: int, depth: int) -> tuple[Node, Any, int]:
        """A ``[…]`` or ``{…}`` of plain or quoted values, on one line."""
        self.count(depth)
        mapping = rest[0] == "{"
        close = "}" if mapping else "]"
        items: list = []
        data: Any = {} if mapping else []
        at = _SPACES.match(rest, 1).end()
        while rest[at : at + 1] != close:
            if len(items) >= self.limits.items:
                raise _Unsure
            if mapping:
                key = _KEY.match(rest, at)
                if key is None or key.end() == key.end(1) + 1 or key[1] in data:
                    raise _Unsure
                if not _plain_key(key[1]):
                    raise _Unsure
                self.count(depth + 1, key[1])
                start = Mark(number, column + at)
                key_node = Node("scalar", key[1], start, Mark(number, start.column + len(key[1])))
                node, value, at = self.flow_value(rest, key.end(), number, column, depth + 1)
                items.append((key_node, node))
                data[key[1]] = value
            else:
                node, value, at = self.flow_value(rest, at, number, column, depth + 1)
                items.append(node)
                data.append(value)
            at = _SPACES.match(rest, at).end()
            if rest[at : at + 1] == ",":
                at = _SPACES.match(rest, at + 1).end()
                if rest[at : at + 1] == close:  # a comma before the end
                    raise _Unsure
            elif rest[at : at + 1] != close:
                raise _Unsure
        start = Mark(number, column)
        return Node("mapping" if mapping else "sequence", items, start, start), data, at + 1

    def flow_value(
        self, rest: str, at: int, number: int, column: int, depth: int
    ) -> tuple[Node, Any, int]:
        """The plain or quoted value at ``rest[at]`` in a ``[…]`` or ``{…}``, and where it
        ends in ``rest``."""
        if rest[at : at + 1] in ("'", '"'):
            return self.quoted(rest, at, number, column, depth)
        if rest[at : at + 1] in _NOT_FIRST or rest[at : at + 1] in ("-", "?", ":", ""):
            raise _Unsure
        text = _FLOW_PLAIN.match(rest, at)[0].rstrip(" ")
        node, value = self.plain(text, number, column + at, depth)
        return node, value, at + len(text)


def _plain_key(name: str) -> bool:
    """Whether YAML reads the key ``name`` as text, as written: not ``null`` nor ``true``,
    and short (a key over 1,024 characters is an error)."""
    return name not in _NULL and name not in _BOOL and len(name) <= 1000


def _resolved(text: str) -> Any:
    """A plain value as YAML 1.2 reads it (as ruamel.yaml's round-trip reader does, but a
    decimal is a plain ``float``, which validates alike); unsure: the full reader's."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    if _UNSURE.fullmatch(text):
        raise _Unsure
    return text
