"""Keyboard slips in a YAML file, named in plain words with what to type instead.

A Chinese keyboard gives a full-width colon ``：``, full-width spaces ``　`` (U+3000) and
full-width quotes ``“”`` where YAML wants ASCII ones; any keyboard gives a tab, a value
starting with a character YAML keeps for itself (``%``, ``@``, ``*``…) or a `` #`` inside
a sentence. Some of these make the parser complain in its own jargon, some change the
document without a word (`` #`` starts a comment: the rest of the sentence is dropped).
Each is found here, at its line and column:

* :func:`parse_slip` explains a parser's complaint by the slip that caused it, and
  :func:`plain_words` says the commonest of the rest (indentation, a quote left open);
* :func:`structure_slip` finds slips that leave the file readable but its structure wrong
  (a key glued to its value, a line indented with U+3000);
* :func:`comment_slip` finds a `` #`` that reads as part of a sentence (one space before
  it, or a word right after it: ``累计落实 #1 号项目``) but would cut it short: an error,
  since the cost of a wrong guess is a sentence lost without a word, and the fix (quotes)
  is two keystrokes. A comment written as YAML's style writes one (two spaces or more,
  then ``# ``, as this project's README does) is the author's comment and stays one;
* :func:`quote_slips` notes full-width quotes around a whole value: kept as text (a report
  may quote a whole slogan), so a warning, not an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, excerpt, field_path

Loc = tuple[str | int, ...]

_LINE = re.compile(r"(?P<indent>[ \t\u3000]*)(?P<dash>(?:[-－][ \t\u3000]+)*)(?P<rest>.*)")
"""A line: its indentation, the dashes of list items, the rest."""
_KEYED = re.compile(
    r"""(?P<q>["']?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*)(?P=q)[ \u3000]*(?P<colon>[:：])(?P<after>.?)"""
)
"""A key (an ASCII name, perhaps quoted), its colon and what follows the colon."""
_BLOCK = re.compile(
    r"""(?P<indent> *)(?:- +)*"""
    r"""(?:(?:"[^"]*"|'[^']*'|[^\s#'"][^#]*?) *: +)?[|>][-+1-9]{0,2} *(?:#.*)?"""
)
"""A line that opens a block of literal text (``text: |``): the lines under it are text."""

_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "＂": "＂", "＇": "＇"}
"""Full-width opening quotes and their closing ones."""
_RESERVED = "%@`*&!|>"
"""Characters a plain value cannot start with: YAML reads each as something else."""
_READ_AS = {
    "*": "reads as the name of another value",
    "&": "reads as a name for the value",
    "!": "reads as a type",
    "|": "reads as the start of a block of lines",
    ">": "reads as the start of a block of lines",
}


@dataclass(frozen=True)
class Slip:
    """A slip at ``line``:``column`` (1-based), what to do about it, and the field it is in
    (when known)."""

    line: int
    column: int
    message: str
    field: str | None = None

    def error(self, path: Path) -> InputError:
        return InputError(
            self.message, file=path, line=self.line, column=self.column, field=self.field
        )

    def warning(self, path: Path) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{path}:{self.line}:{self.column}: {field}{self.message}"


def parse_slip(
    lines: list[str],
    line: int | None,
    column: int | None,
    keys: frozenset[str] | None,
    problem: str,
) -> Slip | None:
    """The slip that made the parser complain (``problem``) at ``line``:``column``, if one
    did: on a line up to there, or in the value the complaint is in."""
    if line is None or column is None or line > len(lines):
        return None
    found = structure_slip(lines[:line], keys)
    if found is not None:
        return found
    text = lines[line - 1]
    at = column - 1
    if at < len(text) and text[at] == "\t":
        return _tab_slip(text, line, at)
    value = _value(text, keys)
    if value is None:
        return None
    start, label = value
    first = text[start : start + 1]
    if at < start or not first:
        return None
    where = (line, start + 1)
    if first in _QUOTES:
        return _quote_slip(line, start, first, label)
    if first in _RESERVED:
        read_as = _READ_AS.get(first, "keeps for itself")
        return Slip(
            *where,
            f'{label} starts with "{first}", which YAML {read_as}: put the whole value in'
            ' ASCII quotes "…"',
        )
    if first in "\"'" and at > start:
        other = "'…'" if first == '"' else '"…"'
        return Slip(
            *where,
            f"{label} starts with a quote {first} and goes on after the closing one: put the"
            f" whole value in quotes of the other kind, {other}",
        )
    if problem.startswith("mapping values are not allowed") and at > start:
        return Slip(
            line,
            column,
            f'{label} holds ": " (a colon and a space), which YAML reads as a new key: put'
            ' the whole value in ASCII quotes "…"',
        )
    return None


