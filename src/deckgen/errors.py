"""Errors deckgen reports to its user: one line each, naming file, line, column and field."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

EXCERPT = 40
"""The most characters of a value an error quotes; a longer one is cut, with "…"."""

MAX_MESSAGE = 300
"""The most characters of an error's message (its place and field aside)."""


@dataclass
class DeckgenError(Exception):
    """An error the user can fix; the CLI prints it on one line and exits 2."""

    message: str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        field = f"{excerpt(self.field, 120)}: " if self.field else ""
        return _printable(f"{where}{field}{shorten(self.message)}")


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """At most ``limit`` characters of ``value`` (a longer one cut, "…" after it), line
    breaks shown as ⏎: what an error quotes of a bad value."""
    text = str(value).replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")
    return text if len(text) <= limit else text[:limit] + "…"


_QUOTED = re.compile(r"(?<![A-Za-z])'([^'\n]*)'(?![A-Za-z])|\"([^\"\n]*)\"|“([^”\n]*)”")
"""A quoted value in a message: each pair of quotes, left to right."""


def shorten(message: str) -> str:
    """``message`` with each quoted value longer than :data:`EXCERPT` cut to an excerpt, and
    the whole at most :data:`MAX_MESSAGE` characters: an error line stays short whatever
    value it quotes."""

    def cut(match: re.Match[str]) -> str:
        whole = match.group(0)
        inner = next(g for g in match.groups() if g is not None)
        return whole if len(inner) <= EXCERPT else whole[0] + excerpt(inner) + whole[-1]

    message = _QUOTED.sub(cut, message)
    return excerpt(message, MAX_MESSAGE)


def _printable(line: str) -> str:
    """``line`` with what a terminal cannot print (control characters but tab, halves of
    surrogate pairs, U+FFFE and U+FFFF) written as escapes: printing it never fails, and it
    stays one line."""
    return _UNPRINTABLE.sub(lambda m: ascii(m.group(0))[1:-1], line)


_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def field_path(loc: tuple[str | int, ...]) -> str:
    """A field's place as an error names it: ``review.highlights[0].title``."""
    out = ""
    for key in loc:
        name = excerpt(key)
        out += f"[{key}]" if isinstance(key, int) else (f".{name}" if out else name)
    return out or "(top)"


class InputError(DeckgenError):
    """A content, template or meeting file that cannot be read or is not valid."""


class OutputError(DeckgenError):
    """A file that cannot be written."""


class FieldValueError(ValueError):
    """A model validator's complaint about one of its model's fields, e.g. a target's value.

    Pydantic locates a model validator's error at the model; :func:`deckgen.load.validate`
    moves it to ``field``, so the message points at the line and column of that field. A
    tuple names a field further down (``("cards", 1, "figure")``).
    """

    def __init__(self, message: str, field: str | tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.field = field

    def __reduce__(self):
        return (type(self), (str(self), self.field))
