"""The briefing's plan: a content turned into numbered blocks (GB/T 9704 order), pure data.

:mod:`.blocks` holds the blocks, :mod:`.parts` one writer a part of the report (the table
:data:`~.parts.PARTS`); :mod:`.styles` the page grid and paragraph styles, :mod:`.lines` and
:mod:`.boxes` the lines and heights each block takes in them, :mod:`.pages` the pages they
fill: the table of contents' page numbers and the 版记's even last page.
"""

from __future__ import annotations

import unicodedata

from ...labels import Language, label, labels_language
from ...model import ALL_PARTS, Content
from ...options import BuildOptions
from ...template.theme import Theme
from ..shown import shown
from .blocks import (
    Block,
    Brief,
    Contents,
    CopyBlock,
    Figure,
    Heading,
    Masthead,
    Paragraph,
    Properties,
    Run,
    Table,
    Title,
    TocEntry,
    chinese_numeral,
    heading_prefix,
    roman_numeral,
    runs_of,
)
from .boxes import Boxes
from .pages import colophon, contents, lay_out
from .parts import PARTS, Writer
from .styles import typography

__all__ = [
    "Block",
    "Brief",
    "Contents",
    "CopyBlock",
    "Figure",
    "Heading",
    "Masthead",
    "Paragraph",
    "Properties",
    "Run",
    "Table",
    "Title",
    "TocEntry",
    "chinese_numeral",
    "heading_prefix",
    "plan_brief",
    "roman_numeral",
    "runs_of",
]


def plan_brief(content: Content, theme: Theme, options: BuildOptions) -> Brief:
    """Plan the briefing of ``content``: masthead, title (the occasion and presenter under
    it), parts in ``options.parts`` order, 版记; what of the content it shows is
    :func:`~deckgen.plan.shown.shown`'s."""
    content = shown(content, options)
    meta = content.meta
    language = labels_language(meta, options.labels)
    planner = Writer(content, options, language)
    date = options.date or meta.date
    title = options.title or meta.title
    subtitle = options.subtitle or meta.subtitle

    head: list[Block] = [
        Masthead(
            title=masthead(theme, language),
            issue=label("issue", language, n=options.issue_number)
            if options.issue_number is not None
            else None,
            organisation=meta.organisation,
            date=date,
        ),
        Title(title, subtitle, meta.kicker),
        *(Paragraph((Run(x),), "byline") for x in (meta.occasion, meta.presenter) if x),
    ]
    for name in options.parts:
        if name not in ALL_PARTS:
            planner.warnings.append(f"unknown part {name!r} in the build options is left out")
        elif getattr(content, name) is None:
            planner.warnings.append(f"the content has no {name!r} part")
        else:
            PARTS[name](planner, getattr(content, name))

    copy_to = None
    if options.copy_to:
        sep, end = ("，", "。") if language == "zh" else (", ", ".")
        copy_to = label("copy_to", language) + sep.join(options.copy_to) + end
    closing_block = CopyBlock(
        copy_to=copy_to,
        organisation=meta.organisation,
        issued=label("issued", language, date=date) if date else None,
    )

    boxes = Boxes(typography(meta.lang == "zh", theme.briefing.fonts), theme.briefing)
    body = [boxes.settle(b) for b in planner.blocks]
    if options.toc:
        levels = 1 if options.detail == "brief" else 2  # a brief briefing lists its parts
        head.append(contents(head, body, boxes, language, levels))
    closing_block, pages = colophon(closing_block, lay_out([*head, *body], boxes), boxes)
    blocks = (*head, *body, closing_block)
    headings = [b for b in body if isinstance(b, Heading)]
    keywords = [meta.region, *(h.text for h in headings if h.level == 1)]
    return Brief(
        language=meta.language,
        labels=language,
        properties=Properties(
            title=title,
            subject=subtitle or title,
            author=meta.organisation or "",
            keywords=("；" if language == "zh" else "; ").join(k for k in keywords if k),
            comments=meta.source or "",
            language=meta.language,
        ),
        blocks=blocks,
        marking=options.marking,
        pages=pages,
        warnings=tuple(planner.warnings),
    )


ENGLISH_MASTHEAD = "Briefing"
"""An English briefing's masthead when the template's is Chinese."""


def masthead(theme: Theme, language: Language) -> str:
    """The masthead's title: the template's, unless the briefing is English and it is not."""
    title = theme.briefing.masthead
    if language == "en" and any(unicodedata.east_asian_width(c) in "WF" for c in title):
        return ENGLISH_MASTHEAD
    return title