def plain_words(problem: str, context: str, opened: int | None) -> str | None:
    """A parser's complaint that no slip explains, in plain words, where it has common
    causes: a line indented unlike its neighbours, a quote or bracket never closed."""
    if problem.startswith("expected <block end>"):
        return (
            "the line is indented unlike the lines above it: line it up with the other keys"
            " or items of its mapping or list"
        )
    if problem.startswith("mapping values are not allowed"):
        return (
            '": " here starts a key where none can start: line the key up with the keys above'
            ' it, or, if it is part of a text, put the text in ASCII quotes "…"'
        )
    if "quoted scalar" in context and opened is not None:
        return f"the quote opened on line {opened} is never closed: close it with the same quote"
    if "flow sequence" in context and opened is not None:
        return f'the "[" opened on line {opened} is never closed: close it with "]"'
    if "flow mapping" in context and opened is not None:
        return f'the "{{" opened on line {opened} is never closed: close it with "}}"'
    return None


def _quote_slip(line: int, start: int, quote: str, label: str) -> Slip:
    return Slip(
        line,
        start + 1,
        f"{label} is in full-width quotes {quote}…{_QUOTES[quote]}, which YAML does not read"
        ' as quotes: type ASCII quotes "…" around it',
    )


def _value(text: str, keys: frozenset[str] | None) -> tuple[int, str] | None:
    """Where the value on a line ``key: value`` or ``- value`` starts, and how to name it."""
    m = _LINE.match(text)
    assert m is not None
    rest_at = m.end("dash")
    keyed = _KEYED.match(m["rest"])
    if keyed and keyed["colon"] == ":" and (keys is None or keyed["key"] in keys):
        after = rest_at + keyed.end("colon")
        start = after + len(text[after:]) - len(text[after:].lstrip(" "))
        return start, f'the value of "{keyed["key"]}"'
    if m["dash"]:
        return rest_at, "the item"
    return None


def _tab_slip(text: str, line: int, at: int) -> Slip:
    before = text[:at].rstrip(" ")
    if not before.strip(" \t\u3000-"):
        first = text.index("\t")
        return Slip(line, first + 1, "the line is indented with a tab: indent with spaces instead")
    if before.endswith(":"):
        key = _KEYED.search(before + " ")
        name = f' of "{key["key"]}"' if key else ""
        return Slip(line, at + 1, f"a tab after the colon{name}: type a space instead")
    return Slip(line, at + 1, "a tab here, where YAML wants spaces: type a space instead")


def structure_slip(lines: list[str], keys: frozenset[str] | None) -> Slip | None:
    """The first slip that breaks a file's structure: a key followed by a full-width colon,
    by a colon with no space after it, or by a full-width space; a line indented with
    full-width spaces; a full-width dash before a list item. Lines of literal text
    (``text: |``) and comments are skipped; ``keys`` are the names a key may have."""
    block: int | None = None
    for number, text in enumerate(lines, 1):
        stripped = text.strip(" ")
        indent = len(text) - len(text.lstrip(" "))
        if block is not None and (not stripped or indent > block):
            continue
        block = None
        if not stripped or stripped.startswith("#"):
            continue
        found = _line_slip(text, number, keys)
        if found is not None:
            return found
        opens = _BLOCK.fullmatch(text)
        if opens:
            block = len(opens["indent"])
    return None


def _line_slip(text: str, number: int, keys: frozenset[str] | None) -> Slip | None:
    m = _LINE.match(text)
    assert m is not None
    indent, dash, rest = m["indent"], m["dash"], m["rest"]
    keyed = _KEYED.match(rest)
    if keyed and keys is not None and keyed["key"] not in keys:
        keyed = None
    if "\u3000" in indent and (dash or keyed):
        return Slip(
            number,
            indent.index("\u3000") + 1,
            'the line is indented with a full-width space "　" (U+3000): indent with ASCII'
            " spaces instead",
        )
    for i, ch in enumerate(dash):
        if ch == "－":
            return Slip(
                number,
                len(indent) + i + 1,
                'the dash is a full-width "－": type an ASCII "-" followed by a space',
            )
        if ch == "\u3000":
            return Slip(
                number,
                len(indent) + i + 1,
                'the dash is followed by a full-width space "　": type an ASCII space instead',
            )
    value = _value(text, keys)
    if value is not None and text[value[0] : value[0] + 1] in _QUOTES:
        start, label = value
        if ": " in text[start : text.rfind(_QUOTES[text[start]])]:  # a key, to YAML
            return _quote_slip(number, start, text[start], label)
    if keyed is None:
        return None
    key, at = keyed["key"], len(indent) + len(dash)
    colon = at + keyed.start("colon") + 1
    if keyed["colon"] == "：":
        return Slip(
            number,
            colon,
            f'the colon after "{key}" is a full-width "：": type an ASCII colon ":" followed'
            " by a space",
        )
    after = keyed["after"]
    if after == "\u3000":
        return Slip(
            number,
            colon + 1,
            f'the colon after "{key}" is followed by a full-width space "　": type an ASCII'
            " space instead",
        )
    if after not in ("", " ", "\t", ":") and not keyed["q"] and keys is not None:
        return Slip(
            number, colon, f'the colon after "{key}" has no space after it: type a space after ":"'
        )
    return None


