"""Checks on the text a file holds, read from its XML: is it exactly what an author writes?

* :func:`invisible` — characters no reader sees: word joiners, zero-width spaces, soft
  hyphens, bidi controls… A search for the text then fails, and copying it out carries them.
* :func:`breaks` — a line break inside a sentence (the text before it does not end one), and
  a tab in running text (not in a paragraph that sets tab stops, such as the briefing's
  masthead line, where the tab places the date at the right margin).
* :func:`full_width_in_english` — full-width punctuation (，。：) in English text, and quotes
  (“”‘’, which Unicode shares between scripts) that the East Asian face would set: in a run
  that declares a CJK East Asian typeface (pptx) or the eastAsia hint (docx), they are drawn
  full width, so an English slide shows “the city’ s” with a gap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .model import Finding, Para, around, clip, escape, is_cjk_lang

INVISIBLE = {
    "\u00ad": "SOFT HYPHEN",
    "\u034f": "COMBINING GRAPHEME JOINER",
    "\u061c": "ARABIC LETTER MARK",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2061": "FUNCTION APPLICATION",
    "\u2062": "INVISIBLE TIMES",
    "\u2063": "INVISIBLE SEPARATOR",
    "\u2064": "INVISIBLE PLUS",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)",
}
"""Invisible or joining characters; any other format or control character (Unicode Cf,
Cc) counts too."""

SENTENCE_ENDS = "。！？；：.!?;:"
CLOSERS = "”’」』）)]】》〉\"'"
"""Closing quotes and brackets that may follow a sentence's end mark."""

FULL_WIDTH = re.compile("[\u3000-\u303f\ufe10-\ufe19\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]")
"""Full-width punctuation and forms (，。、；：！？（）「」 the ideographic space…)."""
QUOTES = "“”‘’"

TEXT_PARTS = ("slide", "notes", "chart", "document", "header", "footer", "footnotes", "endnotes")
"""Parts whose text the author wrote (not a template's layouts and masters)."""


def _invisible_name(ch: str) -> str | None:
    if ch in INVISIBLE:
        return INVISIBLE[ch]
    category = unicodedata.category(ch)
    if category == "Cf":
        return unicodedata.name(ch, "FORMAT CHARACTER")
    if category == "Cc" and ch not in "\t\n":  # breaks and tabs are items of their own
        return f"CONTROL CHARACTER {unicodedata.name(ch, '')}".strip()
    return None


def invisible(paras: Iterable[Para]) -> list[Finding]:
    """Invisible or joining characters in any run: one finding per paragraph and character."""
    found: list[Finding] = []
    for para in paras:
        text = para.text
        seen: dict[str, list[int]] = {}
        for i, ch in enumerate(text):
            if _invisible_name(ch):
                seen.setdefault(ch, []).append(i)
        for ch, where in seen.items():
            count = f"{len(where)} × " if len(where) > 1 else ""
            first = "first in" if len(where) > 1 else "in"
            name = f"U+{ord(ch):04X} {_invisible_name(ch)}"
            found.append(
                Finding(
                    para.where,
                    "invisible character",
                    f"{count}{name} {first} “{around(text, where[0])}”",
                )
            )
    return found


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: 。！？；：.!?;: maybe followed by closing quotes."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in SENTENCE_ENDS


def _newline_join(text: str) -> str:
    """``text`` with any spaces around its newlines removed."""
    return re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "\n", text)


def _written(before: str, after: str, written: list[str]) -> bool:
    """Whether a content text has a newline right where the break is."""
    if not written:
        return False
    seam = before.rstrip()[-10:] + "\n" + after.lstrip()[:10]
    return any(seam in text for text in written)


def breaks(paras: Iterable[Para], content_texts: Iterable[str] = ()) -> list[Finding]:
    """Line breaks inside sentences, and tabs in running text.

    A break (a:br, w:br, w:cr, or a vertical tab, newline or line separator inside a run)
    with text on both sides whose text before does not end a sentence is a break the author
    did not write, unless a content text has its own newline at that place. A tab is running
    text's unless its paragraph (or the paragraph's style) sets tab stops.
    """
    written = [_newline_join(t) for t in content_texts if "\n" in t]
    found: list[Finding] = []
    for para in paras:
        if para.part not in TEXT_PARTS:
            continue
        text = para.text
        pos = 0
        for item in para.items:
            start, pos = pos, pos + len(item.text)
            before, after = text[:start], text[pos:]
            if item.kind == "break":
                if not before.strip() or not after.strip() or ends_sentence(before):
                    continue
                if _written(before, after, written):
                    continue
                found.append(
                    Finding(
                        para.where,
                        "break inside a sentence",
                        f"{item.tag} in “{around(text, start)}”",
                    )
                )
            elif item.kind == "tab" and not para.layout_tabs:
                found.append(
                    Finding(
                        para.where,
                        "tab in running text",
                        f"{item.tag} in “{around(text, start)}” (the paragraph sets no tab stops)",
                    )
                )
    return found


def full_width_in_english(paras: Iterable[Para]) -> list[Finding]:
    """Full-width punctuation, and quotes the East Asian face would set, in English text."""
    found: list[Finding] = []
    for para in paras:
        if para.part not in TEXT_PARTS or not para.english:
            continue
        text = para.text
        marks: dict[str, list[int]] = {}
        for m in FULL_WIDTH.finditer(text):
            marks.setdefault(m.group(), []).append(m.start())
        for ch, where in marks.items():
            count = f"{len(where)} × " if len(where) > 1 else ""
            found.append(
                Finding(
                    para.where,
                    "full-width punctuation in English text",
                    f"{count}{escape(ch)} (U+{ord(ch):04X}) in “{around(text, where[0])}”",
                )
            )
        pos = 0
        for item in para.items:
            start, pos = pos, pos + len(item.text)
            if item.kind != "text" or not item.east_asian_quotes or is_cjk_lang(item.lang):
                continue
            hits = [i for i, ch in enumerate(item.text) if ch in QUOTES]
            if hits:
                quotes = "".join(dict.fromkeys(item.text[i] for i in hits))
                found.append(
                    Finding(
                        para.where,
                        "quote set full width in English text",
                        f"{quotes} in “{around(text, start + hits[0])}” would be set in the "
                        f"East Asian face {item.east_asian!r} (run {clip(item.text, 24)!r})",
                    )
                )
    return found
