"""The briefing's plan: a content turned into numbered blocks (GB/T 9704 order), pure data.

:mod:`.blocks` holds the blocks, :mod:`.parts` one writer a part of the report (the table
:data:`~.parts.PARTS`), :mod:`.pages` the page estimates of the table of contents.
"""

from __future__ import annotations

from ...labels import label, labels_language
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
from .pages import contents, estimated_pages
from .parts import PARTS, Writer

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
    "estimated_pages",
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
            title=theme.briefing.masthead,
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

    body = planner.blocks
    if options.toc:
        head.append(contents(head, body, language))
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
        warnings=tuple(planner.warnings),
    )
