"""Sentences of a text as its author ended them: after 。！？ or ……, or an English stop that
is no abbreviation, with the closing quotes and brackets that follow; every character kept.
The importer cuts a report's paragraphs so, and a brief briefing keeps whole sentences so."""

from __future__ import annotations

import re

_ZH_SENTENCE = re.compile(r".*?(?:[。！？!?]+|……)[”’」』）)\"']*|.+$", re.DOTALL)
_EN_END = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+[A-Z0-9“\"‘'(\[]|\s*$)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc e.g i.e cf fig figs jan feb mar apr jun jul aug sep"
    " sept oct nov dec inc ltd co corp gov sen rep hon u.s u.k a.m p.m approx".split()
)


def is_cjk(text: str) -> bool:
    """``text`` is mostly Chinese (or Japanese) script."""
    cjk = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return cjk >= latin / 4 and cjk > 0


def sentences(text: str) -> list[str]:
    """``text`` split after each sentence's end mark; every character kept, in order (the
    spaces between English sentences stay with the sentence before)."""
    if not text.strip():
        return []
    if is_cjk(text):
        parts = [m.group() for m in _ZH_SENTENCE.finditer(text) if m.group()]
    else:
        parts, start = [], 0
        for m in _EN_END.finditer(text):
            word = re.findall(r"[A-Za-z.]+$", text[start : m.start()])
            if word and word[0].lower().rstrip(".") in _ABBREVIATIONS and m.group() == ".":
                continue
            end = m.end()
            while end < len(text) and text[end].isspace():
                end += 1
            parts.append(text[start:end])
            start = end
        if start < len(text):
            parts.append(text[start:])
    out: list[str] = []
    for part in parts:  # a lone closing mark or space belongs to the sentence before
        if out and not part.strip("。！？!?”’」』）)\"' \t"):
            out[-1] += part
        else:
            out.append(part)
    return out
