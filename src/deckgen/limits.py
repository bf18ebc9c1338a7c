"""The limits on what a user's files may hold: each reached is one located line, in seconds.

A real report's content file is about 50 KB: a few hundred texts, the longest about 1,200
characters, no list longer than 15 items, nested 7 deep. These limits are far above that and
far below what would take a build past a minute or a reading past a few seconds; the README
("Limits") states them for authors.
"""

from __future__ import annotations

MAX_CONTENT_BYTES = 2 * 1024 * 1024
"""The largest content file (2 MB): some forty times a full report."""

MAX_PROFILE_BYTES = 256 * 1024
"""The largest meeting profile or theme.yaml (256 KB)."""

MAX_TEXT = 5_000
"""The most characters in one text (a title, a paragraph, a bullet, a key)."""

MAX_ITEMS = 100
"""The most items in one list, or keys in one mapping."""

MAX_DEPTH = 24
"""The most levels of lists and mappings inside each other (a content file has 7)."""

MAX_NODES = 20_000
"""The most values (texts, numbers, lists, mappings) a file holds, every alias counted each
time it is used: an alias cannot multiply a small file into a large one."""

MAX_TOTAL_TEXT = 100_000
"""The most characters of text in one file, every alias counted each time it is used."""

MAX_MEETINGS = 50
"""The most meeting profiles one ``build --meetings`` builds."""

MAX_PICTURE_BYTES = 50 * 1024 * 1024
"""The largest picture file an ``image:`` may name (50 MB)."""


def size_text(size: int) -> str:
    """A byte count as people say it: "2 MB", "256 KB", "1.5 MB"."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"