def comment_slip(root: Any, lines: list[str], is_text: Callable[[Loc], bool]) -> Slip | None:
    """The first text whose line goes on with a comment (`` #``), which YAML drops, or whose
    value begins with ``&`` read as an anchor nothing refers to: in each, the author's text
    would be cut short without a word."""
    uses: dict[int, int] = {}
    for _ in _values(root, uses):
        pass
    for loc, node, owner_line in _values(root, {}):
        if node.id != "scalar" or node.style is not None or not is_text(loc):
            continue
        end = node.end_mark
        if (node.value or end.line == owner_line) and end.line < len(lines):
            line = lines[end.line]
            rest = line[end.column :]
            at = end.column + len(rest) - len(rest.lstrip(" \t"))
            if line[at : at + 1] == "#" and _cuts_text(line, at, bool(node.value)):
                return Slip(
                    end.line + 1,
                    at + 1,
                    'the text after " #" is read as a comment and dropped: put the whole value'
                    ' in ASCII quotes "…", or the comment on a line of its own',
                    field_path(loc),
                )
        if node.anchor and uses.get(id(node), 0) < 2:
            start = node.start_mark
            return Slip(
                start.line + 1,
                start.column + 1,
                f'the text starts with "&", which YAML reads as a name for the value'
                f' ("&{excerpt(node.anchor)}" is dropped): put the whole value in ASCII'
                ' quotes "…"',
                field_path(loc),
            )
    return None


def _cuts_text(line: str, at: int, after_text: bool) -> bool:
    """Whether the ``#`` at ``at`` reads as part of the text: a word right after it
    (``#1``), or, after a text, only one space before it (a comment has two: ``  # note``)."""
    glued = line[at + 1 : at + 2] not in ("", " ", "\t")
    spaces = len(line[:at]) - len(line[:at].rstrip(" \t"))
    return glued or (after_text and spaces < 2)


def quote_slips(root: Any, is_text: Callable[[Loc], bool]) -> list[Slip]:
    """Each text written in full-width quotes from its first character to its last: kept as
    the author's text, with a note that ASCII quotes are what quote a value."""
    notes = []
    for loc, node, _ in _values(root, {}):
        if node.id != "scalar" or node.style is not None or not is_text(loc):
            continue
        value = node.value
        close = _QUOTES.get(value[:1])
        if close and len(value) > 1 and value.find(close, 1) == len(value) - 1:
            start = node.start_mark
            notes.append(
                Slip(
                    start.line + 1,
                    start.column + 1,
                    f"the text is in full-width quotes {value[0]}…{close}, which stay part of"
                    ' the text: to quote a value, type ASCII quotes "…"',
                    field_path(loc),
                )
            )
    return notes


def _values(root: Any, uses: dict[int, int]) -> Iterator[tuple[Loc, Any, int]]:
    """Every value under ``root`` (keys aside) with its place and the line of its key or
    dash; a node reached again through an alias is counted in ``uses``, not walked again.
    A node is ruamel.yaml's or :mod:`deckgen.yaml_quick`'s: known by its ``id``
    ("scalar", "sequence", "mapping")."""
    stack: list[tuple[Loc, Any, int]] = [((), root, root.start_mark.line)]
    while stack:
        loc, node, owner = stack.pop()
        uses[id(node)] = uses.get(id(node), 0) + 1
        if uses[id(node)] > 1:
            continue
        yield loc, node, owner
        if node.id == "mapping":
            children = [(loc + (str(k.value),), v, k.end_mark.line) for k, v in node.value]
        elif node.id == "sequence":
            children = [(loc + (i,), v, v.start_mark.line) for i, v in enumerate(node.value)]
        else:
            continue
        stack.extend(reversed(children))
