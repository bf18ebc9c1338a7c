"""Plan the speed-read deck: which slides, in what order, with what on them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..labels import Language, label, language_of
from ..model import Content
from ..options import BuildOptions
from ..theme import Theme
from . import cards, numbers
from .layout import COVER_TITLE, FOOTER_SIZE, SLIDE_TITLE, SUBTITLE, Grid
from .slides import Deck, Element, Paragraph, Picture, Rect, Run, Shape, Slide, TextBox
from .typeset import SAFETY, Style, Typesetter

LAST_RESORT = 6.0
"""The smallest size a title, tag or footer is ever set at, when it is far too long."""


@dataclass(frozen=True)
class Part:
    """A part of the report as the deck shows it: its key, label, title and subtitle."""

    key: str
    label: str
    title: str
    subtitle: str | None


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
        self.lang: Language = language_of(content.meta.language, options.labels)
        self.warnings: list[str] = []

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
        fitted = self.type.fit(texts, style, box.w, box.h, sizes)
        if fitted is None:
            return None
        return fitted.box(box, anchor, name, placeholder)

    def snug(self, texts, style: Style, box: Rect, sizes, name: str = "Text") -> TextBox | None:
        """Like :meth:`text`, with the box trimmed to the height the text takes."""
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
        smaller = (sizes[1] - 0.5, LAST_RESORT)
        box_ = self.text(texts, style, box, smaller, **kw) if smaller[0] >= LAST_RESORT else None
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
            sub_style = Style("body", colour="primary")
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
        """The parts present in the content, in the options' order."""
        c = self.content
        out: list[Part] = []
        for key in self.options.parts:
            if key == "review" and c.review:
                out.append(
                    Part(
                        key,
                        c.review.label or self.label("review"),
                        c.review.title or "",
                        c.review.subtitle,
                    )
                )
            elif key == "targets" and c.targets:
                title = c.targets.title or self.label("targets")
                intro = c.targets.intro
                out.append(Part(key, title, intro[0] if intro else "", "".join(intro[1:]) or None))
            elif key == "plan" and c.plan:
                out.append(
                    Part(
                        key, c.plan.label or self.label("plan"), c.plan.title or "", c.plan.subtitle
                    )
                )
            elif key == "closing" and c.closing:
                out.append(Part(key, c.closing.title, "", c.closing.intro))
        return out

    # ---- slide kinds ---------------------------------------------------------------

    def cover(self) -> Slide:
        """The cover: dark background, kicker, large title, subtitle, organisation and date."""
        g, meta, o = self.grid, self.content.meta, self.options
        title, subtitle = o.title or meta.title, o.subtitle or meta.subtitle
        date = o.date or meta.date
        if not g.own:
            byline = " · ".join(x for x in (meta.organisation, o.meeting, date) if x)
            occasion = " · ".join(x for x in (o.presenter, o.venue) if x)
            lines = [x for x in (meta.kicker, subtitle, byline, occasion, o.marking) if x]
            return self.on_master("cover", title, lines, footer=False)
        left = g.margin + 28
        width = g.width * 0.62
        els: list[Element] = [
            Shape(Rect(g.width * 0.70, 0, g.width * 0.30, g.height), "primary", name="Panel"),
        ]
        y = 150.0
        if meta.kicker:
            kicker = Style("heading", colour="gold")
            box = self.snug([meta.kicker], kicker, Rect(left, y, width, 30), (20, 14))
            els.append(
                box or self.must_text([meta.kicker], kicker, Rect(left, y, width, 30), (20, 14))
            )
            y += 36
        heading = Style("heading", colour="white", line_spacing=1.2)
        area = Rect(left, y, width, 370 - y - (72 if subtitle else 0))
        title_box = self.snug([title], heading, area, COVER_TITLE) or self.must_text(
            [title], heading, area, COVER_TITLE
        )
        els.append(replace(title_box, placeholder="title"))
        y = title_box.box.bottom + 14
        if subtitle:
            sub = Style("body", colour="white")
            sub_area = Rect(left, y, width, 370 - y)
            sub_box = self.snug([subtitle], sub, sub_area, (24, 16)) or self.must_text(
                [subtitle], sub, sub_area, (24, 16)
            )
            els.append(replace(sub_box, placeholder="subtitle"))
            y = sub_box.box.bottom
        els.insert(1, Shape(Rect(g.margin, 150, 6, max(y, 220) - 150), "gold", name="Bar"))
        byline = " · ".join(x for x in (meta.organisation, o.meeting, date) if x)
        occasion = " · ".join(x for x in (o.presenter, o.venue) if x)
        lines = [x for x in (byline, occasion) if x]
        if lines:
            els.append(
                self.must_text(
                    lines,
                    Style("body", colour="white", space_after=0.3),
                    Rect(left, 410, width, 60),
                    (16, 12),
                )
            )
        if o.marking:
            els.append(
                self.must_text(
                    [o.marking],
                    Style("heading", colour="gold", align="r"),
                    Rect(g.width * 0.70 + 16, 24, g.width * 0.30 - 16 - g.margin, 24),
                    (14, 10),
                    name="Marking",
                )
            )
        if self.theme.logo_path is not None:
            els.append(Picture(Rect(g.margin, 40, 150, 48), str(self.theme.logo_path), "Logo", "l"))
        year = _year(self.content)
        if year:
            big = Style("number", colour="gold", align="ctr")
            els.append(
                self.must_text(
                    [year],
                    big,
                    Rect(g.width * 0.70, 200, g.width * 0.30, 120),
                    (88, 48),
                    anchor="ctr",
                )
            )
        notes = "\n".join(x for x in (meta.kicker, title, subtitle, *lines, o.marking) if x)
        return Slide("cover", title, tuple(els), notes, background="dark", footer=False, dark=True)

    def agenda(self, parts: list[Part]) -> Slide:
        """The agenda: the parts present, numbered."""
        g = self.grid
        area = g.content
        row_h = min(84.0, (area.h - g.gutter * (len(parts) - 1)) / max(len(parts), 1))
        els: list[Element] = []
        for i, part in enumerate(parts):
            y = area.y + i * (row_h + g.gutter)
            badge = Rect(area.x, y, row_h, row_h)
            els.append(Shape(badge, "primary", name="Badge"))
            num = Style("number", colour="white", align="ctr")
            els.append(self.must_text([f"{i + 1:02d}"], num, badge, (32, 14), anchor="ctr"))
            text_box = Rect(badge.right + g.gutter, y, area.w - row_h - g.gutter, row_h)
            name_box, desc_box = text_box.take_top(row_h * 0.55)
            els.append(
                self.must_text(
                    [part.label], Style("heading", colour="dark"), name_box, (26, 16), anchor="b"
                )
            )
            if part.title:
                els.append(
                    self.must_text(
                        [part.title], Style("body", colour="muted"), desc_box, (16, 11), anchor="t"
                    )
                )
        notes = "\n".join(f"{i + 1}. {p.label} {p.title}" for i, p in enumerate(parts))
        return self.slide("agenda", self.label("agenda"), None, None, els, notes)

    def divider(self, number: int, part: Part) -> Slide:
        """A part divider: brand background, the part's number, label, title, subtitle."""
        g = self.grid
        if not g.own:
            texts = [t for t in (part.title, part.subtitle) if t and t != part.label]
            return self.on_master("divider", f"{number:02d}  {part.label}", texts)
        x, w = g.margin + 40, g.width - 2 * g.margin - 80
        els: list[Element] = [
            Shape(Rect(0, g.height - 120, g.width, 120), "dark", name="Foot"),
        ]
        els.append(
            self.must_text(
                [f"{number:02d}"],
                Style("number", colour="gold"),
                Rect(x, 90, 220, 110),
                (96, 60),
                anchor="b",
            )
        )
        els.append(
            self.must_text(
                [part.label],
                Style("heading", colour="white"),
                Rect(x, 206, w, 70),
                (48, 28),
                placeholder="title",
            )
        )
        texts = [t for t in (part.title, part.subtitle) if t and t != part.label]
        if texts:
            els.append(
                self.must_text(
                    texts,
                    Style("body", colour="white"),
                    Rect(x, 290, w, 110),
                    (26, 16),
                    placeholder="subtitle",
                )
            )
        notes = "\n".join([part.label, *texts])
        return Slide("divider", part.label, tuple(els), notes, background="primary", dark=True)

    def end(self) -> Slide:
        """The end slide: thanks, organisation and date."""
        g, meta = self.grid, self.content.meta
        if not g.own:
            date = self.options.date or meta.date
            byline = " · ".join(x for x in (meta.organisation, date) if x)
            return self.on_master("end", self.label("end"), [byline] if byline else [])
        els: list[Element] = [Shape(Rect(g.margin, 250, 6, 90), "gold", name="Bar")]
        els.append(
            self.must_text(
                [self.label("end")],
                Style("heading", colour="white"),
                Rect(g.margin + 28, 230, 600, 80),
                (54, 36),
                anchor="ctr",
                placeholder="title",
            )
        )
        byline = " · ".join(x for x in (meta.organisation, self.options.date or meta.date) if x)
        if byline:
            els.append(
                self.must_text(
                    [byline],
                    Style("body", colour="white"),
                    Rect(g.margin + 28, 312, 600, 30),
                    (18, 12),
                )
            )
        return Slide("end", self.label("end"), tuple(els), byline, background="dark", dark=True)

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
        return Slide(kind, title, tuple(els), notes, background=None, footer=footer)

    def footer(self, slide: Slide, number: int, footer: str) -> Slide:
        """``slide`` with its footer band: organisation · meeting, marking, slide number."""
        if not slide.footer:
            return slide
        g = self.grid
        colour = "white" if slide.dark else "muted"
        band = g.footer
        third = band.w / 3
        els: list[Element] = []
        small = (FOOTER_SIZE, 8.0)
        if footer:
            els.append(
                self.must_text(
                    [footer],
                    Style("body", colour=colour),
                    Rect(band.x, band.y, third * 1.4, band.h),
                    small,
                    anchor="ctr",
                    name="Footer",
                )
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
        return Slide(
            slide.kind,
            slide.title,
            slide.elements + tuple(els),
            slide.notes,
            slide.background,
            slide.footer,
            slide.dark,
        )


def plan_deck(
    content: Content, theme: Theme, options: BuildOptions, grid: Grid | None = None
) -> Deck:
    """The whole deck for ``content``, styled by ``theme``, shaped by ``options``, on ``grid``
    (the default 16:9 grid, or one read from the organisation's master)."""
    p = Planner(content, theme, options, grid)
    brief = options.detail == "brief"
    parts = p.parts()
    slides: list[Slide] = [p.cover()]
    if not brief and len(parts) > 1:
        slides.append(p.agenda(parts))
    for number, part in enumerate(parts, 1):
        if not brief:
            slides.append(p.divider(number, part))
        if part.key == "review":
            slides += cards.overview(p, part, content.review.highlights)
            for i, highlight in enumerate(content.review.highlights, 1):
                if not brief:
                    slides += cards.highlight(p, part, i, highlight)
                slides += numbers.key_figures(p, part, highlight)
        elif part.key == "targets":
            slides += numbers.targets(p, part, content.targets)
        elif part.key == "plan":
            slides += cards.overview(p, part, content.plan.commitments)
            if not brief:
                for i, commitment in enumerate(content.plan.commitments, 1):
                    slides += cards.commitment(p, part, i, commitment)
        elif part.key == "closing" and not brief:
            slides += cards.closing(p, part, content.closing)
    slides.append(p.end())
    meta = content.meta
    footer = " · ".join(x for x in (theme.footer or meta.organisation, options.meeting) if x)
    slides = [p.footer(s, i, footer) for i, s in enumerate(slides, 1)]
    return Deck(
        width=p.grid.width,
        height=p.grid.height,
        slides=tuple(slides),
        footer=footer,
        marking=options.marking,
        language=meta.language,
        title=options.title or meta.title,
        author=meta.organisation or "",
        subject=options.subtitle or meta.subtitle or options.title or meta.title,
        keywords=("；" if meta.language.startswith("zh") else "; ").join(
            k for k in (meta.region, *(part.label for part in parts)) if k
        ),
        comments=meta.source or "",
        warnings=tuple(p.warnings),
    )


def _year(content: Content) -> str | None:
    if content.plan and content.plan.year:
        return str(content.plan.year)
    if content.review and content.review.year:
        return str(content.review.year + 1)
    return None
