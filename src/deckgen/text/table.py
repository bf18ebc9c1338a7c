"""A function of one character as a table, for the loops that measure and break text a
character at a time: each value is computed the first time it is looked up, and found by a
dict lookup (no call) every time after."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class CharTable(dict[str, T], Generic[T]):
    """``of(ch)`` for every character ``ch`` looked up: ``table[ch]``."""

    def __init__(self, of: Callable[[str], T]):
        super().__init__()
        self.of = of

    def __missing__(self, ch: str) -> T:
        value = self[ch] = self.of(ch)
        return value
