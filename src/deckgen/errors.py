"""Errors deckgen reports to its user: one line each, naming file, line, column and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


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
