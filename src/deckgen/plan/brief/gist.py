"""What a brief briefing (``detail: brief``) keeps of a text: whole sentences, as written.

A sentence ends after 。！？ (or . ! ? before a space or the end), with the closing quotes
and brackets that follow it; ；and ： do not end one. Sentences are never cut, and the
text kept is the author's, character for character.
"""

from __future__ import annotations

from ...figures import find_figures

_ENDS = "。！？!?"
_CLOSERS = "”’」』）)\"'"


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence; the pieces, joined, are ``text`` (a space between
    two sentences stays with the first)."""
    out, start, i = [], 0, 0
    while i < len(text):
        ch = text[i]
        i += 1
        latin_stop = ch == "." and (i == len(text) or text[i].isspace())
        if ch in _ENDS or latin_stop:
            while i < len(text) and text[i] in _CLOSERS:
                i += 1
            while i < len(text) and text[i].isspace():
                i += 1
            out.append(text[start:i])
            start = i
    if start < len(text):
        out.append(text[start:])
    return out


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, as written (without the space after it)."""
    return sentences(text)[0].rstrip() if text else text


def gist(text: str) -> str:
    """The first sentence of ``text`` that holds a figure (its key figure), else its first
    sentence."""
    for sentence in sentences(text):
        if find_figures(sentence):
            return sentence.rstrip()
    return first_sentence(text)
