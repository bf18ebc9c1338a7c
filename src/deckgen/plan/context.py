"""What every slide kind needs: the planning context (grid, typesetter, language, options)
and the shared pieces of a slide (fitted texts, the title block, the footer).

A slide kind is a function ``make(p: Planner, part: Part) -> list[Slide]`` in its own module
under :mod:`deckgen.plan.kinds`, registered in :data:`deckgen.plan.deck.DECK`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..labels import Language, label, labels_language
from ..model import Content
from ..options import BuildOptions
from ..template.theme import Theme
from .layout import BODY, COVER_TITLE, FOOTER_SIZE, SLIDE_TITLE, SUBTITLE, Grid
from .slides import Element, Paragraph, Picture, Rect, Run, Shape, Slide, TextBox
from .typeset import SAFETY, Style, Typesetter

LAST_RESORT = 10.0
"""The smallest size a title, tag or footer is ever set at, when it is far too long."""
READABLE = 30
"""A paragraph of body text this many characters long or longer is read, not glanced at:
it is set at :data:`~deckgen.plan.layout.BODY`'s floor or larger, whatever its role."""
CHROME = frozenset({"Footer", "Marking", "Slide number", "Figure tag"})
"""Texts that are the slide's furniture, not its body: they keep their small sizes."""


@dataclass(frozen=True)
class Part:
    """What a slide kind is asked to show: a part of the report (its key, label, title and
    subtitle, its number among the parts shown, the model's part and its items), or, with
    ``item``, one item of it (a highlight, a commitment). The deck's own slides (cover,
    agenda, end) get the part ``deck``."""

    key: str
    label: str = ""
    title: str = ""
    subtitle: str | None = None
    number: int = 0
    source: object = None
    """The content's part: ``content.review``, ``content.targets``…"""
    items: tuple = ()
    """The part's items: its highlights or commitments."""
    item: object = None
    """The item a per-item slide kind shows."""
    item_number: int = 0


