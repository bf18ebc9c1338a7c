"""Draw plan elements on a python-pptx slide: text boxes, shapes, charts, pictures."""

from __future__ import annotations

from copy import deepcopy

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
)
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.text import CT_RegularTextRun
from pptx.oxml.xmlchemy import OxmlElement
from pptx.text.text import TextFrame, _Paragraph
from pptx.util import Pt

from ...model import LANGUAGE_TAGS, language_of_tag
from ...plan.slides import Chart, Element, Paragraph, Picture, Rect, Run, Shape, TextBox
from ...template.theme import Theme
from . import ooxml

_ALIGN = {"l": PP_ALIGN.LEFT, "ctr": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT, "just": PP_ALIGN.JUSTIFY}
_ANCHOR = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
_SHAPE = {
    "rect": MSO_SHAPE.RECTANGLE,
    "round": MSO_SHAPE.ROUNDED_RECTANGLE,
    "ellipse": MSO_SHAPE.OVAL,
}


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" or ch >= "\U00020000"


def _positive_axis_ids(chart_space) -> None:
    """python-pptx's chart template numbers its axes with negative ids ("-2068027336"), which
    the schema's unsignedInt refuses (Office then offers a repair): number them 1, 2…"""
    ids: dict[str, str] = {}
    for el in chart_space.iter(qn("c:axId"), qn("c:crossAx")):
        el.set("val", ids.setdefault(el.get("val"), str(len(ids) + 1)))


def _emu(box: Rect) -> tuple[int, int, int, int]:
    return Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h)


