"""What a brief briefing (``detail: brief``) keeps of a text: whole sentences, as written.

Sentences are cut as the importer cuts them (:func:`deckgen.sentences.sentences`:
after 。！？ or ……, or an English stop that is no abbreviation, with the closing quotes and
brackets that follow; ；and ： end none), never inside, and the text kept is the author's,
character for character.
"""

from __future__ import annotations

from ...figures import find_figures
from ...sentences import sentences

__all__ = ["first_sentence", "gist", "sentences"]


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, as written (without the space after it)."""
    found = sentences(text)
    return found[0].rstrip() if found else text


def gist(text: str) -> str:
    """The first sentence of ``text`` that holds a figure (its key figure), else its first
    sentence."""
    for sentence in sentences(text):
        if find_figures(sentence):
            return sentence.rstrip()
    return first_sentence(text)
