"""What the checks read and report: a file's paragraphs as runs, breaks and tabs; findings.

Both a deck and a briefing are read into the same shape, :class:`Para` (one paragraph of
one part, with where it is) holding :class:`Item` s (a run's text with the language and
East Asian face it declares, a line break, or a tab), so that every text check is written
once for both. A check returns :class:`Finding` s, each naming the slide or the page and
paragraph it is about.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
    "\u31a0-\u31ff\u3200-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003134f]"
)
_CJK_LETTER = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
CJK_LANGS = ("zh", "ja", "ko")

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"a": A, "p": P, "c": C, "w": W, "mc": MC}


def has_cjk(text: str) -> bool:
    """True if text contains a Chinese, Japanese or Korean character (incl. fullwidth forms)."""
    return bool(_CJK.search(text))


def has_cjk_letters(text: str) -> bool:
    """True if text contains a Han character, kana or hangul (punctuation does not count)."""
    return bool(_CJK_LETTER.search(text))


def is_cjk_lang(tag: str | None) -> bool:
    """Whether a language tag is Chinese, Japanese or Korean ("zh-CN", "ja-JP"…)."""
    return bool(tag) and tag.lower().startswith(CJK_LANGS)


def escape(text: str) -> str:
    """``text`` with invisible, format and control characters shown as ``<U+2060>``."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("⏎")
        elif ch == "\t":
            out.append("⇥")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") or ch == "\u00ad":
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def around(text: str, start: int, end: int | None = None, width: int = 12) -> str:
    """The text around ``text[start:end]``, escaped, with "…" where it was cut."""
    end = start + 1 if end is None else end
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + escape(text[left:right]) + ("…" if right < len(text) else "")


def clip(text: str, n: int = 40) -> str:
    """``text`` cut to ``n`` characters with "…"."""
    return text if len(text) <= n else text[: n - 1] + "…"


# ---------------------------------------------------------------------------------------------
# A file's paragraphs


@dataclass
class Item:
    """One piece of a paragraph: a run's text, a line break or a tab."""

    kind: Literal["text", "break", "tab"]
    text: str = ""
    """The run's text ("\\n" for a break, "\\t" for a tab)."""
    lang: str = ""
    """The language the run declares for its Latin text ("en-US", "zh-CN"; "" if none)."""
    east_asian: str = ""
    """The typeface that sets the run's East Asian (full-width) characters, theme references
    resolved ("" if the run declares none)."""
    east_asian_quotes: bool = False
    """Whether quotes (“”‘’), which Unicode shares between scripts, are set in the East
    Asian face: a pptx run with a CJK a:ea, a docx run with w:hint="eastAsia"."""
    tag: str = ""
    """What the item is in the file: "a:br", "w:br", "w:cr", "w:tab", "U+000B"…"""


@dataclass
class Para:
    """One paragraph of one part of a file, and where it is."""

    part: str
    """"slide", "notes", "chart", "layout", "master" (a deck); "document", "header",
    "footer", "footnotes", "endnotes" (a briefing)."""
    items: list[Item] = field(default_factory=list)
    slide: int | None = None
    """The slide (1-based, hidden slides counted) of a deck's paragraph."""
    shape: str = ""
    """The shape (or chart) that holds a deck's paragraph."""
    number: int | None = None
    """The paragraph's number within its part (1-based) in a briefing."""
    part_name: str = ""
    """The part's file in the package, e.g. "/word/header1.xml"."""
    page: int | None = None
    """The page of the render the paragraph is on, when known."""
    layout_tabs: bool = False
    """Whether the paragraph (or its style) sets tab stops: its tabs are layout."""
    english: bool = False
    """Whether the paragraph is English text: its runs' language, or the document's."""

    @property
    def text(self) -> str:
        """The paragraph's text: breaks as "\\n", tabs as "\\t"."""
        return "".join(i.text for i in self.items)

    @property
    def where(self) -> str:
        """E.g. "slide 3 'TextBox 5'", "notes of slide 3", "page 2, paragraph 41"."""
        if self.part in ("slide", "chart"):
            return f"slide {self.slide} {self.shape!r}"
        if self.part == "notes":
            return f"notes of slide {self.slide}"
        if self.part in ("layout", "master"):
            return f"{self.part} {self.shape!r}"
        name = "paragraph" if self.part == "document" else f"{self.part} paragraph"
        if self.part != "document" and self.part_name:
            name = f"{self.part_name.rsplit('/', 1)[-1]} paragraph"
        page = f"page {self.page}, " if self.page else ""
        return f"{page}{name} {self.number}"


# ---------------------------------------------------------------------------------------------
# Findings


@dataclass(frozen=True)
class Finding:
    """One thing wrong with a written file, where it is, and what it is."""

    where: str
    """The slide, or the page and paragraph, e.g. "slide 3 'TextBox 5'"."""
    problem: str
    """What kind of fault, e.g. "invisible character", "break inside a sentence"."""
    detail: str
    """The fault itself, e.g. the text around it with the character escaped."""
    warning: bool = False
    """A warning is reported but does not fail the check (a renderer's split figure)."""

    def __str__(self) -> str:
        prefix = "warning: " if self.warning else ""
        where = f"{self.where}: " if self.where else ""
        return f"{prefix}{where}{self.problem}: {self.detail}"
