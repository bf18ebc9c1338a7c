"""Reading a plain-text (.txt) or Markdown (.md) report into paragraphs.

A .txt file is one paragraph a line (as text copied from a web page or saved from Word
is), blank lines ignored, indentation (spaces, U+3000) removed. A .md file is read the
way Markdown reads it, for what a report uses: ``#`` headings (and ``===``/``---``
underlines), paragraphs of one or more lines (joined without a space between Chinese
characters, with one between words), ``-``/``*``/``+``/``1.`` list items, ``**bold**``
run-in headings, ``\\`` escapes, pictures ``![…](…)``; emphasis marks and HTML comments
are markup and are left out, every other character is kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .paragraphs import Para, is_cjk

__all__ = ["decode", "read_markdown", "read_txt"]

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
"""Zero-width characters a web page leaves in copied text; never the author's."""


def decode(path: Path, raw: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was read in: UTF-8 (with or without BOM),
    UTF-16 with a BOM, else GB18030 (GBK), the common Chinese Windows encoding."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16"
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as err:
        raise InputError(
            "neither UTF-8 nor GB18030 text; save the report as UTF-8", file=path
        ) from err


def _clean(line: str) -> str:
    return line.translate(_INVISIBLE).strip()


def read_txt(text: str) -> list[Para]:
    """One paragraph a non-blank line."""
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _clean(raw)
        if line:
            out.append(Para(line, number))
    return out


# --- Markdown -------------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_BULLET = re.compile(r"^ {0,3}[-*+]\s+(.*)$")
_ORDERED = re.compile(r"^ {0,3}\d{1,3}[.)]\s+(.*)$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\([^)]*\)$")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_BOLD_LEAD = re.compile(r"^(\*\*|__)(.+?)\1(?=\S)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def _inline(text: str) -> str:
    """Markdown inline markup taken away: links keep their words, emphasis marks and
    escapes go; every other character stays."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    return _ESCAPE.sub(r"\1", text)


def _join(lines: list[str]) -> str:
    """A paragraph's lines as one text: no space where both sides are Chinese."""
    out = ""
    for line in lines:
        if out and not (is_cjk(out[-1]) and is_cjk(line[0])):
            out += " "
        out += line
    return out


def read_markdown(text: str) -> list[Para]:
    """Headings, paragraphs and list items, each at the line it starts on."""
    text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    out: list[Para] = []
    lines = text.splitlines()
    block: list[str] = []
    start = 0
    kind: dict = {}
    fenced = False

    def flush() -> None:
        nonlocal block, kind
        if block:
            raw = _join([_clean(b) for b in block if _clean(b)])
            bold = _BOLD_LEAD.match(raw)
            lead = _inline(bold.group(2)) if bold else None
            image = _IMAGE.match(raw)
            if image:
                out.append(Para(image.group(1).strip(), start, picture=True))
            elif raw:
                out.append(Para(_inline(raw), start, bold_lead=lead, **kind))
        block, kind = [], {}

    for number, raw in enumerate(lines, start=1):
        line = raw.translate(_INVISIBLE)
        if _FENCE.match(line):
            fenced = not fenced
            flush()
            continue
        if fenced:
            continue
        if not line.strip() or _RULE.match(line) and not block:
            flush()
            continue
        setext = _SETEXT.match(line)
        if setext and len(block) == 1 and not kind:
            out.append(Para(_inline(_clean(block[0])), start, heading=1 if "=" in line else 2))
            block = []
            continue
        atx = _ATX.match(line)
        item = _BULLET.match(line) or _ORDERED.match(line)
        if atx:
            flush()
            out.append(Para(_inline(_clean(atx.group(2))), number, heading=len(atx.group(1))))
            continue
        if item:
            flush()
            block, start = [item.group(1)], number
            kind = {"list_item": True, "numbered": bool(_ORDERED.match(line))}
            continue
        if line.startswith(">"):
            line = line.lstrip(">").strip()
        if not block:
            start = number
        block.append(line)
    flush()
    return out