class Painter:
    """Knows the theme's colours and fonts and the content's language; draws elements."""

    def __init__(self, theme: Theme, language: str) -> None:
        self.theme = theme
        self.lang = LANGUAGE_TAGS[language_of_tag(language)]
        self.made: dict = {}
        """Elements made once and copied where they go, by what they look like."""

    def colour(self, role: str) -> str:
        c = self.theme.colours
        if role == "white":
            return "FFFFFF"
        if role == "gold":
            return c.chart[1] if len(c.chart) > 1 else c.accent
        return getattr(c, role)

    def draw(self, slide, element: Element) -> None:
        """Draw one element on ``slide``."""
        if isinstance(element, TextBox):
            key = ("textbox", element.anchor, element.inset, element.trim + element.hang)
            sp = self._placed(slide, key, element, lambda: self._empty_textbox(slide, element))
            self.paragraphs(sp.txBody, element)
        elif isinstance(element, Shape):
            self.shape(slide, element)
        elif isinstance(element, Chart):
            self.chart(slide, element)
        elif isinstance(element, Picture):
            self.picture(slide, element)

    # ---- text --------------------------------------------------------------------------

    def fill_text(self, frame, box: TextBox) -> None:
        """Write ``box``'s paragraphs into a text frame: exact sizes, no auto-fit, set insets."""
        self._frame_properties(frame, box)
        self.paragraphs(frame._txBody, box)

    def _frame_properties(self, frame, box: TextBox) -> None:
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = _ANCHOR[box.anchor]
        inset = Pt(box.inset)
        frame.margin_left = frame.margin_top = frame.margin_bottom = inset
        frame.margin_right = Pt(box.inset + box.trim + box.hang)

    def paragraphs(self, txBody, box: TextBox) -> None:
        """``box``'s paragraphs in place of what ``txBody`` holds (its first paragraph's
        properties kept: a placeholder's)."""
        frame = TextFrame(txBody, None)
        for extra in frame.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        first = frame.paragraphs[0]
        for r in list(first.runs):
            r._r.getparent().remove(r._r)
        for i, para in enumerate(box.paragraphs):
            p = first if i == 0 else frame.add_paragraph()
            self.paragraph(p, para)

    # ---- shapes made once a look, copied where they go ---------------------------------

    def _placed(self, slide, key: tuple, element, make):
        """The ``p:sp`` of ``element`` on ``slide``: the first of its look (``key``) made by
        ``make()`` through python-pptx, a copy of it for each next one, with the element's
        id, name and box (python-pptx's per-shape lookups cost most of writing a deck)."""
        made = self.made.get(("placed", key))
        if made is None:
            sp = make()
            self.made["placed", key] = deepcopy(sp)
        else:
            sp = deepcopy(made)
            sp[0][0].set("id", str(slide.shapes._next_shape_id))  # p:nvSpPr/p:cNvPr
            slide.shapes._spTree.insert_element_before(sp, "p:extLst")
        sp[0][0].set("name", element.name)
        off, ext = sp[1][0]  # p:spPr/a:xfrm/(a:off, a:ext)
        x, y, w, h = _emu(element.box)
        off.attrib.update({"x": str(x), "y": str(y)})
        ext.attrib.update({"cx": str(w), "cy": str(h)})
        return sp

    def _empty_textbox(self, slide, box: TextBox):
        shape = slide.shapes.add_textbox(*_emu(box.box))
        self._frame_properties(shape.text_frame, box)
        return shape._element

    def paragraph(self, p, para: Paragraph) -> None:
        if p._p.pPr is None:  # a new paragraph: its properties made once, copied
            p._p.insert(
                0,
                deepcopy(
                    self._made(
                        self._pPr, para.align, para.line_pitch, para.space_after, para.bullet
                    )
                ),
            )
        else:
            self.paragraph_properties(p, para.align, para.line_pitch, para.space_after, para.bullet)
        for run in para.runs:
            if run.field:
                self.run_properties(ooxml.add_field(p._p, run.field, run.text), run)
                continue
            for i, piece in enumerate(run.text.split("\n")):
                if i:  # a soft line break (Shift+Enter), e.g. before a figure kept whole
                    p.add_line_break()
                if piece:
                    r = deepcopy(self._made(self._r, *self._run_key(run)))
                    r[1].text = CT_RegularTextRun._escape_ctrl_chars(piece)  # as python-pptx
                    p._p.insert_element_before(r, "a:endParaRPr")
        end = p._p.endParaRPr
        if end is None and para.runs:
            end = deepcopy(self._made(self._rPr, "a:endParaRPr", *self._run_key(para.runs[-1])))
            p._p.append(end)
        elif end is None:
            p._p.get_or_add_endParaRPr()
        elif para.runs:
            self.run_properties(end, para.runs[-1])

    def _made(self, make, *key):
        """The element ``make(*key)`` makes, made once a key (and copied where it goes)."""
        made = self.made.get((make, key))
        if made is None:
            made = self.made[make, key] = make(*key)
        return made

    def _pPr(self, align: str, pitch: float, space_after: float, bullet: float):
        p = _Paragraph(OxmlElement("a:p"), None)
        self.paragraph_properties(p, align, pitch, space_after, bullet)
        return p._p.pPr

    def paragraph_properties(
        self, p, align: str, pitch: float, space_after: float, bullet: float
    ) -> None:
        """Alignment, exact line pitch, spacing, East Asian breaking and bullet of ``p``."""
        p.alignment = _ALIGN[align]
        p.line_spacing = Pt(pitch)
        p.space_before = Pt(0)
        p.space_after = Pt(space_after)
        ooxml.east_asian_breaking(p._p.get_or_add_pPr())
        if bullet:
            ooxml.set_bullet(p._p.get_or_add_pPr(), Pt(bullet), self.colour("accent"), "Arial")

    def _run_key(self, run: Run) -> tuple:
        return run.role, run.size, run.bold, run.colour, self.east_asian_of(run)

    def _r(self, *key):
        r = OxmlElement("a:r")
        r.append(self._rPr("a:rPr", *key))
        r.append(OxmlElement("a:t"))
        return r

    def _rPr(self, tag: str, role: str, size: float, bold: bool, colour: str, ea: str):
        rPr = OxmlElement(tag)
        self.run_properties(rPr, Run("", size, role, bold, colour), ea)
        return rPr

    def run_properties(self, rPr, run: Run, east_asian: str | None = None) -> None:
        """Size, weight, colour, Latin and East Asian fonts and language of one run (its East
        Asian face :meth:`east_asian_of` it, unless given)."""
        font = getattr(self.theme.fonts, run.role)
        rPr.set("sz", str(int(round(run.size * 100))))
        rPr.set("b", "1" if run.bold else "0")
        rPr.set("i", "0")
        rPr.set("cap", "none")  # a layout's "all caps" would widen text past what was measured
        if run.colour != "inherit":
            ooxml.set_colour(rPr, self.colour(run.colour))
        ooxml.set_fonts(rPr, font.latin, east_asian or self.east_asian_of(run), self.lang)

    def east_asian_of(self, run: Run) -> str:
        return self.east_asian(getattr(self.theme.fonts, run.role), run.text)

    def east_asian(self, font, text: str) -> str:
        """The East Asian face a run declares: the theme's, except for English text with no
        Chinese in it, where quotes and apostrophes (“ ’, which renderers may set in the
        East Asian face) belong to the Latin face: "the city’s", not "the city’ s"."""
        if self.lang == "en-US" and not any(_is_cjk(ch) for ch in text):
            return font.latin
        return font.east_asian

    def plain_text(self, frame, text: str, size: float, role: str = "body") -> None:
        """Plain paragraphs (notes): one per line, each run declaring its fonts and language."""
        frame.text = text
        font = getattr(self.theme.fonts, role)
        for p in frame._txBody.iterchildren(qn("a:p")):
            p.insert(0, deepcopy(self._made(self._plain_pPr)))
            for r in p.iterchildren(qn("a:r")):
                ea = self.east_asian(font, r.findtext(qn("a:t")) or "")
                r.insert(0, deepcopy(self._made(self._plain_rPr, size, font.latin, ea)))

    def _plain_pPr(self):
        pPr = OxmlElement("a:pPr")
        ooxml.east_asian_breaking(pPr)
        return pPr

    def _plain_rPr(self, size: float, latin: str, east_asian: str):
        rPr = OxmlElement("a:rPr")
        rPr.set("sz", str(int(size * 100)))
        ooxml.set_fonts(rPr, latin, east_asian, self.lang)
        return rPr

    # ---- shapes, charts, pictures ------------------------------------------------------

    def shape(self, slide, element: Shape) -> None:
        key = ("shape", element.kind, element.fill, element.line)
        self._placed(slide, key, element, lambda: self._styled_shape(slide, element))

    def _styled_shape(self, slide, element: Shape):
        shape = slide.shapes.add_shape(_SHAPE[element.kind], *_emu(element.box))
        style = shape._element.find(qn("p:style"))
        if style is not None:  # no theme shadows or outlines: the plan says what is drawn
            shape._element.remove(style)
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(self.colour(element.fill))
        if element.line:
            shape.line.color.rgb = RGBColor.from_string(self.colour(element.line))
            shape.line.width = Pt(0.75)
        else:
            shape.line.fill.background()
        if element.kind == "round":
            shape.adjustments[0] = 0.18
        return shape._element

    def chart(self, slide, element: Chart) -> None:
        """A native, editable clustered bar chart in the theme's palette, each bar labelled
        with its figure as the report writes it."""
        data = CategoryChartData()
        data.categories = list(element.categories)
        for s in element.series:
            data.add_series(s.name, list(s.values))
        frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *_emu(element.box), data)
        frame.name = element.name
        chart = frame.chart
        _positive_axis_ids(chart._chartSpace)
        chart.font.size = Pt(element.font_size)
        body = self.theme.fonts.body
        ooxml.set_fonts(chart.font._rPr, body.latin, body.east_asian, self.lang)
        ooxml.set_colour(chart.font._rPr, self.colour("text"))
        if element.title:
            chart.has_title = True
            tf = chart.chart_title.text_frame
            tf.text = element.title
            self._chart_text(tf.paragraphs[0].runs, element.font_size, "dark")
        chart.has_legend = len(element.series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        plot = chart.plots[0]
        plot.gap_width = 60
        plot.overlap = -10
        plot.vary_by_categories = False
        for s, series in zip(element.series, plot.series, strict=True):
            colour = RGBColor.from_string(self.colour(s.colour))
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = colour
            series.invert_if_negative = False
            for point, text, outlined in zip(
                series.points, s.labels, s.outlined or [False] * len(s.labels), strict=True
            ):
                if outlined:  # a bound, not an amount: its outline only
                    point.format.fill.background()
                    point.format.line.color.rgb = colour
                    point.format.line.width = Pt(2)
                tf = point.data_label.text_frame
                tf.text = text
                self._chart_text(tf.paragraphs[0].runs, element.font_size, s.colour)
                point.data_label.position = XL_LABEL_POSITION.OUTSIDE_END
        cat = chart.category_axis
        cat.reverse_order = True  # first category at the top, as it reads
        cat.has_major_gridlines = False
        cat.format.line.color.rgb = RGBColor.from_string(self.colour("muted"))
        cat.tick_labels.font.size = Pt(element.font_size)
        cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # left of a bar below zero too
        val = chart.value_axis
        val.visible = False
        val.has_major_gridlines = False
        # Zero stays on the axis; a negative value (a growth written "-3%") is drawn below it.
        values = [v for s in element.series for v in s.values]
        low, high = min([0.0, *values]), max([0.0, *values])
        val.minimum_scale = low * 1.8  # room for a label left of it
        val.maximum_scale = high * 1.3 if high > low else None

    def _chart_text(self, runs, size: float, colour: str) -> None:
        """A chart's own words: bold, at ``size``, in the body faces and ``colour``."""
        body = self.theme.fonts.body
        for r in runs:
            rPr = r._r.get_or_add_rPr()
            r.font.size = Pt(size)
            r.font.bold = True
            r.font.color.rgb = RGBColor.from_string(self.colour(colour))
            ooxml.set_fonts(rPr, body.latin, body.east_asian, self.lang)

    def picture(self, slide, element: Picture) -> None:
        """A picture: with ``crop``, prepared for its box (upright, cropped to the box's
        aspect, downsampled, compressed) and filling it; else the file scaled to fit."""
        from PIL import Image

        if element.crop:
            from ..images import prepare

            box = element.box
            prepared = prepare(element.path, box.w, box.h, crop=True)
            pic = slide.shapes.add_picture(prepared.stream(), *_emu(box))
            pic.name = element.name
            if element.alt:
                pic._element.nvPicPr.cNvPr.set("descr", element.alt)
            return
        with Image.open(element.path) as img:
            w, h = img.size
        box = element.box
        scale = min(box.w / w, box.h / h)
        pw, ph = w * scale, h * scale
        share = {"l": 0.0, "ctr": 0.5, "r": 1.0}[element.align]
        fitted = Rect(box.x + (box.w - pw) * share, box.y + (box.h - ph) / 2, pw, ph)
        pic = slide.shapes.add_picture(element.path, *_emu(fitted))
        pic.name = element.name
