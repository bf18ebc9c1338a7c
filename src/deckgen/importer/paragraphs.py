"""A report as paragraphs: what a reader gives the recogniser, and how a paragraph is read.

Every reader (:mod:`.read_text`, :mod:`.read_docx`) turns a file into :class:`Para` s, one
a paragraph, each with the line it starts on (for a .docx: its paragraph number), the
heading level its format gives it (Markdown ``#``, a Word heading style) and whether the
format marks it as a list item. :func:`marker` reads the ordinal or bullet a paragraph
opens with (一、 （一） 1. (1) ① 一是 第一， ▲ •, and English ``1.`` ``(a)`` ``I.``), which
is structure, not the author's sentence; :func:`sentences` splits running text after each
sentence's end mark, keeping every character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..sentences import is_cjk, sentences

__all__ = [
    "Marker",
    "Para",
    "clauses",
    "is_cjk",
    "is_heading_like",
    "marker",
    "sentences",
]


@dataclass(frozen=True)
class Para:
    """One paragraph of a report, as written (leading and trailing spaces removed)."""

    text: str
    line: int
    """The line it starts on, 1-based (for a .docx: its paragraph number)."""
    heading: int | None = None
    """The heading level its format gives it: 1 for ``#`` or Heading 1…, 0 for a title."""
    list_item: bool = False
    """The format marks it as an item of a list (Markdown ``-``/``1.``, Word numbering)."""
    numbered: bool = False
    """A numbered (not bulleted) list item."""
    bold_lead: str | None = None
    """The bold words it opens with, when more text follows (a run-in heading)."""
    picture: bool = False
    """It holds a picture and no text."""
    notes: int = 0
    """How many footnote or endnote references the format marks in it (.docx)."""


@dataclass(frozen=True)
class Marker:
    """The ordinal or bullet a paragraph opens with."""

    kind: str
    """``zh1`` 一、, ``zh2`` （一）, ``num`` 1. 1、, ``paren`` (1), ``circled`` ①, ``shi`` 一是,
    ``di`` 第一，, ``bullet`` ▲ • -, ``dash`` —— (a line of a list of themes), ``para`` an
    English paragraph number 7., ``alpha`` (a), ``roman`` I."""
    index: int
    """Its number (1 for 一, (a), I; 0 for a bullet)."""
    text: str
    """The marker as written, with the space after it."""


_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
_ZH_NUM = "[一二三四五六七八九十]{1,3}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}

_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("zh2", re.compile(rf"[（(]({_ZH_NUM})[）)]\s*")),
    ("zh1", re.compile(rf"({_ZH_NUM})[、．.]\s*")),
    ("shi", re.compile(rf"({_ZH_NUM})是(?=[^，,。；、是])")),
    ("di", re.compile(rf"第({_ZH_NUM})[，,、：:]\s*")),
    ("paren", re.compile(r"[（(]([0-9]{1,2})[）)]\s*")),
    ("circled", re.compile(f"([{_CIRCLED}])\\s*")),
    ("num", re.compile(r"([0-9]{1,2})(?:[、．]|\.(?![0-9]))\s*(?=[^\s0-9])")),
    ("alpha", re.compile(r"\(([a-z])\)\s*")),
    ("roman", re.compile(r"((?:X|IX|IV|V?I{1,3}|V|XI|XII))\.\s+(?=[A-Z])")),
    ("bullet", re.compile(r"[▲△●○■□◆◇•▪►▶➢✓√·]\s*|[-*+–]\s+")),
    ("dash", re.compile(r"——(?=\S)")),
]
_EN_PARA = re.compile(r"([0-9]{1,3})\.(?=[A-Z“\"‘'(])")
"""An English paragraph number written without a space: "7.Last year"."""


def _zh_int(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十一 → 21."""
    if "十" not in numeral:
        return _ZH_DIGITS.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return (_ZH_DIGITS.get(tens, 0) if tens else 1) * 10 + (_ZH_DIGITS.get(ones, 0) if ones else 0)


def marker(text: str) -> Marker | None:
    """The ordinal or bullet ``text`` opens with, or None. A Chinese ordinal 一、 must be
    followed by text; 1. must not be a decimal ("1.5万"); ``一是`` must not be "一是一"."""
    m = _EN_PARA.match(text)
    if m and len(text) > 40:
        return Marker("para", int(m.group(1)), m.group())
    for kind, pattern in _MARKERS:
        m = pattern.match(text)
        if not m or m.end() >= len(text):
            continue
        if kind in ("bullet", "dash"):
            return Marker(kind, 0, m.group())
        raw = m.group(1)
        if kind in ("zh1", "zh2", "shi", "di"):
            index = _zh_int(raw)
        elif kind == "circled":
            index = _CIRCLED.index(raw) + 1
        elif kind == "alpha":
            index = ord(raw) - ord("a") + 1
        elif kind == "roman":
            index = _ROMAN.get(raw, 0)
        else:
            index = int(raw)
        if index <= 0:
            continue
        return Marker(kind, index, m.group())
    return None


# --- clauses ------------------------------------------------------------------------

_CLAUSE = re.compile(r"[^，,；;：:]+[，,；;：:]?")


def clauses(sentence: str) -> list[str]:
    """A sentence split after each ，；： (every character kept)."""
    return [m.group() for m in _CLAUSE.finditer(sentence)]


_END_MARKS = "。！？!?；;：:"


def is_heading_like(text: str) -> bool:
    """A line that reads as a heading: short, and not ending a sentence ("回顾2022",
    "突出稳字当头、稳中求进", "Fighting the Virus Together")."""
    text = text.strip()
    if not text or text[-1] in _END_MARKS or text.endswith("……"):
        return False
    if is_cjk(text):
        return len(text) <= 40
    if text.endswith((".", ",")):
        return False
    return len(text.split()) <= 12
