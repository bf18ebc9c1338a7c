"""The briefing's parts: one function a part of the report, registered in :data:`PARTS`,
each writing its blocks through a :class:`Writer` (headings numbered as they come). A point
without a heading is its paragraph alone; a lead sentence is the first paragraph under its
heading; the closing appeal, the briefing's last paragraphs.

A brief briefing (``detail: brief``) keeps whole sentences only: under each highlight's
title, each point's first sentence with a figure in it (its key figure); under each
commitment, each point's heading and first sentence; the first sentence of a summary,
introduction or appeal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ...labels import Language, label
from ...model import Closing, Content, Plan, Problems, Review, Target, Targets
from ...options import BuildOptions
from .blocks import Block, Figure, Heading, Paragraph, Run, Table, heading_prefix, runs_of
from .gist import first_sentence, gist


class Writer:
    """Collects a briefing's blocks, numbering headings as it goes; the part functions
    below write through it."""

    def __init__(self, content: Content, options: BuildOptions, language: Language):
        self.content = content
        self.options = options
        self.numbers = content.meta.lang
        self.labels = language
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.counters = [0, 0, 0, 0]

    # -- helpers ------------------------------------------------------------------------------

    def heading(self, level: int, text: str) -> None:
        self.counters[level - 1] += 1
        for deeper in range(level, len(self.counters)):
            self.counters[deeper] = 0
        n = self.counters[level - 1]
        prefix = heading_prefix(level, n, self.numbers)  # type: ignore[arg-type]
        anchor = f"_Toc{len(self.blocks) + 1:06d}"
        self.blocks.append(Heading(level, prefix, text, anchor))

    def paragraph(self, text: str, role: Literal["body", "lead"] = "body") -> None:
        self.blocks.append(Paragraph(runs_of(text) if role == "body" else (Run(text),), role))

    @property
    def brief(self) -> bool:
        return self.options.detail == "brief"

    def prose(self, texts) -> None:
        """Paragraphs of ``texts`` (a summary, an introduction); brief: its first sentence."""
        texts = list(texts)
        for text in texts[:1] if self.brief else texts:
            self.paragraph(first_sentence(text) if self.brief else text)

    def point(self, text: str) -> None:
        """A point's paragraph; brief: its key figure's sentence (:func:`~.gist.gist`)."""
        self.paragraph(gist(text) if self.brief else text)

    def joined(self, first: str | None, second: str | None) -> str | None:
        """A title and its slogan or subtitle as one line."""
        parts = [p for p in (first, second) if p]
        if not parts:
            return None
        return "".join(parts) if self.numbers == "zh" else " — ".join(parts)

    def titled(self, title: str, slogan: str | None) -> str:
        if not slogan:
            return title
        return f"{title}——{slogan}" if self.numbers == "zh" else f"{title} — {slogan}"

    def part_label(self, given: str | None, key: str, year: int | None) -> str:
        if given:
            return given
        word = label(key, self.labels)
        if year is None:
            return word
        return f"{word}{year}" if self.labels == "zh" else f"{word} {year}"

    def figure(self, image, caption: str) -> None:
        """An item's picture, if it has one, with ``caption`` under it."""
        if image is not None:
            self.blocks.append(Figure(str(image), caption))


def _opening(w: Writer, key: str, part: Review | Plan) -> None:
    """A part's numbered heading, and its title and subtitle as a lead line."""
    w.heading(1, w.part_label(part.label, key, part.year))
    lead = w.joined(part.title, part.subtitle)
    if lead:
        w.paragraph(lead, "lead")


def _point(w: Writer, level: int, heading: str | None, image, caption: str) -> None:
    """A point's heading at ``level`` (none for a point without one) and its picture,
    captioned with its heading, else ``caption`` (its item's title)."""
    if heading:
        w.heading(level, heading)
    w.figure(image, heading or caption)


def _item(w: Writer, title: str, slogan: str | None, image, lead: str | None) -> None:
    """A highlight's or commitment's heading, picture and lead sentence."""
    w.heading(2, w.titled(title, slogan))
    w.figure(image, title)
    if lead:
        w.paragraph(lead)


def review(w: Writer, review: Review) -> None:
    _opening(w, "review", review)
    w.prose(review.summary)
    for highlight in review.highlights:
        _item(w, highlight.title, highlight.slogan, highlight.image, highlight.lead)
        for point in highlight.points:  # brief: the highlight's key figures, no headings
            _point(w, 3, None if w.brief else point.heading, point.image, highlight.title)
            w.point(point.text)


def problems(w: Writer, problems: Problems) -> None:
    w.heading(1, problems.title or label("problems", w.labels))
    for text in problems.points:
        w.point(text)


def targets(w: Writer, targets: Targets) -> None:
    w.heading(1, targets.title or label("targets", w.labels))
    for line in targets.intro:
        ends_sentence = line[-1] in "。：；！？:.;!?"
        w.paragraph(line, "body" if ends_sentence else "lead")
    w.blocks.append(targets_table(w, targets.items))


def targets_table(w: Writer, items: list[Target]) -> Table:
    """指标 | 目标: what is measured, and the target as written, whole (a reader searches
    for "地区生产总值增长5.5%"); targets without a label give a one-column table."""
    if not any(t.label for t in items):
        return Table((label("target", w.labels),), tuple((runs_of(t.text),) for t in items), (1.0,))
    rows = tuple((runs_of(t.label or ""), runs_of(t.text)) for t in items)
    header = (label("indicator", w.labels), label("target", w.labels))
    return Table(header, rows, (0.3, 0.7))


def plan(w: Writer, plan: Plan) -> None:
    _opening(w, "plan", plan)
    w.prose((*plan.requirements, *plan.intro))
    for commitment in plan.commitments:
        _item(w, commitment.title, commitment.slogan, commitment.image, commitment.lead)
        for point in commitment.points:
            if point.heading:
                w.heading(3, point.heading)
            bullets = point.bullets[:1] if w.brief else point.bullets
            for bullet in bullets:  # brief: the point's first sentence
                w.paragraph(first_sentence(bullet) if w.brief else bullet)


def closing(w: Writer, closing: Closing) -> None:
    w.heading(1, closing.title)
    if closing.intro:
        w.prose([closing.intro])
    for point in closing.points:
        _point(w, 2, point.heading, point.image, closing.title)
        w.point(point.text)
    w.prose(closing.appeal)


PARTS: dict[str, Callable[[Writer, object], None]] = {
    "review": review,
    "problems": problems,
    "targets": targets,
    "plan": plan,
    "closing": closing,
}
"""The part writers by the content's part names; the meeting says which, in which order."""
