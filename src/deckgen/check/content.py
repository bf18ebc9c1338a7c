"""With the content a file was built from: is every sentence and figure of it findable?

"Findable" is what a reader's Ctrl+F does: the sentence, punctuation included, stands
verbatim in the text of one paragraph (a sentence cut by a break, or laced with an
invisible character, is not findable). A deck's sentences are looked for in its slides and
speaker notes (a sentence continued on a "（续）" slide is whole in the notes), its figures
in the slides alone (the slides must carry every figure); a briefing's in its document.

The content's sentences are those of its running texts: titles, subtitles, slogans,
headings, leads, texts, intros, bullets, summaries, requirements and appeals of the parts
(``meta`` is the file's furniture, a card's caption is the deck's, not the report's, the
``problems`` part is shown only when a meeting asks for it, and ``unplaced`` text never),
split after 。！？； and after ". " (and
at the author's own newlines), each kept with its punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..figures import find_figures
from .model import Finding, Para, clip

PROSE = frozenset(
    {"title", "subtitle", "slogan", "heading", "lead", "text", "intro", "bullets"}
    | {"summary", "requirements", "appeal"}
)
"""The content fields that hold the report's own text."""
SKIPPED = frozenset({"meta", "cards", "problems", "unplaced"})
"""Content fields whose text is not looked for."""

_SENTENCE = re.compile(r".+?(?:[。！？；]+[”’」』）)]*|[.!?;]+[”’\"')]*(?=\s)|$)")
"""A sentence: up to and including its end mark (and any closing quote after it)."""


def content_texts(content) -> list[tuple[str, str]]:
    """(field path, text) of every running text of a content, in order."""
    out: list[tuple[str, str]] = []

    def walk(value: object, path: str, key: str) -> None:
        if isinstance(value, str):
            if key in PROSE:
                out.append((path, value))
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in SKIPPED:
                    walk(v, f"{path}.{k}" if path else k, k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]", key)

    walk(content.model_dump(mode="json", exclude_none=True), "", "")
    return out


def sentences(text: str) -> list[str]:
    """A text's sentences, each with its end mark; split at newlines as well."""
    out = []
    for line in text.splitlines():
        out += [s.strip() for s in _SENTENCE.findall(line.strip()) if s.strip()]
    return out


def _haystack(paras: Iterable[Para]) -> str:
    return "\n".join(p.text for p in paras)


def _missing(things: Iterator[tuple[str, str]], hay: str, what: str, where: str) -> list[Finding]:
    found, seen = [], set()
    for path, thing in things:
        if thing in seen:
            continue
        seen.add(thing)
        if thing not in hay:
            found.append(Finding(path, f"{what} not findable in {where}", f"“{clip(thing)}”"))
    return found


def unfindable(content, paras: list[Para], deck: bool) -> list[Finding]:
    """Each sentence and figure of ``content`` that the file's text does not hold verbatim.

    A finding names the content field the text comes from (e.g. ``review.highlights[0]…``).
    """
    texts = content_texts(content)
    if deck:
        slides = [p for p in paras if p.part in ("slide", "chart")]
        with_notes = slides + [p for p in paras if p.part == "notes"]
        sentence_hay, figure_hay = _haystack(with_notes), _haystack(slides)
        where_s, where_f = "the slides or notes", "the slides"
    else:
        body = [p for p in paras if p.part not in ("layout", "master")]
        sentence_hay = figure_hay = _haystack(body)
        where_s = where_f = "the document"
    found = _missing(
        ((path, s) for path, text in texts for s in sentences(text)),
        sentence_hay,
        "sentence",
        where_s,
    )
    found += _missing(
        ((path, f.text) for path, text in texts for f in find_figures(text)),
        figure_hay,
        "figure",
        where_f,
    )
    return found
