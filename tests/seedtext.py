"""The seed report as sentences, and a check that each of them stands in some output.

The seed is the Liuhe district 2023 government work report speed-read, as scraped from a
web page (``/work/shared/seeds/000_21a80ffb47669c27.txt``; ``DECKGEN_SEED`` overrides the
path). ``content/liuhe-2023.yaml`` holds the whole of it; the content, deck and briefing
tests use :func:`seed_sentences` and :func:`missing` to prove that nothing was lost::

    from seedtext import missing, seed_sentences

    assert missing(seed_sentences(), text_of_the_pptx) == []
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_SEED_NAME = "seeds/000_21a80ffb47669c27.txt"
_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "shared" / _SEED_NAME,  # shared/ beside the clone (CI)
    Path("/work/shared") / _SEED_NAME,
)
SEED_PATH = Path(
    os.environ.get("DECKGEN_SEED")
    or next((str(p) for p in _CANDIDATES if p.is_file()), str(_CANDIDATES[0]))
)
"""Where the seed text is: ``DECKGEN_SEED``, else ``shared/`` beside the repository."""

PAGE_TITLE = "聚焦两会!速读六合区政府工作报告"
"""The page's title line: kicker and title, given in the content as ``meta.kicker`` and
``meta.title``. Its first occurrence stands for those two; the repeat is clutter."""

CLUTTER = frozenset({"江苏", "江苏 > 南京 > 政情 > 正文", "图片"})
"""Lines of the web page that are not content ("图片" marks where a picture was)."""

PUNCTUATION = str.maketrans(
    {",": "，", ":": "：", "!": "！", ";": "；", "?": "？", "(": "（", ")": "）"}
)
"""Half-width punctuation in Chinese text and its full-width form (decimal points stay)."""

_SENTENCE = re.compile(r".+?(?:[。！？；]+[”’」』）]*|$)")
"""A sentence: up to and including its end mark (and any closing quote after it)."""

SEPARATOR = "\x00"
"""Joins separate strings into one haystack: not whitespace, so :func:`missing` keeps it
and a sentence cannot match across two strings."""


def normalise(text: str) -> str:
    """Chinese punctuation in full width; no other change."""
    return text.translate(PUNCTUATION)


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph after each 。！？； (a heading line is one "sentence")."""
    return [s.strip() for s in _SENTENCE.findall(paragraph.strip()) if s.strip()]


def seed_paragraphs(path: Path | None = None) -> list[str]:
    """The seed's content lines, clutter removed, punctuation normalised, in order."""
    lines = (path or SEED_PATH).read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    seen_title = False
    for raw in lines:
        line = raw.strip()
        if not line or line in CLUTTER:
            continue
        if line == PAGE_TITLE:
            if not seen_title:
                kicker, title = line.split("!", 1)
                out += [kicker, title]
            seen_title = True
            continue
        out.append(normalise(line.removeprefix("▲")))
    return out


def seed_sentences(path: Path | None = None) -> list[str]:
    """Every sentence and heading line of the seed, once each, in order."""
    sentences = (s for p in seed_paragraphs(path) for s in split_sentences(p))
    return list(dict.fromkeys(sentences))


def squash(text: str) -> str:
    """``text`` without any whitespace or invisible format characters (word joiners)."""
    return "".join(ch for ch in "".join(text.split()) if unicodedata.category(ch) != "Cf")


def missing(sentences: Iterable[str], haystack: str) -> list[str]:
    """The sentences that do not stand in ``haystack`` (whitespace ignored on both sides)."""
    hay = squash(haystack)
    return [s for s in sentences if squash(s) not in hay]


def strings_of(data: Any) -> list[str]:
    """Every string in nested data (e.g. ``model.model_dump()``), in order."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings_of(value)]
    if isinstance(data, list | tuple):
        return [s for value in data for s in strings_of(value)]
    return []


def haystack(strings: Iterable[str]) -> str:
    """Strings joined so that no sentence can match across two of them."""
    return SEPARATOR.join(strings)