class Planner:
    """Holds what every slide kind needs: grid, typesetter, language, options."""

    def __init__(
        self, content: Content, theme: Theme, options: BuildOptions, grid: Grid | None = None
    ) -> None:
        self.content = content
        self.theme = theme
        self.options = options
        self.grid = grid or Grid()
        self.type = Typesetter(theme)
        self.lang: Language = labels_language(content.meta, options.labels)
        self.warnings: list[str] = []

    def apart(self, lines: list[str]) -> str:
        """Lines the author wrote apart, kept apart on one line ("开好局起好步　今年…"),
        never run together into one sentence."""
        return ("　" if self.lang == "zh" else " ").join(lines)

    def label(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    # ---- shared pieces -------------------------------------------------------------

    def text(
        self,
        texts: list[str] | tuple[str, ...],
        style: Style,
        box: Rect,
        sizes: tuple[float, float],
        *,
        anchor: str = "t",
        name: str = "Text",
        placeholder: str | None = None,
    ) -> TextBox | None:
        """``texts`` fitted in ``box`` at the largest size of ``sizes``, or None."""
        sizes = self.readable(texts, style, sizes, name)
        return self._fit(
            texts, style, box, sizes, anchor=anchor, name=name, placeholder=placeholder
        )

    def _fit(
        self, texts, style: Style, box: Rect, sizes, *, anchor="t", name="Text", placeholder=None
    ) -> TextBox | None:
        fitted = self.type.fit(texts, style, box.w, box.h, sizes)
        if fitted is None:
            return None
        return fitted.box(box, anchor, name, placeholder)

    @staticmethod
    def readable(texts, style: Style, sizes, name: str = "Text") -> tuple[float, float]:
        """``sizes``, raised to body size for a body paragraph of :data:`READABLE` characters
        or more: a long slogan, caption or byline is body text a room must read."""
        if style.role != "body" or name in CHROME or all(len(t) < READABLE for t in texts):
            return sizes
        low = max(sizes[1], BODY[1])
        return (max(sizes[0], low), low)

    def snug(self, texts, style: Style, box: Rect, sizes, name: str = "Text") -> TextBox | None:
        """Like :meth:`text`, with the box trimmed to the height the text takes."""
        sizes = self.readable(texts, style, sizes, name)
        fitted = self.type.fit(texts, style, box.w, box.h, sizes)
        if fitted is None:
            return None
        snug = Rect(box.x, box.y, box.w, min(box.h, fitted.height / SAFETY + 2))
        return fitted.box(snug, "t", name)

    def caption(
        self, text: str, style: Style, box: Rect, sizes, name: str = "Caption", fallback=True
    ) -> TextBox | None:
        """A short text: on one line if any size in ``sizes`` allows, else wrapped; without
        ``fallback``, None when it does not fit at all."""
        sizes = self.readable([text], style, sizes, name)
        one_line = Rect(box.x, box.y, box.w, min(box.h, sizes[0] * style.line_spacing / SAFETY + 1))
        fitted = self.type.fit([text], style, one_line.w, one_line.h, sizes)
        if fitted is not None:
            return fitted.box(box, "t", name)
        if not fallback:
            return self.text([text], style, box, sizes, name=name)
        return self.must_text([text], style, box, sizes, name=name)

    def must_text(self, texts, style: Style, box: Rect, sizes, **kw) -> TextBox:
        """Like :meth:`text`, for short texts that must fit (titles, tags, footers).

        Such a text has no continuation slide: when it does not fit at its role's floor it is
        set smaller, down to ``LAST_RESORT`` pt, rather than spill, and the user is warned
        to shorten it.
        """
        box_ = self.text(texts, style, box, sizes, **kw)
        if box_ is not None:
            return box_
        sizes = self.readable(texts, style, sizes, kw.get("name", "Text"))
        smaller = (sizes[1] - 0.5, LAST_RESORT)
        box_ = self._fit(texts, style, box, smaller, **kw) if smaller[0] >= LAST_RESORT else None
        shown = texts[0][:30] + ("…" if len(texts[0]) > 30 else "")
        if box_ is not None:
            size = box_.paragraphs[0].runs[0].size
            self.warnings.append(
                f"'{shown}' is too long for its place: set at {size:g} pt, below the "
                f"{sizes[1]:g} pt its role allows; shorten it"
            )
            return box_
        self.warnings.append(f"'{shown}' is too long to fit its place even at {LAST_RESORT} pt")
        floor = self.type.at(texts, style, LAST_RESORT, box.w)
        return floor.box(box, kw.get("anchor", "t"), kw.get("name", "Text"))

    def chrome(self, title: str, subtitle: str | None, tag: str | None) -> list[Element]:
        """The title block of a content slide: band, title, part tag, subtitle, hairline."""
        g = self.grid
        out: list[Element] = [Shape(g.band, "primary", name="Band")] if g.own else []
        heading = Style("heading", colour="dark" if g.own else "inherit")
        title_box = self.text(
            [title], heading, g.title, SLIDE_TITLE, anchor="b", placeholder="title"
        )
        if title_box is None:  # a long title takes the subtitle's line too
            tall = Rect(g.title.x, g.title.y, g.title.w, g.subtitle.bottom - g.title.y)
            title_box = self.must_text([title], heading, tall, SLIDE_TITLE, placeholder="title")
            subtitle = None
        out.append(title_box)
        logo = self.theme.logo_path
        if logo is not None:
            out.append(Picture(g.logo_box, str(logo), name="Logo", align="r"))
        if tag:
            out.append(Shape(g.tag, "primary", kind="round", name="Tag"))
            tag_style = Style("heading", colour="white", align="ctr")
            out.append(self.must_text([tag], tag_style, g.tag.inset(6, 2), (14, 10), anchor="ctr"))
        if subtitle:
            sub_style = Style("body", colour="primary", line_spacing=1.15)
            out.append(self.must_text([subtitle], sub_style, g.subtitle, SUBTITLE, anchor="t"))
        if g.own:
            out.append(Shape(g.rule, "gold", name="Rule"))
        return out

    def slide(self, kind, title, subtitle, tag, body: list[Element], notes: str) -> Slide:
        """A content slide: chrome, then ``body``."""
        elements = tuple(self.chrome(title, subtitle, tag) + body)
        return Slide(kind, title, elements, notes, "background" if self.grid.own else None)

    def continued(self, title: str) -> str:
        return title + self.label("continued")

    # ---- parts ---------------------------------------------------------------------

    def parts(self) -> list[Part]:
        """The parts present in the content, in the options' order, numbered from 1."""
        c = self.content
        out: list[Part] = []
        for key in self.options.parts:
            if key == "review" and c.review:
                label = c.review.label or self.label("review")
                part = Part(key, label, c.review.title or "", c.review.subtitle)
                part = replace(part, source=c.review, items=tuple(c.review.highlights))
            elif key == "problems" and c.problems:
                label = c.problems.title or self.label("problems")
                part = Part(key, label, source=c.problems)
            elif key == "targets" and c.targets:
                title = c.targets.title or self.label("targets")
                intro = c.targets.intro
                first, rest = (
                    (intro[0] if intro else ""),
                    ("　" if self.lang == "zh" else " ").join(intro[1:]) or None,
                )
                part = Part(key, title, first, rest, source=c.targets)
            elif key == "plan" and c.plan:
                label = c.plan.label or self.label("plan")
                part = Part(key, label, c.plan.title or "", c.plan.subtitle, source=c.plan)
                part = replace(part, items=tuple(c.plan.commitments))
            elif key == "closing" and c.closing:
                part = Part(key, c.closing.title, "", c.closing.intro, source=c.closing)
            else:
                continue
            out.append(replace(part, number=len(out) + 1))
        return out

    def on_master(self, kind, title: str, lines: list[str], footer: bool = True) -> Slide:
        """A cover, divider or end slide in the master's own layout, its colours inherited."""
        g = self.grid
        boxes = g.master_boxes
        default_title = Rect(g.margin * 2, g.height * 0.30, g.width - g.margin * 4, g.height * 0.22)
        default_sub = Rect(g.margin * 2, g.height * 0.55, g.width - g.margin * 4, g.height * 0.20)
        key = "divider" if kind == "divider" and "divider.title" in boxes else "cover"
        title_box = boxes.get(f"{key}.title", default_title)
        sub_box = boxes.get(f"{key}.subtitle", default_sub)
        heading = Style("heading", colour="inherit", align="ctr" if key == "cover" else "l")
        els: list[Element] = [
            self.must_text(
                [title],
                heading,
                title_box,
                COVER_TITLE,
                anchor="ctr" if key == "cover" else "b",
                placeholder="title",
            )
        ]
        if lines:
            sub = Style("body", colour="inherit", align=heading.align)
            els.append(self.must_text(lines, sub, sub_box, (24, 12), placeholder="subtitle"))
        notes = "\n".join([title, *lines])
        layout = kind if kind in ("cover", "divider", "end") else "content"
        return Slide(kind, title, tuple(els), notes, None, footer, layout=layout)

    def footer(self, slide: Slide, number: int, footer: str) -> Slide:
        """``slide`` with its footer band: organisation · meeting, marking, slide number."""
        if not slide.footer:
            return slide
        g = self.grid
        colour = "white" if slide.dark else "muted"
        band = g.footer
        third = band.w / 3
        els: list[Element] = []
        small = (FOOTER_SIZE, FOOTER_SIZE)
        if footer:
            box = Rect(band.x, band.y, third * 1.4, band.h)
            shown = self.text(
                [footer], Style("body", colour=colour), box, small, anchor="ctr", name="Footer"
            )
            if shown is not None:
                els.append(shown)
            else:  # never below 10 pt, never spilling: the cover and notes still name it
                self.warnings.append(
                    f"the footer '{footer[:30]}…' is too long for the slides' footer band at"
                    f" {FOOTER_SIZE:g} pt: left out of it; shorten the organisation or meeting"
                )
        if self.options.marking:
            els.append(
                self.must_text(
                    [self.options.marking],
                    Style("heading", colour="accent" if not slide.dark else "white", align="ctr"),
                    Rect(band.x + third * 1.4, band.y, third * 1.1, band.h),
                    small,
                    anchor="ctr",
                    name="Marking",
                )
            )
        num = Style("number", colour=colour, align="r")
        box = self.must_text(
            [str(number)],
            num,
            Rect(band.right - 60, band.y, 60, band.h),
            small,
            anchor="ctr",
            name="Slide number",
        )
        runs = tuple(
            Run(r.text, r.size, r.role, r.bold, r.colour, field="slidenum")
            for r in box.paragraphs[0].runs
        )
        para = Paragraph(runs, box.paragraphs[0].line_pitch, "r")
        els.append(TextBox(box.box, (para,), "ctr", 0.0, "Slide number"))
        if not slide.dark:
            els.insert(
                0, Shape(Rect(band.x, g.footer_top, band.w, 0.75), "light", name="Footer rule")
            )
        return replace(slide, elements=slide.elements + tuple(els))
